"""Orchestration overhead: the same workload through run_pipeline (plain) and run_daily (Prefect).

    .venv/bin/python bench/flow_overhead.py [--out /tmp/flow-bench]

Builds the bundled demo feeds (12 feeds, ~300 articles) twice, runs the main job on each fresh
warehouse once per mode, then once more per mode on the now-loaded warehouse (a typical daily
run: mostly 304s). Prefect's first run includes starting the ephemeral server; the second shows
the per-run cost once it is up. Prints the times and the ratios against plain, measured here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None, help="work folder (default: a temporary one)")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="sinowatch-flow-bench-"))
    shutil.rmtree(out, ignore_errors=True)

    from sinowatch.config import load_config
    from sinowatch.demo_setup import write_demo

    now = datetime.now(UTC)
    cfg_plain = load_config(write_demo(out / "plain", now=now))
    cfg_flow = load_config(write_demo(out / "flow", now=now))
    cfg_flow.alerts.enabled = cfg_plain.alerts.enabled = False  # no SMTP server here

    from sinowatch.flows.env import setup_prefect_env

    setup_prefect_env(cfg_flow)
    os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"

    from sinowatch.warehouse.db import connect

    from sinowatch.pipeline import run_pipeline

    # warm the shared imports and the extractor once, so neither mode pays them
    t = time.perf_counter()
    from sinowatch.extract_stage import get_extractor

    get_extractor(cfg_plain)
    warm = time.perf_counter() - t

    def plain() -> float:
        t0 = time.perf_counter()
        conn = connect(cfg_plain.warehouse_path)
        try:
            run_pipeline(cfg_plain, conn)
        finally:
            conn.close()
        return time.perf_counter() - t0

    t = time.perf_counter()
    from sinowatch.flows.daily import run_daily

    import_s = time.perf_counter() - t

    def prefect() -> float:
        t0 = time.perf_counter()
        run_daily(cfg_flow)
        return time.perf_counter() - t0

    rows = [("fresh warehouse", plain(), prefect()), ("second run (loaded)", plain(), prefect())]
    print(f"workload: {len(cfg_plain.enabled_feeds())} demo feeds; extractor load {warm:.1f}s, "
          f"prefect import {import_s:.1f}s (both outside the timings)")
    print(f"{'run':<22}{'plain s':>9}{'prefect s':>11}{'ratio':>8}{'overhead s':>12}")
    for name, p, f in rows:
        print(f"{name:<22}{p:>9.2f}{f:>11.2f}{f / p:>8.2f}{f - p:>12.2f}")
    print("prefect runs use the ephemeral server (PREFECT_API_URL unset); the first one starts it")


if __name__ == "__main__":
    main()
