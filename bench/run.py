"""Run every benchmark section, print one table (figure, baseline, ratio, floor) and write
bench/out/results.json.

    python -m bench.run            # the issue's sizes (make bench)
    python -m bench.run --quick    # tiny sizes, < 2 minutes (make bench-quick, CI; timings not asserted)
    python -m bench.run --only dedup,load

A section that fails prints its error and the others still run; the exit status is 1 when any
section errored, so CI notices a broken benchmark. Floors that are missed are reported, not fatal.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from bench.common import OUT_DIR, Section, Sizes, fmt
from bench.corpus import ensure_corpus

SECTIONS = ("fetch_parse", "dedup", "extraction", "sentiment", "load", "queries", "memory", "end_to_end")
TITLES = {
    "fetch_parse": "Fetch + parse", "dedup": "Dedup", "extraction": "Extraction", "sentiment": "Sentiment",
    "load": "Load", "queries": "Queries", "memory": "Memory", "end_to_end": "End to end",
}


def print_section(s: Section) -> None:
    head = f"== {TITLES.get(s.name, s.name)} ({s.seconds:.1f} s)"
    print(head, flush=True)
    if s.error:
        print(f"   ERROR: {s.error}")
    if s.skipped:
        print(f"   skipped: {s.skipped}")
    for r in s.rows:
        verdict = "" if r.passed is None else ("PASS" if r.passed else "FAIL")
        print(f"   {r.figure:<44} {fmt(r.value):>10} {r.unit:<12} | baseline {r.baseline}: {fmt(r.baseline_value)}"
              f" | ratio {fmt(r.ratio)} ({r.ratio_means})" + (f" | floor {r.floor} {verdict}" if r.floor else ""))
        if r.note:
            print(f"   {'':<44} {r.note}")
    for n in s.notes:
        print(f"   note: {n}")
    print(flush=True)


def markdown_table(sections: list[Section]) -> str:
    lines = ["| section | figure | value | baseline | baseline value | ratio | floor | |",
             "|---|---|---|---|---|---|---|---|"]
    for s in sections:
        if s.error or s.skipped:
            lines.append(f"| {TITLES.get(s.name, s.name)} | {'error: ' + s.error if s.error else 'skipped: ' + str(s.skipped)}"
                         " | | | | | | |")
        for r in s.rows:
            verdict = "" if r.passed is None else ("pass" if r.passed else "**fail**")
            lines.append(f"| {TITLES.get(s.name, s.name)} | {r.figure.strip()} | {fmt(r.value)} {r.unit} | {r.baseline} | "
                         f"{fmt(r.baseline_value)} | {fmt(r.ratio)} ({r.ratio_means}) | {r.floor} | {verdict} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="sinowatch benchmarks (ratios against same-run baselines)")
    ap.add_argument("--quick", action="store_true", help="tiny sizes (CI): checks the benchmark runs, < 2 minutes")
    ap.add_argument("--only", default="", help="comma-separated sections: " + ", ".join(SECTIONS))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    names = [n for n in (args.only.split(",") if args.only else SECTIONS) if n]
    unknown = sorted(set(names) - set(SECTIONS))
    if unknown:
        ap.error(f"unknown section(s): {', '.join(unknown)}")
    sizes = Sizes.for_run(args.quick)
    args.out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    corpus = args.out / f"corpus-{sizes.corpus}-{args.seed}"
    summary = ensure_corpus(sizes.corpus, args.seed, corpus)
    print(f"sinowatch bench ({'quick' if args.quick else 'full'}): corpus {summary['n']:,} articles "
          f"({summary['syndicated']} syndicated, {summary['zh']} Chinese) in {summary['feeds']} feeds, "
          f"{summary['feed_bytes'] / 1e6:.1f} MB; {os.cpu_count()} CPUs; {corpus}\n", flush=True)
    sections: list[Section] = []
    for name in names:
        s = Section(name)
        t = time.perf_counter()
        try:
            importlib.import_module(f"bench.{name}").run(s, sizes, corpus)
        except Exception as e:  # one broken section must not hide the others' figures
            s.error = f"{type(e).__name__}: {e}"
            s.extra["traceback"] = traceback.format_exc()
            traceback.print_exc()
        s.seconds = time.perf_counter() - t
        sections.append(s)
        print_section(s)
    total = time.perf_counter() - start
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"), "quick": args.quick, "seed": args.seed,
        "total_s": round(total, 1), "python": platform.python_version(), "cpus": os.cpu_count(),
        "corpus": summary, "sizes": vars(sizes), "sections": [s.as_dict() for s in sections],
    }
    (args.out / "results.json").write_text(json.dumps(result, indent=2, default=str))
    (args.out / "results.md").write_text(markdown_table(sections) + "\n")
    failed = [s.name for s in sections if s.error]
    misses = [f"{s.name}: {r.figure.strip()}" for s in sections for r in s.rows if r.passed is False]
    print(f"total {total:.0f} s; results in {args.out / 'results.json'}")
    if misses:
        print("floors missed: " + "; ".join(misses))
    if failed:
        print("sections that errored: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
