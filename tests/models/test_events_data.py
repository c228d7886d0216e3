"""The event classifier's training sentences: format, size, languages, coverage, the group split,
and no sentence written from an evaluation test storyline."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from sinowatch.models.events import data as evdata

from sinowatch.records import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[2]
STORIES = ROOT / "tests" / "data" / "events" / "STORIES.md"


@pytest.fixture(scope="module")
def rows() -> list[evdata.Sentence]:
    return evdata.load()


def test_committed_file_is_what_the_sources_build(tmp_path: Path, rows: list[evdata.Sentence]) -> None:
    built = evdata.build(out=tmp_path / "s.jsonl")
    assert [s.as_dict() for s in built] == [s.as_dict() for s in rows]
    assert (tmp_path / "s.jsonl").read_text(encoding="utf-8") == evdata.SENTENCES.read_text(encoding="utf-8")


def test_size_languages_types_and_none(rows: list[evdata.Sentence]) -> None:
    assert len(rows) >= 1600
    assert sum(s.lang == "zh" for s in rows) / len(rows) >= 0.30
    counts = Counter(t for s in rows for t in s.labels)
    for split in ("train", "val"):
        in_split = [s for s in rows if s.split == split]
        assert any(not s.labels for s in in_split), split
        assert {t for s in in_split for t in s.labels} == set(EVENT_TYPES), split
    assert min(counts[t] for t in EVENT_TYPES) >= 60
    # the templated minority stays a minority
    assert sum(s.group.startswith("tpl-") for s in rows) / len(rows) < 0.35


def test_format(rows: list[evdata.Sentence]) -> None:
    ids = [s.id for s in rows]
    assert len(set(ids)) == len(ids)
    assert len({re.sub(r"\s+", " ", s.text.lower()) for s in rows}) == len(rows)
    for line in evdata.SENTENCES.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        assert set(d) == {"id", "text", "lang", "labels", "status", "group", "split"}
        assert d["split"] in ("train", "val")
        assert d["status"] in (None, *evdata.STATUSES)
        assert set(d["labels"]) <= set(EVENT_TYPES)


def test_split_is_by_group(rows: list[evdata.Sentence]) -> None:
    splits: dict[str, set[str]] = {}
    for s in rows:
        splits.setdefault(s.group, set()).add(s.split)
    assert all(len(v) == 1 for v in splits.values())
    assert 0.12 <= sum(s.split == "val" for s in rows) / len(rows) <= 0.30


def _test_story_ids() -> set[str]:
    if not STORIES.exists():
        pytest.skip("tests/data/events/STORIES.md absent (written by #15a)")
    text = STORIES.read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^\|\s*([\w-]+)\s*\|[^|]*\|\s*test\s*\|", text, re.M)}


def test_no_group_is_an_evaluation_test_story(rows: list[evdata.Sentence]) -> None:
    test_stories = _test_story_ids()
    assert test_stories, "no test storylines parsed from STORIES.md"
    assert not test_stories & {s.group for s in rows}


def test_bad_source_lines_are_refused_with_the_place() -> None:
    with pytest.raises(ValueError, match="x.txt:3: unknown event type"):
        evdata.parse_line("export_ctrl | text", "x.txt:3")
    with pytest.raises(ValueError, match="unknown status"):
        evdata.parse_line("tariff/maybe | text", "x.txt:4")
    with pytest.raises(ValueError, match="expected 'labels"):
        evdata.parse_line("tariff without a bar", "x.txt:5")
    assert evdata.parse_line("tariff,export_control/enacted | Duties rose.", "x") == (
        ("tariff", "export_control"), "enacted", "Duties rose.")


def test_no_sentence_names_a_test_story_subject(rows: list[evdata.Sentence]) -> None:
    hits = [(s.id, t) for s in rows for t in evdata.TEST_STORY_TERMS if t in s.text.lower()]
    assert not hits


def test_without_groups_and_write(tmp_path: Path, rows: list[evdata.Sentence]) -> None:
    """`train events --exclude-group`: the groups written from the val storylines can be left out
    (the val-clean measurement of MODEL_CARD.md); a misspelt group is refused, not ignored."""
    kept = evdata.without_groups(rows, ["cn-nexperia-2025", "xiaomi-xring"])
    assert {s.group for s in kept} == {s.group for s in rows} - {"cn-nexperia-2025", "xiaomi-xring"}
    assert len(rows) - len(kept) == sum(s.group in ("cn-nexperia-2025", "xiaomi-xring") for s in rows) > 0
    with pytest.raises(ValueError, match="xiaomi-xrnig"):
        evdata.without_groups(rows, ["xiaomi-xrnig"])
    path = evdata.write(kept, tmp_path / "s.jsonl")
    assert evdata.load(path) == kept
