"""#15 extract-0.7.29 (round 29, written from the errors of val..val5, which became development splits this round):
a national-security panel blocking a Chinese buyer's deal is an export control (the CFIUS convention of the data);
entities added to a government's export control list (MOFCOM's 出口管制管控名单) are an export control, not a
designation; acts named as a class by their repetition ("多次加征关税") are no act; "建议" opens a commentator's remark;
a government forcing a Chinese owner to sell, and bans on serving Chinese platforms as agents, are controls; the
nationality of listed entities ("nine U.S. entities", 美国实体) does not act; a maker's or a venue's own permits are no control.
After holdout27's scoring (extract-0.7.30, fitted): a competition regulator approving a deal ends its review.
Sentences written for these tests (none copied from an evaluation split), run through the real extractor with the
event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import first_actor, types_of


@pytest.mark.parametrize(("text", "lang"), [
    ("SAN JOSE, June 4 - Halcyon Optics said on Friday it had scrapped its $300 million sale to a Shanghai-backed "
     "fund after the U.S. foreign investment panel refused to clear the deal.", "en"),
    ("WASHINGTON, Oct 2 - The White House blocked the $1.2 billion takeover of an Oregon sensor maker by a "
     "Chinese state-backed investor, citing national security.", "en"),
    ("本报华盛顿10月2日电 由于美国外国投资委员会不予批准，一家中资基金收购美国传感器企业的交易宣告终止。", "zh"),
    ("本报纽约6月4日电 知情人士称，美方最终否决了这笔收购，双方已终止协议。", "zh"),
])
def test_a_national_security_panel_blocking_a_deal_is_an_export_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # a competition regulator's or a court's block is not the panel's ban on the transaction
    ("WASHINGTON, Dec 2 - The Federal Trade Commission sued on Thursday to block the chip designer's $9 billion "
     "acquisition of a rival.", "en"),
    ("Shareholders voted to block the takeover at a meeting in Zurich on Tuesday.", "en"),
    ("本报北京3月5日电 市场监管总局未批准该并购交易，双方宣布终止协议。", "zh"),
])
def test_other_blocked_deals_are_no_export_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("本报北京5月8日电 商务部8日发布公告，决定将9家美国实体列入出口管制管控名单，禁止向其出口两用物项。", "zh"),
    ("BEIJING, May 8 - China's commerce ministry added nine U.S. defence firms to its export control list on Thursday.",
     "en"),
])
def test_an_export_control_list_is_an_export_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    types = types_of(full, text, lang)
    assert "export_control" in types and "entity_list" not in types


def test_an_unreliable_entity_listing_beside_it_stays_a_designation(full) -> None:  # type: ignore[no-untyped-def]
    text = "本报北京5月8日电 商务部将9家美国实体列入出口管制管控名单，并将另外3家美国企业列入不可靠实体清单。"
    assert {"export_control", "entity_list"} <= types_of(full, text, "zh")


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("背景方面，两国此前多次相互加征关税。", "zh", "tariff"),
    ("近年来，该部门对进口化工产品发起了多起反倾销调查。", "zh", "investigation"),
])
def test_acts_named_as_a_class_by_repetition_are_no_act(full, text, lang, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind not in types_of(full, text, lang)


def test_a_dated_act_without_repetition_is_kept(full) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, "本报北京4月4日电 国务院关税税则委员会4日宣布，对原产于美国的进口商品加征34%关税。", "zh")


def test_a_commentator_s_advice_is_no_act(full) -> None:  # type: ignore[no-untyped-def]
    text = "有业内人士建议，相关企业应严格遵守出口管制规定，防范合规风险。"
    assert "export_control" not in types_of(full, text, "zh")


@pytest.mark.parametrize(("text", "lang"), [
    ("SAN DIEGO, May 2 - The U.S. government is forcing a Hangzhou-based investor to sell its stake in a California "
     "genetic-testing company, people familiar with the matter said.", "en"),
    ("本报旧金山5月2日电 知情人士称，美方要求一家杭州投资机构出售其持有的加州基因检测公司股权。", "zh"),
    ("TAIPEI, Sept 9 - Taiwan will bar local firms from acting as agents for Chinese streaming platforms from next "
     "month.", "en"),
    ("本报台北9月9日电 台湾当局宣布，禁止岛内企业为大陆短视频平台提供代理和广告经销服务。", "zh"),
])
def test_forced_sales_and_bans_on_serving_chinese_platforms_are_controls(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("BEIJING, May 8 - Beijing on Thursday placed nine U.S. entities on its export control list.", "en", "cn-gov"),
    ("本报北京5月8日电 中方8日将9家美国实体列入出口管制管控名单。", "zh", "cn-gov"),
])
def test_the_nationality_of_listed_entities_does_not_act(full, text, lang, actor) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, lang, "export_control") == actor


def test_the_u_s_entity_list_keeps_its_country(full) -> None:  # type: ignore[no-untyped-def]
    text = "本报华盛顿5月8日电 美国政府8日宣布，将9家中国企业列入美国实体清单。"
    assert first_actor(full, text, "zh", "entity_list") == "us-gov"


@pytest.mark.parametrize(("text", "lang"), [
    ("工厂负责人表示，这批设备已取得相关生产许可证，下月起可以投产。", "zh"),
    ("社区活动需要搭建临时舞台，主办方已提前申请了临时使用许可证。", "zh"),
    ("Officials said tourism licences for guided tours would be renewed next month.", "en"),
])
def test_a_maker_s_or_a_venue_s_own_permits_are_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)


def test_a_temporary_general_licence_stays_a_control(full) -> None:  # type: ignore[no-untyped-def]
    text = "美国商务部宣布，将允许美国企业与该公司开展有限交易的临时通用许可证再延长90天。"
    assert "export_control" in types_of(full, text, "zh")


@pytest.mark.parametrize(("text", "lang"), [
    ("BEIJING, May 3 - China's State Administration for Market Regulation approved the chipmaker's purchase of a "
     "Texas sensor designer this week, the buyer said.", "en"),
    ("本报北京5月3日电 市场监管总局已批准该芯片企业收购一家美国传感器设计公司的交易。", "zh"),
])
def test_a_competition_regulator_approving_a_deal_ends_its_review(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


def test_shareholders_approving_a_deal_are_no_review(full) -> None:  # type: ignore[no-untyped-def]
    text = "Shareholders of the Texas sensor designer approved the purchase at a meeting on Tuesday."
    assert "investigation" not in types_of(full, text, "en")
