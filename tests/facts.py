"""The trend fact tables as tests compare them: stored, and as a full recomputation gives them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FACT_TABLES = ("fact_entity_day", "fact_entity_week", "fact_pair_week")


def fact_rows(conn: Any) -> dict[str, Any]:
    """Every row of each fact table, in a stable order."""
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in FACT_TABLES}


def rebuilt_fact_rows(conn: Any, read: Callable[[Any], dict[str, Any]] = fact_rows) -> dict[str, Any]:
    """The fact tables as a full recomputation gives them (rolled back afterwards), read by ``read``."""
    from sinowatch.warehouse.extraction import refresh_trend_facts

    conn.execute("BEGIN TRANSACTION")
    try:
        refresh_trend_facts(conn)
        return read(conn)
    finally:
        conn.execute("ROLLBACK")
