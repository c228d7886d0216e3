"""The guarded close (warehouse/db.py): a writer killed inside DuckDB's checkpoint loses nothing.

DuckDB rewrites a metadata block in place when it folds its log into the file; a SIGKILL inside
that write leaves a block that fails its checksum (round 31's CI run: "Corrupt database file:
computed checksum ... in block at location 12288"). These tests kill a real process at the named
fault point between the guard copy and the checkpoint, then damage that block the way a torn write
does, and check that the next open puts the committed state back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from sinowatch.warehouse.db import close, connect

from sinowatch.errors import WarehouseError

METADATA_BLOCK = 12288  # the block strace shows rewritten at every checkpoint


def _write_rows(db: Path, n: int, *, fault: str | None = None) -> subprocess.CompletedProcess[str]:
    """A real process: open the warehouse as a writer, commit ``n`` rows, close it (guarded)."""
    code = textwrap.dedent(f"""
        from sinowatch.warehouse.db import close, connect
        conn = connect({str(db)!r})
        conn.execute("CREATE TABLE IF NOT EXISTS t (i INTEGER, s VARCHAR)")
        conn.execute("INSERT INTO t SELECT range, 'row ' || range FROM range((SELECT count(*) FROM t), (SELECT count(*) FROM t) + {n})")
        close(conn)
    """)
    env = dict(os.environ)
    env.pop("SINOWATCH_FAULT_POINT", None)
    if fault:
        env["SINOWATCH_FAULT_POINT"] = fault
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


def _tear(path: Path) -> None:
    """What a write cut short by SIGKILL leaves: the first half of the block new, the rest old."""
    with open(path, "r+b") as f:
        f.seek(METADATA_BLOCK + 64)
        f.write(os.urandom(64 * 1024))


def _count(db: Path) -> int:
    conn = connect(db, read_only=True)
    try:
        return int(conn.execute("SELECT count(*) FROM t").fetchone()[0])
    finally:
        conn.close()


def test_a_writer_close_folds_the_log_into_the_file_and_leaves_no_guard(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert _write_rows(db, 3000).returncode == 0
    assert _write_rows(db, 2000).returncode == 0
    wal = Path(str(db) + ".wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert not (tmp_path / "w.duckdb.guard").exists()
    assert _count(db) == 5000


def test_a_writer_killed_inside_its_checkpoint_loses_no_committed_row(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert _write_rows(db, 3000).returncode == 0  # a first checkpoint: the metadata block exists
    res = _write_rows(db, 2000, fault="warehouse_checkpointing")
    assert res.returncode == -9  # SIGKILL at the fault point: guard written, checkpoint not run
    guard = tmp_path / "w.duckdb.guard"
    assert (guard / "db").exists() and (guard / "wal").exists()
    _tear(db)
    # the damage is real: DuckDB alone cannot open the file any more
    with pytest.raises(duckdb.Error, match="(?i)corrupt|checksum"):
        duckdb.connect(str(db)).close()
    assert _count(db) == 5000  # the next open put the guard back: every committed row is there
    assert not guard.exists()
    assert _write_rows(db, 1000).returncode == 0  # and the warehouse takes writes again
    assert _count(db) == 6000


def test_a_half_written_guard_is_dropped_and_the_file_is_used_as_it_is(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert _write_rows(db, 1000).returncode == 0
    partial = tmp_path / "w.duckdb.guard.tmp"
    partial.mkdir()
    (partial / "db").write_bytes(b"half a copy")  # killed while copying: the file is untouched
    assert _count(db) == 1000
    assert not partial.exists()


def test_a_damaged_warehouse_without_a_guard_is_one_line_that_says_what_to_do(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert _write_rows(db, 3000).returncode == 0
    _tear(db)
    with pytest.raises(WarehouseError, match="is damaged") as err:
        connect(db)
    assert "restore your last copy" in str(err.value) and "\n" not in str(err.value)
    (tmp_path / "none.toml").write_text("[warehouse]\n")
    res = subprocess.run([sys.executable, "-m", "sinowatch.cli", "--db", str(db), "status"],
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, SINOWATCH_CONFIG=str(tmp_path / "none.toml")))
    assert res.returncode == 4
    assert "is damaged" in res.stderr and "Traceback" not in res.stderr


def test_a_reader_close_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert _write_rows(db, 500).returncode == 0
    before = db.stat().st_mtime_ns, db.stat().st_size
    conn = connect(db, read_only=True)
    close(conn)
    assert (db.stat().st_mtime_ns, db.stat().st_size) == before
    assert not (tmp_path / "w.duckdb.guard").exists()
