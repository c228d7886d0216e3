"""What `sinowatch status` shows: last runs, failing feeds, counts, and the alert backlog."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sinowatch.warehouse.db import Connection

# trend_facts_dirty: notes left by extraction for the stage-end refresh of the trend facts; more
# than 0 between runs means a run stopped before that refresh (the next one does it)
COUNTED_TABLES = ("feeds", "runs", "fetches", "articles", "story_clusters", "mentions", "events", "alerts",
                  "trend_facts_dirty")


@dataclass
class StatusReport:
    runs_columns: tuple[str, ...] = ("run", "kind", "started", "status", "feeds ok", "failed", "new", "extracted", "errors")
    runs: list[tuple[Any, ...]] = field(default_factory=list)
    failing_feeds: list[tuple[Any, ...]] = field(default_factory=list)
    counts: list[tuple[str, int]] = field(default_factory=list)
    extra: list[tuple[str, list[str], list[tuple[Any, ...]]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one-line warnings printed after the tables


def _tables(conn: Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def status_report(conn: Connection, *, last_runs: int = 10) -> StatusReport:
    rep = StatusReport()
    rep.runs = conn.execute(
        "SELECT run_id, kind, started_at, status, feeds_ok, feeds_failed, new_articles, extracted, "
        "len(coalesce(errors, [])) FROM runs ORDER BY started_at DESC LIMIT ?",
        [last_runs],
    ).fetchall()
    rep.failing_feeds = conn.execute(
        "SELECT name, last_error, consecutive_failures, last_ok_at FROM feeds "
        "WHERE consecutive_failures > 0 ORDER BY consecutive_failures DESC, name"
    ).fetchall()
    present = _tables(conn)
    rep.counts = [(t, conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in COUNTED_TABLES if t in present]
    if "alerts" in present:
        rows = conn.execute(
            "SELECT status, count(*), max(tries), max(last_error) FROM alerts GROUP BY status ORDER BY status"
        ).fetchall()
        rep.extra.append(("alerts by status", ["status", "alerts", "max tries", "last error"], rows))
        failed = conn.execute(
            "SELECT alert_id, rule, tries, last_error FROM alerts WHERE status = 'failed' ORDER BY created_at DESC LIMIT 10"
        ).fetchall()
        if failed:
            rep.extra.append(("failed alerts", ["alert", "rule", "tries", "last error"], failed))
        n_failed = conn.execute("SELECT count(*) FROM alerts WHERE status = 'failed'").fetchone()[0]
        if n_failed:
            rep.notes.append(f"{n_failed} alert(s) failed for good (alerts.max_tries used up); "
                             "re-queue them with `sinowatch alerts requeue`")
    return rep
