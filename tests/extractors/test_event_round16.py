"""#15 extract-0.7.12 (after round 15's scoring): general mechanisms found on the errors of holdout13, spent at
the end of round 15 (``sinowatch eval --articles ... --split holdout13 --error-detail``) - prosecutors' charges
(investigation), breaches of export controls alleged in a case (no new control), utility tariffs, a game's
sanctions, a deposit that may follow a ruling, reviews escaped or preceding an order, unconfirmed rumours and
speculation, allusions to backers and to investing in general; actors: China's State Council and its tariff
commission act as ``cn-gov`` (as do China's tariffs outside trade-remedy cases), Korean prosecutors and police,
the U.S. Justice Department in Chinese, "mainland China" as a place; "可能被征收" proposed. Sentences written for
these tests (none copied from an evaluation split), run through the real extractor: rules only
(``extract_one``) or with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("The Justice Department on Tuesday charged three engineers with passing wafer designs to a rival in Hefei.",
     "en", "us-gov"),
    ("South Korean prosecutors indicted two former SK Hynix researchers on Friday over leaked memory recipes.",
     "en", "kr-gov"),
    ("美国司法部周二对三名工程师提起诉讼，指控他们向合肥一家企业泄露晶圆设计。", "zh", "us-gov"),
])
def test_prosecutors_charges_are_investigations_with_their_government(full, text, lang, actor) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang) if e.type == "investigation"]
    assert evs and evs[0].actor == actor and evs[0].status == "enacted"


@pytest.mark.parametrize("text", [
    "The cloud provider charged customers a premium for reserved GPU capacity last quarter.",
    "Prosecutors could charge the trader later this year if new evidence emerges, his lawyer said.",
])
def test_fees_and_possible_charges_are_no_case(extract_one, text) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in extract_one(text, "en").events if e.type == "investigation"]
    assert not evs or evs[0].status != "enacted"


@pytest.mark.parametrize(("text", "lang"), [
    ("Prosecutors said the pair shipped the servers through Singapore in violation of U.S. export controls.", "en"),
    ("检方称，两人涉嫌违反美国出口管制规定，经新加坡转运服务器。", "zh"),
])
def test_a_breach_of_controls_alleged_in_a_case_is_no_new_control(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in {e.type for e in extract_one(text, lang).events}


def test_a_new_control_is_still_one(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The Commerce Department on Monday imposed new export controls on advanced memory chips bound for China."
    assert "export_control" in {e.type for e in extract_one(text, "en").events}


@pytest.mark.parametrize("text", [
    "The grid operator raised the commercial tariff for the science park in April.",
    "A higher tariff on lab power adds to the observatory's running costs.",
])
def test_a_utility_price_is_no_tariff_even_for_the_classifier(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in {e.type for e in events_of(full, text, "en")}


def test_a_games_sanction_with_point_deductions_is_no_listing(full) -> None:  # type: ignore[no-untyped-def]
    text = "Clubs whose players cheat will be sanctioned with point deductions, the tournament organiser said."
    assert "entity_list" not in {e.type for e in events_of(full, text, "en")}


@pytest.mark.parametrize(("text", "etype"), [
    ("律师表示，如果商务部作出初裁，可能会要求进口商缴纳临时保证金。", "tariff"),
    ("有传言称该部门也在审查另外两笔收购，但未获官方证实。", "investigation"),
    ("有分析师猜测，监管机构或将借新规审查现有持股。", "investigation"),
    ("这家初创公司曾获得多家互联网企业的投资。", "investment"),
    ("近年来，该集团持续加大在东南亚的数据中心投资。", "investment"),
    ("业内人士称，海外基金对国内芯片初创企业的新投资已基本停滞。", "investment"),
])
def test_conditional_steps_rumours_and_allusions_are_noevents_of(extract_one, text, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in {e.type for e in extract_one(text, "zh").events}


@pytest.mark.parametrize(("text", "etype"), [
    ("商务部今日裁定，进口商自明日起须缴纳反倾销保证金。", "tariff"),
    ("该公司完成新一轮融资，获得多家机构50亿元投资。", "investment"),
])
def test_the_acts_themselves_are_still_found(extract_one, text, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in {e.type for e in extract_one(text, "zh").events}


@pytest.mark.parametrize(("title", "text", "lang"), [
    ("国务院关税税则委员会：暂停对美国部分商品加征关税", "北京5月2日消息 国务院关税税则委员会宣布暂停加征关税。商务部新闻发言人表示欢迎。", "zh"),
    ("China to cut tariffs on U.S. farm goods, sources say",
     "BEIJING, May 2 - China is preparing to cut tariffs on some U.S. farm goods, people familiar with the matter "
     "said. The commerce ministry did not respond to a request for comment.", "en"),
])
def test_chinas_tariff_commission_acts_as_the_government(full, title, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang, title=title) if e.type == "tariff"]
    assert evs and {e.actor for e in evs} == {"cn-gov"}


def test_an_anti_dumping_duty_stays_the_ministrys(full) -> None:  # type: ignore[no-untyped-def]
    title = "China imposes anti-dumping duties on U.S. optical fibre"
    text = ("BEIJING, May 2 - China's commerce ministry said on Friday it would impose anti-dumping duties of up to "
            "30% on optical fibre from the United States.")
    evs = [e for e in events_of(full, text, "en", title=title) if e.type == "tariff"]
    assert evs and {e.actor for e in evs} == {"mofcom"}


def test_mainland_china_is_a_place_not_the_actor(full) -> None:  # type: ignore[no-untyped-def]
    text = "The European Commission has proposed adding four companies in mainland China to its sanctions blacklist."
    evs = [e for e in events_of(full, text, "en") if e.type == "entity_list"]
    assert evs and evs[0].actor == "eu"


def test_a_possible_tariff_in_chinese_is_proposed(full) -> None:  # type: ignore[no-untyped-def]
    text = "美国总统周五表示，在海外组装的笔记本电脑可能被征收20%的关税。"
    evs = [e for e in events_of(full, text, "zh") if e.type == "tariff"]
    assert evs and evs[0].status == "proposed"


# extract-0.7.13 (after holdout14's scoring, from its spent errors): port fees, trade-remedy bodies as a setting,
# platforms' blacklists, qualification licences

@pytest.mark.parametrize(("text", "lang"), [
    ("Beijing started levying special port fees on U.S.-flagged vessels docking at Chinese ports on Friday.", "en"),
    ("中方自本周五起对悬挂美国国旗的船舶收取特别港务费。", "zh"),
])
def test_port_fees_on_a_countrys_vessels_are_tariffs(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in {e.type for e in extract_one(text, lang).events}


def test_a_harbours_fee_for_yachts_without_ships_named_is_no_tariff(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The marina raised its port fees for weekend visitors, the council said."
    assert "tariff" not in {e.type for e in extract_one(text, "en").events}


@pytest.mark.parametrize(("text", "lang"), [
    ("The investigating authority found that the imports had harmed domestic producers, the ministry added.", "en"),
    ("商务部表示，调查机关依法认定倾销与损害之间存在因果关系。", "zh"),
])
def test_a_trade_remedy_body_named_as_a_setting_is_no_new_probe(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in extract_one(text, lang).events}


@pytest.mark.parametrize(("text", "etype"), [
    ("外卖平台表示，对恶意差评的用户，平台将把其列入黑名单。", "entity_list"),
    ("博物馆的文物修复演示由持证人员操作，资质许可证在展台旁公示。", "export_control"),
])
def test_daily_sense_blacklists_and_licences_are_noevents_of(extract_one, text, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in {e.type for e in extract_one(text, "zh").events}


def test_a_government_listing_is_still_one(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "商务部宣布将两家美国军工企业列入不可靠实体清单。"
    assert "entity_list" in {e.type for e in extract_one(text, "zh").events}
