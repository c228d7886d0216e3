"""Memory: peak RSS of the extraction stage (``extract_pending``: pending articles streamed from the
warehouse in batches, extracted and saved; sentiment scoring off) on a small
and a large backlog, each in a fresh subprocess over its own warehouse. The large run must stay
within 1.5x of the small one: memory must not grow with the backlog.

Each child reports its own peak RSS (VmHWM; ``ru_maxrss`` where /proc is missing) and its RSS
after loading the pipelines and before the first batch (the fixed cost), so the growth during
extraction is visible too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Section, Sizes, ratio


def prepare(db: Path, corpus: Path, n: int) -> None:
    from sinowatch.warehouse import load
    from sinowatch.warehouse.db import connect, transaction

    from bench.load import make_records

    articles, _ = make_records(corpus, n, 0)
    conn = connect(db)
    now = datetime.now(UTC)
    for i in range(0, n, 5000):
        with transaction(conn):
            load.upsert_articles(conn, articles[i:i + 5000], now)
    conn.close()


def _vm_hwm() -> int | None:
    """Peak RSS of this process image (VmHWM, Linux). Preferred to ru_maxrss, which a child started
    with fork + exec inherits from its parent's size at the fork (a big parent would hide the child)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def child(db: Path) -> None:
    import resource

    import psutil
    from sinowatch.warehouse.db import connect

    from sinowatch.config import Config
    from sinowatch.extract_stage import extract_pending, get_extractor
    from sinowatch.scoring import make_scorer

    config = Config()
    config.warehouse.path = str(db)
    # the sentiment model is a fixed cost here and has its own section; scoring every mention on 2
    # cores would turn this into a 20-minute section
    config.sentiment.enabled = False
    errors: list[str] = []
    conn = connect(db)
    extractor = get_extractor(config)
    scorer = make_scorer(config, errors)
    idle = psutil.Process().memory_info().rss
    t = time.perf_counter()
    stats = extract_pending(config, conn, extractor=extractor, scorer=scorer)
    secs = time.perf_counter() - t
    peak = _vm_hwm() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    conn.close()
    print(json.dumps({"idle_rss": idle, "peak_rss": peak, "articles": stats.articles, "seconds": secs,
                      "sentiment": scorer is not None, "errors": errors[:3]}))


def measure(corpus: Path, n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="sw-bench-mem-") as tmp:
        db = Path(tmp) / "m.duckdb"
        prepare(db, corpus, n)
        out = subprocess.run([sys.executable, "-m", "bench.memory", "--child", str(db)], capture_output=True,
                             text=True, check=False, cwd=Path(__file__).resolve().parents[1], env=dict(os.environ))
        if out.returncode != 0:
            raise RuntimeError(f"extraction child for {n} articles failed: {out.stderr.strip()[-800:]}")
        return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run(section: Section, sizes: Sizes, corpus: Path) -> None:
    small_n, large_n = sizes.memory
    if not sizes.quick and large_n < 50_000:
        section.notes.append(f"SCALED DOWN: the issue asks for 5,000 and 50,000 articles; this run measures "
                             f"{small_n:,} and {large_n:,} ({large_n // small_n}x the backlog) to fit the run on 2 cores")
    small, large = measure(corpus, small_n), measure(corpus, large_n)
    mb = 1 / 2**20
    section.add(f"extraction peak RSS, {small_n:,} articles", small["peak_rss"] * mb, "MiB",
                "RSS with pipelines loaded, before extracting", small["idle_rss"] * mb,
                ratio(small["peak_rss"], small["idle_rss"]), "peak / idle",
                note=f"{small['articles']:,} extracted in {small['seconds']:.0f} s")
    section.add(f"extraction peak RSS, {large_n:,} articles", large["peak_rss"] * mb, "MiB",
                f"peak RSS at {small_n:,} articles", small["peak_rss"] * mb, ratio(large["peak_rss"], small["peak_rss"]),
                "peak(large) / peak(small)", floor="within 1.5x", passed=large["peak_rss"] <= 1.5 * small["peak_rss"],
                note=f"{large['articles']:,} extracted in {large['seconds']:.0f} s; "
                     f"{large['articles'] / max(large['seconds'], 1e-9):.0f} articles/s")
    section.notes.append("sentiment scoring off in this section (its own section times it)")
    section.extra.update({"small": small, "large": large})


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]))
    else:
        sys.exit("usage: python -m bench.memory --child WAREHOUSE (run by bench.run)")
