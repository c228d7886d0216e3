"""Migration 0008 (extraction rows without primary keys) on a warehouse that has rows: nothing is
lost, the constraints are gone where intended and kept on extraction_state, and saving the same
extractions again still leaves one set of rows per article."""

from __future__ import annotations

from pathlib import Path

import duckdb
from sinowatch.warehouse.db import connect, transaction
from sinowatch.warehouse.extraction import save_extractions
from sinowatch.warehouse.migrate import applied, available

from sinowatch.records import EntityRollup, Event, Extraction, Mention

KW = {"extractor_version": "x1", "watchlist_version": "w1", "sentiment_model": None}
TABLES = {"mentions": "article_key, seq", "events": "article_key, seq", "article_entities": "article_key, entity"}


def _extractions() -> list[Extraction]:
    out = []
    for i in range(3):
        ms = tuple(Mention(entity=e, kind="company", text=e.title(), field="text", start=j, end=j + 3,
                           sentence=f"{e} sentence {i}") for j, e in enumerate(("huawei", "smic", "huawei")))
        out.append(Extraction(
            id=f"a{i}", lang="en", mentions=ms,
            entities=(EntityRollup("huawei", "company", 2), EntityRollup("smic", "company", 1)),
            events=(Event(type="entity_list", confidence=0.9, sentence="s", entities=("huawei",), actor="bis",
                          targets=("huawei",)),),
        ))
    return out


def _rows(conn: duckdb.DuckDBPyConnection, columns: dict[str, str] | None = None) -> dict[str, list[tuple[object, ...]]]:
    """Each table's rows, in the given columns (default all)."""
    return {t: conn.execute(f"SELECT {(columns or {}).get(t, '*')} FROM {t} ORDER BY {order}").fetchall()
            for t, order in TABLES.items()}


def _columns(conn: duckdb.DuckDBPyConnection, table: str) -> str:
    return ", ".join(r[0] for r in conn.execute(f"DESCRIBE {table}").fetchall())


def _primary_keys(conn: duckdb.DuckDBPyConnection) -> set[str]:
    return {t for (t,) in conn.execute(
        "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'").fetchall()}


def test_0008_keeps_rows_drops_child_keys_and_saves_stay_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))  # a warehouse of the 0007 schema, with extraction rows
    applied(old)  # creates schema_migrations, as migrate() does
    for mig in available():
        if mig.version <= 7:
            old.execute(mig.sql)
            old.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [mig.version, mig.name])
    assert set(TABLES) <= _primary_keys(old)
    # Rows as today's writer saves them, copied into the 0007 tables in their own columns (later
    # migrations add columns that the 0007 schema does not have).
    cur = connect(tmp_path / "current.duckdb")
    with transaction(cur):
        save_extractions(cur, _extractions(), **KW)
    cur.close()
    old.execute(f"ATTACH '{tmp_path / 'current.duckdb'}' AS cur (READ_ONLY)")
    cols = {t: _columns(old, t) for t in [*TABLES, "extraction_state"]}
    for t, c in cols.items():
        old.execute(f"INSERT INTO {t} ({c}) SELECT {c} FROM cur.{t}")
    old.execute("DETACH cur")
    before = _rows(old)
    assert len(before["mentions"]) == 9 and len(before["article_entities"]) == 6
    old.close()

    conn = connect(path)  # upgrades to the latest version
    try:
        assert _rows(conn, cols) == before
        keys = _primary_keys(conn)
        assert not set(TABLES) & keys and "extraction_state" in keys
        with transaction(conn):
            save_extractions(conn, _extractions(), **KW)  # again: replaced, not duplicated
        assert _rows(conn, cols) == before
        for t, order in TABLES.items():
            assert not conn.execute(f"SELECT {order} FROM {t} GROUP BY ALL HAVING count(*) > 1").fetchall()
    finally:
        conn.close()
