"""Row-for-row snapshots of a warehouse, without the columns that depend on when a run happened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TABLES = ("articles", "story_clusters", "fetches", "feeds", "mentions", "events", "article_entities", "alerts",
          "extraction_state", "runs")
#: time- and run-dependent columns (the rest must match row for row)
VOLATILE = {"run_id", "fetched_at", "first_seen", "last_seen", "updated_at", "duration_s", "last_fetched_at",
            "last_ok_at", "extracted_at", "created_at", "attempted_at", "sent_at", "message_id", "smtp_response",
            "etag", "status_at", "started_at", "finished_at"}


def snapshot(db: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    from sinowatch.warehouse.db import connect

    conn = connect(db, read_only=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        out: dict[str, list[tuple[Any, ...]]] = {}
        for t in TABLES:
            if t not in tables:
                continue
            cols = [r[0] for r in conn.execute(f"DESCRIBE {t}").fetchall() if r[0] not in VOLATILE]
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def count(db: str | Path, sql: str) -> Any:
    from sinowatch.warehouse.db import connect

    conn = connect(db, read_only=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()
