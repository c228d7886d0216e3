"""The guarded close (warehouse/db.py): what copying the warehouse file and its log before the closing checkpoint
costs, against DuckDB's own close (its checkpoint, unguarded), in the same process on the same file.

A warehouse of ``--rows`` rows (about the size of a year of daily runs is the question) is built and checkpointed once;
then, ``--repeats`` times for each way of closing, a writer opens it, commits a day's load (``--daily`` rows) and
closes. The figure is the close alone; the ratio is guarded / plain.

    python -m bench.guarded_close [--rows 3000000] [--daily 5000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sinowatch.warehouse.db import close, connect


def _day(path: Path, start: int, daily: int, guarded: bool) -> float:
    conn = connect(path)
    conn.execute("INSERT INTO bench_rows SELECT range, 'story ' || range || ' ' || repeat('text ', 30) "
                 f"FROM range({start}, {start + daily})")
    t0 = time.perf_counter()
    if guarded:
        close(conn)
    else:
        conn.close()
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.guarded_close", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=3_000_000, help="rows in the warehouse before the daily loads")
    ap.add_argument("--daily", type=int, default=5_000, help="rows one run commits before it closes")
    ap.add_argument("--repeats", type=int, default=3, help="closes of each kind (best taken)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.duckdb"
        conn = connect(path)
        conn.execute("CREATE TABLE bench_rows (i BIGINT, s VARCHAR)")
        conn.execute("INSERT INTO bench_rows SELECT range, 'story ' || range || ' ' || repeat('text ', 30) "
                     f"FROM range({args.rows})")
        conn.close()
        size = path.stat().st_size / 2**20
        start = args.rows
        plain, guarded = [], []
        for _ in range(args.repeats):  # interleaved, so drift in the machine hits both
            plain.append(_day(path, start, args.daily, guarded=False))
            start += args.daily
            guarded.append(_day(path, start, args.daily, guarded=True))
            start += args.daily
        p, g = min(plain), min(guarded)
        print(f"warehouse file {size:.0f} MiB, {args.daily} rows committed before each close, best of {args.repeats}")
        print(f"plain close (DuckDB's checkpoint):      {p:.3f} s")
        print(f"guarded close (copy + checkpoint):      {g:.3f} s")
        print(f"ratio guarded / plain: {g / p:.2f}x (extra {g - p:.3f} s per writer close)")


if __name__ == "__main__":
    main()
