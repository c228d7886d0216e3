"""The round-6 sentiment training and validation pairs (#19) are well-formed and split by event.

``models/sentiment/domain_train_beat6.jsonl`` (ids ``tb6-0001``..., events ``t6-...``) is training data;
``models/sentiment/validation_beat6.jsonl`` (ids ``vb6-001``..., events ``v6-...``) is for choosing things
(thresholds, the neutral band) and is never trained on. Both are written by models/sentiment/GUIDELINE.md
from real 2019-2026 events of the beat. This checks their schema, counts and mix, that every mention is in
its text, that entities are watchlist ids, and that no event or text is shared between the two files or
with any other sentiment file (only event ids and texts are compared; nothing is scored here).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT / "models" / "sentiment" / "domain_train_beat6.jsonl"
VALID = ROOT / "models" / "sentiment" / "validation_beat6.jsonl"
OTHERS = (
    ROOT / "models" / "sentiment" / "domain_train.jsonl",
    ROOT / "models" / "sentiment" / "domain_train_beat.jsonl",
    ROOT / "models" / "sentiment" / "validation_beat.jsonl",
    ROOT / "tests" / "data" / "sentiment_beat.jsonl",
    ROOT / "tests" / "data" / "sentiment_beat_holdout2.jsonl",
    ROOT / "tests" / "data" / "sentiment_beat_holdout4.jsonl",
    ROOT / "tests" / "data" / "sentiment_domain.jsonl",
)
KEYS = {"id", "event", "text", "headline", "lead", "entity", "mention", "label", "lang", "topic"}
LABELS = ("positive", "negative", "neutral")
# file, id pattern, event prefix, minimum pairs, minimum policy share, minimum Chinese pairs
SPECS = (
    (TRAIN, "tb6-{:04d}", "t6", 360, 0.55, 150),
    (VALID, "vb6-{:03d}", "v6", 120, 0.50, 45),
)


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _event_key(event: str) -> str:
    """``t6-2024-05-slug``, ``v6-...``, ``tr-...`` and ``te-...`` name one event by what follows the prefix."""
    return event.split("-", 1)[1]


@pytest.mark.parametrize(("path", "id_format", "prefix", "minimum", "policy", "chinese"), SPECS)
def test_schema_and_text_shape(
    path: Path, id_format: str, prefix: str, minimum: int, policy: float, chinese: int
) -> None:
    rows = _rows(path)
    assert [r["id"] for r in rows] == [id_format.format(n) for n in range(1, len(rows) + 1)]
    for r in rows:
        assert set(r) == KEYS, (r["id"], sorted(set(r) ^ KEYS))
        assert r["label"] in LABELS and r["lang"] in ("en", "zh"), r["id"]
        assert r["topic"] in ("policy", "market"), r["id"]
        assert re.fullmatch(prefix + r"-20(19|2[0-6])-\d\d-[a-z0-9-]+", r["event"]), r["id"]
        assert r["text"] == f"{r['headline']} | {r['lead']}", r["id"]
        assert r["headline"].strip() and r["lead"].strip(), r["id"]
        assert r["mention"].lower() in r["text"].lower(), r["id"]
        has_han = bool(re.search(r"[\u4e00-\u9fff]", r["headline"]))
        assert has_han == (r["lang"] == "zh"), r["id"]


@pytest.mark.parametrize(("path", "id_format", "prefix", "minimum", "policy", "chinese"), SPECS)
def test_counts_mix_and_label_balance(
    path: Path, id_format: str, prefix: str, minimum: int, policy: float, chinese: int
) -> None:
    rows = _rows(path)
    assert len(rows) >= minimum
    assert sum(r["topic"] == "policy" for r in rows) >= policy * len(rows)
    assert sum(r["lang"] == "zh" for r in rows) >= chinese
    labels = Counter(r["label"] for r in rows)
    assert all(labels[lab] >= 0.2 * len(rows) for lab in LABELS), labels
    per_text: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        assert r["entity"] not in per_text[r["text"]], ("two pairs for one entity and text", r["id"])
        per_text[r["text"]].add(r["entity"])
    # several targets per text where natural: a fifth of the texts at least
    assert sum(len(v) >= 2 for v in per_text.values()) >= 0.2 * len(per_text)
    assert len({r["event"] for r in rows}) >= minimum // 10


def test_entities_are_watchlist_ids() -> None:
    watchlist = yaml.safe_load((ROOT / "models" / "watchlist.yaml").read_text(encoding="utf-8"))
    ids = {e["id"] for e in watchlist["entities"]}
    for path, *_ in SPECS:
        unknown = sorted({r["entity"] for r in _rows(path)} - ids)
        assert not unknown, (path.name, unknown)


def test_training_and_validation_share_no_event_or_text() -> None:
    train, valid = _rows(TRAIN), _rows(VALID)
    shared = {_event_key(r["event"]) for r in train} & {_event_key(r["event"]) for r in valid}
    assert not shared, sorted(shared)
    texts = {r["text"].strip().lower() for r in train} & {r["text"].strip().lower() for r in valid}
    assert not texts, sorted(texts)[:3]


def test_events_and_texts_are_not_shared_with_other_sentiment_files() -> None:
    for path, *_ in SPECS:
        rows = _rows(path)
        mine = {_event_key(r["event"]) for r in rows}
        texts = {r["text"].strip().lower() for r in rows}
        for other_path in OTHERS:
            if not other_path.exists():  # a sealed file not merged yet
                continue
            other = _rows(other_path)
            shared = mine & {_event_key(r["event"]) for r in other if r.get("event")}
            assert not shared, (path.name, other_path.name, sorted(shared))
            same = texts & {r["text"].strip().lower() for r in other}
            assert not same, (path.name, other_path.name, sorted(same)[:3])
