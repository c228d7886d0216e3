"""Issue #19, round 22: the event layer's ``peers`` and ``lost`` switches (policy.py). Contexts written for these
tests (none copied from a pair file)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sinowatch.models.sentiment.policy import SHIPPED_RULE, EventRule, adjust, lost_customer, shares_news

from sinowatch.records import Sentiment

NEG, POS = Sentiment("negative", -0.9), Sentiment("positive", 0.9)


@pytest.mark.parametrize(("context", "mention", "expected"), [
    # a peer that the text says shares the news: in the mention's own clause, a word of sharing and one of effect
    ("美光季度营收好于预期 | 公司预计内存价格回升，三星电子和SK海力士也有望受益。", "SK海力士", True),
    ("英伟达营收指引远超预期 | 数据中心需求暴增，超微半导体等芯片股同步上涨。", "超微半导体", True),
    ("SK海力士季度利润大跌 | 存储芯片供过于求，三星电子同样承压。", "三星电子", True),
    ("Micron's revenue beats forecasts | Shares of peers including SK Hynix rose in tandem.", "SK Hynix", True),
    # merely named: a buyer, a firm reporting later, or a word of sharing in another clause
    ("美光季度营收好于预期 | 三星电子将于下周公布业绩，公司股价也上涨。", "三星电子", False),
    ("Micron's revenue beats forecasts | Demand from Nvidia for HBM stayed strong.", "Nvidia", False),
    ("Micron's revenue beats forecasts | SK Hynix reports next week; Micron shares also rose.", "SK Hynix", False),
])
def test_a_peer_that_shares_the_news_keeps_the_models_label(context: str, mention: str, expected: bool) -> None:
    assert shares_news(context, mention) is expected
    firm = {"SK海力士": "sk-hynix", "超微半导体": "amd", "三星电子": "samsung", "SK Hynix": "sk-hynix",
            "Nvidia": "nvidia"}[mention]
    model = NEG if "承压" in context else POS
    base = replace(SHIPPED_RULE, boosts=False)  # round 36's boosts reads "也有望受益" on its own
    on, off = replace(base, peers=True), replace(base, peers=False)
    assert adjust(model, firm, [], off, "company", context=context, mention=mention).label == "neutral"
    got = adjust(model, firm, [], on, "company", context=context, mention=mention).label
    assert got == (model.label if expected else "neutral")


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("TSMC's profit hits a record | Demand from Apple more than made up for lost Huawei orders.", "Huawei", True),
    ("SK Hynix's profit falls | The company said it had stopped supplying Huawei under U.S. rules.", "Huawei", True),
    ("台积电季度净利润创新高 | 公司已停止向华为供货，但其他客户需求强劲。", "华为", True),
    ("美光季度营收下滑 | 美方对华为的禁令生效，公司称影响可控。", "华为", True),
    # a customer named as demand, and a lost customer outside results news
    ("TSMC's profit hits a record | Demand from Apple and Huawei stayed strong.", "Huawei", False),
    ("Suppliers stopped supplying Huawei under U.S. rules | The ban took effect on Tuesday.", "Huawei", False),
])
def test_a_customer_a_supplier_lost_is_hit(context: str, mention: str, expected: bool) -> None:
    assert lost_customer(context, mention) is expected
    on = replace(SHIPPED_RULE, lost=True)
    got = adjust(POS, "huawei", [], on, "company", context=context, mention=mention).label
    if expected:
        assert got == "negative"
    else:
        assert got != "negative" or adjust(POS, "huawei", [], SHIPPED_RULE, "company", context=context,
                                           mention=mention).label == "negative"


def test_the_switches_ship_by_round_22s_rule_and_are_stamped_in_the_tag() -> None:
    from sinowatch.models.sentiment.eval_events import around

    # the rule's grid: round 21's shipped setting with each combination of the two switches, fewest first
    # round 22's choice, before round 23's and round 36's switches
    round22 = replace(SHIPPED_RULE, licences=False, outlook=False, relief=False, blows=False, boosts=False,
                      averted_first=False)
    before = replace(round22, peers=False, lost=False)
    grid = around(before, ["peers", "lost"])
    assert grid[0] == before and before.tag == "ev0.9k2nmbvros" and len(set(grid)) == 4
    assert round22 == grid[-1] and round22.tag == "ev0.9k2nmbvrosql"  # both on: V 1053 against 1047
    assert EventRule(peers=True).tag.endswith("q") and EventRule(lost=True).tag.endswith("l")
