"""#15 extract-0.7.18 (round 19): general mechanisms found on the errors of holdout17, spent in round 19
(``sinowatch eval --articles ... --split holdout17 --error-detail``) - the Commerce Department's Unverified List
(a control), a public sector barred from buying named firms' equipment in Taiwan's wording (公部门), a regulator's
security test of a firm's devices (an investigation), Taiwan's cabinet and communications regulator as actors, a
sentence opening with a later month in the past tense (last year's act), and what is no act: the months a body
has "to decide on" duties, a probe a finding "may be used for", trade-remedy probes named as a class, a blacklist
of contestants, financial reports as a kind of document. Sentences written for these tests (none copied from an
evaluation split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of


@pytest.mark.parametrize(("text", "lang"), [
    ("The Commerce Department on Tuesday added seven Chinese research institutes to its Unverified List.", "en"),
    ("美国商务部周二将7家中国科研机构列入“未经核实清单”。", "zh"),
])
def test_the_unverified_list_is_a_control_not_a_designation(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    types = {e.type for e in events_of(full, text, lang)}
    assert "export_control" in types and "entity_list" not in types


def test_a_public_sector_purchase_ban_in_taiwans_wording_is_a_proposed_control(full) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, "行政院拟禁止公部门采购华为等大陆品牌的网络设备。", "zh") if e.type == "export_control"]
    assert evs and evs[0].status == "proposed" and evs[0].actor == "tw-gov" and "huawei" in evs[0].targets


@pytest.mark.parametrize(("text", "lang"), [
    ("Taiwan's National Communications Commission said it would examine Xiaomi handsets to see whether they "
     "transmit user data to servers in China.", "en"),
    ("台湾通传会宣布对岛内销售的小米手机开展资安检测。", "zh"),
])
def test_a_regulators_security_test_of_a_firms_devices_is_an_investigation(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang) if e.type == "investigation"]
    assert evs and evs[0].actor == "tw-gov" and "xiaomi" in evs[0].targets


def test_a_product_safety_test_without_a_firm_is_no_investigation(full) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in events_of(full, "监管部门本周对市售无线路由器开展网络安全检测。", "zh") if e.type == "investigation"]


@pytest.mark.parametrize(("published", "status"), [("2019-02-11", "background"), ("2019-12-20", "enacted")])
def test_a_sentence_opening_with_a_later_month_is_last_years_act(full, published, status) -> None:  # type: ignore[no-untyped-def]
    text = "In December the cabinet barred government agencies from buying routers made by Huawei."
    evs = [e for e in events_of(full, text, "en", published=published) if e.type == "export_control"]
    assert evs and evs[0].status == status


@pytest.mark.parametrize(("text", "lang"), [
    ("The ministry has up to 12 months to decide on final duties and can impose provisional measures sooner.", "en"),
    ("有学者认为，这一认定可能被写入指引，并被用于审查外资在东南亚的并购项目。", "zh"),
    ("The talent show said it keeps a blacklist of contestants who cheated in earlier seasons.", "en"),
    ("开发者称，这一版本适合阅读合同、财报等长文档。", "zh"),
])
def test_what_is_no_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    policy = {"tariff", "investigation", "entity_list", "market_move"}
    assert not [e for e in events_of(full, text, lang) if e.type in policy]


def test_trade_remedy_probes_named_as_a_class_beside_a_cases_duties_are_no_event(full) -> None:  # type: ignore[no-untyped-def]
    text = ("BEIJING, May 6 - China's commerce ministry said it would impose anti-dumping duties on imported "
            "acrylic fibres from Japan for five years. The case is one of several trade remedy probes Beijing "
            "has opened into chemicals this year.")
    evs = events_of(full, text, "en", published="2025-05-06")
    assert [e for e in evs if e.type == "tariff"]
    assert not [e for e in evs if e.type == "investigation" and "one of several" in e.sentence]


def test_the_history_of_the_case_stays_a_background_probe(full) -> None:  # type: ignore[no-untyped-def]
    text = ("商务部6日宣布，对原产于日本的进口腈纶征收反倾销税，为期五年。这起反倾销调查由商务部于2019年应国内产业申请发起。")
    evs = [e for e in events_of(full, text, "zh", published="2025-05-06") if e.type == "investigation"]
    assert evs and evs[0].status == "background"
