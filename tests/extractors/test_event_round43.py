"""#15 round 43. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.103 (from holdout32's errors; fitted): a diplomat summoned is a protest, not a probe
@pytest.mark.parametrize("text", [
    "Tokyo summoned the Chinese ambassador on Friday to protest the detention of a Japanese businessman.",
    "Berlin summoned China's chargé d'affaires after the cyberattack on a federal agency was traced to Chinese hackers.",
])
def test_a_summoned_diplomat_is_no_probe(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, "en")


@pytest.mark.parametrize("text", [
    "The State Administration for Market Regulation summoned executives of three food-delivery platforms over price wars.",
    "Beijing summoned Nvidia representatives to explain security risks in its H20 chips.",
])
def test_a_regulator_summoning_a_firm_stays_a_probe(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, "en")


# extract-0.7.104 (from holdout28's and holdout16's errors; fitted): a decision still being negotiated or discussed, not
# yet taken, is no act; an act beside a decision pending elsewhere stays
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("Diplomats said a decision on tariffs for Chinese electric bicycles was still being negotiated in Brussels.", "en", "tariff"),
    ("知情人士称，关于对进口无人机零部件加征关税的决定仍在磋商之中。", "zh", "tariff"),
    ("官员表示，对这家平台的数据审查正在讨论之中，但尚未作出决定。", "zh", "investigation"),
])
def test_a_decision_not_yet_taken_is_no_act(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("The Commission imposed provisional duties of up to 30% on Chinese plywood on Friday; a final decision is due in July.",
     "en", "tariff"),
    ("商务部决定自即日起对原产于美国的进口丙酸征收反倾销税。", "zh", "tariff"),
])
def test_a_decision_taken_stays(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in types_of(full, text, lang)


# extract-0.7.105 (from holdout13's errors; fitted): a restriction an instrument "would let" a body impose is a power
# described, no act; a restriction imposed under rules that grant more powers stays
def test_a_restriction_a_tool_would_let_a_body_impose_is_no_act(full) -> None:  # type: ignore[no-untyped-def]
    text = "The package also creates a tool that would let the bloc restrict exports of machine tools to countries that help Moscow."
    assert "export_control" not in types_of(full, text, "en")


def test_a_restriction_imposed_under_such_rules_stays(full) -> None:  # type: ignore[no-untyped-def]
    text = "The Commerce Department on Friday restricted exports of AI chips to China under rules that let it block sales to any buyer."
    assert "export_control" in types_of(full, text, "en")


# extract-0.7.106 (after holdout41's scoring; fitted): the Pentagon's list of Chinese military companies, named by its kind
# and expanded or naming firms, is a designation; a list of something else stays no listing
@pytest.mark.parametrize("text", [
    "Shares of Alibaba slid after the Pentagon's expansion of its list of Chinese military companies, which added the firm.",
    "Baidu said it would challenge its inclusion after the Pentagon posted a military-company list naming it.",
])
def test_the_military_company_list_is_a_designation(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" in types_of(full, text, "en")


def test_another_list_of_companies_is_no_designation(full) -> None:  # type: ignore[no-untyped-def]
    text = "Alibaba topped a magazine's list of Chinese technology companies most admired by graduates."
    assert "entity_list" not in types_of(full, text, "en")


# extract-0.7.107 (after holdout41's scoring; fitted): the licence a revised list requires for shipping to the
# organisations it has just added is the listing's consequence, not a control of its own
def test_the_licence_for_newly_added_organisations_is_the_listing(full) -> None:  # type: ignore[no-untyped-def]
    text = ("TOKYO, Oct 9 - Japan's revised End User List took effect on Thursday, requiring exporters to obtain licences "
            "before shipping goods to 40 newly added organisations.")
    assert types_of(full, text, "en") == {"entity_list"}


def test_a_licence_for_a_class_of_items_stays_a_control(full) -> None:  # type: ignore[no-untyped-def]
    text = ("TOKYO, Oct 9 - Japan on Thursday began requiring exporters to obtain licences before shipping 23 types of "
            "chipmaking equipment abroad.")
    assert "export_control" in types_of(full, text, "en")
