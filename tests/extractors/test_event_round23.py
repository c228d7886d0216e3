"""#15 extract-0.7.22 (round 23): an unnamed private commentator's remark states no act (``event_vetting.commentary``),
found on the errors of dev and the spent holdouts; officials, spokespeople, executives and sources still report acts.
Sentences written for these tests (none copied from an evaluation split), run through the real extractor with the
event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_vetting import commentary

from tests.extractors.conftest import events_of


def _types(full, text, lang, published="2022-03-10"):  # type: ignore[no-untyped-def]
    return [e.type for e in events_of(full, text, lang, published=published)]


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("一位长期代理贸易救济案件的律师指出，反倾销调查往往持续一年以上，进口商会提前调整采购。", "zh", "investigation"),
    ("有分析人士认为，加征关税后相关产品的到岸成本可能翻倍。", "zh", "tariff"),
    ("上海一位合规顾问表示，被列入实体清单的企业通常很难在短期内获得许可。", "zh", "entity_list"),
    ("Analysts said the duties would add little to shelf prices because retailers hold large stocks.", "en", "tariff"),
    ("A Brussels trade lawyer said the probe could run for more than a year before any finding.", "en",
     "investigation"),
    ('"Export curbs of this kind tend to spread to neighbouring product lines," a Washington trade attorney said.',
     "en", "export_control"),
])
def test_a_commentators_remark_is_no_act(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert commentary({"sentence": text, "type": etype})
    assert etype not in _types(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("商务部新闻发言人表示，自3月15日起对原产于美国的进口大豆加征10%关税。", "zh", "tariff"),
    ("一位知情人士说，美国商务部将把这家芯片公司列入实体清单。", "zh", "entity_list"),
    ("The Commerce Department said on Monday it had opened an anti-dumping investigation into Chinese tinplate.", "en",
     "investigation"),
    ("China will impose export licensing on graphite from December, traders said the ministry announced.", "en",
     "export_control"),
])
def test_officials_spokespeople_and_sources_still_report_acts(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert not commentary({"sentence": text, "type": etype})
    assert etype in _types(full, text, lang)


def test_a_probe_named_only_in_a_bureaus_name_is_no_probe(full) -> None:  # type: ignore[no-untyped-def]
    said = "商务部贸易救济调查局负责人就美方对华光伏产品的措施发表谈话，称中方将坚决维护企业权益。"
    assert "investigation" not in _types(full, said, "zh")
    opened = "商务部贸易救济调查局宣布，即日起对原产于美国的进口丙酸发起反倾销调查。"
    assert "investigation" in _types(full, opened, "zh")


def test_rules_only_anticipated_are_an_allusion(full) -> None:  # type: ignore[no-untyped-def]
    text = "Memory makers shipped more wafers ahead of stricter export rules, and the firm said 2025 revenue would be flat."
    assert "export_control" not in _types(full, text, "en")
    # a sentence that states the rules' own act keeps it
    stated = "Chipmakers stockpiled tools ahead of new export rules that take effect on Friday."
    assert "export_control" in _types(full, stated, "en")


def test_a_licence_won_to_export_is_an_easing(full) -> None:  # type: ignore[no-untyped-def]
    won = [e for e in events_of(full, "三星电子获美方许可向其西安工厂运送存储芯片设备。", "zh", published="2023-10-10")
           if e.type == "export_control"]
    assert won and all(e.status == "reversed" for e in won)
    # a licence not yet won restricts
    pending = [e for e in events_of(full, "该公司尚未获美方许可，无法向中国客户出口先进芯片。", "zh", published="2023-10-10")
               if e.type == "export_control"]
    assert pending and all(e.status != "reversed" for e in pending)


@pytest.mark.parametrize(("text", "lang"), [
    ("The Senate bill would bar federal contractors from buying drones made by Chinese firms such as DJI.", "en"),
    ("美国参议院一个委员会通过了一项法案，拟授权商务部禁止华为在美销售通信设备。", "zh"),
])
def test_a_bill_that_would_bar_dealings_with_chinese_firms_is_a_proposed_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang, published="2024-05-10") if e.type == "export_control"]
    assert evs and all(e.status == "proposed" for e in evs)


def test_a_bill_on_duties_is_no_control(full) -> None:  # type: ignore[no-untyped-def]
    text = "The bill would restrict imports of Chinese steel by raising duties to 50%."
    assert "export_control" not in _types(full, text, "en")


@pytest.mark.parametrize("text", [
    "Last year the chipmaker agreed to pay $2.1 million to settle U.S. Federal Trade Commission allegations over its ads.",
    "The streaming service said the U.S. Securities and Exchange Commission had asked it for documents on its revenue.",
    "The Commission opened the case in March after a complaint by European makers of the chemical.",
    "The regulator on Monday approved the group's $4.2 billion acquisition of a Dutch chip designer with conditions.",
    "The European Commission said the platform had preliminarily breached the Digital Services Act.",
])
def test_probe_steps_worded_without_a_probe_word(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in _types(full, text, "en")


def test_a_settlement_only_sought_is_no_probe_step(full) -> None:  # type: ignore[no-untyped-def]
    text = "The company is seeking to settle a contract dispute with a supplier over late deliveries."
    assert "investigation" not in _types(full, text, "en")


# extract-0.7.23 (round 23, after holdout21's scoring): what holdout21's errors showed. Sentences written for the tests.
def test_an_unnamed_firms_manager_is_a_commentator(full) -> None:  # type: ignore[no-untyped-def]
    text = "浙江一家轮胎企业的出口经理说：“这个税率我们还能承受，但利润会被压薄很多。”"
    assert commentary({"sentence": text, "type": "market_move"})
    assert "market_move" not in _types(full, text, "zh")


def test_a_tariff_under_study_is_proposed_and_a_rebate_cut_is_no_easing(full) -> None:  # type: ignore[no-untyped-def]
    text = "知情人士称，有关部门正在研究提高稀土永磁材料的出口关税，并考虑取消部分产品的出口退税。"
    evs = [e for e in events_of(full, text, "zh", published="2023-05-10") if e.type == "tariff"]
    assert evs and all(e.status == "proposed" for e in evs)


@pytest.mark.parametrize(("text", "lang"), [
    ("Micron could gain from a US plan to tie chip tariffs to local output", "en"),
    ("美方拟按本土产能比例征收芯片关税 美光将受益", "zh"),
])
def test_a_firm_named_as_an_acts_beneficiary_is_not_its_target(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang, published="2025-10-10") if e.type == "tariff"]
    assert evs and all("micron" not in e.targets for e in evs)
    hit = [e for e in events_of(full, "The U.S. imposed tariffs on Micron's chips made in China.", "en",
                                published="2025-10-10") if e.type == "tariff"]
    assert hit and "micron" in hit[0].targets
