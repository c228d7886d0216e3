"""#15 extract-0.7.39 to 0.7.43 (round 31, after holdout29's scoring; fitted): a government issuing, adopting or proposing a named law,
regulation or instrument of its own is a policy act (``policy_plan``) that the event classifier does not drop; the
instruments of a control, a tariff, a list or a probe keep their own types. Sentences written for these tests (none
copied from an evaluation split), run through the real extractor with the event classifier as the pipeline runs it
(``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of, types_of


@pytest.mark.parametrize(("text", "lang", "status"), [
    ("BEIJING, March 2 - The State Council has issued regulations implementing the Foreign Relations Law, setting out how "
     "ministries coordinate.", "en", "enacted"),
    ("BEIJING, March 2 - The commerce ministry published rules that allow it to order firms not to comply with foreign "
     "measures.", "en", "enacted"),
    ("BRUSSELS, March 2 - The Commission proposed legislation that would let it respond to coercion by other countries.",
     "en", "proposed"),
    ("本报北京3月2日电 国务院总理签署国务院令，公布《网络数据安全管理条例》，自公布之日起施行。", "zh", "enacted"),
    ("本报布鲁塞尔3月2日电 欧盟理事会正式通过“外国补贴”条例，赋予欧委会审查补贴的法律依据。", "zh", "enacted"),
    ("本报布鲁塞尔3月2日电 欧盟委员会提出一项“数字公平”立法提案。", "zh", "proposed"),
])
def test_a_government_issuing_its_own_law_or_regulation_is_a_policy_act(full, text, lang, status) -> None:  # type: ignore[no-untyped-def]
    plans = [e for e in events_of(full, text, lang, published="2025-03-03") if e.type == "policy_plan"]
    assert plans and plans[0].status == status


@pytest.mark.parametrize(("text", "lang", "kept"), [
    # a control's instrument stays a control
    ("国务院公布《两用物项出口管制条例》，自12月1日起施行。", "zh", "export_control"),
    # a probe's conclusion on another country's regulation is the probe
    ("商务部公布对某国《外国投资审查条例》相关做法的贸易壁垒调查结论。", "zh", "investigation"),
])
def test_the_instruments_of_controls_and_probes_keep_their_types(full, text, lang, kept) -> None:  # type: ignore[no-untyped-def]
    types = types_of(full, text, lang)
    assert kept in types and "policy_plan" not in types


# extract-0.7.40 (after holdout29's scoring; fitted): public bodies' bans on using a named firm's products


@pytest.mark.parametrize(("text", "lang"), [
    ("SHANGHAI, May 6 - New procurement rules phase out U.S. graphics chips from Nvidia in government data centres by 2027, "
     "two officials said.", "en"),
    ("The guidelines tell state agencies to phase out the company's servers within three years.", "en"),
    ("SEOUL, May 6 - Seoul is restricting the use of the carmaker's vehicles by military officers at bases near the border.",
     "en"),
    ("本报上海5月6日电 新的采购规定要求各级党政机关逐步淘汰英伟达的图形芯片，改用国产产品。", "zh"),
    ("本报北京5月6日电 部分军队单位已不允许该品牌汽车驶入营区。", "zh"),
])
def test_a_public_body_phasing_out_or_barring_a_firm_s_products_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # a firm phasing out its own products, a city phasing out old buses: no public body's ban on a firm
    ("The company will phase out its older graphics chips next year as demand shifts to new models.", "en"),
    ("该市计划逐步淘汰老旧公交车，改用新能源车辆。", "zh"),
])
def test_phasing_out_without_a_public_body_s_use_is_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)


# extract-0.7.41 (after holdout29's scoring; fitted): the measures an instrument would let a body take are no acts


@pytest.mark.parametrize(("text", "lang"), [
    ("OTTAWA, May 6 - Ministers proposed a trade-defence instrument that would let the government respond to coercion with "
     "tariffs and quotas.", "en"),
    ("If talks fail, the bloc could impose countermeasures ranging from tariffs to limits on public contracts.", "en"),
    ("本报渥太华5月6日电 政府提出一项贸易防御工具立法提案，拟赋予政府在遭受胁迫时采取加征关税和配额等反制措施的权力。", "zh"),
    ("根据该条例，若胁迫持续，政府可采取包括加征关税、限制投资在内的一系列反制措施。", "zh"),
])
def test_tariffs_named_as_an_instrument_s_powers_are_no_tariff_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang, published="2025-05-07")


@pytest.mark.parametrize(("text", "lang"), [
    # duties imposed under a law are an act
    ("OTTAWA, May 6 - The government imposed 25% tariffs on Chinese steel under its new trade-defence law on Tuesday.", "en"),
    ("本报渥太华5月6日电 政府6日依据新的贸易法律对中国钢材加征25%的关税。", "zh"),
])
def test_tariffs_imposed_under_a_law_stay_tariff_acts(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang, published="2025-05-07")


# extract-0.7.42 (after holdout29's scoring; fitted): profits as a trade's condition, fees, a deal's premium and figures a
# fraud inflated are no market move


@pytest.mark.parametrize("text", [
    "一位进口商说：“这类产品的利润率本来就不高，关税一加就没有空间了。”",
    "行业协会表示，低价进口产品多年来压低了国内企业的利润。",
    "据悉，平台的服务费用今年以来有所上涨。",
    "报价较该公司前一交易日收盘价溢价约30%。",
    "监管部门表示，该公司通过虚构交易虚增营业收入。",
])
def test_profit_talk_fees_premiums_and_inflated_figures_are_no_market_move(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" not in types_of(full, text, "zh")


@pytest.mark.parametrize("text", [
    "本报深圳5月6日电 该公司6日发布财报，一季度净利润同比增长35%，股价当日上涨6%。",
    "受此消息影响，该公司港股盘中一度下跌8%。",
])
def test_results_and_share_moves_stay_market_moves(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" in types_of(full, text, "zh", published="2025-05-07")


# extract-0.7.43 (after holdout29's scoring; fitted): a firm agreeing to buy another is an investment


@pytest.mark.parametrize(("text", "lang"), [
    ("LONDON, May 6 - NetEase has agreed to buy a Scottish game studio in a deal valuing it at about 300 million pounds, "
     "the companies said.", "en"),
    ("本报伦敦5月6日电 网易6日宣布，拟以约3亿英镑现金收购一家苏格兰游戏工作室。", "zh"),
])
def test_a_firm_agreeing_to_buy_another_is_an_investment(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investment" in types_of(full, text, lang, published="2025-05-07")


@pytest.mark.parametrize(("text", "lang"), [
    # a country's purchase pledge and a regulator's probe of a takeover are no firm's investment
    ("China had agreed to buy as much as $50 billion of American farm goods, the president said.", "en"),
    ("本报布鲁塞尔5月6日电 欧委会6日宣布，对某芯片企业拟以50亿欧元收购一家设计公司一案展开深入调查。", "zh"),
])
def test_purchase_pledges_and_reviewed_takeovers_are_no_investment(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investment" not in types_of(full, text, lang, published="2025-05-07")
