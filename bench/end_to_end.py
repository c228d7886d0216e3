"""End to end: the daily flow with the plain engine (``run_pipeline``: ingest -> extract + sentiment
+ alert outbox -> alerts (dry run) -> HTML report) on the corpus feeds served over loopback HTTP,
into a fresh warehouse. Articles per second, the time per stage, and a cProfile summary.

Baseline (same run): the bare library work on the same articles - ``feedparser.parse`` of every
feed's bytes plus plain ``nlp.pipe`` (custom components off) over a sample, scaled to the corpus.

The profile is a second, smaller run (the first ``profile_articles`` worth of feeds) under
cProfile, with the fetch pool replaced by an inline executor so the fetch/parse work is on the
profiled thread; the throughput figure comes from the unprofiled run.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from bench.common import Section, Sizes, ratio
from bench.corpus import read_articles, serve


def make_config(base_url: str, feeds: list[Path], tmp: Path) -> Any:
    from sinowatch.config import Config, FeedConfig

    config = Config()
    config.base_dir = str(tmp)
    config.warehouse.path = str(tmp / "e2e.duckdb")
    config.fetch.allow_private = True
    config.feeds = [FeedConfig(name=f.stem, url=f"{base_url}/{f.name}") for f in feeds]
    config.report.out = str(tmp / "report.html")
    return config


@contextmanager
def stage_timers(times: dict[str, float]) -> Any:
    """Wall time of each stage of run_pipeline, by wrapping the functions it calls."""
    import sinowatch.alerts.stage as alerts_stage
    import sinowatch.pipeline as pipeline

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def inner(*a: Any, **kw: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                times[name] = times.get(name, 0.0) + time.perf_counter() - t
        return inner

    with mock.patch.object(pipeline, "ingest", wrap("ingest (fetch, parse, dedup, load)", pipeline.ingest)), \
            mock.patch.object(pipeline, "extract_pending",
                              wrap("extract (+ sentiment, alert outbox, load)", pipeline.extract_pending)), \
            mock.patch.object(alerts_stage, "send_pending", wrap("alerts (dry run)", alerts_stage.send_pending)), \
            mock.patch.object(pipeline, "write_run_report", wrap("report", pipeline.write_run_report)):
        yield times


class InlineExecutor:
    """A ThreadPoolExecutor stand-in that runs each task at submit (for the profile only)."""

    def __init__(self, *a: Any, **kw: Any) -> None:
        pass

    def __enter__(self) -> InlineExecutor:
        return self

    def __exit__(self, *exc: Any) -> None:
        pass

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass

    def submit(self, fn: Callable[..., Any], *a: Any, **kw: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*a, **kw))
        except BaseException as e:  # handed to the caller like a real pool does
            fut.set_exception(e)
        return fut


def pipeline_run(config: Any) -> Any:
    from sinowatch.warehouse.db import connect

    from sinowatch.pipeline import run_pipeline

    conn = connect(config.warehouse_path)
    try:
        return run_pipeline(config, conn, dry_run=True)
    finally:
        conn.close()


def baseline_seconds(corpus: Path, feeds: list[Path], n_articles: int, sample: int) -> tuple[float, str]:
    """feedparser.parse of every feed + plain nlp.pipe over ``sample`` articles scaled to all."""
    import feedparser
    from sinowatch.extractors.evaluate import CUSTOM_COMPONENTS
    from sinowatch.extractors.pipeline import Extractor

    from sinowatch.config import ExtractionConfig
    from sinowatch.records import Document

    t = time.perf_counter()
    for f in feeds:
        feedparser.parse(f.read_bytes())
    parse_s = time.perf_counter() - t
    ex = Extractor.load(ExtractionConfig(event_classifier=False))  # the rules: the plain baseline
    rows = read_articles(corpus, limit=sample)
    docs = [Document(id=r["id"], title=r["title"], text=r["text"], lang=r["lang"]) for r in rows]
    texts: dict[str, list[str]] = {"en": [], "zh": []}
    for d in docs:
        texts["zh" if ex.language(d) == "zh" else "en"] += [d.title, d.text]
    t = time.perf_counter()
    for lang, nlp in ex.pipelines.items():
        with nlp.select_pipes(disable=[p for p in CUSTOM_COMPONENTS if p in nlp.pipe_names]):
            for _ in nlp.pipe(texts[lang], batch_size=64):
                pass
    nlp_s = (time.perf_counter() - t) * n_articles / max(1, len(docs))
    return parse_s + nlp_s, f"feedparser {parse_s:.1f} s + nlp.pipe {nlp_s:.1f} s (from {len(docs):,} articles)"


def profile_run(corpus: Path, feeds: list[Path], n_target: int, top: int = 10) -> dict[str, list[str]]:
    counts: dict[str, int] = {}
    for r in read_articles(corpus):
        counts[r["feed"]] = counts.get(r["feed"], 0) + 1
    chosen: list[Path] = []
    total = 0
    for f in feeds:
        if total >= n_target:
            break
        chosen.append(f)
        total += counts.get(f.stem, 0)
    prof = cProfile.Profile()
    with tempfile.TemporaryDirectory(prefix="sw-bench-prof-") as tmp, serve(corpus / "feeds") as base, \
            mock.patch("sinowatch.ingest.run.ThreadPoolExecutor", InlineExecutor):
        config = make_config(base, chosen, Path(tmp))
        prof.enable()
        pipeline_run(config)
        prof.disable()
    out: dict[str, list[str]] = {}
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf)
        stats.sort_stats(key)
        lines = []
        width = stats.total_tt or 1.0
        for func in stats.fcn_list[:top]:  # type: ignore[attr-defined]
            cc, nc, tt, ct, _ = stats.stats[func]  # type: ignore[attr-defined]
            file, line, name = func
            where = f"{Path(file).parent.name}/{Path(file).name}:{line}" if file != "~" else "~"
            lines.append(f"{ct if key == 'cumulative' else tt:7.2f} s ({100 * (ct if key == 'cumulative' else tt) / width:4.1f}%)"
                         f"  {name}  [{where}]  calls={nc}")
        out[key] = lines
    out["articles"] = [str(total)]
    return out


def run(section: Section, sizes: Sizes, corpus: Path) -> None:
    feeds = sorted((corpus / "feeds").glob("*.xml"))
    n = sum(1 for _ in read_articles(corpus))
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="sw-bench-e2e-") as tmp, serve(corpus / "feeds") as base:
        config = make_config(base, feeds, Path(tmp))
        with stage_timers(times):
            t = time.perf_counter()
            report = pipeline_run(config)
            total = time.perf_counter() - t
    base_s, base_note = baseline_seconds(corpus, feeds, n, 500 if sizes.quick else 2000)
    section.add(f"daily run, {n:,} articles (plain engine)", n / total, "articles/s",
                "feedparser.parse + plain nlp.pipe", n / base_s, ratio(total, base_s), "run time / library time",
                note=f"{total:.0f} s; {report.new_articles:,} new articles, {report.clusters:,} new clusters, "
                     f"{report.extracted:,} extracted, {report.mentions:,} mentions, {report.events:,} events")
    for stage, secs in times.items():
        section.add(f"  {stage}", secs, "s", "whole run", total, ratio(secs, total), "share of the run")
    section.notes.append(f"baseline: {base_note}")
    errs = [e for e in report.errors if "sentiment skipped" not in e]
    if any("sentiment skipped" in e for e in report.errors):
        section.notes.append("sentiment model not built: the run went on without it (recorded in the run's errors)")
    if errs:
        section.notes.append(f"run errors ({len(errs)}): " + "; ".join(e[:160] for e in errs[:3]))
    prof = profile_run(corpus, feeds, sizes.profile_articles)
    section.notes.append(f"profile (cProfile, {prof['articles'][0]} articles, inline fetch pool), "
                         "top 10 by cumulative time:\n      " + "\n      ".join(prof["cumulative"]))
    section.notes.append("top 10 by own time:\n      " + "\n      ".join(prof["tottime"]))
    section.extra.update({"stages_s": {k: round(v, 2) for k, v in times.items()}, "total_s": round(total, 1),
                          "profile": prof, "run_status": report.status})
