"""#15 round 6: vetting of detected events (allusions, negated acts, lists that are not designation
lists), wrong senses of trigger words, and the status of licence grants and extensions. Sentences
written for these tests (none copied from an evaluation split), English and Chinese, run through the
real rules-only extractor (``extract_one``) or the pure functions."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_roles import event_status, past_date
from sinowatch.extractors.event_vetting import allusion, negated, not_designation, vet


def _types(ex) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in ex.events}


def _ev(etype: str, sentence: str, trigger: str | None) -> dict[str, object]:
    return {"type": etype, "sentence": sentence, "trigger": trigger, "confidence": 0.9}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # reactions, standing conditions, negations: the instrument is named, no act is stated
        ("Beijing's embassy accused Washington of abusing export controls to contain Chinese firms.", "en"),
        ("Most Nvidia accelerators remain subject to export restrictions in China, analysts noted.", "en"),
        ("Cambricon kept growing despite the export curbs it has faced for years.", "en"),
        ("Inclusion alone does not trigger export restrictions, a lawyer said.", "en"),
        ("外交部发言人表示，美方不应滥用出口管制，损害中国企业利益。", "zh"),
        ("受访人士说，高端芯片对华出口仍受美国出口管制约束，短期难有变化。", "zh"),
    ],
)
def test_allusions_to_export_controls_are_not_events(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in _types(extract_one(text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # acts on the instrument stay, whatever noun names it
        ("The Commerce Department imposed new export controls on HBM chips on Monday.", "en"),
        ("Tokyo tightened export restrictions on 23 types of chipmaking equipment.", "en"),
        ("商务部宣布对镓、锗相关物项实施出口管制。", "zh"),
        ("The rule requires exporters to obtain licences to ship advanced GPUs to China.", "en"),
    ],
)
def test_acts_on_export_controls_stay(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in _types(extract_one(text, lang))


def test_negated_listing_and_lists_that_are_not_designation_lists(extract_one) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" not in _types(extract_one(
        "The package tightened chip rules but did not add any Chinese firms to the Entity List.", "en"))
    assert "entity_list" in _types(extract_one("BIS added 12 Chinese firms to the Entity List on Tuesday.", "en"))
    # the pure functions, as the classifier's events meet them
    assert not_designation(_ev("entity_list", "商务部称已收到多份申请，但未公布企业名单。", None))
    assert not_designation(_ev("entity_list", "Commerce took 20 firms off its Unverified List.", None))
    assert not not_designation(_ev("entity_list", "美方将多家中国企业列入实体清单。", None))
    assert negated(_ev("entity_list", "It did not add new firms to the Entity List.", "add new firms to the Entity List"))
    assert allusion(_ev("export_control", "China said the U.S. was abusing export controls.", "export controls"))
    assert not allusion(_ev("export_control", "The U.S. announced export controls on HBM.", "export controls"))
    assert not allusion(_ev("tariff", "China said the U.S. was abusing tariffs.", "tariffs"))
    kept = vet([_ev("export_control", "China said the U.S. was abusing export controls.", "export controls"),
                _ev("export_control", "The U.S. announced export controls on HBM.", "export controls")])
    assert [e["sentence"] for e in kept] == ["The U.S. announced export controls on HBM."]


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        ("The model weights are released under an Apache licence that permits commercial use.", "en", "export_control"),
        ("该模型以开源许可证发布，允许商业使用。", "zh", "export_control"),
        ("The order bars Americans from buying or selling securities of the named companies.", "en", "export_control"),
        ("Inner Mongolia cut electricity tariffs for data centres to 0.3 yuan per kilowatt-hour.", "en", "tariff"),
        ("Pension funds may sell holdings after Washington's investment ban on the firms.", "en", "investment"),
        ("业内人士认为，真正的难题在于融资环境。", "zh", "investment"),
    ],
)
def test_wrong_senses(extract_one, text, lang, absent) -> None:  # type: ignore[no-untyped-def]
    assert absent not in _types(extract_one(text, lang))


def test_customs_tariffs_and_temporary_licences_still_fire(extract_one) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in _types(extract_one("Washington raised tariffs on Chinese chips to 50%.", "en"))
    ex = extract_one("Commerce renewed the temporary general licence for ZTE's customers for 90 days.", "en")
    assert "export_control" in _types(ex)
    assert "entity_list" in _types(extract_one("The Treasury put Sugon on its military-industrial complex list.", "en"))


@pytest.mark.parametrize(
    ("etype", "sentence", "trigger", "status"),
    [
        # licences granted, received, extended or renewed after a ban: reversed
        ("export_control", "Commerce extended the temporary licence for ZTE's customers by 90 days.", "temporary licence", "reversed"),
        ("export_control", "Two chipmakers have received annual licences to ship tools to their China fabs.", "licences to ship", "reversed"),
        ("export_control", "美国商务部宣布将该公司的临时通用许可再延长90天。", "临时通用许可", "reversed"),
        ("export_control", "多家美国企业已获得对该公司供货的许可。", "许可", "reversed"),
        # ... but not a requirement to obtain one, nor an extension of licence requirements
        ("export_control", "Exporters must obtain licences to ship the tools to China.", "licences to ship", "enacted"),
        ("export_control", "BIS extended licence requirements to 40 more countries.", "licence requirements", "enacted"),
        ("export_control", "出口企业须获得许可证方可出口相关物项。", "许可证", "enacted"),
        # a restriction imposed with its carve-outs stays enacted; an exemption decided alone is a reversal
        ("export_control", "Tokyo imposed export controls on 23 tools, while exempting allied buyers.", "export controls", "enacted"),
        ("tariff", "The 15% tariff, which Brussels imposed on Friday, carries exemptions for parts.", "tariff", "enacted"),
        ("tariff", "Beijing granted exemptions from its tariffs on U.S. chips.", "tariffs", "reversed"),
        # terminating a probe reverses it
        ("investigation", "The regulator terminated its antitrust probe into the chipmaker.", "antitrust probe", "reversed"),
        ("investigation", "市场监管总局终止了对该公司的反垄断调查。", "反垄断调查", "reversed"),
        # a firm's dated plan in Chinese is proposed
        ("chip_launch", "该公司将于明年推出新一代推理芯片。", "推出新一代推理芯片", "proposed"),
    ],
)
def test_status_of_grants_extensions_and_carve_outs(etype, sentence, trigger, status) -> None:  # type: ignore[no-untyped-def]
    start = sentence.index(trigger)
    assert event_status(etype, sentence, start, start + len(trigger)) == status


def test_days_ago_is_background_and_deadline_months_are_not_the_acts_date() -> None:
    s = "就在三天前，商务部宣布对部分物项实施出口管制。"
    assert event_status("export_control", s, s.index("出口管制"), s.index("出口管制") + 4) == "background"
    s = "BIS, which added the firms to the Entity List two days ago, said more could follow."
    assert event_status("entity_list", s, s.index("added"), s.index("added") + 5) == "background"
    assert not past_date("商务部宣布将许可延长至明年2月中旬。", 2025, 11)
    assert not past_date("有效期由3月1日延至5月15日。", 2025, 6)  # the period's bounds, not the act's date
    assert past_date("3月1日，商务部宣布延长许可。", 2025, 6)  # the act's own month stays past
    assert past_date("今年4月，美方要求H20对华出口必须获得许可证。", 2025, 7)  # unchanged: a past month


def test_the_country_in_a_list_name_is_not_its_actor(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("美方周四宣布，将五家中国芯片企业列入“中国军工复合体企业”清单。", "zh")
    assert [e.actor for e in ex.events if e.type == "entity_list"] == ["us-gov"]


def test_a_designation_is_entity_list_alone_unless_items_are_controlled_too(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("Washington is weighing adding YMTC to the Entity List as part of new restrictions on "
                     "China's chip industry, people familiar said.", "en")
    assert "entity_list" in _types(ex) and "export_control" not in _types(ex)
    ex = extract_one("BIS added 40 firms to the Entity List and imposed new limits on exports of HBM.", "en")
    assert {"entity_list", "export_control"} <= _types(ex)


def test_bulk_buying_is_not_a_partnership(extract_one) -> None:  # type: ignore[no-untyped-def]
    assert "partnership" not in _types(extract_one("今年以来，多家云厂商大量采购国产加速卡。", "zh"))
    assert "partnership" in _types(extract_one("腾讯与寒武纪签署战略合作协议。", "zh"))


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # the listing rule for a class of firms designates no one
        ("Officials have said that companies whose end-use checks cannot be completed may be moved to the "
         "Entity List.", False),
        ("Firms that help Huawei evade the rules could also be added to the Entity List, the official warned.", False),
        ("商务部表示，任何违反规定向美方提供两用物项的企业都可能被列入不可靠实体清单。", False),
        # a designation, made or weighed, of named or counted firms stays
        ("Washington could add CXMT and two SMIC units to the Entity List as soon as next month.", True),
        ("The Commerce Department added 23 Chinese firms that bought tools for SMIC to the Entity List.", True),
    ],
)
def test_a_listing_rule_for_a_class_of_firms_is_not_a_designation(sentence, kept) -> None:  # type: ignore[no-untyped-def]
    assert bool(vet([_ev("entity_list", sentence, None)])) is kept


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # negated, avoided or denied listings designate no one
        ("The company said it was not on the Entity List.", "en"),
        ("SMIC is not on the Entity List, a spokesman said.", "en"),
        ("Unlike Huawei, Xiaomi has never been placed on the Entity List.", "en"),
        ("Cambricon denied reports that it would be added to the Entity List.", "en"),
        ("小米从未被列入实体清单。", "zh"),
    ],
)
def test_negated_and_denied_listings_are_not_events(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" not in _types(extract_one(text, lang))


def test_listings_reported_with_a_negation_elsewhere_stay(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("The Commerce Department added Biren to the Entity List, but did not name Moore Threads.", "en")
    assert "entity_list" in _types(ex)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a supply cut to China ordered by an agency is an export control, whatever the noun
        ("美国商务部工业和安全局已致函三家软件企业，要求其停止向中国客户供应设计工具。", "zh"),
        ("The Commerce Department told the three software makers to stop supplying Chinese customers.", "en"),
    ],
)
def test_ordered_supply_cuts_to_china_are_export_controls(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in _types(extract_one(text, lang))


def test_prior_licence_requirement_restricts_and_no_licence_needed_eases() -> None:
    s = "商务部致函企业，要求其停止向中国客户供应设计工具，今后相关销售须事先获得许可。"
    at = s.index("停止")
    assert event_status("export_control", s, at, at + 12) == "enacted"
    s = "美国商务部宣布修改规定，允许美国企业与华为分享相关技术，无需事先申请许可证。"
    at = s.index("许可证")
    assert event_status("export_control", s, at, at + 3) == "reversed"
