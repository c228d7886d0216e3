"""Trends, timelines and exports over the warehouse views (migration 0004, docs/views.md).

The SQL lives in ``queries/*.sql`` (named queries with ``$name`` parameters); this module only runs
them and shapes the rows for the CLI (``sinowatch trends``, ``events``, ``export``) and the HTML
report. Every function takes an open connection; read-only is enough for all but none write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from sinowatch.errors import WarehouseError

Connection = duckdb.DuckDBPyConnection

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"


@cache
def query_text(name: str) -> str:
    """The text of the named query ``queries/<name>.sql``."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"bad query name {name!r}")
    entry = resources.files("sinowatch.warehouse") / "queries" / f"{name}.sql"
    try:
        return entry.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WarehouseError(f"no named query {name!r} in the warehouse package") from None


def run(conn: Connection, sql: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run ``sql`` and return (columns, rows); DuckDB errors become one-line WarehouseErrors."""
    try:
        cur = conn.execute(sql, params or {})
    except duckdb.Error as e:
        msg = " ".join(str(e).split())[:400]
        if "does not exist" in msg and ("article_entities" in msg or "daily_mentions" in msg):
            msg += " (is the warehouse migrated? open it once for writing, e.g. `sinowatch init`)"
        raise WarehouseError(f"query failed: {msg}") from None
    if cur.description is None:
        return [], []
    return [d[0] for d in cur.description], cur.fetchall()


def run_named(conn: Connection, name: str, **params: Any) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run the named query with ``$name`` parameters (only those the query uses are passed)."""
    sql = query_text(name)
    used = set(re.findall(r"\$([a-z_]+)", sql))
    missing = used - params.keys()
    if missing:
        raise ValueError(f"query {name} needs parameters {sorted(missing)}")
    return run(conn, sql, {k: v for k, v in params.items() if k in used})


def named_dicts(conn: Connection, name: str, **params: Any) -> list[dict[str, Any]]:
    cols, rows = run_named(conn, name, **params)
    return [dict(zip(cols, r, strict=True)) for r in rows]


@dataclass(frozen=True)
class DataRange:
    first_day: date | None
    last_day: date | None
    articles: int
    stories: int
    events: int
    entities: int


def data_range(conn: Connection) -> DataRange:
    (row,) = named_dicts(conn, "data_range")
    return DataRange(**row)


@dataclass(frozen=True)
class TrendRow:
    """One entity's line of ``sinowatch trends``."""

    entity: str
    name: str
    kind: str
    articles: int
    stories: int
    prev_stories: int
    change: int
    change_pct: float | None
    sentiment: float | None
    sentiment_change: float | None
    positive: int
    negative: int
    series: tuple[int, ...] = field(default=())  # daily stories over the history window


def trends(
    conn: Connection,
    *,
    days: int = 30,
    entities: list[str] | None = None,
    kind: str | None = None,
    history: int = 120,
    top: int | None = None,
    end: date | None = None,
) -> list[TrendRow]:
    """Per entity: stories in the last ``days`` days against the ``days`` before, sentiment, and
    the daily story series of the last ``history`` days (for sparklines)."""
    if days < 1 or history < 1:
        raise ValueError("days and history must be positive")
    rows = named_dicts(conn, "trends_summary", days=days, kind=kind, entities=list(entities or []), end=end)
    if top is not None:
        rows = rows[:top]
    ids = [r["entity"] for r in rows]
    series: dict[str, tuple[int, ...]] = {}
    if ids:
        for r in named_dicts(conn, "trends_series", history=history, entities=ids, end=end):
            series[r["entity"]] = tuple(int(x) for x in r["stories"])
    return [
        TrendRow(
            entity=r["entity"], name=r["name"], kind=r["kind"],
            articles=int(r["articles"] or 0), stories=int(r["stories"] or 0),
            prev_stories=int(r["prev_stories"] or 0), change=int(r["change"] or 0),
            change_pct=r["change_pct"], sentiment=r["sentiment"], sentiment_change=r["sentiment_change"],
            positive=int(r["positive"] or 0), negative=int(r["negative"] or 0),
            series=series.get(r["entity"], ()),
        )
        for r in rows
    ]


def sparkline(values: tuple[int, ...] | list[int], *, bucket: int = 1, width: int | None = None) -> str:
    """Unicode block sparkline (most recent last). Values are summed in buckets of ``bucket``
    (or of the size that fits ``width`` cells), aligned to the end; a leading partial bucket is
    dropped so that every cell covers the same number of days. Zero draws as a space."""
    vals = list(values)
    if width is not None and vals:
        bucket = max(bucket, -(-len(vals) // width))
    size = max(1, bucket)
    start = len(vals) % size if len(vals) >= size else 0
    buckets = [sum(vals[i:i + size]) for i in range(start, len(vals), size)]
    if not buckets:
        return ""
    top = max(buckets)
    if top <= 0:
        return " " * len(buckets)
    return "".join(" " if b <= 0 else SPARK_BLOCKS[min(7, int(b / top * 7.999))] for b in buckets)


def events(
    conn: Connection,
    *,
    types: list[str] | None = None,
    since: date | None = None,
    limit: int | None = None,
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The event timeline, newest first."""
    return run_named(conn, "events_timeline", types=list(types or []), since=since, limit=limit)


# ---------------------------------------------------------------------------------------- export

#: Partitioning column per table (an expression over the table, aliased ``month``). Tables with an
#: ``article_key`` column and none listed here take the month of their article's publication.
_MONTH_OF = {
    "articles": "strftime(timezone('UTC', published), '%Y-%m')",
    "story_clusters": "strftime(timezone('UTC', first_published), '%Y-%m')",
    "runs": "strftime(timezone('UTC', started_at), '%Y-%m')",
    "fetches": "strftime(timezone('UTC', fetched_at), '%Y-%m')",
}


@dataclass(frozen=True)
class ExportedTable:
    table: str
    rows: int
    path: Path
    partitioned: bool


def _columns(conn: Connection, table: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ?"
        " ORDER BY ordinal_position", [table]).fetchall()]


def _quote_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_parquet(conn: Connection, out_dir: str | Path, *, tables: list[str] | None = None) -> list[ExportedTable]:
    """Write every base table (or ``tables``) as Parquet under ``out_dir``.

    Dated tables are Hive-partitioned by month (``out_dir/articles/month=2026-08/*.parquet``);
    tables keyed by article take their article's month; the rest (watchlist, feeds) are one file
    ``out_dir/<table>.parquet``. Existing output for a table is replaced. The connection must
    allow external access (``reader(ctx, allow_external=True)``).
    """
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    all_tables = [r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'"
        " ORDER BY table_name").fetchall()]
    if tables:
        unknown = sorted(set(tables) - set(all_tables))
        if unknown:
            raise WarehouseError(f"no such table(s): {', '.join(unknown)} (tables: {', '.join(all_tables)})")
    selected = tables or all_tables
    done = []
    for table in selected:
        cols = _columns(conn, table)
        qt = '"' + table.replace('"', '""') + '"'
        if table in _MONTH_OF:
            source = f"SELECT *, {_MONTH_OF[table]} AS month FROM {qt}"
        elif "article_key" in cols and table != "articles":
            source = (f"SELECT t.*, strftime(timezone('UTC', a.published), '%Y-%m') AS month FROM {qt} t "
                      "LEFT JOIN articles a USING (article_key)")
        else:
            source = None
        try:
            if source is None:
                path = out / f"{table}.parquet"
                conn.execute(f"COPY {qt} TO {_quote_path(path)} (FORMAT PARQUET)")
            else:
                path = out / table
                conn.execute(f"COPY ({source}) TO {_quote_path(path)} "
                             "(FORMAT PARQUET, PARTITION_BY (month), OVERWRITE)")
            n = conn.execute(f"SELECT count(*) FROM {qt}").fetchone()
        except duckdb.Error as e:
            msg = " ".join(str(e).split())[:300]
            if "external access" in msg.lower():
                msg += " (open the warehouse with external access allowed)"
            raise WarehouseError(f"export of {table} failed: {msg}") from None
        done.append(ExportedTable(table=table, rows=int(n[0]) if n else 0, path=path, partitioned=source is not None))
    return done
