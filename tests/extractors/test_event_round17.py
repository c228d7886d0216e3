"""#15 extract-0.7.14 (round 17): general mechanisms found on the errors of holdout14, spent at the end of round 16
(``sinowatch eval --articles ... --split holdout14 --error-detail``) - port fees on a country's vessels kept by the
pipeline as it runs (the classifier dropped the rule's 0.9 events), their suspension reversed, tariffs named as an
inquiry's possible outcome in Chinese, earlier tariffs named as a class, rumours an agency would not confirm;
status: "背景方面" and "今年以来" opening a sentence (background), "said he would double tariffs" (proposed), "the fees it
had been charging" (no earlier act). Sentences written for these tests (none copied from an evaluation split), run
through the real extractor: rules only (``extract_one``) or with the event classifier as the pipeline runs it
(``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of


@pytest.mark.parametrize(("text", "lang"), [
    ("Beijing started levying special port fees on U.S.-flagged vessels docking at Chinese ports on Friday.", "en"),
    ("中方自本周五起对悬挂美国国旗的船舶收取特别港务费。", "zh"),
])
def test_port_fees_on_a_countrys_vessels_survive_the_classifier(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang) if e.type == "tariff"]
    assert evs and evs[0].status == "enacted"


@pytest.mark.parametrize(("text", "lang"), [
    ("Washington paused for six months the special port fees it had been collecting on Chinese-built ships.", "en"),
    ("交通运输部宣布，暂停实施对相关船舶收取特别港务费的措施，为期六个月。", "zh"),
])
def test_port_fees_suspended_are_reversed(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang) if e.type == "tariff"]
    assert evs and evs[0].status == "reversed"


def test_an_act_ended_is_not_background_for_what_had_been_going_on(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry lifted the tariffs it had been charging on imported sorghum, effective immediately."
    evs = [e for e in extract_one(text, "en").events if e.type == "tariff"]
    assert evs and evs[0].status != "background"


def test_an_act_that_had_been_done_before_is_still_background(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry had imposed tariffs on imported sorghum before the talks began."
    evs = [e for e in extract_one(text, "en").events if e.type == "tariff"]
    assert evs and evs[0].status == "background"


@pytest.mark.parametrize("text", [
    "调查结果可能导致加征关税或实施进口配额。",
    "分析人士指出，这项调查或将导致对相关产品加征关税。",
])
def test_tariffs_as_an_inquirys_possible_outcome_are_no_tariff(extract_one, text) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in {e.type for e in extract_one(text, "zh").events}


def test_tariffs_imposed_after_an_inquiry_are_still_tariffs(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "商务部周五宣布，根据调查结果对进口相关产品加征15%关税。"
    assert "tariff" in {e.type for e in extract_one(text, "zh").events}


def test_earlier_tariffs_named_as_a_class_are_no_event(full) -> None:  # type: ignore[no-untyped-def]
    text = "The same law underpins earlier U.S. tariffs on other metals, trade lawyers noted on Monday."
    assert "tariff" not in {e.type for e in events_of(full, text, "en")}


def test_tariffs_named_with_their_act_are_kept(full) -> None:  # type: ignore[no-untyped-def]
    text = "The White House imposed tariffs of 25% on imported copper wire on Monday."
    assert "tariff" in {e.type for e in events_of(full, text, "en")}


@pytest.mark.parametrize("text", [
    "另有传言称，商务部正在研究对更多外国企业发起调查，但该部未予证实。",
    "坊间传言监管部门将对该平台展开调查。",
])
def test_rumours_an_agency_would_not_confirm_are_no_probe(extract_one, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in extract_one(text, "zh").events}


@pytest.mark.parametrize("text", [
    "背景方面，今年以来美方已两次提高对进口铝材的关税。",
    "今年以来，美方还将进口钢材的关税提高至40%。",
])
def test_a_background_paragraph_and_this_years_earlier_acts_are_background(extract_one, text) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in extract_one(text, "zh").events if e.type == "tariff"]
    assert evs and all(e.status == "background" for e in evs)


def test_a_new_tariff_in_chinese_without_those_openings_is_enacted(extract_one) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in extract_one("美方周三宣布对进口铝材加征25%关税，即日起生效。", "zh").events if e.type == "tariff"]
    assert evs and evs[0].status == "enacted"


@pytest.mark.parametrize("text", [
    "The president said on Tuesday he would double tariffs on imported aluminium, speaking at a plant in Ohio.",
    "The prime minister said she would triple the levy on imported steel if talks failed.",
])
def test_a_leader_saying_he_would_double_tariffs_is_proposed(extract_one, text) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in extract_one(text, "en").events if e.type == "tariff"]
    assert evs and evs[0].status == "proposed"


def test_tariffs_doubled_are_enacted(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The administration doubled tariffs on imported aluminium to 50% on Wednesday."
    evs = [e for e in extract_one(text, "en").events if e.type == "tariff"]
    assert evs and evs[0].status == "enacted"


@pytest.mark.parametrize(("text", "lang"), [
    ("Dock workers' unions petitioned the trade office on Monday to seek port fees on Chinese-built vessels.", "en"),
    ("听证会上，有船东代表要求对外国建造的船舶征收高额港口费用。", "zh"),
])
def test_port_fees_sought_in_a_petition_are_not_charged(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in {e.type for e in events_of(full, text, lang)}


def test_charges_settled_with_a_regulator_are_an_investigation(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "该公司同意支付300万美元，就监管机构关于其误导投资者的指控达成和解。"
    assert "investigation" in {e.type for e in extract_one(text, "zh").events}


def test_a_settlement_still_sought_is_no_investigation(extract_one) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in extract_one("两家公司正寻求就专利纠纷达成和解。", "zh").events}


@pytest.mark.parametrize(("text", "lang"), [
    ("President Trump said on Sunday he will put a 30% tariff on imported furniture from Nov. 1.", "en"),
    ("美国总统特朗普周日在社交媒体上宣布，将从11月1日起对进口家具征收30%的关税。", "zh"),
])
def test_a_leaders_word_of_a_dated_tariff_is_proposed(extractor, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(extractor, text, lang, published="2025-09-28") if e.type == "tariff"]
    assert evs and evs[0].status == "proposed"


@pytest.mark.parametrize(("text", "lang"), [
    ("President Trump signed a proclamation on Sunday that puts a 30% tariff on imported furniture from Nov. 1.", "en"),
    ("美国总统特朗普周日签署公告，宣布将从11月1日起对进口家具征收30%的关税。", "zh"),
])
def test_a_leaders_signed_tariff_is_enacted(extractor, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(extractor, text, lang, published="2025-09-28") if e.type == "tariff"]
    assert evs and evs[0].status == "enacted"


# after holdout15's scoring (round 17, from its spent errors): the forced-labour law's list, cases ended without
# duties, daily senses of blacklists, "sanctioned", permits and security risks

@pytest.mark.parametrize(("text", "lang"), [
    ("The Department of Homeland Security on Monday added 19 Chinese seafood processors to the list of entities "
     "covered by the forced-labour law.", "en"),
    ("美国国土安全部周一宣布，将19家中国水产加工企业列入依据强迫劳动相关法律设立的实体名单。", "zh"),
])
def test_additions_to_the_forced_labour_list_are_designations_by_the_us_government(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang) if e.type == "entity_list"]
    assert evs and evs[0].actor == "us-gov" and evs[0].status == "enacted"


def test_a_list_of_entities_of_another_kind_is_no_designation(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The conference added 12 universities to the list of entities invited to the robotics final."
    assert "entity_list" not in {e.type for e in extract_one(text, "en").events}


@pytest.mark.parametrize(("text", "lang"), [
    ("The ministry closed its anti-dumping case on imported resin on Friday without imposing duties.", "en"),
    ("商务部周五决定终止对进口树脂的反倾销调查，最终未征收反倾销税。", "zh"),
])
def test_a_case_ended_without_duties_is_no_tariff(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("Fans compiled a blacklist of songs that the stadium DJ must never play again.", "en"),
    ("The city's health bureau has sanctioned trials of the scheduling software in three clinics.", "en"),
    ("参观者须凭临时通行许可证进入园区。", "zh"),
    ("该公司回应称，其产品不对任何用户构成安全风险。", "zh"),
    ("该企业表示不认同调查结论，将提出复议。", "zh"),
])
def test_daily_senses_are_no_events(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not {e.type for e in extract_one(text, lang).events} & {"entity_list", "export_control", "investigation"}
