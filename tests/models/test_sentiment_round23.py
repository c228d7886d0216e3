"""Issue #19, round 23: the event layer's ``licences``, ``favoured``, ``faltering``, ``outlook``, ``venues`` and ``lifted``
switches (policy.py). Contexts written for these tests (none copied from a pair file)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sinowatch.models.sentiment.policy import (
    SHIPPED_RULE,
    EventRule,
    adjust,
    faltering,
    favoured_stance,
    licence_stance,
    lifted_curbs,
    outlook_stance,
    venue_only,
)

from sinowatch.records import Event, Sentiment

NEG, POS, NEU = Sentiment("negative", -0.9), Sentiment("positive", 0.9), Sentiment("neutral", 0.0)
SWITCHES = ("licences", "favoured", "faltering", "outlook", "venues", "lifted", "beats")
OFF = replace(SHIPPED_RULE, **{k: False for k in SWITCHES})


def _results_move(entity: str) -> Event:
    return Event(type="market_move", sentence="", entities=(entity,), confidence=0.93, status="enacted", targets=(entity,), field="title")


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Commerce clears AMD to resume MI308 sales in China | The approval came with a revenue-sharing condition.", "AMD",
     "positive"),
    ("Samsung wins a licence to ship memory to its Xian plant | Officials granted the permit for a year.", "Samsung",
     "positive"),
    ("超威半导体获准向中东客户供货 | 分析称新订单可部分抵消中国市场的损失。", "超威半导体", "positive"),
    ("出口许可助超威半导体打开中东市场 | 获批的许可涵盖数千颗加速器。", "超威半导体", "positive"),
    # a proposal to tighten licences, beside a past clearance: bad news
    ("Senators file a bill to let Congress block AMD chip licences | It follows a decision to clear MI308 exports.",
     "AMD", "negative"),
    ("议员提出法案 国会或获对超威半导体芯片出口的否决权 | 此前白宫已批准相关出口。", "超威半导体", "negative"),
    # the guideline's balanced case, a requirement (not a grant), and a firm not named
    ("AMD wins a China licence but loses its biggest Chinese client | Shares were flat.", "AMD", None),
    ("US requires licences for AMD's MI308 sales to China | The rule takes effect at once.", "AMD", None),
    ("Commerce clears AMD to resume MI308 sales in China | The approval came with conditions.", "Nvidia", None),
])
def test_licences_granted_and_proposals_to_tighten_them(context: str, mention: str, expected: str | None) -> None:
    assert licence_stance(context, mention) == expected
    on = replace(OFF, licences=True)
    got = adjust(NEU, "amd", [], on, "company", context=context, mention=mention).label
    assert got == (expected or adjust(NEU, "amd", [], OFF, "company", context=context, mention=mention).label)


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Beijing steers state buyers to home-grown servers | The guidance favours domestic makers such as Inspur.",
     "Inspur", "positive"),
    ("Beijing steers state buyers to home-grown servers | The guidance squeezes foreign vendors including Dell.",
     "Dell", "negative"),
    ("政府采购新规向国产服务器倾斜 | 浪潮信息等本土厂商有望受益。", "浪潮信息", "positive"),
    ("政府采购新规向国产服务器倾斜 | 戴尔等外资厂商的市场份额或将被压缩。", "戴尔", "negative"),
    # named, but not as an example of the favoured or the squeezed
    ("Inspur reports higher revenue | The firm, like Dell, sells servers to state buyers.", "Inspur", None),
])
def test_firms_named_as_examples_of_those_a_measure_favours_or_squeezes(context: str, mention: str,
                                                                        expected: str | None) -> None:
    assert favoured_stance(context, mention) == expected
    if expected:
        # the switch overrides a restrictive act that the extractor read on the favoured firm
        curb = Event(type="export_control", sentence="", entities=("inspur",), confidence=0.95, status="enacted", targets=("inspur",),
                     field="text")
        got = adjust(NEU, "inspur", [curb], replace(OFF, favoured=True), "company", context=context, mention=mention)
        assert got.label == expected


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Oppo's profit climbs as Huawei's handset unit falters | Oppo won buyers from its rival.", "Huawei", True),
    ("Hynix's profit doubles as Huawei stockpiles memory before US curbs | Orders jumped in the quarter.", "Huawei",
     True),
    ("联想季度营收增长两成 | 华为受美国制裁影响个人电脑业务受挫，联想借机扩大份额。", "华为", True),
    ("SK海力士季度利润翻倍 | 华为赶在美国禁令生效前大量采购存储芯片。", "华为", True),
    # merely a buyer, and a setback outside results news
    ("Hynix's profit doubles | Demand from Huawei and Apple stayed strong.", "Huawei", False),
    ("Huawei's handset unit falters under sanctions | Shipments fell in the quarter.", "Huawei", False),
])
def test_a_firm_whose_own_setback_the_results_news_states(context: str, mention: str, expected: bool) -> None:
    assert faltering(context, mention) is expected
    got = adjust(POS, "huawei", [], replace(OFF, faltering=True), "company", context=context, mention=mention).label
    assert got == ("negative" if expected else
                   adjust(POS, "huawei", [], OFF, "company", context=context, mention=mention).label)


@pytest.mark.parametrize(("context", "expected"), [
    ("Marvell raises its AI revenue forecast, but shares fall | Investors had hoped for more.", "neutral"),
    ("美满电子上调全年AI营收预期 股价却下跌 | 投资者对增量并不满意。", "neutral"),
    ("美满电子季度营收创新高 但下季指引不及预期 | 股价盘后走低。", "negative"),
    ("Marvell posts record revenue, but its outlook disappoints | Guidance fell short of estimates.", "negative"),
    ("Marvell raises its AI revenue forecast | Shares rose 7% after hours.", None),
])
def test_results_mixed_by_the_share_move_and_a_weak_outlook(context: str, expected: str | None) -> None:
    assert outlook_stance("marvell", [_results_move("marvell")], context) == expected
    # only for the owner of the headline's results
    assert outlook_stance("nvidia", [_results_move("marvell")], context) is None


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Regulator orders a game app pulled | Phone makers including Xiaomi removed it from their app stores.", "Xiaomi",
     True),
    ("某游戏应用遭点名下架 | 小米、OPPO等手机厂商的应用市场已下架该应用。", "小米", True),
    # the platform is the news, or merely a buyer
    ("Xiaomi pulls a game app from its store | The regulator ordered the removal.", "Xiaomi", False),
    ("A game studio raises funds | Xiaomi led the round.", "Xiaomi", False),
])
def test_a_firm_named_as_the_venue_of_another_firms_product(context: str, mention: str, expected: bool) -> None:
    assert venue_only("xiaomi", [], SHIPPED_RULE, context, mention) is expected
    if expected:
        fine = Event(type="investigation", sentence="", entities=("xiaomi",), confidence=0.95, status="enacted", targets=("xiaomi",),
                     field="text")
        assert venue_only("xiaomi", [fine], SHIPPED_RULE, context, mention) is False  # a policy act on it decides
        got = adjust(NEG, "xiaomi", [], replace(OFF, venues=True), "company", context=context, mention=mention)
        assert got.label == "neutral"


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("A standards body lifts its curbs on ZTE engineers | Members may again review papers.", "ZTE", True),
    ("某学会解除对中兴通讯工程师的限制 | 相关人员可恢复参与标准制定。", "中兴通讯", True),
    ("A standards body imposes curbs on ZTE engineers | Members may no longer review papers.", "ZTE", False),
])
def test_curbs_lifted_by_any_body(context: str, mention: str, expected: bool) -> None:
    assert lifted_curbs(context, mention) is expected
    got = adjust(NEG, "zte", [], replace(OFF, lifted=True), "company", context=context, mention=mention).label
    assert (got == "positive") is expected


def test_the_switches_are_stamped_in_the_tag_and_off_leaves_labels_alone() -> None:
    tags = {k: EventRule(**{k: True}).tag[-1] for k in SWITCHES}
    assert tags == {"licences": "e", "favoured": "f", "faltering": "i", "outlook": "w", "venues": "y", "lifted": "z",
                    "beats": "u"}
    context = "Commerce clears AMD to resume MI308 sales in China | The approval came with conditions."
    assert adjust(NEU, "amd", [], OFF, "company", context=context, mention="AMD").label == "neutral"
    # a body is never read by these switches
    assert adjust(NEU, "us-commerce", [], replace(OFF, licences=True), "agency", context=context,
                  mention="Commerce").label == "neutral"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("长鑫存储季度营收超出预期", "positive"),
    ("Marvell's quarterly revenue tops estimates", "positive"),
    ("美满电子季度营收不及预期", "negative"),
    ("Marvell's revenue misses forecasts", "negative"),
    ("Marvell reports quarterly revenue", None),
])
def test_results_against_expectations_give_a_move_its_direction(sentence: str, expected: str | None) -> None:
    from sinowatch.models.sentiment.policy import beat_direction

    assert beat_direction(sentence) == expected
    move = Event(type="market_move", sentence=sentence, entities=("marvell",), confidence=0.93, status="enacted",
                 targets=("marvell",), field="title")
    on = adjust(NEU, "marvell", [move], replace(OFF, beats=True), "company", context=sentence, mention="x").label
    off = adjust(NEU, "marvell", [move], OFF, "company", context=sentence, mention="x").label
    assert on == (expected or off)


def test_round_23s_rule_shipped_licences_and_outlook() -> None:
    from sinowatch.models.sentiment.eval_events import around

    # the rule's grid: round 22's shipped setting with each combination of the seven switches, fewest first; the best on
    # the new V with the fewest switches was licences + outlook (V 1161 against 1158, general validation equal)
    round23 = replace(SHIPPED_RULE, relief=False, blows=False, boosts=False, averted_first=False)  # round 23's choice, before round 36's
    round22 = replace(round23, licences=False, outlook=False)
    grid = around(round22, list(SWITCHES))
    assert len(set(grid)) == 128 and grid[0] == round22 and round22.tag == "ev0.9k2nmbvrosql"
    assert round23 in grid and round23.tag == "ev0.9k2nmbvrosqlew"
    assert grid.index(round23) < grid.index(replace(round22, licences=True, outlook=True, beats=True))
