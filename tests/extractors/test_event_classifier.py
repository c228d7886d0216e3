"""The classifier component beside the rules: the combination (pure), candidate selection, the
wiring through Extractor.load and the config switch, and end-to-end behaviour with the bundled
model. Sentences written for these tests (none is in the training data)."""

from __future__ import annotations

import pytest

from sinowatch.config import ExtractionConfig
from sinowatch.errors import ModelError
from sinowatch.extractors.event_classifier import combine
from sinowatch.records import EVENT_TYPES, Document

TH = {t: 0.5 for t in EVENT_TYPES}


def _rule(etype: str, conf: float, sentence: str = "s") -> dict:  # type: ignore[type-arg]
    return {"type": etype, "confidence": conf, "sentence": sentence, "entities": [], "actor": None,
            "targets": [], "trigger": "x"}


def test_combine_adds_a_confident_type_the_rules_missed_with_roles() -> None:
    probs = {t: 0.01 for t in EVENT_TYPES} | {"export_control": 0.93}
    out = combine([], "s", probs, TH, [("us-commerce", "agency"), ("nvidia", "company")], add_floor=0.8)
    (ev,) = out
    assert ev["type"] == "export_control" and ev["confidence"] == 0.93 and ev["trigger"] is None
    assert ev["actor"] == "us-commerce" and ev["targets"] == ["nvidia"]
    assert ev["entities"] == ["us-commerce", "nvidia"]


def test_combine_respects_floor_and_per_type_threshold() -> None:
    probs = {t: 0.0 for t in EVENT_TYPES} | {"tariff": 0.75, "investment": 0.9}
    out = combine([], "s", probs, TH | {"investment": 0.95}, [], add_floor=0.7)
    assert [e["type"] for e in out] == ["tariff"]  # investment is under its own threshold
    assert combine([], "s", probs, TH, [], add_floor=1.01) == []  # floor above 1: adding is off


def test_combine_drops_only_weak_rule_events_the_classifier_rejects() -> None:
    rules = [_rule("partnership", 0.66), _rule("investment", 0.88), _rule("tariff", 0.7)]
    probs = {t: 0.001 for t in EVENT_TYPES} | {"tariff": 0.4}
    out = combine(rules, "s", probs, TH, [], add_floor=1.01, drop_below=0.05, weak_rule=0.8)
    # the weak partnership goes; the strong investment stays; the weak tariff stays (p above drop_below)
    assert [e["type"] for e in out] == ["investment", "tariff"]
    # no double event when the rules already found the type
    out2 = combine([_rule("tariff", 0.9)], "s", {"tariff": 0.99}, TH, [], add_floor=0.5)
    assert [e["type"] for e in out2] == ["tariff"]


def test_switch_on_without_a_model_is_a_clear_error() -> None:
    from sinowatch.extractors.pipeline import Extractor

    with pytest.raises(ModelError, match="event_classifier"):
        Extractor.load(ExtractionConfig(event_classifier=True))


class FixedModel:
    """A stand-in with the runtime's interface that answers from a table and records what it saw
    (used to check which sentences are classified; the real model is tested below)."""

    labels = EVENT_TYPES
    thresholds = dict.fromkeys(EVENT_TYPES, 0.5)
    version = "events-fixed"

    def __init__(self, answers: dict[str, dict[str, float]]) -> None:
        self.answers = answers
        self.seen: list[str] = []

    def probs(self, texts, batch_size=64):  # type: ignore[no-untyped-def]
        import numpy as np

        self.seen += list(texts)
        return np.array([[self.answers.get(t, {}).get(k, 0.0) for k in EVENT_TYPES] for t in texts], dtype="float32")


def test_only_candidate_sentences_are_classified_and_results_join_the_events() -> None:
    from sinowatch.extractors.pipeline import Extractor

    s1 = "Officials cleared the way for Nvidia to restart deliveries to Chinese customers."
    s2 = "The weather in Santa Clara was mild."
    s3 = "Prices of the cards rose 10% as partners stocked up."
    model = FixedModel({s1: {"export_control": 0.97}})
    ex = Extractor.load(ExtractionConfig(event_classifier=True), event_model=model)
    (out,) = list(ex.extract([Document(id="a", title="", text=f"{s1} {s2} {s3}", lang="en")]))
    assert s2 not in model.seen  # no watchlist mention, no rule event, no cue
    assert s1 in model.seen
    added = [e for e in out.events if e.type == "export_control"]
    assert added and added[0].sentence == s1 and "nvidia" in added[0].entities
    assert ex.version.endswith("+events-fixed")
