"""The main job, written once: ingest -> extract (+ sentiment, + the per-batch folds) -> send alerts
-> report, with its fault points and its error recording.

Two engines run it and differ only in WHERE work runs, never in what is written:

- the plain engine (:data:`PLAIN`, ``sinowatch run --engine plain``): fetches on a thread pool,
  extraction batches inline;
- the Prefect engine (:mod:`sinowatch.flows.daily`, the default): the same three hooks backed by
  Prefect tasks - fetches on a task runner's threads, extraction batches on two threads or a Dask
  cluster, the steps as tasks (with retries on the I/O ones).

An :class:`Engine` is three functions. ``map_feeds`` and ``map_batches`` return results in input
order (feeds by name; batches by article key), so both engines load the same rows in the same
order and name the same story clusters; every warehouse write happens here, in the caller's
thread, through one connection. ``step`` runs one whole step (send alerts, write the report).

Where a later stage plugs in:

- actions (one real-world act per action, ``sinowatch.actions``) are derived rows of the events,
  like the trend facts: ``ExtractionWriter.flush`` folds each saved group into them in the same
  transaction, so every writer of extraction rows (this job, ``reextract``) keeps them current.
- a fold over each saved extraction batch (the alert outbox): add it to :func:`batch_folds`. A fold is ``fold(conn, docs, extractions) -> int`` and runs inside the
  transaction that saves the batch's rows, so what it writes commits or vanishes with them; the
  count it returns is added to the ``RunReport`` field it is named after (``alerts_queued``).
- official records (Federal Register, screening list) are the ``official-records`` step after
  extraction (``sinowatch.official.stage``), so a record can link to the actions just folded.
- a news feed kind: ingest loads every ``Feed`` through ``ingest.run.load_batch``;
  a new kind gives its fetch/parse result as a ``FeedBatch`` (``ingest.run.fetch_one``'s place).
- a step after extraction: add it to :func:`run_after_ingest` through ``engine.step`` with its
  fault point, and record its failure in ``report.errors`` the way sending and the report do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sinowatch import faults
from sinowatch.config import Config
from sinowatch.extract_stage import BatchJob, MapBatches, extract_pending, map_batches_inline
from sinowatch.ingest.run import MapFeeds, ingest, map_feeds_threads, new_run_id
from sinowatch.records import Document, Extraction, RunReport
from sinowatch.warehouse import load
from sinowatch.warehouse.db import Connection, transaction

T = TypeVar("T")
#: a fold over one saved extraction batch, in its transaction; returns what it counts
Fold = Callable[[Connection, Sequence[Document], Sequence[Extraction]], int]


@dataclass(frozen=True)
class Engine:
    """Where the job's work runs. ``map_feeds(config)`` gives the feed map for this run's fetch
    settings; ``step(name, fn, *args, io=..., **kwargs)`` runs one step and returns its result."""

    name: str
    map_feeds: Callable[[Config], MapFeeds]
    map_batches: MapBatches
    step: Callable[..., Any]


def _plain_step(name: str, fn: Callable[..., T], *args: Any, io: bool = False, **kwargs: Any) -> T:
    return fn(*args, **kwargs)


#: the plain engine: no orchestrator
PLAIN = Engine("plain", lambda config: map_feeds_threads(config.fetch.concurrency), map_batches_inline, _plain_step)


def batch_folds(config: Config) -> list[tuple[str, Fold]]:
    """The folds over each saved extraction batch, in order, by name (run in its transaction)."""
    folds: list[tuple[str, Fold]] = []
    if config.alerts.enabled:
        from sinowatch.alerts.stage import make_on_batch

        folds.append(("alerts_queued", make_on_batch(config)))
    return folds


def _count_fold(report: RunReport, name: str, n: int) -> None:
    setattr(report, name, getattr(report, name) + n)  # a fold named after no RunReport field fails here


def run_job(config: Config, conn: Connection, engine: Engine = PLAIN, *, dry_run: bool = False,
            run_id: str | None = None, report: RunReport | None = None) -> RunReport:
    """One run of the main job on ``engine``; the run row is written first and finished last (a
    killed run is marked failed by the next one). ``report`` (a fresh one by default) is filled in
    as the run goes, so a caller holds it even when the run raises."""
    report = report or RunReport(run_id=run_id or new_run_id("run"), started_at=datetime.now(UTC))
    with transaction(conn):
        load.start_run(conn, report.run_id, "run", report.started_at)
    faults.point("run_started")
    try:
        ingest(config, conn, report=report, map_feeds=engine.map_feeds(config))
        faults.point("ingest_done")
        report.status = "ok" if report.feeds_failed == 0 else "partial"
        run_after_ingest(config, conn, report, engine, dry_run=dry_run)
    except Exception as e:
        report.status = "failed"
        report.errors.append(f"{type(e).__name__}: {e}")
        raise
    except KeyboardInterrupt:  # Ctrl-C in any stage: the run row says so (ingest notes where)
        if report.status != "interrupted":
            report.status = "interrupted"
            report.errors.append("interrupted (Ctrl-C)")
        raise
    finally:
        report.finished_at = datetime.now(UTC)
        faults.point("run_finishing")
        with transaction(conn):
            load.finish_run(conn, report)
    return report


def run_after_ingest(config: Config, conn: Connection, report: RunReport, engine: Engine = PLAIN, *,
                     dry_run: bool = False) -> None:
    """extract (+ sentiment, + the batch folds in the same transactions) -> send alerts -> report."""
    from sinowatch.official.stage import run_official_stage
    from sinowatch.scoring import make_scorer

    scorer = make_scorer(config, report.errors)
    folds = batch_folds(config)

    def on_batch(c: Connection, docs: Sequence[Document], extractions: Sequence[Extraction]) -> int:
        total = 0
        for name, fold in folds:
            n = fold(c, docs, extractions)
            _count_fold(report, name, n)
            total += n
        return total

    stats = extract_pending(config, conn, scorer=scorer, on_batch=on_batch if folds else None,
                            job=BatchJob(config, sentiment=scorer is not None), map_batches=engine.map_batches)
    report.extracted, report.mentions, report.events = stats.articles, stats.mentions, stats.events
    if stats.errors:
        report.errors.extend(f"extract {e}" for e in stats.errors)
        report.status = "partial"
    # official records (Federal Register, screening list) -> actions and their record alerts; the
    # step records its own feed failures in the report (no retries: it counts into the report)
    on_record = None
    if config.alerts.enabled:
        from sinowatch.alerts.stage import make_on_record

        on_record = make_on_record(config)
    engine.step("official-records", run_official_stage, config, conn, report, on_record)
    if config.alerts.enabled:
        from sinowatch.alerts.stage import send_pending

        sent = engine.step("send-alerts", send_pending, config, conn, dry_run=dry_run, io=True)
        report.alerts_sent = sent.sent
        report.errors.extend(f"alerts: {e}" for e in sent.errors)
    faults.point("report_writing")
    engine.step("write-report", write_run_report, config, conn, report)


def write_run_report(config: Config, conn: Connection, report: RunReport) -> Path | None:
    """The HTML report after each run; a failure to write it is recorded, not fatal."""
    from sinowatch.report.build import write_report

    out = config.resolve(config.report.out)
    try:
        return write_report(config, conn, out, days=config.report.days)
    except Exception as e:  # the data is in; a broken report must not fail the run
        report.errors.append(f"report: {type(e).__name__}: {e}")
        return None


def run_pipeline(config: Config, conn: Connection, *, dry_run: bool = False, run_id: str | None = None) -> RunReport:
    """The main job on the plain engine."""
    return run_job(config, conn, PLAIN, dry_run=dry_run, run_id=run_id)


__all__ = ["Engine", "PLAIN", "batch_folds", "run_job", "run_after_ingest", "run_pipeline", "write_run_report"]
