"""Which channels already have which alerts (migrations/0014_alert_deliveries.sql).

Written right after a channel accepted a digest, each in its own short transaction, so a retry
sends an alert only to the channels that do not have it yet (see sinowatch/alerts/stage.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sinowatch.warehouse.db import Connection, transaction

MAX_RESPONSE_CHARS = 500


def delivered(conn: Connection, ids: Sequence[str]) -> set[tuple[str, str]]:
    """(alert_id, channel) pairs already delivered among ``ids``."""
    if not ids:
        return set()
    rows = conn.execute(
        "SELECT alert_id, channel FROM alert_deliveries WHERE list_contains(?, alert_id)", [list(ids)]
    ).fetchall()
    return {(str(a), str(c)) for a, c in rows}


def record(conn: Connection, ids: Sequence[str], channel: str, response: str, now: datetime) -> None:
    """Remember that ``channel`` accepted these alerts (idempotent)."""
    with transaction(conn):
        conn.executemany(
            "INSERT INTO alert_deliveries (alert_id, channel, delivered_at, response) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [[i, channel, now, response[:MAX_RESPONSE_CHARS]] for i in ids],
        )
