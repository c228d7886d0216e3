"""Watchlist matching: traps that must not be tagged, and tricky positives. Examples written for
these tests (not taken from the dev set)."""

from __future__ import annotations

import pytest

TRAPS = [
    # moonshot as a common noun
    ("Putting a data centre on the Moon is a moonshot for any utility.", "moonshot"),
    ("The fusion start-up called its reactor plan a Moonshot in a brochure about plasma physics.", "moonshot"),
    # minimax as a game-theory / optimisation term
    ("The minimax theorem underpins two-player zero-sum games.", "minimax"),
    ("A Minimax search with alpha-beta pruning explores fewer nodes.", "minimax"),
    ("Researchers proposed a MiniMax optimisation objective for robust training.", "minimax"),
    # people named Ernie or Kimi
    ("Golfer Ernie Els won the tournament in 2012.", "baidu"),
    ("The Muppet Ernie sang with his puppet friend Bert on television.", "baidu"),
    ("Kimi Raikkonen drove for Ferrari in Formula One.", "moonshot"),
    ("Our colleague Kimi joined the data-centre team last spring and loves hiking.", "moonshot"),
    # ascend as a verb
    ("Prices of DRAM will ascend further this quarter.", "huawei"),
    ("Ascend the stairs to the summit of the old tower.", "huawei"),
    # big fund / entity list as plain words
    ("A big fund manager in London cut his bets on retailers.", "big-fund"),
    ("The Big Fund Manager Awards honoured pension investors.", "big-fund"),
    ("The tool builds an entity list for each document before annotation.", "entity-list"),
    # H20 as a typo for water
    ("Drink plenty of H20 when the weather is hot.", "nvidia-h20"),
    ("The plant recycles most of its H20 and cools the chips with it.", "nvidia-h20"),
    # other homonyms
    ("Apple growers expect a smaller harvest of millet and corn.", "xiaomi"),
    ("The CAC 40 index closed lower in Paris.", "cac"),
    ("Micron-scale particles can ruin a wafer.", "micron"),
    ("Military intel suggests the drills will continue.", "intel"),
    ("Casino chips act as a substitute for cash.", "chips-act"),
    ("A new drug for AMD, age-related macular degeneration, was approved.", "amd"),
    ("India's Department of Commerce reported higher phone exports.", "us-commerce"),
    ("Kunlun Tech released a new version of its Skywork model.", "kunlunxin"),
    ("The H200 is not the H20: shipments of the H200 resumed.", "nvidia-h20"),
]


@pytest.mark.parametrize(("text", "entity"), TRAPS)
def test_traps_are_not_tagged(tag, text: str, entity: str) -> None:  # type: ignore[no-untyped-def]
    assert entity not in tag(text, "en")


ZH_TRAPS = [
    ("早餐店的豆包今天卖完了。", "bytedance"),
    ("这家店的小米粥很好喝。", "xiaomi"),
    ("《文心雕龙》是一部文学理论著作。", "baidu"),
    ("系统为每篇文档生成一份实体清单。", "entity-list"),
]


@pytest.mark.parametrize(("text", "entity"), ZH_TRAPS)
def test_chinese_traps_are_not_tagged(tag, text: str, entity: str) -> None:  # type: ignore[no-untyped-def]
    assert entity not in tag(text, "zh")


POSITIVES = [
    ("Nvidia's H20 sales resumed.", {"nvidia", "nvidia-h20"}),
    ("Nvidia’s chief executive visited Beijing.", {"nvidia"}),
    ("U.S.-listed SMIC shares fell.", {"smic"}),
    ("Shares of 9988.HK and 0981.HK rose while 688256.SS hit its limit.", {"alibaba", "smic", "cambricon"}),
    ("Moonshot AI released Kimi K2; Moonshot said the model is open.", {"moonshot"}),
    ("MiniMax filed for a Hong Kong IPO.", {"minimax"}),
    ("Huawei's Ascend 910C pairs two Ascend 910B dies.", {"huawei", "ascend-910c", "ascend-910b"}),
    ("The cluster runs on Ascend chips made by Huawei.", {"huawei"}),
    ("BIS added the firms to the Entity List under the Affiliates Rule.", {"bis", "entity-list", "affiliates-rule"}),
    ("The Big Fund will invest in a new wafer fab in Wuxi.", {"big-fund"}),
    ("HBM3E supply is tight; SK hynix sold out.", {"hbm", "sk-hynix"}),
    ("Cambricon's Siyuan 590 (MLU590) targets training.", {"cambricon", "siyuan-590"}),
    ("Kunlunxin shipped the Kunlun P800 to Baidu.", {"kunlunxin", "kunlun-p800", "baidu"}),
    ("HUAWEI AND SMIC SHARES JUMPED ON THE NEWS FROM BEIJING.", {"huawei", "smic"}),
    ("The U.S. Commerce Department and MOFCOM traded barbs over the CHIPS Act.", {"us-commerce", "mofcom", "chips-act"}),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_tricky_positives(tag, text: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert tag(text, "en") == expected


PRODUCTS = [
    ("Qwen3 tops the open-model leaderboard.", "alibaba"),
    ("Kimi K2 is a mixture-of-experts model.", "moonshot"),
    ("Doubao has 100 million daily users.", "bytedance"),
    ("Hunyuan-T1 is a reasoning model.", "tencent"),
    ("Ernie 4.5 was made free for consumers.", "baidu"),
    ("GLM-4.6 runs on domestic chips.", "zhipu"),
]


@pytest.mark.parametrize(("text", "maker"), PRODUCTS)
def test_products_resolve_to_their_maker(tag, text: str, maker: str) -> None:  # type: ignore[no-untyped-def]
    assert tag(text, "en") == {maker}


def test_chinese_aliases(tag) -> None:  # type: ignore[no-untyped-def]
    assert tag("华为发布昇腾950，英伟达H20暂停生产，字节跳动推出豆包大模型。", "zh") == {
        "huawei", "ascend-950", "nvidia", "nvidia-h20", "bytedance"}
    assert tag("商务部将多家美国企业列入不可靠实体清单。") == {"mofcom", "unreliable-entity-list"}
    assert tag("美国商务部把中芯国际列入实体清单。") == {"us-commerce", "smic", "entity-list"}
    # Latin aliases inside Chinese text keep their word boundaries: H200 is not H20
    assert tag("英伟达H200获准对华出口。", "zh") == {"nvidia", "nvidia-h200"}


def test_mentions_carry_offsets_fields_and_sentences(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("Markets were calm. Then Nvidia's H20 was banned.", "en", title="Nvidia news")
    title = [m for m in ex.mentions if m.field == "title"]
    assert [(m.entity, m.start, m.end, m.text) for m in title] == [("nvidia", 0, 6, "Nvidia")]
    body = [m for m in ex.mentions if m.field == "text"]
    text = "Markets were calm. Then Nvidia's H20 was banned."
    for m in body:
        assert text[m.start:m.end] == m.text
        assert m.sentence == "Then Nvidia's H20 was banned."
    roll = {r.entity: r.count for r in ex.entities}
    assert roll == {"nvidia": 2, "nvidia-h20": 1}
