"""The main job as plain stage functions: ingest -> extract (+ sentiment) -> alerts -> report.

The Prefect `daily` flow (flows/daily.py) composes the same functions as tasks; this module is the
no-orchestrator path (`sinowatch run --engine plain`) and the reference the flow is tested against.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sinowatch import faults
from sinowatch.config import Config
from sinowatch.extract_stage import extract_pending
from sinowatch.ingest.run import ingest, new_run_id
from sinowatch.records import RunReport
from sinowatch.warehouse import load
from sinowatch.warehouse.db import Connection, transaction


def run_pipeline(config: Config, conn: Connection, *, dry_run: bool = False, run_id: str | None = None) -> RunReport:
    report = RunReport(run_id=run_id or new_run_id("run"), started_at=datetime.now(UTC))
    with transaction(conn):
        load.start_run(conn, report.run_id, "run", report.started_at)
    faults.point("run_started")
    try:
        ingest(config, conn, report=report)
        faults.point("ingest_done")
        report.status = "ok" if report.feeds_failed == 0 else "partial"
        run_after_ingest(config, conn, report, dry_run=dry_run)
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


def run_after_ingest(config: Config, conn: Connection, report: RunReport, *, dry_run: bool = False) -> None:
    """extract (+ sentiment, + alert outbox in the same transactions) -> send alerts -> report."""
    from sinowatch.alerts.stage import make_on_batch, send_pending  # noqa: PLC0415
    from sinowatch.official.stage import run_official_stage  # noqa: PLC0415
    from sinowatch.scoring import make_scorer  # noqa: PLC0415

    scorer = make_scorer(config, report.errors)
    queue = make_on_batch(config) if config.alerts.enabled else None
    queued = 0

    def on_batch(c: Connection, docs, extractions) -> int:  # type: ignore[no-untyped-def]
        nonlocal queued
        n = queue(c, docs, extractions) if queue else 0
        queued += n or 0
        return n

    stats = extract_pending(config, conn, scorer=scorer, on_batch=on_batch)
    report.extracted, report.mentions, report.events = stats.articles, stats.mentions, stats.events
    report.alerts_queued = queued
    if stats.errors:
        report.errors.extend(f"extract {e}" for e in stats.errors)
        report.status = "partial"
    run_official_stage(config, conn, report)  # official records -> actions (#16)
    if config.alerts.enabled:
        sent = send_pending(config, conn, dry_run=dry_run)
        report.alerts_sent = sent.sent
        report.errors.extend(f"alerts: {e}" for e in sent.errors)
    faults.point("report_writing")
    write_run_report(config, conn, report)


def write_run_report(config: Config, conn: Connection, report: RunReport) -> Path | None:
    """The HTML report after each run; a failure to write it is recorded, not fatal."""
    from sinowatch.report.build import write_report  # noqa: PLC0415

    out = config.resolve(config.report.out)
    try:
        return write_report(config, conn, out, days=config.report.days)
    except Exception as e:  # the data is in; a broken report must not fail the run
        report.errors.append(f"report: {type(e).__name__}: {e}")
        return None
