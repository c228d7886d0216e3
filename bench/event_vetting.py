"""What the vetting of detected events (#15 round 6, extractors/event_vetting.py) costs the extraction.

    .venv/bin/python -m bench.event_vetting [--articles 300] [--repeats 3]

Extraction of the benchmark corpus's full-length articles (bench/corpus.py, English and Chinese)
by the rules alone, with the vetting step and with it switched off (every event kept), in the
same run, interleaved, best of ``repeats``. The vetting runs once per detected event, after the
classifier, so its cost is the same with the classifier on; the trigger lexicon's round-6 rows
(wrong senses, temporary licences, the military-company lists) are in both. Times are CPU seconds
of this process (``time.process_time``): on a shared machine the wall clock mostly measures the
neighbours.
"""

from __future__ import annotations

import argparse
import time
from contextlib import nullcontext
from typing import Any
from unittest import mock

from bench.corpus import generate


def run(n: int, repeats: int) -> dict[str, Any]:
    import sinowatch.extractors.pipeline as pipeline
    from sinowatch.extractors.pipeline import Extractor

    from sinowatch.config import ExtractionConfig
    from sinowatch.records import Document

    docs = [Document(id=a["id"], title=a["title"], text=a["text"], lang=a["lang"], published=a["published"])
            for a in generate(n)]
    ex = Extractor.load(ExtractionConfig(event_classifier=False))
    best = {"vetting off": float("inf"), "vetting on": float("inf")}
    events = dict.fromkeys(best, 0)
    for i in range(max(1, repeats) + 1):  # the first round warms up and is not counted
        for name in best:
            with mock.patch.object(pipeline, "vet", list) if name == "vetting off" else nullcontext():
                t = time.process_time()
                out = list(ex.extract(docs))
                took = time.process_time() - t
            events[name] = sum(len(x.events) for x in out)
            if i:
                best[name] = min(best[name], took)
    return {"best": best, "events": events, "articles": n}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    r = run(args.articles, args.repeats)
    base = r["best"]["vetting off"]
    print(f"extraction (rules), {r['articles']} articles, best of {args.repeats} interleaved rounds (CPU s)")
    for name, secs in r["best"].items():
        print(f"  {name:<12} {secs:8.2f} s  ratio {secs / base:.3f}x  ({r['events'][name]} events)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
