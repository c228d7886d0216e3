"""#15 extract-0.7.7 (after round 12's scoring): general mechanisms found on the errors of holdout10,
spent at the end of round 12 (``sinowatch eval --articles ... --split holdout10 --error-detail``) -
firms placed under restrictions by a sanctions package (the designation's consequence), dual-use goods
as the object of trade, scrutiny faced and penalties risked, 审查 in daily senses, stocks as inventory,
prices that did not move, conditions introduced by 以防, and an inquiry concluded by the measures it led
to. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor: rules only (``extract_one``) or with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_classifier import DEFAULT_WEAK_RULE
from sinowatch.extractors.event_vetting import flat_move

from tests.extractors.conftest import events_of


def test_firms_placed_under_restrictions_by_a_designation_are_no_separate_control(full) -> None:  # type: ignore[no-untyped-def]
    text = ("The European Union on Tuesday blacklisted 31 companies, among them nine in mainland China, for helping "
            "Moscow source weapons parts. The package places the firms, located in five countries, under "
            "stricter restrictions on the export of dual-use goods and advanced technology.")
    evs = events_of(full, text, "en", title="Council blacklists 31 more suppliers of Russia's army")
    types = {e.type for e in evs}
    assert "entity_list" in types and "export_control" not in types


def test_chinese_firms_under_export_restrictions_in_a_listing_article(full) -> None:  # type: ignore[no-untyped-def]
    text = ("欧盟理事会周二宣布将31家企业列入对俄制裁名单。根据新方案，欧盟将对上述多国的二十余家企业实施更严格的两用物项出口限制。")
    types = {e.type for e in events_of(full, text, "zh")}
    assert "entity_list" in types and "export_control" not in types


@pytest.mark.parametrize("text", [
    "Prosecutors say the trading house was supplying the navy with dual-use goods such as gyroscopes and radar chips.",
    "The network procured dual-use items through shell firms in three countries, the indictment says.",
])
def test_dual_use_goods_traded_are_no_control(extract_one, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in {e.type for e in extract_one(text, "en").events}


def test_controls_on_dual_use_goods_still_count(extract_one) -> None:  # type: ignore[no-untyped-def]
    ev = extract_one("Tokyo tightened controls on exports of dual-use goods to four countries on Monday.", "en")
    assert "export_control" in {e.type for e in ev.events}


def test_stopping_exporters_from_a_practice_is_no_export_ban(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The fixed fee per crate is meant to stop exporters from undercutting local growers, an official said."
    assert "export_control" not in {e.type for e in extract_one(text, "en").events}
    text = "The ministry will stop exports of the alloy to three buyers from next month."
    assert "export_control" in {e.type for e in extract_one(text, "en").events}


@pytest.mark.parametrize("text", [
    "Ride-hailing apps have faced growing scrutiny in Brussels over how they classify drivers.",
    "Banks that process the payments risk penalties under the new law, lawyers said.",
    "The regulator will enforce the rule, and breaches can draw heavy penalties.",
])
def test_scrutiny_faced_and_penalties_risked_are_no_probe(extract_one, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in extract_one(text, "en").events}


def test_a_fine_imposed_is_still_a_probe(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The competition authority fined the cement maker 40 million euros for price fixing on Thursday."
    assert "investigation" in {e.type for e in extract_one(text, "en").events}


@pytest.mark.parametrize("text", [
    "物流商表示，进口商不得不重新审查供应商名单。",
    "一位货代说，多批机床配件因额外审查在港口滞留。",
    "近年来，多国对跨境数据传输的审查明显趋严。",
])
def test_review_in_daily_senses_is_no_probe(extract_one, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in extract_one(text, "zh").events}


def test_stocks_as_inventory_are_no_market_move(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "Distributors have been building stocks of the resin, and some buyers said prices would go higher."
    assert "market_move" not in {e.type for e in extract_one(text, "en").events}
    text = "Shares of the resin maker fell 6% in Shanghai."
    assert "market_move" in {e.type for e in extract_one(text, "en").events}


@pytest.mark.parametrize(("text", "lang"), [
    ("Shares of the chip designer were little changed in afternoon trading.", "en"),
    ("该公司股价午后基本持平。", "zh"),
])
def test_a_price_that_did_not_move_is_no_market_move(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" not in {e.type for e in events_of(full, text, lang)}


def test_a_small_move_with_a_figure_is_still_a_move() -> None:
    ev = {"type": "market_move", "sentence": "Shares were little changed at the close after an early 3% fall."}
    assert not flat_move(ev)
    assert flat_move(ev | {"sentence": "Shares were little changed at the close."})
    assert not flat_move(ev | {"type": "tariff", "sentence": "Shares were little changed at the close."})


def test_a_duty_in_case_of_is_a_condition(extract_one) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in {e.type for e in extract_one("经销商说，不少客户已提前备货，以防加征关税。", "zh").events}


@pytest.mark.parametrize(("text", "lang"), [
    ("The duties, which take effect on Friday, conclude an investigation the ministry opened after complaints "
     "from domestic glass makers.", "en"),
    ("这一裁定为商务部应国内企业申请发起的反倾销调查画上句号。", "zh"),
])
def test_an_inquiry_concluded_by_its_measures_is_background(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in extract_one(text, lang).events if e.type == "investigation"]
    assert evs and evs[0].status == "background"


def test_an_inquiry_ended_without_measures_is_still_reversed(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry ended its anti-dumping investigation into the solvent on Monday without imposing duties."
    evs = [e for e in extract_one(text, "en").events if e.type == "investigation"]
    assert evs and evs[0].status == "reversed"


def test_a_fine_of_a_stated_amount_is_too_strong_for_the_classifier_to_drop(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = ("BRUSSELS, May 4 - The European Commission on Thursday fined a Dutch navigation maker 52 million euros "
            "for blocking rival map suppliers from its dashboards.")
    evs = [e for e in extract_one(text, "en").events if e.type == "investigation"]
    # the classifier drops only rule events under DEFAULT_WEAK_RULE (0.95)
    assert evs and evs[0].confidence >= DEFAULT_WEAK_RULE and evs[0].status == "enacted" and evs[0].actor == "eu"


def test_a_possible_fine_is_no_decided_penalty(extract_one) -> None:  # type: ignore[no-untyped-def]
    evs = extract_one("Platforms that ignore the rules could be fined up to 6 million euros, officials said.", "en").events
    assert all(e.confidence < 0.95 for e in evs if e.type == "investigation")


# extract-0.7.9 (round 13): private blacklists, what a body can do under its rules, one chamber's vote,
# a law's ban on selling to China (classes found on the spent holdout10; sentences written for these tests)


@pytest.mark.parametrize(("text", "lang"), [
    ("The bakery keeps a blacklist of customers who never collect their orders, most of them placed through Alibaba's Taobao.", "en"),
    ("这家网店建立了买家黑名单，对多次拒收包裹的用户不再发货，店主说淘宝平台也提供类似工具。", "zh"),
])
def test_a_shops_own_blacklist_is_no_designation(full, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" not in {e.type for e in events_of(full, text, lang)}


def test_a_governments_blacklist_still_designates(full) -> None:  # type: ignore[no-untyped-def]
    text = "The Commerce Department on Tuesday added 12 Chinese drone makers to its trade blacklist."
    assert "entity_list" in {e.type for e in events_of(full, text, "en")}


@pytest.mark.parametrize("text", [
    "Under WTO rules the ministry can impose provisional anti-dumping duties within 60 days of a preliminary finding.",
    "The agency is empowered to impose anti-dumping duties on imports under the law, and must conclude its review within a year.",
])
def test_what_a_body_can_do_under_its_rules_is_no_act(extract_one, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in extract_one(text, "en").events if e.type in ("tariff", "investigation")]


def test_duties_imposed_are_still_a_tariff(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry on Tuesday imposed provisional anti-dumping duties of up to 43% on the resin."
    assert "tariff" in {e.type for e in extract_one(text, "en").events}


def test_one_chambers_vote_is_a_proposal_by_the_government(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The Senate voted 88-9 on Thursday to ban exports of advanced AI chips to China without a licence."
    evs = [e for e in extract_one(text, "en").events if e.type == "export_control"]
    assert evs and evs[0].status == "proposed" and evs[0].actor == "us-gov"


def test_the_white_house_approving_is_no_chamber_vote(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The White House approved new export restrictions on advanced AI chips to China on Monday."
    evs = [e for e in extract_one(text, "en").events if e.type == "export_control"]
    assert evs and evs[0].status == "enacted"


def test_a_signed_laws_ban_on_selling_to_china_is_a_control(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "美国总统周五签署一项法案，其中条款禁止基因测序公司向中国等国家出售美国人的基因数据。"
    evs = [e for e in extract_one(text, "zh").events if e.type == "export_control"]
    assert evs and evs[0].status == "enacted"


# extract-0.7.10 (after round 13's scoring): classes found on the spent holdout11; sentences written for these tests


@pytest.mark.parametrize(("text", "lang"), [
    ("Treasury on Tuesday sanctioned three Chinese shipping firms. U.S. persons are generally prohibited from dealing with them.", "en"),
    ("美国财政部周四宣布对两家无人机零部件企业实施制裁，冻结其在美资产，并禁止美国人与其进行交易。", "zh"),
])
def test_a_blocking_sanctions_consequences_are_no_control(full, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    types = {e.type for e in events_of(full, text, lang)}
    assert "entity_list" in types and "export_control" not in types


@pytest.mark.parametrize(("text", "lang"), [
    ("The bill would require the president to impose sanctions on any company that knowingly supplies drones to the militia.", "en"),
    ("法案要求美国政府对明知向该组织提供无人机部件的企业实施制裁。", "zh"),
])
def test_sanctions_on_any_company_that_does_something_are_a_rule_not_a_designation(full, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize("text", [
    "The stadium operator added 120 accounts to a blacklist of scalpers after resale prices tripled.",
    "The football federation sanctioned two clubs for crowd trouble last month.",
])
def test_touts_blacklists_and_sports_discipline_are_no_designation(full, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" not in {e.type for e in events_of(full, text, "en")}


def test_a_divestment_required_by_an_order_is_a_control(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "美国总统周五签署行政令，要求该中国企业在120天内剥离其收购的美国酒店软件业务。"
    assert "export_control" in {e.type for e in extract_one(text, "zh").events}


@pytest.mark.parametrize(("text", "lang"), [
    ("USTR on Friday reinstated tariff exclusions for 81 Chinese medical products.", "en"),
    ("美国贸易代表办公室周五宣布，恢复对81项中国医疗产品的加征关税排除。", "zh"),
])
def test_tariff_exclusions_reinstated_are_an_easing(extract_one, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in extract_one(text, lang).events if e.type == "tariff"]
    assert evs and evs[0].status == "reversed"


@pytest.mark.parametrize(("text", "lang"), [
    ("Producers that cooperated with the investigation were given a lower duty rate of 12%.", "en"),
    ("配合调查的生产商适用较低的12%税率。", "zh"),
])
def test_a_probe_cooperated_with_is_no_new_probe(full, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    # the vetting drops it from the rules and the classifier alike
    assert "investigation" not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("美国财政部10日宣布，对一家成都网络安全公司实施制裁，指控其在2020年利用防火墙漏洞入侵多国网络。", "zh"),
    ("The Treasury on Tuesday sanctioned a Chengdu security firm it accused of breaching thousands of firewalls in 2020.", "en"),
])
def test_the_year_of_the_accused_conduct_does_not_date_the_designation(full, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang, published="2024-12-11") if e.type == "entity_list"]
    assert evs and evs[0].status == "enacted"


@pytest.mark.parametrize(("text", "lang"), [
    ("Canada finds no reason to block the drone maker's sales after a national-security review.", "en"),
    ("荷兰政府完成安全审查后决定不禁止该公司的产品。", "zh"),
])
def test_a_review_that_clears_its_subject_is_an_easing(extract_one, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in extract_one(text, lang).events if e.type == "investigation"]
    assert evs and all(e.status == "reversed" for e in evs)
