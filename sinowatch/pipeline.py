"""The main job as plain stage functions: ingest -> extract (+ sentiment) -> alerts -> report.

The Prefect `daily` flow (flows/daily.py) composes the same functions as tasks; this module is the
no-orchestrator path (`sinowatch run --engine plain`) and the reference the flow is tested against.
"""

from __future__ import annotations

from datetime import UTC, datetime

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
    try:
        ingest(config, conn, report=report)
        report.status = "ok" if report.feeds_failed == 0 else "partial"
        stats = extract_pending(config, conn)
        report.extracted, report.mentions, report.events = stats.articles, stats.mentions, stats.events
        if stats.errors:
            report.errors.extend(f"extract {e}" for e in stats.errors)
            report.status = "partial"
    except Exception as e:
        report.status = "failed"
        report.errors.append(f"{type(e).__name__}: {e}")
        raise
    finally:
        report.finished_at = datetime.now(UTC)
        with transaction(conn):
            load.finish_run(conn, report)
    return report
