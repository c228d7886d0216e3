"""Quality on the labelled dev set. Only the held-out half (even ids) is asserted; the tuning half
(odd ids) is what the lexicons were tuned on.

Floors asked for, and asserted: entity precision and recall 0.95, event-type F1 0.85 (held-out
reached entity P 0.958 / R 0.995 and event F1 0.854 at the time of writing)."""

from __future__ import annotations

from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parents[1] / "data" / "extraction_dev.jsonl"
EVENT_F1_HELD_OUT = 0.85  # the floor asked for; reached 0.854 at the time of writing


@pytest.fixture(scope="module")
def result(extractor):  # type: ignore[no-untyped-def]
    from sinowatch.extractors.evaluate import evaluate, load_dev

    if not DEV.exists():
        pytest.skip(f"{DEV} not there")
    return evaluate(extractor, load_dev(DEV))


def test_dev_set_is_big_enough(result) -> None:  # type: ignore[no-untyped-def]
    assert result.splits["all"].n >= 200
    assert result.splits["held-out"].n >= 100


def test_held_out_entity_floors(result) -> None:  # type: ignore[no-untyped-def]
    s = result.splits["held-out"]
    assert s.entities.precision >= 0.95
    assert s.entities.recall >= 0.95


def test_held_out_event_f1(result) -> None:  # type: ignore[no-untyped-def]
    assert result.splits["held-out"].events.f1 >= EVENT_F1_HELD_OUT


def test_errors_are_listed_for_the_tuning_half_only(result) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.extractors.evaluate import split_of

    assert all(split_of(e["id"]) == "tuning" for e in result.errors)
