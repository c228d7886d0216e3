"""#15 extract-0.7.16 (round 18): general mechanisms found on the errors of holdout15, spent at the end of round 17
(``sinowatch eval --articles ... --split holdout15 --error-detail``) - earlier controls named as a class (English
"earlier restrictions on ... sales", Chinese "近年来 ... 不断收紧"), a trade-remedy case's last step reported with "will
impose" (enacted), a modal probe nearer the trigger than "said it would" and "将依法调查" (proposed), and an origin
country after "the" closing an enumeration (not the actor). Sentences written for these tests (none copied from an
evaluation split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of


@pytest.mark.parametrize(("text", "lang"), [
    ("The lawsuit comes after earlier restrictions on advanced memory sales to China and several export-fraud cases.",
     "en"),
    ("分析人士指出，美方近年来对高端存储芯片对华出口持续加码，业内早有准备。", "zh"),
])
def test_earlier_controls_named_as_a_class_are_no_event(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in events_of(full, text, lang) if e.type in ("export_control", "entity_list")]


@pytest.mark.parametrize(("text", "lang"), [
    ("The Commerce Department imposed new restrictions on advanced memory sales to China on Monday.", "en"),
    ("美国商务部周一宣布收紧高端存储芯片对华出口管制。", "zh"),
])
def test_a_new_control_is_still_found(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang) if e.type == "export_control"]
    assert evs and evs[0].status == "enacted"


@pytest.mark.parametrize(("text", "lang"), [
    ("WASHINGTON, June 3 - The Commerce Department will impose anti-dumping duties on steel racks imported from China, "
     "after the International Trade Commission voted that the imports had hurt American makers.", "en"),
    ("美国商务部当天表示，将对原产于中国的钢制货架正式征收反倾销税。", "zh"),
])
def test_a_trade_remedy_cases_last_step_is_enacted(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang, published="2025-06-03") if e.type == "tariff"]
    assert evs and evs[0].status == "enacted"


def test_duties_awaiting_the_commissions_vote_stay_proposed(full) -> None:  # type: ignore[no-untyped-def]
    text = ("The Commerce Department said it will impose anti-dumping duties on steel racks from China if the "
            "International Trade Commission votes next month that the imports hurt American makers.")
    evs = [e for e in events_of(full, text, "en") if e.type == "tariff"]
    assert evs and evs[0].status == "proposed"


@pytest.mark.parametrize(("text", "lang"), [
    ("The labour ministry said it would review the hiring, and prosecutors said they could open a formal investigation "
     "into whether trade secrets were taken.", "en"),
    ("韩国产业通商资源部8日表示，将依法调查该工程师是否泄露了半导体核心技术。", "zh"),
])
def test_a_probe_that_may_come_is_proposed(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang) if e.type == "investigation"]
    assert evs and evs[0].status == "proposed"


def test_a_probe_said_to_be_opened_is_enacted(full) -> None:  # type: ignore[no-untyped-def]
    text = "The regulator said it had opened a formal investigation into whether trade secrets were taken."
    evs = [e for e in events_of(full, text, "en") if e.type == "investigation"]
    assert evs and evs[0].status == "enacted"


def test_an_origin_country_after_the_closing_an_enumeration_does_not_act(full) -> None:  # type: ignore[no-untyped-def]
    text = ("BEIJING, May 5 - China's commerce ministry set anti-dumping duties on propanol on Monday. Background: in "
            "March it imposed duties on butanol from Malaysia, Thailand and the United States.")
    evs = [e for e in events_of(full, text, "en", published="2025-05-05") if e.type == "tariff"]
    assert len(evs) == 2 and {e.actor for e in evs} == {"mofcom"}
