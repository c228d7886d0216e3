"""Opening the warehouse: one writer at a time, a bounded wait, and clear messages.

DuckDB itself allows one read-write process per file (a file lock). A second writer waits up to
``lock_timeout`` seconds and then gets :class:`WarehouseLockedError` - a one-line message, never a
stack trace.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
from sinowatch.warehouse.migrate import migrate

from sinowatch import faults
from sinowatch.errors import QueryError, WarehouseError, WarehouseLockedError

Connection = duckdb.DuckDBPyConnection
log = logging.getLogger(__name__)

# WAL size at which DuckDB folds the log into the database file (its default is 16 MB). Each
# checkpoint rewrites the row groups that the log appended to, so with 16 MB a backfill rewrote its
# growing last row group once every few commits (loading 100k articles in 40 feed transactions
# spent 8 of its 11 s in COMMIT). The price of a larger threshold: up to that much log to replay
# when a crashed writer's warehouse is opened again, and as much memory held until the checkpoint.
# 256 MB made the 50k-article extraction stage peak at 1.61x the 5k one (memory growing with the
# backlog); 64 MB keeps it at 1.35x (bench/memory.py) and still spares most rewrites.
CHECKPOINT_THRESHOLD = "64MB"

# Rows per row group for a writer (DuckDB's default is 122,880; the option is given per ATTACH and
# is not stored in the file). Two effects on the loads:
# * a checkpoint rewrites every row group that the log appended to, and with the default a table
#   of fewer than 122,880 rows is ONE row group: each checkpoint of a backfill rewrote the whole
#   articles table so far (100k articles in 40 feed transactions took 1.85x one CREATE TABLE AS
#   and left a file 1.8x larger); with small groups only the last one is rewritten;
# * an insert of at least one row group is written straight to the database file ("optimistic
#   write") instead of into the log and again at the checkpoint: with 8,192 rows the mention rows
#   of one extraction group (~2,000 articles, ~10,000 mentions) mostly take that path.
# bench/load.py: 100k articles + 500k mentions went from 2.7x to 1.7x the bulk path. Queries scan
# more, smaller groups (bench/queries.py: all still well under a second at 1M articles).
ROW_GROUP_SIZE = 8_192
CATALOG = "warehouse"

_LOCK_RE = re.compile(r"(Could not set lock|Conflicting lock|lock on file)", re.I)
_PID_RE = re.compile(r"PID (\d+)")


def _is_lock_error(e: Exception) -> bool:
    return bool(_LOCK_RE.search(str(e)))


def connect(
    path: str | Path,
    *,
    read_only: bool = False,
    lock_timeout: float = 30.0,
    config: dict[str, str | bool | int] | None = None,
) -> Connection:
    """Open (and for writers, create and migrate) the warehouse at ``path``."""
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path} (run `sinowatch init` or `sinowatch ingest` first)")
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise WarehouseError(f"cannot create the warehouse folder {path.parent}: {e}") from None
    _restore_guard(path, lock_timeout=lock_timeout)
    # a writer waits for the other writer; a reader is told at once: the writer (a run) holds the
    # file for its whole length, so waiting lock_timeout would only end in the same answer
    deadline = time.monotonic() + (0.0 if read_only else max(lock_timeout, 0.0))
    delay = 0.1
    while True:
        try:
            conn = _open(path, read_only=read_only, config=config)
            break
        except duckdb.Error as e:
            if not _is_lock_error(e):
                raise WarehouseError(_open_failure(path, e)) from None
            if time.monotonic() >= deadline:
                pid = _PID_RE.search(str(e))
                who = f" (process {pid.group(1)})" if pid else ""
                if read_only:
                    raise WarehouseLockedError(
                        f"the warehouse {path} is being written by another sinowatch process{who}; "
                        "it cannot be read until that run has finished - try again then "
                        "(`sinowatch status` works once it is done)"
                    ) from None
                raise WarehouseLockedError(
                    f"the warehouse {path} is in use by another sinowatch process{who}; "
                    f"waited {lock_timeout:g}s - try again when that run has finished"
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    if not read_only:
        try:
            conn.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")
            migrate(conn)
        except duckdb.Error as e:
            conn.close()
            raise WarehouseError(f"cannot migrate the warehouse {path}: {_one_line(e)}") from None
    return conn


def _open_failure(path: Path, e: BaseException) -> str:
    """One line for a warehouse that DuckDB cannot open; a damaged file says what to do next."""
    if "Corrupt database file" in str(e) or "checksum" in str(e).lower():
        return (f"the warehouse {path} is damaged ({_one_line(e)[:200]}): a process was probably killed "
                "while DuckDB rewrote the file outside a guarded close (docs/failure-model.md, "
                "\"A damaged warehouse file\"); restore your last copy of it, or move it aside and "
                "rebuild with `sinowatch run` (feeds keep only their recent items)")
    return f"cannot open the warehouse {path}: {_one_line(e)}"


# -- the guarded close ---------------------------------------------------------------------------
# DuckDB folds its write-ahead log into the file at a checkpoint (when a writer closes, or when the
# log passes CHECKPOINT_THRESHOLD). A checkpoint rewrites some metadata blocks IN PLACE (strace of
# `sinowatch ingest`: the 256 KB block at offset 12288 is written again at every checkpoint), and a
# process killed inside that write (SIGKILL, the OOM killer) can leave a block half old, half new:
# the file no longer opens ("Corrupt database file: computed checksum ... does not match"). Every
# committed row was in the file plus the log a moment before. So a writer's close first copies both
# (the *guard*, ``<file>.guard/``), then checkpoints, then deletes the guard; the next open that
# finds a guard puts it back (file + log: exactly the committed state) before DuckDB reads the file.
# A close with an empty log writes nothing and needs no guard. Checkpoints that DuckDB starts by
# itself inside a large load (a log over CHECKPOINT_THRESHOLD) are not guarded.


def _guard_dirs(path: Path) -> tuple[Path, Path]:
    """The guard folder beside the warehouse file, and the name it is written under before its rename."""
    guard = path.with_name(path.name + ".guard")
    return guard, guard.with_name(guard.name + ".tmp")


def _wal(path: Path) -> Path:
    """DuckDB's write-ahead log of the warehouse file."""
    return path.with_name(path.name + ".wal")


