"""#15 round 38 (from the spent holdouts' and the development splits' errors). Sentences written for these tests (none
copied from an evaluation split), run through the real extractor with the event classifier as the pipeline runs it
(``full``)."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_vetting import negated

from tests.extractors.conftest import types_of


# extract-0.7.79: a licence (许可证) is a control's only in the sentence of a trade in goods or technology; permits
# of everyday life (a parking, driving or shop permit) name none, whatever words surround them
@pytest.mark.parametrize("text", [
    "驾校负责人说，新考场启用后，学员考取许可证的时间比以前缩短了一半。",
    "不少车主说，“以前每天晚上都要找车位，现在拿到了许可证，方便多了。”",
    "这家面馆上月已经领到了新的许可证，老板打算在国庆前后开第二家店。",
])
def test_an_everyday_permit_is_no_control(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, "zh")


@pytest.mark.parametrize("text", [
    "商务部表示，企业向境外出口镓、锗相关物项须申请许可证。",
    "多家贸易商表示，许可证办理需要提交最终用户证明和用途说明，流程比以前复杂。",
    "北京10月9日消息 商务部9日宣布，自12月1日起对部分稀土设备和技术实施许可证管理。",
])
def test_a_licence_for_a_trade_is_still_a_control(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, "zh")


# extract-0.7.80 (after holdout36's scoring; fitted): ports ordered to detain a maker's goods, goods made by a named maker
# barred from import, the withhold release order's Chinese name alone and the corps as its setting are a control
@pytest.mark.parametrize(("text", "lang"), [
    ("U.S. customs on Tuesday ordered its ports to detain hair products made by a company in China's Xinjiang region.",
     "en"),
    ("The administration on Monday barred imports of tomatoes and tomato products made by a Xinjiang farm group, citing "
     "forced labour.", "en"),
    ("The withhold release order covers gloves and other goods made with cotton from the corps.", "en"),
    ("美国海关24日对新疆一家企业生产的假发制品发布暂扣令。", "zh"),
])
def test_a_detention_order_on_a_makers_goods_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # a court's order, or goods detained with no China or forced-labour setting, are no such control
    ("A judge ordered the ports to detain the goods made by the bankrupt importer until the dispute is settled.", "en"),
    ("Police detained two men who sold fake handbags made in a local workshop.", "en"),
])
def test_detentions_outside_the_orders_are_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)


# extract-0.7.81 (after holdout36's scoring; fitted): the news's setting named after "comes as" or "came amid", capacity
# built to export, thin profits, a probe said to be run by the law, a buyer's remark and what a step carries none of state
# no act
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("The deal comes as Western governments tighten curbs on China's access to chipmaking tools.", "en", "export_control"),
    ("The ruling came amid new tariffs on Chinese steel in Europe and North America.", "en", "tariff"),
    ("\"The mills were built to export, and this is capacity built to export,\" an industry official said.", "en",
     "export_control"),
    ("对利润薄的小企业来说，影响更大。", "zh", "market_move"),
    ("商务部发言人当天表示，有关调查严格依法进行，充分保障了利害关系方的合法权利。", "zh", "investigation"),
    ("一位法国家具采购商说，加征关税可能推高成本。", "zh", "tariff"),
])
def test_settings_and_remarks_are_no_acts(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "etype"), [
    # an act dated in a clause of its own after the frame, an act before the frame, a cap on exports: still acts
    ("The move came amid rising tensions, when Beijing also placed twelve U.S. firms on its export control list.", "en",
     "export_control"),
    ("China imposed anti-dumping duties on U.S. propanol on Friday, a step that comes as trade talks stall.", "en", "tariff"),
    ("China capped exports of rare earths to the United States on Monday.", "en", "export_control"),
])
def test_acts_outside_the_frame_stay(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in types_of(full, text, lang)


@pytest.mark.parametrize(("sentence", "trigger", "expected"), [
    ("The listing carries no penalties for the retailer, officials said.", "penalties", True),
    ("The order brings no new export curbs on the firm.", "export curbs", True),
    ("The ministry imposed penalties on three firms that carried no licences.", "penalties", False),
])
def test_what_a_step_carries_none_of_is_negated(sentence, trigger, expected) -> None:  # type: ignore[no-untyped-def]
    etype = "investigation" if trigger == "penalties" else "export_control"
    assert negated({"type": etype, "sentence": sentence, "trigger": trigger}) is expected


# extract-0.7.82 (after holdout36's scoring; fitted): a person put on someone's blacklist by occupation and a step a
# procedure allows after its deadline are no acts; USTR's list of notorious markets naming a platform again is a
# designation
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("A village official placed a noisy street vendor on a \"blacklist\" after he sold drinks inside the fair.", "en",
     "entity_list"),
    ("The ministry has up to 12 months to reach a final ruling and could impose provisional duties after six months.", "en",
     "tariff"),
])
def test_a_vendors_blacklist_and_a_procedures_step_are_no_acts(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


def test_a_platform_again_on_the_notorious_markets_list_is_a_designation(full) -> None:  # type: ignore[no-untyped-def]
    text = "美国贸易代表办公室日前公布的年度“恶名市场”名单中再度出现拼多多。"
    assert "entity_list" in types_of(full, text, "zh")
