"""#15 round 7 (extract-0.7.0): general mechanisms found on the errors of the spent holdout4 split
(``sinowatch eval --articles ... --split holdout4 --error-detail``) - words in another sense,
a designation's consequences, reversals of planned acts, Chinese licence revocations, sentence-
initial months, the President and USTR as the U.S. government. Sentences written for these tests
(none copied from an evaluation split), English and Chinese, run through the real rules-only
extractor (``extract_one``) or the pure functions."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_roles import event_status, past_date
from sinowatch.extractors.event_vetting import listing_consequence, vet


def _types(ex) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in ex.events}


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        # investment talked about, not made
        ("Vietnam has also attracted data-centre investment from Singapore funds.", "en", "investment"),
        ("The two firms did not say when the first robot would ship or how much they would invest.",
         "en", "investment"),
        ("越南近年来吸引了不少数据中心投资。", "zh", "investment"),
        ("双方未透露投资金额和首款产品的上市时间。", "zh", "investment"),
        ("Under the deal, Beijing pledged to buy an additional $50 billion of U.S. farm goods.", "en", "investment"),
        # another sense of "tariff", a tariff only as a possible outcome
        ("Officials said China had not removed non-tariff barriers on U.S. services.", "en", "tariff"),
        ("Commerce opened a Section 232 investigation into drone imports, a step that could lead to new tariffs.",
         "en", "tariff"),
        # "sanctioned" as approved
        ("The tournament, sanctioned by the city's sports bureau, banned drones from the venue.", "en", "entity_list"),
        # reviews that are not probes, and an inquiry into an accident
        ("他说，这类清单对大型分销商的影响在于合规审查会更严。", "zh", "investigation"),
        ("The metro operator's probe into last week's signal fault is led by an internal panel.", "en", "investigation"),
        # a firm's past output in general, no model named
        ("It has released several open-source models that developers use widely.", "en", "model_release"),
        ("公司成立以来已陆续发布多款开源和闭源大模型。", "zh", "model_release"),
        # revenue and share prices talked about, not moved; missile guidance
        ("此次撤销许可对其整体营收影响有限。", "zh", "market_move"),
        ("该业务去年在华销售额约为9000万美元，占公司总营收不到1%。", "zh", "market_move"),
        ("The chips were found in the guidance systems of missiles.", "en", "market_move"),
        # a firm's own partners in general
        ("Alibaba Cloud said it would keep working with its chip partners, including Intel and AMD.", "en", "partnership"),
    ],
)
def test_round7_wrong_senses(extract_one, text, lang, absent) -> None:  # type: ignore[no-untyped-def]
    assert absent not in _types(extract_one(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "present"),
    [
        ("President Trump signed an order banning transactions with eight Chinese payment apps.", "en", "export_control"),
        ("美国总统签署行政令，宣布禁止与支付宝、微信支付等8款中国应用程序进行交易。", "zh", "export_control"),
        ("ByteDance is working with Broadcom to develop an advanced AI processor, sources said.", "en", "partnership"),
        # the words still fire in their own sense
        ("Washington raised tariffs on Chinese chips to 50%.", "en", "tariff"),
        ("SAMR opened an antitrust probe into the chipmaker.", "en", "investigation"),
        ("Baichuan raised 5 billion yuan in a Series A round.", "en", "investment"),
    ],
)
def test_round7_acts_still_fire(extract_one, text, lang, present) -> None:  # type: ignore[no-untyped-def]
    assert present in _types(extract_one(text, lang))


def test_the_licence_needed_to_ship_to_listed_firms_is_the_listing_not_a_control(extract_one) -> None:  # type: ignore[no-untyped-def]
    listing = ("Commerce added 11 Chinese firms to the Entity List on Monday. Suppliers will need a licence to "
               "ship the companies any item subject to U.S. export regulations.")
    assert _types(extract_one(listing, "en")) == {"entity_list"}
    zh = "美国商务部将11家中国企业列入实体清单。被列入清单后，美国企业向上述实体出口受管制物项须事先申请许可。"
    assert _types(extract_one(zh, "zh")) == {"entity_list"}
    # without a designation in the article, the same requirement is a control of its own
    ev = {"type": "export_control", "sentence": "Suppliers will need a licence to ship the companies any item.",
          "trigger": "licence to ship", "confidence": 0.85}
    assert not listing_consequence(ev, False) and listing_consequence(ev, True)
    assert vet([ev]) == [ev]
    # a control on named items beside a designation stays
    both = extract_one("BIS added 40 firms to the Entity List and imposed new limits on exports of HBM.", "en")
    assert {"entity_list", "export_control"} <= _types(both)


@pytest.mark.parametrize(
    ("etype", "sentence", "trigger", "status"),
    [
        # a planned act called off is a reversal
        ("tariff", "Trump said the United States would not go ahead with a planned increase in tariffs on Chinese goods.",
         "tariffs", "reversed"),
        ("tariff", "The White House called off the tariff rise after the talks.", "tariff", "reversed"),
        ("tariff", "美方决定不再于10月15日将对中国商品加征的关税税率上调。", "加征", "reversed"),
        ("tariff", "美方宣布暂缓加征关税。", "加征", "reversed"),
        ("investigation", "市场监管总局决定中止对该公司的反垄断调查。", "反垄断调查", "reversed"),
        ("export_control", "President Biden revoked three executive orders against Chinese apps.", "executive orders",
         "reversed"),
        # licences revoked in Chinese restrict; a done act is news even when sourced to reports
        ("export_control", "日本企业确认，其向华为供货的部分出口许可被撤销。", "出口许可", "enacted"),
        ("export_control", "据外媒援引知情人士报道，美方已撤销部分企业向华为供货的出口许可。", "出口许可", "enacted"),
        # a report of a weighed act stays proposed
        ("export_control", "据知情人士透露，美方正考虑撤销部分企业的出口许可。", "出口许可", "proposed"),
    ],
)
def test_round7_status(etype, sentence, trigger, status) -> None:  # type: ignore[no-untyped-def]
    start = sentence.index(trigger)
    assert event_status(etype, sentence, start, start + len(trigger), lang="zh" if "。" in sentence else "en") == status


def test_a_sentence_initial_month_dates_an_earlier_act() -> None:
    assert past_date("In June it blacklisted five polysilicon makers for using forced labour.", 2021, 7)
    assert past_date("in June it blacklisted five polysilicon makers.", 2021, 7)
    assert not past_date("In June it blacklisted five polysilicon makers.", 2021, 6)
    assert not past_date("May said the rules would follow.", 2021, 7)  # a name, not the month


def test_the_president_and_the_trade_representative_act_for_the_us_government(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("Trump says tariffs on $250 billion of Chinese goods will rise to 30%.", "en")
    assert [e.actor for e in ex.events if e.type == "tariff"] == ["us-gov"]
    ex = extract_one("The U.S. Trade Representative launched a Section 301 investigation into China's shipbuilding.", "en")
    assert [e.actor for e in ex.events if e.type == "investigation"] == ["us-gov"]
    ex = extract_one("美方宣布，将把对约2500亿美元中国输美商品加征的关税税率从25%提高到30%。", "zh")
    assert {e.actor for e in ex.events if e.type == "tariff"} == {"us-gov"}
    ex = extract_one("网络安全审查办公室对该平台启动网络安全审查。", "zh")
    assert [e.actor for e in ex.events if e.type == "investigation"] == ["cac"]
    # a family business named after him is not the government
    assert "us-gov" not in {m.entity for m in extract_one("Trump Media shares fell 8% on Monday.", "en").mentions}
