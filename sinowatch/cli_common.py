"""What every CLI command shares: the global options, the config and warehouse they pick, and the
output options (table, CSV, JSON). Heavy libraries are imported inside commands, not here."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import typer

from sinowatch.config import Config, load_config
from sinowatch.errors import WarehouseError


@dataclass
class AppState:
    config_path: str | None = None
    db: str | None = None
    _config: Config | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config

    @property
    def warehouse_path(self) -> Path:
        """--db, else the config's warehouse."""
        if self.db:
            return Path(self.db)
        return self.config.warehouse_path


def state(ctx: typer.Context) -> AppState:
    obj = ctx.find_root().obj
    if not isinstance(obj, AppState):
        obj = AppState()
        ctx.find_root().obj = obj
    return obj


@contextmanager
def writer(ctx: typer.Context) -> Iterator[Any]:
    """The warehouse opened for writing (migrated; waits for another writer up to lock_timeout)."""
    from sinowatch.warehouse.db import close, connect  # duckdb import only when needed

    st = state(ctx)
    conn = connect(st.warehouse_path, lock_timeout=st.config.warehouse.lock_timeout)
    try:
        yield conn
    finally:
        close(conn)


@contextmanager
def reader(ctx: typer.Context, *, allow_external: bool = False) -> Iterator[Any]:
    """The warehouse opened read-only: no writes, and (unless asked) no access to other files."""
    from sinowatch.warehouse.db import connect

    st = state(ctx)
    path = st.warehouse_path
    if not path.exists():
        raise WarehouseError(f"no warehouse at {path} (run `sinowatch ingest` or `make demo` first)")
    cfg: dict[str, str | bool | int] = {} if allow_external else {"enable_external_access": False}
    # a forced sort must not fill the disk beside the warehouse or the memory of the machine
    cfg["memory_limit"] = st.config.warehouse.query_memory_limit
    cfg["max_temp_directory_size"] = st.config.warehouse.query_temp_limit
    conn = connect(path, read_only=True, lock_timeout=st.config.warehouse.lock_timeout, config=cfg)
    try:
        yield conn
    finally:
        conn.close()


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.3f}".rstrip("0").rstrip(".") if abs(v) < 1e6 else f"{v:.4g}"
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, list | tuple):
        return ", ".join(_cell(x) for x in v)
    return str(v)


def _jsonable(v: Any) -> Any:
    if isinstance(v, datetime | date):
        return v.isoformat()
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, list | tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    return v


def emit(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, fmt: str = "table", title: str | None = None,
         max_width: int = 60) -> None:
    """Print rows as a rich table, CSV or JSON lines (one object per row)."""
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(v) for v in r])
        return
    if fmt == "json":
        for r in rows:
            sys.stdout.write(json.dumps({c: _jsonable(v) for c, v in zip(columns, r, strict=False)}, ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for c in columns:
        table.add_column(str(c), overflow="fold", max_width=max_width)
    for r in rows:
        # markup off: feed text must never be read as rich markup
        table.add_row(*[_escape(_cell(v)) for v in r])
    Console().print(table)


def _escape(s: str) -> str:
    from rich.markup import escape

    return escape(s)


FORMAT_OPTION = typer.Option("table", "--format", "-f", help="Output: table, csv or json")


def check_format(fmt: str) -> str:
    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter("use table, csv or json", param_hint="--format")
    return fmt
