"""Issue #19, round 21: the event layer's ``stalled``, ``supported`` and ``tied`` switches (policy.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sinowatch.models.sentiment.policy import (
    SHIPPED_RULE,
    adjust,
    stalled_stance,
    supported_stance,
    tied_stance,
)

from sinowatch.records import Event, Sentiment

NEG, POS, NEUTRAL = Sentiment("negative", -0.9), Sentiment("positive", 0.9), Sentiment("neutral", 0.0)


def _curb(targets: tuple[str, ...], status: str = "proposed", type_: str = "export_control") -> Event:
    return Event(type=type_, confidence=0.95, sentence="s", entities=targets, actor="bis", targets=targets,
                 status=status, field="title")


@pytest.mark.parametrize(("context", "mention", "targeted", "expected"), [
    # a proposed curb on the firm that another agency stalls: good news for the firm, whatever the act says
    ("Treasury objections stall a Commerce rule to tighten ZTE curbs | The draft would have widened licence needs.",
     "ZTE", True, "positive"),
    ("White House shelves planned sanctions on Hikvision | Officials feared retaliation.", "Hikvision", True,
     "positive"),
    ("Trump says ZTE could be part of a broader trade deal | He held out the prospect of easing the ban.", "ZTE",
     False, "positive"),
    ("Nominee declines to commit to keeping Xiaomi on the Pentagon list | Senators pressed her on it.", "Xiaomi",
     False, "positive"),
    ("美方拟扩大对中兴的出口限制 相关提案暂被搁置 | 多个部门意见不一。", "中兴", True, "positive"),
    ("分析称美方可能放宽对中兴的限制 | 中兴或迎转机。", "中兴", False, "positive"),
    # the words of a stall acting on no restriction, or a curb that is not stalled: no stance
    ("US blocks sales to ZTE under export controls | Suppliers halted shipments.", "ZTE", True, None),
    ("Talks stalled for weeks | Washington added ZTE to the Entity List on Monday.", "ZTE", True, None),
    ("中兴推迟发布新机 | 公司称供应链紧张。", "中兴", False, None),
])
def test_a_stalled_restriction_is_good_news_for_its_target(context: str, mention: str, targeted: bool,
                                                          expected: str | None) -> None:
    events = [_curb(("zte", "hikvision", "xiaomi"))] if targeted else []
    firm = {"ZTE": "zte", "中兴": "zte", "Hikvision": "hikvision", "Xiaomi": "xiaomi"}[mention]
    assert stalled_stance(firm, events, context, mention) == expected
    on, off = replace(SHIPPED_RULE, stalled=True), replace(SHIPPED_RULE, stalled=False)
    got_on = adjust(NEG, firm, events, on, "company", context=context, mention=mention).label
    got_off = adjust(NEG, firm, events, off, "company", context=context, mention=mention).label
    assert got_off == "negative"
    assert got_on == (expected or "negative")


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Pentagon objections stall a Commerce Department rule to widen ZTE curbs | It was due this month.",
     "Commerce Department", "negative"),
    ("美国防部反对 美国商务部扩大对中兴限制的提案暂被搁置 | 提案拟降低门槛。", "美国商务部", "negative"),
    ("Commerce Department adds ZTE units to the Entity List | The rule takes effect today.", "Commerce Department",
     None),
])
def test_a_body_whose_own_rule_stalls_takes_a_setback(context: str, mention: str, expected: str | None) -> None:
    assert stalled_stance("bis", [], context, mention, body=True) == expected
    on = replace(SHIPPED_RULE, stalled=True)
    assert adjust(NEUTRAL, "bis", [], on, "agency", context=context, mention=mention).label == (expected or "neutral")
    assert adjust(NEUTRAL, "bis", [], replace(on, stalled=False), "agency", context=context,
                  mention=mention).label == "neutral"


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Premier tours SMIC's Beijing fab as the state doubles chip aid | He praised local engineers.", "SMIC",
     "positive"),
    ("The strategy pledges to help shield chip designers such as Cambricon from supply shocks | Officials said so.",
     "Cambricon", "positive"),
    ("总理视察中芯国际北京工厂 | 国家将加大对芯片制造的扶持力度。", "中芯国际", "positive"),
    ("政府表示将扶持寒武纪等芯片设计企业 | 规划提出五年目标。", "寒武纪", "positive"),
    # hostile visits and refusals of support are not support; without the state, a visit is a visit
    ("Officials visited SMIC's fab to inspect export records | The probe continues.", "SMIC", None),
    ("政府不支持寒武纪的扩产计划 | 规划未将其纳入。", "寒武纪", None),
    ("Analysts visited SMIC's fab last week | Utilisation is high.", "SMIC", None),
])
def test_the_states_support_for_a_firm_is_good_news(context: str, mention: str, expected: str | None) -> None:
    assert supported_stance(context, mention) == expected
    firm = "smic" if mention in ("SMIC", "中芯国际") else "cambricon"
    on, off = replace(SHIPPED_RULE, supported=True), replace(SHIPPED_RULE, supported=False)
    assert adjust(NEUTRAL, firm, [], on, "company", context=context, mention=mention).label == (expected or "neutral")
    assert adjust(NEUTRAL, firm, [], off, "company", context=context, mention=mention).label == "neutral"
    # a policy act on the firm outranks the support the context states
    curb = _curb((firm,), "enacted", "investigation")
    assert adjust(NEUTRAL, firm, [curb], on, "company", context=context, mention=mention).label == "negative"


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Oppo's sales jump | The brand is benefiting from Huawei's curbs in Europe.", "Huawei", "negative"),
    ("Xiaomi wins share at the expense of Huawei | Its phones sold well.", "Huawei", "negative"),
    ("Intel shares slide as data-centre sales fall | Rival AMD would keep taking server share.", "AMD", "positive"),
    ("荣耀去年出货量大增 | 受益于华为手机业务受限，荣耀份额快速提升。", "华为", "negative"),
    ("小米趁华为手机业务萎缩之机抢占市场 | 超越苹果。", "华为", "negative"),
    ("Huawei and Xiaomi both report higher phone sales | Demand recovered.", "Huawei", None),
])
def test_a_loss_tied_to_a_rivals_gain(context: str, mention: str, expected: str | None) -> None:
    assert tied_stance(context, mention) == expected
    firm = "amd" if mention == "AMD" else "huawei"
    on, off = replace(SHIPPED_RULE, tied=True), replace(SHIPPED_RULE, tied=False)
    assert adjust(NEUTRAL, firm, [], on, "company", context=context, mention=mention).label == (expected or "neutral")
    assert adjust(NEUTRAL, firm, [], off, "company", context=context, mention=mention).label == "neutral"


def test_round21_switches_have_their_own_tag_letters_and_grid() -> None:
    from sinowatch.models.sentiment.eval_events import around

    base = replace(SHIPPED_RULE, stalled=False, supported=False, tied=False, peers=False, lost=False, licences=False,
                   outlook=False, relief=False, blows=False,
                   boosts=False, averted_first=False)  # round 21's
    tags = {replace(base, **{k: True}).tag.removeprefix(base.tag) for k in ("stalled", "supported", "tied")}
    assert tags == {"h", "p", "t"}
    grid = around(base, ["stalled", "supported", "tied"])
    assert len(set(grid)) == 8 and grid[0] == base
