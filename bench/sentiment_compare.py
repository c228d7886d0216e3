"""Two sentiment artefacts' int8 batched throughput in one run (the issue's runtime floor: a new
artefact scores no slower than the shipped one):

    python -m bench.sentiment_compare --baseline DIR [--candidate DIR] [--rounds 5]

Pairs: English watchlist-name sentences of the bench corpus (as ``bench.sentiment``), and the
domain validation pairs (``headline | lead``, English and Chinese). Each set is scored in
alternating rounds, the best round of each artefact counts (``bench.sentiment.compare_artefacts``);
prints the rates and ``candidate / baseline``. The floor is read on the corpus pairs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.common import Section
from bench.corpus import ensure_corpus
from bench.sentiment import DATA_DIR, compare_artefacts, pairs_from_corpus


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--baseline", type=Path, required=True, help="the artefact folder to compare against")
    ap.add_argument("--candidate", type=Path, default=None, help="artefact folder (default: the bundled one)")
    ap.add_argument("--pairs", type=int, default=512, help="corpus pairs")
    ap.add_argument("--rounds", type=int, default=5, help="alternating rounds per pair set")
    ap.add_argument("--corpus", type=int, default=2000, help="bench corpus size (articles)")
    ap.add_argument("--out", type=Path, default=Path(".state/bench"), help="where the bench corpus is kept")
    args = ap.parse_args(argv)

    from sinowatch.models.sentiment.data import training_sets
    from sinowatch.models.sentiment.runtime import SentimentModel

    corpus = args.out / f"corpus-{args.corpus}-0"
    ensure_corpus(args.corpus, 0, corpus)
    base, cand = SentimentModel.load(args.baseline), SentimentModel.load(args.candidate)
    section = Section("sentiment artefacts")
    out = {"baseline": base.version, "candidate": cand.version}
    out["corpus_ratio"] = compare_artefacts(section, base, cand, pairs_from_corpus(corpus, args.pairs), args.rounds)
    if DATA_DIR.exists():
        dom = training_sets(DATA_DIR)["validation_domain"]
        out["domain_validation_ratio"] = compare_artefacts(
            section, base, cand, [(e.target, e.text) for e in dom], args.rounds)
    for row in section.rows:
        print(row)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
