"""Issue #19, round 36: the event layer's ``relief``, ``blows``, ``boosts`` and ``averted_first`` switches (policy.py),
written from the spent beat sets' errors.
Contexts written for these tests (none copied from a pair file)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sinowatch.models.sentiment.policy import SHIPPED_RULE, adjust, blow_to, boost_to, relief_stance

from sinowatch.records import Event, Sentiment

NEG, NEU = Sentiment("negative", -0.9), Sentiment("neutral", 0.0)
OFF = replace(SHIPPED_RULE, relief=False)


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Governor vetoes the AI liability bill | The veto spares Anthropic and other labs from new testing duties.",
     "Anthropic", True),
    ("Ministry says the chip levy will not apply to memory | The clarification eased worries for SK Hynix, whose "
     "exports depend on the exemption.", "SK Hynix", True),
    ("韩美就芯片关税达成一致 | 三星电子对美出口吃下定心丸，分析师上调其盈利预测。", "三星电子", True),
    ("法院叫停对该应用的禁令 | 字节跳动旗下应用在当地被下架的风险随之解除。", "字节跳动", True),
    # relief for another firm, worries that grew, a firm merely beside the news: no relief
    ("Governor vetoes the AI liability bill | The veto spares Anthropic from new testing duties, unlike OpenAI.",
     "OpenAI", False),
    ("Ministry widens the chip levy to memory | The move deepened worries for SK Hynix.", "SK Hynix", False),
    ("韩美就芯片关税达成一致 | 分析称三星电子仍面临较大不确定性。", "三星电子", False),
])
def test_relief_is_said_of_the_firm(context: str, mention: str, expected: bool) -> None:
    assert relief_stance(context, mention) is expected


def test_relief_overrides_an_event_stance_when_shipped() -> None:
    """The switch is on in the shipped rule: a firm a curb's news names as relieved reads positive, even where an
    event of the context targets it; with the switch off the event's negative stance stands."""
    assert SHIPPED_RULE.relief and "j" in SHIPPED_RULE.tag.removeprefix("ev0.9k2")
    context = ("Court halts the state's ban on the app | ByteDance breathed a sigh of relief as the ban on its app was "
               "put on hold.")
    curb = Event(type="export_control", sentence=context.split(" | ")[1], entities=("bytedance",), confidence=0.95,
                 status="enacted", targets=("bytedance",), field="text")
    assert adjust(NEG, "bytedance", [curb], SHIPPED_RULE, "company", context=context, mention="ByteDance").label == \
        "positive"
    assert adjust(NEG, "bytedance", [curb], OFF, "company", context=context, mention="ByteDance").label == "negative"


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Manila's new data-centre tender picks Nokia, shutting out ZTE | The operator chose the Finnish supplier.", "ZTE",
     True),
    ("The delay is a fresh setback for Intel | The Ohio plant will not open before 2031.", "Intel", True),
    ("运营商将中兴通讯排除在核心网招标之外 | 知情人士称，新一轮招标只邀请了欧洲厂商。", "中兴通讯", True),
    ("销量下滑之际又遭罚款 对小米而言无疑雪上加霜 | 公司股价周五下跌。", "小米", True),
    # a blow to the firm's rivals, an exclusion withheld, a firm merely beside the news
    ("The ruling is a blow to Nvidia's rivals | The court backed its patents.", "Nvidia", False),
    ("Berlin stops short of shutting out ZTE | The rules set checks for every vendor.", "ZTE", False),
    ("运营商未将中兴通讯排除在招标之外 | 各家厂商均可投标。", "中兴通讯", False),
])
def test_a_blow_is_said_of_the_firm(context: str, mention: str, expected: bool) -> None:
    assert blow_to(context, mention) is expected


def test_blows_give_a_negative_label_when_shipped() -> None:
    assert SHIPPED_RULE.blows and "k" in SHIPPED_RULE.tag.removeprefix("ev0.9k2")
    context = "Manila's new data-centre tender picks Nokia, shutting out ZTE | The operator chose the Finnish supplier."
    pos = Sentiment("positive", 0.9)
    assert adjust(pos, "zte", [], SHIPPED_RULE, "company", context=context, mention="ZTE").label == "negative"
    assert adjust(pos, "zte", [], replace(SHIPPED_RULE, blows=False), "company", context=context,
                  mention="ZTE").label == "positive"


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Beijing tells state banks to replace foreign databases | The order is a windfall for Kingsoft and other local "
     "vendors.", "Kingsoft", True),
    ("Seoul adds 10 trillion won to its battery fund | The money will help LG Energy cope with US tariffs.",
     "LG Energy", True),
    ("新规鼓励政务系统采用国产大模型 | 分析称此举利好科大讯飞等本土厂商。", "科大讯飞", True),
    ("政府加码算力补贴 | 市场人士认为，浪潮信息有望受益。", "浪潮信息", True),
    # help denied, a boost for a rival, a firm merely beside the news
    ("Seoul adds 10 trillion won to its battery fund | Analysts said the money would not help LG Energy much.",
     "LG Energy", False),
    ("The ruling is a win for Kingsoft's rivals | The court sided with the smaller vendors.", "Kingsoft", False),
    ("新规鼓励政务系统采用国产大模型 | 分析称此举无助于科大讯飞扭转亏损。", "科大讯飞", False),
])
def test_a_boost_is_said_of_the_firm(context: str, mention: str, expected: bool) -> None:
    assert boost_to(context, mention) is expected


def test_boosts_give_a_positive_label_when_shipped() -> None:
    assert SHIPPED_RULE.boosts and "B" in SHIPPED_RULE.tag
    context = "新规鼓励政务系统采用国产大模型 | 分析称此举利好科大讯飞等本土厂商。"
    assert adjust(NEU, "iflytek", [], SHIPPED_RULE, "company", context=context, mention="科大讯飞").label == "positive"
    assert adjust(NEU, "iflytek", [], replace(SHIPPED_RULE, boosts=False), "company", context=context,
                  mention="科大讯飞").label == "neutral"


def test_a_restriction_withheld_decides_before_an_event_read_in_it() -> None:
    """"stops short of banning" beside a ban event the extractor read in the same words: with ``averted_first`` the
    firm is spared (positive); without it the event's negative stance stands."""
    assert SHIPPED_RULE.averted_first and SHIPPED_RULE.tag.endswith("A")
    context = "Berlin's 5G rules stop short of banning ZTE | The catalogue sets checks for every vendor."
    ban = Event(type="export_control", sentence=context.split(" | ")[0], entities=("zte",), confidence=0.95,
                status="enacted", targets=("zte",), field="title")
    assert adjust(NEU, "zte", [ban], SHIPPED_RULE, "company", context=context, mention="ZTE").label == "positive"
    assert adjust(NEU, "zte", [ban], replace(SHIPPED_RULE, averted_first=False), "company", context=context,
                  mention="ZTE").label == "negative"
