"""The classifier component beside the rules: the combination (pure), candidate selection, the
wiring through Extractor.load and the config switch, and end-to-end behaviour with the bundled
model. Sentences written for these tests (none is in the training data)."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_classifier import combine

from sinowatch.config import ExtractionConfig
from sinowatch.errors import ModelError
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


class Recording:
    """The real bundled classifier, recording which sentences reach it."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.labels, self.thresholds, self.version = inner.labels, inner.thresholds, inner.version
        self.seen: list[str] = []

    def probs(self, texts, batch_size=64):  # type: ignore[no-untyped-def]
        self.seen += list(texts)
        return self.inner.probs(texts, batch_size)


@pytest.fixture(scope="module")
def with_classifier():  # type: ignore[no-untyped-def]
    from sinowatch.extractors.pipeline import Extractor
    from sinowatch.models.events.runtime import EventClassifier

    model = Recording(EventClassifier.load())
    return Extractor.load(ExtractionConfig(event_classifier=True), event_model=model), model


def test_only_candidate_sentences_are_classified(with_classifier) -> None:  # type: ignore[no-untyped-def]
    ex, model = with_classifier
    s1 = "Officials cleared the way for Nvidia to restart deliveries of the chip to Chinese customers."
    s2 = "The weather in Santa Clara was mild."
    s3 = "He thanked the staff."
    model.seen.clear()
    (out,) = list(ex.extract([Document(id="a", title="", text=f"{s1} {s2} {s3}", lang="en")]))
    assert model.seen == [s1]  # no watchlist mention, rule event or cue in s2 and s3
    assert ex.version.endswith("+" + model.version)


def test_strict_candidates_need_a_mention_with_a_cue_or_a_rule_event(with_classifier) -> None:  # type: ignore[no-untyped-def]
    ex, model = with_classifier
    cue_only = "Analysts expect revenue to recover next quarter."  # a cue, no mention, no rule event
    mention_only = "Huawei's headquarters sits in Shenzhen."  # a mention, no cue
    both = "Huawei raised prices of its phones by 5% amid strong demand."  # a mention and a cue ("rais")
    rule = "SMIC shares fell 4% in Hong Kong on Monday."  # a rule event (market_move)
    doc = Document(id="s", title="", text=f"{cue_only} {mention_only} {both} {rule}", lang="en")
    comps = [nlp.get_pipe("sinowatch_event_classifier") for nlp in ex.pipelines.values()]
    try:
        for mode, expected in (("strict", [both, rule]), ("broad", [cue_only, mention_only, both, rule])):
            for c in comps:
                c.candidates_mode = mode
                c._cache.clear()
            model.seen.clear()
            list(ex.extract([doc]))
            assert sorted(model.seen) == sorted(expected), mode
    finally:
        for c in comps:
            c.candidates_mode = "strict"


def test_without_additions_only_droppable_rule_events_are_classified(with_classifier) -> None:  # type: ignore[no-untyped-def]
    ex, model = with_classifier
    weak = "Huawei and a local bank agreed to work together on payments."  # partnership at 0.75
    strong = "SMIC shares fell 4% in Hong Kong on Monday."  # market_move at 0.9
    plain = "Huawei raised prices of its phones by 5% amid strong demand."  # mention + cue, no rule event
    doc = Document(id="v", title="", text=f"{weak} {strong} {plain}", lang="en")
    comps = [nlp.get_pipe("sinowatch_event_classifier") for nlp in ex.pipelines.values()]
    saved = [(c.add_floor, c.weak_rule) for c in comps]
    try:
        for c in comps:
            c.add_floor, c.weak_rule = 1.01, 0.8
            c._cache.clear()
        model.seen.clear()
        list(ex.extract([doc]))
        assert model.seen == [weak]  # nothing else can change: no additions, strong events kept
    finally:
        for c, (a, w) in zip(comps, saved, strict=True):
            c.add_floor, c.weak_rule = a, w
            c._cache.clear()


def test_unknown_candidate_mode_is_refused() -> None:
    import spacy
    from sinowatch.extractors.event_classifier import EventClassifierComponent

    with pytest.raises(ValueError, match="strict"):
        EventClassifierComponent(spacy.blank("en"), candidates="everything")


