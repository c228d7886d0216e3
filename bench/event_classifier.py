"""Extraction speed with and without the transformer event classifier, measured in the same run.

    .venv/bin/python -m bench.event_classifier [--n 300] [--repeats 3]

Both extractors run over the same synthetic corpus articles (bench.corpus, seed 0), interleaved,
best of ``repeats``; the figure is the ratio rules+classifier time / rules-only time, with the
number of sentences the classifier typed per article (candidate selection keeps it below the
sentence count). The classifier's sentence cache is cleared before every timed pass, so a pass
never profits from the previous one.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.common import OUT_DIR
from bench.corpus import ensure_corpus, read_articles


def main() -> None:
    from sinowatch.extractors.pipeline import Extractor
    from sinowatch.models.events.runtime import EventClassifier

    from sinowatch.config import ExtractionConfig
    from sinowatch.records import Document

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300, help="articles")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    corpus = OUT_DIR / "corpus"
    ensure_corpus(max(args.n, 1000), 0, corpus)
    docs = [Document(id=r["id"], title=r["title"], text=r["text"], lang=r["lang"])
            for r in read_articles(Path(corpus), limit=args.n)]
    model = EventClassifier.load()
    rules = Extractor.load(ExtractionConfig(event_classifier=False))
    both = Extractor.load(ExtractionConfig(event_classifier=True), event_model=model)
    comps = [nlp.get_pipe("sinowatch_event_classifier") for nlp in both.pipelines.values()]
    list(rules.extract(docs[:20]))
    list(both.extract(docs[:20]))  # warm-up (ONNX session, caches)
    best = {"rules": float("inf"), "rules+classifier": float("inf")}
    sentences = 0
    events = {"rules": 0, "rules+classifier": 0}
    for _ in range(args.repeats):
        for name, ex in (("rules", rules), ("rules+classifier", both)):
            for c in comps:
                c._cache.clear()
                c.classified = 0
            t0 = time.perf_counter()
            out = list(ex.extract(docs))
            best[name] = min(best[name], time.perf_counter() - t0)
            events[name] = sum(len(o.events) for o in out)
        sentences = sum(c.classified for c in comps)
    ratio = best["rules+classifier"] / best["rules"]
    print(f"{len(docs)} articles, best of {args.repeats} interleaved passes")
    for name, t in best.items():
        print(f"  {name:17s} {len(docs) / t:8.1f} articles/s  ({t:.2f} s, {events[name]} events)")
    print(f"  classifier typed {sentences / len(docs):.1f} sentences per article")
    print(f"  ratio rules+classifier / rules (time): {ratio:.2f}x")


if __name__ == "__main__":
    main()
