"""Shared pieces of the benchmark sections: the result row, timing, sizes, the corpus cache.

Every figure is a ratio against a baseline measured in the same run, because the machine is
shared and noisy: absolute seconds move between runs, ratios much less.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

OUT_DIR = Path(__file__).resolve().parent / "out"


@dataclass
class Row:
    """One printed figure: what was measured, its baseline and their ratio (+ floor and verdict)."""

    figure: str
    value: float
    unit: str
    baseline: str
    baseline_value: float | None
    ratio: float | None = None
    ratio_means: str = ""  # how to read the ratio, e.g. "custom time / plain time"
    floor: str = ""  # the target, in words
    passed: bool | None = None
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Section:
    name: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None
    skipped: str | None = None

    def add(self, *args: Any, **kw: Any) -> Row:
        row = Row(*args, **kw)
        self.rows.append(row)
        return row

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "seconds": round(self.seconds, 2), "error": self.error, "skipped": self.skipped,
                "rows": [r.as_dict() for r in self.rows], "notes": self.notes, "extra": self.extra}


@dataclass
class Sizes:
    """How big each section runs: the issue's sizes, or tiny ones for `--quick`."""

    quick: bool
    corpus: int = 20_000
    fetch_articles: int = 20_000
    dedup: tuple[int, ...] = (10_000, 50_000, 100_000)
    extraction: int = 2_000
    sentiment_pairs: int = 512
    sentiment_single: int = 64
    load_articles: int = 100_000
    load_mentions: int = 500_000
    query_articles: int = 1_000_000
    query_mentions: int = 5_000_000
    #: the issue's sizes: the large backlog is 10x the small one
    memory: tuple[int, int] = (5_000, 50_000)
    end_to_end: int = 20_000
    profile_articles: int = 3_000

    @classmethod
    def for_run(cls, quick: bool) -> Sizes:
        if not quick:
            return cls(quick=False)
        return cls(quick=True, corpus=300, fetch_articles=300, dedup=(500, 1_000, 2_000), extraction=100,
                   sentiment_pairs=64, sentiment_single=16, load_articles=2_000, load_mentions=10_000,
                   query_articles=5_000, query_mentions=25_000, memory=(60, 240), end_to_end=300,
                   profile_articles=60)


def best_of(fn: Callable[[], Any], repeats: int = 3) -> float:
    """Smallest wall time of ``repeats`` calls (the least disturbed by other jobs)."""
    best = float("inf")
    for _ in range(max(1, repeats)):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def fmt(v: float | None) -> str:
    if v is None:
        return "-"
    if v == 0:
        return "0"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 1:
        return f"{v:.2f}"
    return f"{v:.3g}"
