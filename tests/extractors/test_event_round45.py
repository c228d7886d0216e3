"""#15 round 45. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.115 (from the spent holdout42's errors; fitted): export curbs named as the scope of a probe are what is
# probed, no control imposed in the sentence
@pytest.mark.parametrize(("text", "lang"), [
    ("The ministry also opened an investigation into U.S. measures that it said hurt supply chains, including curbs that "
     "keep Chinese goods out and limits on exports of advanced chips.", "en"),
    ("The ministry's new probe covers export curbs on lithography equipment as well as visa limits on Chinese students.",
     "en"),
    ("商务部宣布对美方有关做法发起调查，调查范围包括美方对半导体制造设备的出口管制措施。", "zh"),
])
def test_export_curbs_as_a_probes_scope_are_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The Commerce Department opened an investigation into the supplier and imposed export curbs on its Chinese "
     "customers.", "en"),
    ("The Commerce Department on Tuesday tightened export curbs on chipmaking tools to China.", "en"),
    ("商务部宣布对相关企业发起调查，并宣布对其实施出口管制措施。", "zh"),
])
def test_export_curbs_imposed_beside_a_probe_stay(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


# extract-0.7.116 (from the spent holdouts' errors; fitted): shares named without a move (a deal paid in shares, the listed
# shares, an audit market of Hong Kong shares) are no market move; shares that rise, fall or halt still are
@pytest.mark.parametrize("text", [
    "北京消息 某美国模拟芯片企业周二表示，监管机构已批准其以全股票方式收购另一家芯片设计公司。",
    "该公司的美国存托股票在纽约证券交易所挂牌交易。",
    "分析人士认为，外资会计师事务所仍将保留在港股审计中的优势。",
])
def test_shares_named_without_a_move_are_no_market_move(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" not in types_of(full, text, "zh")


@pytest.mark.parametrize("text", [
    "受财报超预期提振，该公司股票周二大涨15%。",
    "两家公司股票自周一开市起停牌，预计停牌时间不超过十个交易日。",
    "受此消息影响，港股科技板块周三重挫，阿里巴巴收跌5%。",
])
def test_shares_that_move_or_halt_stay_a_market_move(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" in types_of(full, text, "zh")


# extract-0.7.117 (from the spent holdout42's errors; fitted): customs passing on a notice or an order to brokers and
# carriers is no probe
@pytest.mark.parametrize(("text", "lang"), [
    ("据两名知情人士透露，海关近日通知多家报关企业，某型号人工智能芯片的报关申请暂不受理。", "zh"),
    ("知情人士称，上海海关周三召集多家货运代理企业，口头传达了上述要求。", "zh"),
    ("Customs officials summoned freight forwarders in Shanghai on Wednesday to relay the order, two people said.", "en"),
])
def test_customs_passing_on_an_order_is_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("海关总署周三表示，已对一起走私高端芯片案件立案调查。", "zh"),
    ("深圳海关查处一起走私芯片案件，涉案货值逾千万元。", "zh"),
    ("Regulators summoned executives of the ride-hailing firm over its handling of user data.", "en"),
])
def test_a_customs_case_or_a_summons_of_executives_stays_a_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


# extract-0.7.118 (from the spent holdouts' errors; fitted): a quarrel over export curbs names the instrument, no act,
# unless an act follows it in the sentence
@pytest.mark.parametrize("text", [
    "Worries over the merger review had weighed on the stock for weeks, as relations between the two capitals remained "
    "tense over chip export curbs.",
    "Buyers have weighed other suppliers since the spring, when the two governments fell into a row over export controls.",
])
def test_a_quarrel_over_export_curbs_is_no_control(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, "en")


def test_an_act_beside_such_a_quarrel_stays(full) -> None:  # type: ignore[no-untyped-def]
    text = ("Amid a row over export controls, the Commerce Department on Friday imposed new export curbs on chipmaking "
            "tools bound for China.")
    assert "export_control" in types_of(full, text, "en")


# extract-0.7.119 (from the spent holdouts' errors; fitted): a standing duty to obey the export-control laws names the
# laws, no act
@pytest.mark.parametrize(("text", "lang"), [
    ("The guidance also says exports of graphite must comply with laws on foreign trade and export control, and it "
     "provides for fines.", "en"),
    ("The supplier said it has always abided by export control regulations in every market where it sells.", "en"),
    ("公告还提醒，相关企业出口石墨产品应当遵守对外贸易和出口管制相关法律法规。", "zh"),
])
def test_a_duty_to_obey_export_control_laws_is_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The Commerce Department said on Tuesday it had rescinded the rule, two days before firms would have had to start "
     "complying with its sweeping curbs on chip exports.", "en"),
    ("To comply with the new export controls announced on Friday, the company halted shipments to the two customers.", "en"),
])
def test_an_act_beside_such_a_duty_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


# extract-0.7.120 (from the spent holdouts' errors; fitted): a probe named as the past ground of duties imposed is no probe
# of its own
@pytest.mark.parametrize("text", [
    "Last month, Washington also imposed duties on Chinese storage racks after a similar investigation.",
    "The latest blow came in May, when Washington cleared the way for anti-dumping duties on Chinese aluminium wheels "
    "after a year-long investigation.",
    "Washington also slapped duties on Chinese garden hoses last year after a similar investigation.",
])
def test_a_probe_as_the_ground_of_duties_is_no_probe(full, text) -> None:  # type: ignore[no-untyped-def]
    found = types_of(full, text, "en")
    assert "tariff" in found
    assert "investigation" not in found


def test_a_probe_into_the_conduct_beside_duties_stays(full) -> None:  # type: ignore[no-untyped-def]
    text = "The Commerce Department imposed duties on Chinese steel racks after an investigation into subsidies."
    assert "investigation" in types_of(full, text, "en")


# extract-0.7.121 (after holdout43's scoring; fitted): duties a body has yet to decide on, and the ordinary rate a good pays
# today, are no tariff act; a probe a body has yet to decide on stays (the data labels it a proposed probe)
@pytest.mark.parametrize(("text", "lang"), [
    ("The trade ministry now has 60 days to reach a preliminary finding and decide whether to levy provisional duties.", "en"),
    ("The valves currently enter at a tariff of 4.5%, or 3% under the regional trade pact.", "en"),
    ("按照规定，主管部门须在60日内作出初步认定，并决定是否临时课征反倾销税。", "zh"),
    ("韩国现行对该产品征收5%的关税，适用自由贸易协定时为零。", "zh"),
])
def test_duties_yet_to_be_decided_or_the_ordinary_rate_are_no_tariff(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The trade ministry decided on Friday to levy provisional duties of up to 30% on the valves.", "en"),
    ("财政部周五决定对原产于中国的阀门临时课征30%的反倾销税。", "zh"),
])
def test_duties_decided_stay(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang)


def test_a_probe_yet_to_be_decided_stays(full) -> None:  # type: ignore[no-untyped-def]
    text = "The commission now has two months to decide whether to open an anti-dumping investigation into the valves."
    assert "investigation" in types_of(full, text, "en")
