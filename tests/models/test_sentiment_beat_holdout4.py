"""The sealed sentiment set of this round (tests/data/sentiment_beat_holdout4.jsonl) is well-formed.

Schema and counts only: the set is scored once by the integrator and nothing is chosen by it
(models/sentiment/GUIDELINE.md, "Data files and events"). Its events are disjoint from the events of
every other sentiment file, its entities are watchlist ids and every mention is written in its text.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT4 = ROOT / "tests" / "data" / "sentiment_beat_holdout4.jsonl"
OTHERS = (
    ROOT / "tests" / "data" / "sentiment_beat.jsonl",
    ROOT / "models" / "sentiment" / "domain_train.jsonl",
    ROOT / "models" / "sentiment" / "domain_train_beat.jsonl",
    ROOT / "models" / "sentiment" / "validation_beat.jsonl",
    ROOT / "tests" / "data" / "sentiment_beat_holdout2.jsonl",
)
KEYS = {"id", "event", "text", "headline", "lead", "entity", "mention", "label", "lang", "topic"}
LABELS = ("positive", "negative", "neutral")


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _event_key(event: str) -> str:
    """``h4-2025-09-slug``, ``te-``, ``tr-``, ``va-`` and ``h2-2025-09-slug`` name one event by what follows the prefix."""
    return event.split("-", 1)[1]


def test_schema_and_text_shape() -> None:
    rows = _rows(HOLDOUT4)
    assert [r["id"] for r in rows] == [f"sh4-{n:03d}" for n in range(1, len(rows) + 1)]
    for r in rows:
        assert set(r) == KEYS, (r["id"], sorted(set(r) ^ KEYS))
        assert r["label"] in LABELS and r["lang"] in ("en", "zh"), r["id"]
        assert r["topic"] in ("policy", "market"), r["id"]
        assert re.fullmatch(r"h4-20(19|2[0-6])-\d\d-[a-z0-9-]+", r["event"]), r["id"]
        assert r["text"] == f"{r['headline']} | {r['lead']}", r["id"]
        assert r["mention"].lower() in r["text"].lower(), r["id"]
        if r["lang"] == "zh":
            assert re.search(r"[\u4e00-\u9fff]", r["headline"]), r["id"]


def test_counts_and_mix() -> None:
    rows = _rows(HOLDOUT4)
    assert len(rows) >= 200
    assert sum(r["topic"] == "policy" for r in rows) >= 110
    assert sum(r["lang"] == "zh" for r in rows) >= 70
    labels = Counter(r["label"] for r in rows)
    assert all(labels[lab] >= 0.2 * len(rows) for lab in LABELS), labels
    per_text: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        assert r["entity"] not in per_text[r["text"]], ("two pairs for one entity and text", r["id"])
        per_text[r["text"]].add(r["entity"])
    assert sum(len(v) >= 2 for v in per_text.values()) >= 50
    assert len({r["event"] for r in rows}) >= 40


def test_entities_are_watchlist_ids() -> None:
    watchlist = yaml.safe_load((ROOT / "models" / "watchlist.yaml").read_text(encoding="utf-8"))
    ids = {e["id"] for e in watchlist["entities"]}
    unknown = sorted({r["entity"] for r in _rows(HOLDOUT4)} - ids)
    assert not unknown, unknown


def test_events_and_texts_are_not_shared_with_other_sentiment_files() -> None:
    rows = _rows(HOLDOUT4)
    mine = {_event_key(r["event"]) for r in rows}
    texts = {r["text"].strip().lower() for r in rows}
    for path in OTHERS:
        other = _rows(path)
        shared = mine & {_event_key(r["event"]) for r in other if r.get("event")}
        assert not shared, (path.name, sorted(shared))
        assert not texts & {r["text"].strip().lower() for r in other}, path.name
