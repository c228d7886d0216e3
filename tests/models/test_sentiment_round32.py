"""Issue #19, round 32: a loss that widens is a market move down, one that narrows a move up, whatever the words of
rising beside it say (``policy.direction``; written from the spent holdout30 pairs). Sentences written for these tests
(none copied from a pair file)."""

from __future__ import annotations

import pytest
from sinowatch.models.sentiment.policy import SHIPPED_RULE, adjust, direction

from sinowatch.records import Event, Sentiment


@pytest.mark.parametrize(("sentence", "way"), [
    ("The chip designer's net loss nearly doubled in 2023 as research spending climbed.", "negative"),
    ("Revenue grew 20%, but the group widened its net loss to $300 million.", "negative"),
    ("该公司上半年营收增长，净亏损同比扩大。", "negative"),
    ("公司2023年净亏损接近翻倍。", "negative"),
    ("The start-up narrowed its loss as sales of its AI servers rose.", "positive"),
    ("该公司上半年营收增长，亏损同比收窄。", "positive"),
])
def test_a_loss_s_growth_or_narrowing_gives_the_direction(sentence: str, way: str) -> None:
    assert direction(sentence) == way


@pytest.mark.parametrize(("sentence", "way"), [
    # no loss named: the words of rising and falling as before
    ("Shares of the chip designer jumped 10% on Monday.", "positive"),
    ("该公司股价盘中暴跌逾9%。", "negative"),
    # a loss named with no word of growth or narrowing: its words of falling as before
    ("该公司一季度由盈转亏，股价下跌5%。", "negative"),
])
def test_other_moves_keep_their_direction(sentence: str, way: str | None) -> None:
    assert direction(sentence) == way


def test_the_layer_reads_a_narrowing_loss_as_good_news_for_its_firm() -> None:
    sentence = "该公司上半年营收增长，亏损同比收窄。"
    move = Event(type="market_move", trigger="亏损", confidence=0.95, sentence=sentence, status="enacted",
                 entities=("iflytek",), targets=("iflytek",))
    got = adjust(Sentiment("negative", -0.6), "iflytek", [move], SHIPPED_RULE, "company",
                 context="科大讯飞上半年亏损收窄 | " + sentence, mention="科大讯飞")
    assert got.label == "positive"
