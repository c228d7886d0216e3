"""What the transformer event classifier costs the daily run, measured end to end in the same run.

    .venv/bin/python -m bench.classifier_daily [--articles 300] [--repeats 3] [--extraction-only]

The daily run is bench/end_to_end.py's plain-engine run (ingest over loopback HTTP -> extract +
sentiment + alert outbox + load -> alerts (dry run) -> report) on N corpus articles
(bench/corpus.py, seed 1) into a fresh warehouse per pass, with ``extraction.event_classifier``
off and on, interleaved; the first round warms up (models, caches) and is not counted; best of
``repeats``. ``--first-release`` adds a third configuration to the same rounds: the classifier as
first released (every sentence with a mention, a rule event or a cue alone; ONNX Runtime threads
spinning). Times are CPU seconds of this process (``time.process_time``, all threads: on a shared
machine the wall clock mostly measures the neighbours); the ratio on/off is the figure issue #15's
budget (1.3x) applies to. The classifier's sentence cache is cleared before each pass, so no pass
profits from an earlier one. ``--extraction-only`` also prints the ratio of the extraction stage
alone (the same articles, ``Extractor.extract``), in the same run.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any
from unittest import mock


def _clear_classifier_caches(extra: Any = None) -> int:
    """Clear every loaded classifier component's sentence cache; the sentences it classified so far."""
    import sinowatch.extract_stage as stage

    n = 0
    for ex in [*stage._CACHE.values(), *([extra] if extra is not None else [])]:
        for nlp in ex.pipelines.values():
            if "sinowatch_event_classifier" in nlp.pipe_names:
                comp = nlp.get_pipe("sinowatch_event_classifier")
                n += comp.classified
                comp._cache.clear()
                comp.classified = 0
    return n


def first_release_extractor() -> Any:
    """The extractor with the classifier as first released (broad candidates, spinning threads)."""
    from sinowatch.extractors.pipeline import Extractor
    from sinowatch.models.events.runtime import EventClassifier

    from sinowatch.config import ExtractionConfig

    ex = Extractor.load(ExtractionConfig(event_classifier=True), event_model=EventClassifier.load(spin=True))
    for nlp in ex.pipelines.values():
        nlp.get_pipe("sinowatch_event_classifier").candidates_mode = "broad"
    return ex


def daily(n: int, repeats: int, first_release: bool = False) -> dict[str, Any]:
    import sinowatch.extract_stage as stage
    from bench.corpus import ensure_corpus, serve
    from bench.end_to_end import make_config, pipeline_run

    names = ("off", "on", "first release") if first_release else ("off", "on")
    best = {k: float("inf") for k in names}
    events = dict.fromkeys(names, 0)
    classified = dict.fromkeys(names, 0)
    old = first_release_extractor() if first_release else None
    with tempfile.TemporaryDirectory(prefix="sw-bench-clf-") as tmp:
        corpus = Path(tmp) / "corpus"
        ensure_corpus(n, 1, corpus)
        feeds = sorted((corpus / "feeds").glob("*.xml"))
        with serve(corpus / "feeds") as base:
            for i in range(max(1, repeats) + 1):
                for name in names:
                    config = make_config(base, feeds, Path(tmp) / f"{name.replace(' ', '-')}-{i}")
                    Path(config.base_dir).mkdir()
                    config.extraction.event_classifier = name != "off"
                    _clear_classifier_caches(old)
                    t = time.process_time()
                    if name == "first release":
                        with mock.patch.object(stage, "get_extractor", lambda cfg: old):
                            report = pipeline_run(config)
                    else:
                        report = pipeline_run(config)
                    secs = time.process_time() - t
                    classified[name] = _clear_classifier_caches(old if name == "first release" else None)
                    events[name] = report.events
                    if i:
                        best[name] = min(best[name], secs)
                    if report.errors:
                        print(f"  run errors ({name}): " + "; ".join(e[:160] for e in report.errors[:3]))
    return {"best": best, "events": events, "classified": classified, "articles": n}


def extraction_only(n: int, repeats: int) -> tuple[float, float]:
    from sinowatch.extractors.pipeline import Extractor
    from sinowatch.models.events.runtime import EventClassifier

    from bench.corpus import generate
    from sinowatch.config import ExtractionConfig
    from sinowatch.records import Document

    docs = [Document(id=a["id"], title=a["title"], text=a["text"], lang=a["lang"], published=a["published"])
            for a in generate(n)]
    rules = Extractor.load(ExtractionConfig(event_classifier=False))
    both = Extractor.load(ExtractionConfig(event_classifier=True), event_model=EventClassifier.load())
    comps = [nlp.get_pipe("sinowatch_event_classifier") for nlp in both.pipelines.values()]
    best = {"off": float("inf"), "on": float("inf")}
    for i in range(max(1, repeats) + 1):
        for name, ex in (("off", rules), ("on", both)):
            for c in comps:
                c._cache.clear()
            t = time.process_time()
            list(ex.extract(docs))
            if i:
                best[name] = min(best[name], time.process_time() - t)
    return best["off"], best["on"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--first-release", action="store_true", help="also the classifier as first released")
    ap.add_argument("--extraction-only", action="store_true", help="also the extraction stage alone, same articles")
    args = ap.parse_args(argv)
    r = daily(args.articles, args.repeats, args.first_release)
    off = r["best"]["off"]
    print(f"daily run, {args.articles} articles, best of {args.repeats} interleaved rounds (CPU s); budget 1.3x")
    for name, secs in r["best"].items():
        typed = f", classifier typed {r['classified'][name] / args.articles:.1f} sentences/article" if name != "off" else ""
        print(f"  classifier {name:13s} {secs:7.2f} s  ratio {secs / off:.3f}x  ({r['events'][name]} events{typed})")
    if args.extraction_only:
        eoff, eon = extraction_only(args.articles, args.repeats)
        print(f"extraction alone, {args.articles} articles: off {eoff:.2f} s, on {eon:.2f} s CPU; ratio {eon / eoff:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