def _log_size(path: Path) -> int:
    """Bytes in the warehouse's write-ahead log (0 when there is none)."""
    try:
        return _wal(path).stat().st_size
    except FileNotFoundError:
        return 0


@contextmanager
def _guard_lock(path: Path, *, timeout: float) -> Iterator[bool]:
    """An exclusive lock on ``<file>.guard.lock`` (released by the kernel when its process dies):
    the closing writer holds it from the copy to the deletion of the guard, an opening process
    while it checks and restores. Yields False when the folder is read-only (nothing to guard)."""
    lock_path = path.with_name(path.name + ".guard.lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield False
        return
    deadline = time.monotonic() + max(timeout, 0.0)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseLockedError(
                        f"the warehouse {path} is being saved by another sinowatch process; "
                        f"waited {timeout:g}s - try again when it has finished") from None
                time.sleep(0.05)
        yield True
    finally:
        os.close(fd)


def _copy_synced(src: Path, dst: Path) -> None:
    shutil.copyfile(src, dst)
    with open(dst, "rb+") as f:
        os.fsync(f.fileno())


def _restore_guard(path: Path, *, lock_timeout: float) -> None:
    """Put back the guard of a close that did not finish (see above); drop a half-written one."""
    guard, partial = _guard_dirs(path)
    if not guard.exists() and not partial.exists():
        return
    with _guard_lock(path, timeout=lock_timeout) as locked:
        if not locked:
            return
        shutil.rmtree(partial, ignore_errors=True)  # killed while copying: the file was not touched
        if not (guard / "db").exists():
            return
        wal = _wal(path)
        try:  # renames beside the file: no space needed, which matters after a close that failed on a full disk
            if (guard / "wal").exists():
                os.replace(guard / "wal", wal)
            elif wal.exists():
                wal.unlink()
            os.replace(guard / "db", path)
        except OSError as e:
            raise WarehouseError(
                f"the last writer of {path} was killed while saving it, and its copy in {guard} could "
                f"not be put back ({e}); put {guard}/db back as {path.name} (and {guard}/wal as "
                f"{wal.name}) by hand") from None
        shutil.rmtree(guard)


def _database_path(conn: Connection) -> Path | None:
    try:
        row = conn.execute("SELECT path FROM duckdb_databases() WHERE database_name = ? AND NOT readonly",
                           [CATALOG]).fetchone()
    except duckdb.Error:
        return None
    return Path(row[0]) if row and row[0] else None


def close(conn: Connection) -> None:
    """Close a connection; a writer's checkpoint runs under a guard copy (see above), so a process
    killed inside it loses nothing: the next open puts the copy back."""
    path = _database_path(conn)
    if path is None or _log_size(path) == 0:
        conn.close()  # a reader, or nothing to fold in: DuckDB writes nothing
        return
    wal = _wal(path)
    guard, partial = _guard_dirs(path)
    with _guard_lock(path, timeout=30.0) as locked:
        if not locked:
            conn.close()
            return
        try:
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir()
            _copy_synced(path, partial / "db")
            _copy_synced(wal, partial / "wal")
            os.replace(partial, guard)
        except OSError as e:
            # a full disk: close as DuckDB alone would (its checkpoint fails too, and the log it keeps is
            # replayed at the next open); the committed rows are in the file and the log either way
            shutil.rmtree(partial, ignore_errors=True)
            log.warning("could not copy the warehouse %s before folding its log in (%s): closed unguarded", path, e)
            conn.close()
            return
        faults.point("warehouse_checkpointing")
        try:
            conn.execute("CHECKPOINT")
        except duckdb.Error as e:
            # DuckDB invalidates the database after a failed checkpoint: the guard holds the committed state and
            # the next open puts it back (a run that loaded its rows has not failed)
            log.warning("folding the log into the warehouse %s failed (%s); the copy in %s is put back at the "
                        "next open", path, _one_line(e), guard)
            conn.close()
            return
        conn.close()
        shutil.rmtree(guard)


def _open(path: Path, *, read_only: bool, config: dict[str, str | bool | int] | None) -> Connection:
    """A connection whose default catalog is the warehouse file: readers open it directly; writers
    ATTACH it with :data:`ROW_GROUP_SIZE` (and USE it), so unqualified names resolve as before."""
    if read_only:
        return duckdb.connect(str(path), read_only=True, config=dict(config or {}))
    conn = duckdb.connect(":memory:", config=dict(config or {}))
    try:
        literal = str(path).replace("'", "''")
        conn.execute(f"ATTACH '{literal}' AS {CATALOG} (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
        conn.execute(f"USE {CATALOG}")
    except BaseException:
        conn.close()
        raise
    return conn


def cursor(conn: Connection) -> Connection:
    """A cursor (another connection to the same database, for another thread) whose default
    catalog is the warehouse: a plain ``conn.cursor()`` would start in DuckDB's in-memory catalog."""
    cur = conn.cursor()
    try:  # only the cursor is queried: ``conn`` may be busy in another thread
        cur.execute(f"USE {CATALOG}")
    except duckdb.CatalogException:
        pass  # a reader opened the file directly: it is already the default catalog
    return cur


def _cause(e: BaseException) -> BaseException:
    """The error that aborted the transaction: "Current transaction is aborted" only says that an
    earlier statement failed (a full disk, ...); that earlier error, if it is in the chain, is the
    one to report."""
    seen: BaseException | None = e
    while seen is not None:
        if isinstance(seen, duckdb.Error) and "transaction is aborted" not in str(seen):
            return seen
        seen = seen.__context__
    return e


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split())[:500]


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """BEGIN ... COMMIT, or ROLLBACK and re-raise (as WarehouseError for DuckDB errors)."""
    conn.execute("BEGIN TRANSACTION")
    try:
        yield conn
    except duckdb.Error as e:
        conn.execute("ROLLBACK")
        raise WarehouseError(f"warehouse write failed and was rolled back: {_one_line(_cause(e))}") from e
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        try:
            conn.execute("COMMIT")
        except duckdb.Error as e:  # e.g. the disk filled up while writing the WAL
            try:
                conn.execute("ROLLBACK")
            except duckdb.Error:
                pass  # DuckDB already aborted the transaction
            raise WarehouseError(f"warehouse commit failed and was rolled back: {_one_line(e)}") from e


@contextmanager
def open_warehouse(path: str | Path, *, read_only: bool = False, lock_timeout: float = 30.0) -> Iterator[Connection]:
    conn = connect(path, read_only=read_only, lock_timeout=lock_timeout)
    try:
        yield conn
    finally:
        close(conn)


def query(conn: Connection, sql: str) -> tuple[list[str], list[tuple[Any, ...]]] | None:
    """Run one statement of the user's (``sinowatch sql``): its column names and rows, or None for a
    statement without a result. A DuckDB error becomes one line (:class:`QueryError`)."""
    try:
        cur = conn.execute(sql)
        if cur.description is None:
            return None
        return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.OutOfMemoryException as e:
        first = " ".join(str(e).split("\n")[0].split())[:300]
        raise QueryError(f"query failed: {first} (the limits are warehouse.query_memory_limit and "
                         "warehouse.query_temp_limit in the config)") from None
    except duckdb.Error as e:
        raise QueryError(f"query failed: {' '.join(str(e).split())[:400]}") from None
