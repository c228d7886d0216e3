"""#15 round 34 (from the spent holdouts' errors): a commentator's guess at an act, an act possible only in theory and
one on a finding still to come state no act. Sentences written for these tests (none copied from an evaluation split),
run through the real extractor with the event classifier as the pipeline runs it (``full``), and the vetting function
on its own."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_vetting import guessed

from tests.extractors.conftest import events_of, types_of


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("Customs brokers said the inquiry could end with duties above 200% if the Chinese mills stay silent.", "en", "tariff"),
    ("Some distributors speculated that Korean suppliers might be spared, while Chinese makers could face far higher "
     "anti-dumping duties.", "en", "tariff"),
    ("If it finds injury, the department could set preliminary duties next spring, requiring importers to post cash "
     "deposits.", "en", "tariff"),
    ("Regulators could in theory require an export licence for the source code, but lawyers said a block was unlikely.",
     "en", "export_control"),
    ("监管部门理论上可以要求该交易办理技术出口许可，但律师们认为直接叫停的可能性不大。", "zh", "export_control"),
    ("据报道，一些经销商预计，商务部可能对相关产品加征反倾销税。", "zh", "tariff"),
])
def test_a_guess_at_an_act_states_none(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "etype", "status"), [
    # the act itself, a threat by the government, and a condition with "will" (proposed by the guideline) keep their events
    ("WASHINGTON, May 6 - The Commerce Department said on Tuesday it would impose anti-dumping duties of up to 80% on "
     "Chinese aluminium wheels.", "en", "tariff", None),
    ("President Trump said on Friday that laptops made outside the United States could face a tariff of 30%.", "en",
     "tariff", "proposed"),
    ("If the commission finds injury, Commerce will issue anti-dumping duty orders on the wheels.", "en", "tariff",
     "proposed"),
    ("商务部12日宣布，自即日起对原产于美国的进口丙烷征收反倾销税。", "zh", "tariff", "enacted"),
])
def test_acts_and_threats_keep_their_events(full, text, lang, etype, status) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in events_of(full, text, lang) if e.type == etype]
    assert events
    if status:
        assert events[0].status == status


@pytest.mark.parametrize(("sentence", "trigger", "etype", "expected"), [
    ("Analysts said the tariffs could cut Chinese exports by a third.", "tariffs", "tariff", False),  # the act named first
    ("Analysts said Beijing imposed the duties last week and could add more.", "duties", "tariff", False),
    ("Analysts said the ministry could impose duties next month.", "duties", "tariff", True),
    ("Lawyers said. The ministry could impose duties.", "duties", "tariff", False),  # the guess ends before the trigger
    ("分析人士认为，商务部或将对相关产品加征关税。", "加征关税", "tariff", True),
    ("分析人士认为，加征关税的可能性不大。", "加征关税", "tariff", False),
])
def test_the_guess_comes_before_the_trigger(sentence, trigger, etype, expected) -> None:  # type: ignore[no-untyped-def]
    assert guessed({"sentence": sentence, "trigger": trigger, "type": etype}) is expected


# extract-0.7.59 (from the spent holdouts' errors): a person arrested and charged with an agent's or a crime's conduct in
# Chinese, a stake bought by paying in, an agreed purchase at a price, a regulator that warned a firm not to do something
@pytest.mark.parametrize(("text", "lang", "etype", "target"), [
    ("美国司法部3日宣布，一名居住在波士顿的中国公民被捕，被控非法充当外国政府代理人。", "zh", "investigation", None),
    ("阿里巴巴将通过旗下基金出资约120亿日元，取得该公司约4.2%的股份。", "zh", "investment", "alibaba"),
    ("百度同意以约8亿美元的价格收购一家语音识别公司。", "zh", "investment", "baidu"),
    ("Seoul's privacy commission said on Monday it had warned DeepSeek not to send users' data to servers abroad without "
     "their consent.", "en", "investigation", "deepseek"),
])
def test_arrests_stakes_purchases_and_warnings(full, text, lang, etype, target) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in events_of(full, text, lang) if e.type == etype]
    assert events
    if target:
        assert target in events[0].targets


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("他可能被控非法出口芯片。", "zh", "investigation"),  # a charge that may come
    ("The ministry warned investors not to chase AI stocks.", "en", "investigation"),  # no firm warned
    ("The agency warned that Chinese apps may not protect users' data.", "en", "investigation"),
])
def test_what_stays_without_an_event(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


# extract-0.7.60 (from the spent holdouts' errors): two countries' tariffs on each other named as the setting
@pytest.mark.parametrize(("text", "lang"), [
    ("The new licence rule comes as Washington and Beijing keep exchanging rounds of tariffs.", "en"),
    ("此次出口管制措施出台之时，正值中美相互加征关税之际。", "zh"),
])
def test_tariffs_exchanged_as_a_setting_are_no_tariff_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("China said on Friday it would impose tit-for-tat tariffs of 34% on all U.S. goods from April 10.", "en"),
    ("国务院关税税则委员会宣布，中美双方同意取消相互加征的关税。", "zh"),
])
def test_tariffs_on_each_other_as_an_act_stay(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang)


# extract-0.7.61 (from the development splits' errors): an industry's or business groups' remark states no act
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("Industry associations said tariffs on robots would raise costs for the plants the government wants to attract.", "en",
     "tariff"),
    ("Business groups in Taipei said they feared the review would be used to end tariff cuts on petrochemicals.", "en",
     "tariff"),
    ("美国机床行业组织警告称，新关税可能推高工厂的设备成本。", "zh", "tariff"),
])
def test_an_industry_groups_remark_is_no_act(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


def test_a_named_association_reporting_an_act_keeps_it(full) -> None:  # type: ignore[no-untyped-def]
    text = ("The American Honey Producers Association said the Commerce Department had imposed anti-dumping duties on "
            "Chinese honey.")
    assert "tariff" in types_of(full, text, "en")


# extract-0.7.62 (after holdout32's scoring; fitted): a federal jury, judge, court or prosecutors act for the U.S.
# government (watchlist 2026.12.05-3); a country word before "firm" or "company" does not act; a law-enforcement operation
# taking down a hacking network is an enforcement step, also where the FBI's Chinese name (联邦调查局) holds 调查
@pytest.mark.parametrize(("text", "lang"), [
    ("CHICAGO, May 2 - A federal jury on Thursday convicted a former engineer of stealing battery designs for a "
     "Chinese firm.", "en"),
    ("BOSTON, May 2 - A former researcher has been charged with economic espionage for taking chip designs to China, "
     "federal prosecutors said.", "en"),
    ("美国联邦陪审团2日裁定，一名前工程师为一家中国公司窃取电池设计的罪名成立。", "zh"),
    # a hacking network taken down, an enforcement step
    ("WASHINGTON, Feb 1 - The Justice Department said on Thursday the FBI had dismantled a botnet of thousands of "
     "hijacked home routers that a state-backed hacking group used to hide its traffic.", "en"),
    ("美国司法部1日宣布，联邦调查局根据法院授权开展行动，捣毁了由数千台被劫持路由器组成的僵尸网络。", "zh"),
])
def test_us_enforcement_steps_act_for_the_us_government(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    probes = [e for e in events_of(full, text, lang) if e.type == "investigation"]
    assert probes and probes[0].actor == "us-gov"


def test_a_trade_remedy_bureau_speaking_is_still_no_probe(full) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, "商务部贸易救济调查局负责人表示，美方滥用贸易救济措施，损害了中国企业的正当权益。", "zh")


# extract-0.7.63 (from the development splits' errors): a Chinese regulator ordering an app shut, firms placed under
# countermeasures, a model opened to the whole public
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("国家网信办责令该平台永久关停旗下一款短视频客户端。", "zh", "investigation"),
    ("China on Friday placed three Czech defence firms under countermeasures that bar Chinese organisations from trading "
     "with them.", "en", "entity_list"),
    ("字节跳动宣布豆包正式向社会公众开放。", "zh", "model_release"),
])
def test_shutdown_orders_countermeasures_and_public_models(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("原告要求法院责令对方停止运营相关网站。", "zh", "investigation"),  # a court asked to order, by a party
    ("该公司表示，新模型将于下月向全社会开放。", "zh", "model_release"),  # not yet opened
])
def test_what_is_not_yet_such_an_act(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


# extract-0.7.64 (from the spent holdouts' errors): a court's own injunction, then the halt of a ban on a watched firm
def test_a_courts_injunction_halting_a_ban_is_an_eased_control(full) -> None:  # type: ignore[no-untyped-def]
    text = "美国联邦法官20日发布初步禁令，暂停执行美国商务部针对TikTok的下载禁令。"
    controls = [e for e in events_of(full, text, "zh") if e.type == "export_control"]
    assert controls and controls[0].status == "reversed" and "bytedance" in controls[0].targets
