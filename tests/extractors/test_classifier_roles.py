"""Status, actor and targets of events the classifier adds: the rules' own logic run on the typed
sentence, with the type's first cue standing in for the trigger (extractors/classifier_roles.py).
Real pipelines (Extractor.load), sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from sinowatch.extractors.classifier_roles import classifier_roles, cue_span
from sinowatch.extractors.event_classifier import combine
from sinowatch.extractors.matcher import sentence_bounds

from sinowatch.records import EVENT_TYPES


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from sinowatch.extractors.pipeline import Extractor

    return Extractor.load()


def _roles(extractor: Any, lang: str, text: str, sentence_no: int, etype: str) -> dict[str, Any]:
    nlp = extractor.pipelines[lang]
    doc = nlp(text)
    bounds = sentence_bounds(doc)[sentence_no]
    gov_of = nlp.get_pipe("sinowatch_events").government_of
    return classifier_roles(doc, bounds, etype, government_of=gov_of)


def test_cue_span_finds_the_types_word() -> None:
    s = "Officials are weighing new licence rules for sales of advanced chips."
    assert s[slice(*cue_span("export_control", s))].lower().startswith("licen")
    assert cue_span("tariff", s) == (len(s), len(s))  # no cue of the type: after the opening clause


def test_a_weighed_restriction_is_proposed_with_the_named_actor(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Chip stocks slipped on Tuesday. Washington is weighing tighter licence rules for Nvidia "
            "sales to Chinese buyers, people familiar with the matter said.")
    r = _roles(extractor, "en", text, 1, "export_control")
    assert r["status"] == "proposed"
    assert r["actor"] == "us-gov" and r["actor_named"]
    assert "nvidia" in r["targets"]


def test_an_actor_from_earlier_in_the_article_and_the_company_by_coreference(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The Commerce Department on Friday targeted Sugon in a new round of measures. "
            "The company can no longer receive American components without a licence.")
    r = _roles(extractor, "en", text, 1, "export_control")
    assert r["actor"] in {"us-commerce", "bis"} and not r["actor_named"]
    assert r["targets"] == ["sugon"] and r["coref"]
    assert r["status"] == "enacted"


def test_chinese_background_and_reversal(extractor) -> None:  # type: ignore[no-untyped-def]
    r = _roles(extractor, "zh", "该公司自2019年以来一直受到美国出口管制。", 0, "export_control")
    assert r["status"] == "background"
    r = _roles(extractor, "zh", "商务部宣布对相关企业的出口许可给予豁免。", 0, "export_control")
    assert r["status"] == "reversed" and r["actor"] == "mofcom"


def test_combine_uses_the_roles_callable_for_additions() -> None:
    probs = {t: 0.0 for t in EVENT_TYPES} | {"investigation": 0.97}
    seen: list[str] = []

    def roles(etype: str) -> dict[str, Any]:
        seen.append(etype)
        return {"actor": "samr", "targets": ["nvidia"], "status": "proposed", "coref": False, "actor_named": True}

    (ev,) = combine([], "s", probs, {t: 0.5 for t in EVENT_TYPES}, [], add_floor=0.8, roles=roles)
    assert seen == ["investigation"]
    assert ev["status"] == "proposed" and ev["actor"] == "samr" and ev["trigger"] is None


def test_added_events_carry_a_status_end_to_end() -> None:
    from sinowatch.extractors.pipeline import Extractor
    from sinowatch.models.events.runtime import EventClassifier

    from sinowatch.config import ExtractionConfig
    from sinowatch.records import Document

    try:
        model = EventClassifier.load()
    except Exception as e:  # pragma: no cover - artefact absent
        pytest.skip(f"no event classifier artefact: {e}")
    ex = Extractor.load(ExtractionConfig(event_classifier=True), event_model=model)
    # the rules find no export control here (no trigger word); the classifier does (the round-14 ensemble
    # at 0.96; "Officials in Washington are weighing whether to stop Nvidia from shipping the H20 to China",
    # this test's sentence before, averages 0.99 and 0.62 to 0.80, under the 0.85 floor for an added event)
    text = ("Chip stocks were mixed. Washington is weighing whether to stop Nvidia from shipping the H20 chip "
            "to Chinese customers.")
    doc = Document(id="x", title="Chipmakers brace", text=text, lang="en", published="2025-03-15")
    (rules_only,) = Extractor.load().extract([doc])
    assert "export_control" not in {e.type for e in rules_only.events}
    (out,) = ex.extract([doc])
    (ev,) = [e for e in out.events if e.type == "export_control"]
    assert ev.trigger is None and ev.status == "proposed"
    assert ev.targets == ("nvidia", "nvidia-h20") or set(ev.targets) == {"nvidia", "nvidia-h20"}