def test_classifier_adds_an_easing_decision_the_rules_miss(with_classifier, extractor) -> None:  # type: ignore[no-untyped-def]
    ex, _model = with_classifier
    doc = Document(id="b", title="", lang="en",
                   text="Washington signed off on licences that let Applied Materials resume shipments to the Wuxi fab.")
    (rules_only,) = list(extractor.extract([doc]))
    (both,) = list(ex.extract([doc]))
    assert "export_control" not in {e.type for e in rules_only.events}
    (ev,) = [e for e in both.events if e.type == "export_control"]
    assert ev.trigger is None and ev.confidence >= 0.5 and ev.sentence == doc.text


def test_rule_events_survive_where_the_classifier_agrees(with_classifier, extractor) -> None:  # type: ignore[no-untyped-def]
    ex, _model = with_classifier
    doc = Document(id="c", title="U.S. adds Inspur units to the Entity List", lang="en",
                   text="The Commerce Department added six Inspur subsidiaries to the Entity List on Thursday.")
    (rules_only,) = list(extractor.extract([doc]))
    (both,) = list(ex.extract([doc]))
    keep = [(e.type, e.sentence, e.actor, e.targets) for e in rules_only.events if e.type == "entity_list"]
    assert keep and all(k in [(e.type, e.sentence, e.actor, e.targets) for e in both.events] for k in keep)


def test_an_articles_events_do_not_depend_on_the_other_articles_of_its_batch(with_classifier) -> None:  # type: ignore[no-untyped-def]
    """The int8 model quantizes activations per batch: an article's sentences are classified as
    one batch of their own, so its probabilities and events are the same alone or among others."""
    ex, model = with_classifier
    comps = [nlp.get_pipe("sinowatch_event_classifier") for nlp in ex.pipelines.values()]
    target = Document(id="t", title="Washington weighs new curbs on Chinese chip tools", lang="en",
                      text="The administration is considering licence rules for SMIC suppliers, people familiar said. "
                           "Shares of Naura fell 3% on the report. Huawei declined to comment on the plans.")
    others = [Document(id=f"o{i}", title="", lang="en", text=text) for i, text in enumerate([
        "Alibaba said it would invest 380 billion yuan in AI infrastructure over three years, a record sum for "
        "the group, as rivals including Tencent and ByteDance race to build data centres across the country.",
        "Cambricon unveiled a new training chip.", "Baidu released ERNIE 5.0 at its annual developer conference."])]

    def run(docs: list[Document]):  # type: ignore[no-untyped-def]
        for c in comps:
            c._cache.clear()
        model.seen.clear()
        return next(e for e in ex.extract(docs) if e.id == "t")

    alone = run([target])
    calls_alone = len(model.seen)
    among = run([*others, target, *others[::-1]])
    assert [(e.type, e.status, e.confidence, e.sentence) for e in alone.events] == \
        [(e.type, e.status, e.confidence, e.sentence) for e in among.events]
    assert calls_alone > 0


def test_cli_extract_with_the_switch_on(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`sinowatch extract` with extraction.event_classifier = true (the default): the classifier's
    export control replaces the rules' two false partnerships (a price rise, a licence decision);
    with the switch off the rules' events stay."""
    import json
    import subprocess
    import sys

    cfg = tmp_path / "sw.toml"
    cfg.write_text("[extraction]\nevent_classifier = true\n")
    rules_cfg = tmp_path / "rules.toml"
    rules_cfg.write_text("[extraction]\nevent_classifier = false\n")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "title": "", "lang": "en", "text": (
        "Washington signed off on licences that let Applied Materials resume shipments to the Wuxi fab. "
        "Memory prices rose again as partners stocked up.")}) + "\n")
    cli = [sys.executable, "-c", "from sinowatch.cli import main; main()"]
    on = subprocess.run([*cli, "--config", str(cfg), "extract", str(src)], capture_output=True, text=True,
                        timeout=300, cwd=tmp_path)
    off = subprocess.run([*cli, "--config", str(rules_cfg), "extract", str(src)], capture_output=True, text=True,
                         timeout=300, cwd=tmp_path)
    default = subprocess.run([*cli, "extract", str(src)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert default.returncode == 0, default.stderr
    # the default configuration runs the classifier (#15 round 5): same events as the switch on
    assert [e["type"] for e in json.loads(default.stdout)["events"]] == ["export_control"]
    assert on.returncode == 0 and off.returncode == 0, on.stderr + off.stderr
    types_on = [e["type"] for e in json.loads(on.stdout)["events"]]
    types_off = [e["type"] for e in json.loads(off.stdout)["events"]]
    assert types_on == ["export_control"]
    assert "export_control" not in types_off
