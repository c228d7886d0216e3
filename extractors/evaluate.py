"""Quality and speed of extraction, measured on the labelled dev set (tests/data/extraction_dev.jsonl).

The dev set is split by the numeric part of each id: odd ids are the *tuning* half (look at them,
tune on them), even ids are *held out* (only ever scored). Entity precision/recall are micro
averages over (article, entity id) pairs; event F1 is the micro F1 over (article, event type)
pairs. Errors are listed for the tuning half only.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sinowatch.errors import ExtractionError
from sinowatch.records import EVENT_TYPES, Document, Extraction

DEFAULT_DEV = Path("tests/data/extraction_dev.jsonl")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], pred: set[Any]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SplitScore:
    n: int = 0
    entities: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPES})


@dataclass
class EvalResult:
    splits: dict[str, SplitScore]
    errors: list[dict[str, Any]]  # tuning half only
    seconds: float


def split_of(item_id: str) -> str:
    digits = re.sub(r"\D", "", item_id)
    if not digits:
        raise ExtractionError(f"dev item id {item_id!r} has no number")
    return "tuning" if int(digits) % 2 == 1 else "held-out"


def load_dev(path: str | Path) -> list[dict[str, Any]]:
    path = Path(path)
    if not path.exists():
        raise ExtractionError(f"no dev set at {path}")
    rows = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            rows.append(row)
        except json.JSONDecodeError as e:
            raise ExtractionError(f"{path}:{no}: not JSON: {e}") from None
    return rows


def evaluate(extractor: Any, rows: Sequence[dict[str, Any]], *, batch_size: int = 64) -> EvalResult:
    docs = [Document(id=r["id"], title=r.get("title", ""), text=r.get("text", ""), lang=r.get("lang")) for r in rows]
    t0 = time.perf_counter()
    extractions = list(extractor.extract(docs, batch_size=batch_size))
    seconds = time.perf_counter() - t0
    splits = {name: SplitScore() for name in ("tuning", "held-out", "all")}
    errors: list[dict[str, Any]] = []
    for row, ex in zip(rows, extractions, strict=True):
        gold_e, pred_e = set(row.get("entities", [])), {r.entity for r in ex.entities}
        gold_t, pred_t = set(row.get("events", [])), {e.type for e in ex.events}
        split = split_of(row["id"])
        for name in (split, "all"):
            s = splits[name]
            s.n += 1
            s.entities.add(gold_e, pred_e)
            s.events.add(gold_t, pred_t)
            for t in EVENT_TYPES:
                s.per_type[t].add({t} & gold_t, {t} & pred_t)
        if split == "tuning" and (gold_e != pred_e or gold_t != pred_t):
            errors.append({
                "id": row["id"], "title": row.get("title", ""),
                "entities_missed": sorted(gold_e - pred_e), "entities_wrong": sorted(pred_e - gold_e),
                "events_missed": sorted(gold_t - pred_t), "events_wrong": sorted(pred_t - gold_t),
            })
    return EvalResult(splits=splits, errors=errors, seconds=seconds)


def extraction_ids(extractions: Iterable[Extraction]) -> list[str]:
    return [e.id for e in extractions]


CUSTOM_COMPONENTS = ("sinowatch_watchlist", "sinowatch_events", "sinowatch_discovery")


def measure_speed(extractor: Any, docs: Sequence[Document], *, batch_size: int = 64, repeats: int = 3) -> dict[str, Any]:
    """Articles/s of ``extractor.extract`` against plain ``nlp.pipe`` over the same texts with the
    same pipelines and the sinowatch components switched off, measured in the same run (best of
    ``repeats``, interleaved so both see the same machine state)."""
    langs = ["zh" if extractor.language(d) == "zh" else "en" for d in docs]
    texts: dict[str, list[str]] = {"en": [], "zh": []}
    for d, lang in zip(docs, langs, strict=True):
        texts[lang].extend([d.title or "", d.text or ""])

    def plain() -> None:
        for lang, nlp in extractor.pipelines.items():
            off = [p for p in CUSTOM_COMPONENTS if p in nlp.pipe_names]
            with nlp.select_pipes(disable=off):
                for _ in nlp.pipe(texts.get(lang, []), batch_size=batch_size):
                    pass

    def custom() -> None:
        for _ in extractor.extract(docs, batch_size=batch_size):
            pass

    plain()  # warm-up: lazy tables, caches
    custom()
    best_plain = best_custom = float("inf")
    for _ in range(max(1, repeats)):
        t0 = time.perf_counter()
        plain()
        t1 = time.perf_counter()
        custom()
        t2 = time.perf_counter()
        best_plain, best_custom = min(best_plain, t1 - t0), min(best_custom, t2 - t1)
    n = len(docs)
    return {
        "articles": n, "repeats": max(1, repeats), "plain_s": best_plain, "custom_s": best_custom,
        "plain_per_s": n / best_plain if best_plain else float("inf"),
        "custom_per_s": n / best_custom if best_custom else float("inf"),
        "overhead_pct": 100.0 * (best_custom / best_plain - 1.0) if best_plain else 0.0,
    }
