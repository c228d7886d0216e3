"""#15 extract-0.7.31 (round 30, written from the errors of the development splits val..val5): a national-security
panel's review of a foreign buyer's deal (CFIUS, 美国外国投资委员会) is no investigation, while what it decides stays an
export control and other probes beside it stay investigations; a demand surveyed (调查需求) is no probe. Sentences
written for these tests (none copied from an evaluation split), run through the real extractor with the event
classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_vetting import deal_review, merger_condition, tariff_conflict, uncued
from sinowatch.extractors.events import competition_regulator

from tests.extractors.conftest import events_of, types_of


@pytest.mark.parametrize(("text", "lang"), [
    ("The panel, which reviews foreign deals for national security risks, is worried that the sensor data held by the "
     "Ohio-based company could reach Beijing, the people said.", "en"),
    ("CFIUS has been reviewing the purchase of the Texas chip-testing firm by a Chinese-backed fund since March.", "en"),
    ("背景方面，近年来美国外国投资委员会对中资收购的审查明显趋严，多起并购交易因安全审查受阻。", "zh"),
    ("本报纽约4月3日电 这家中资企业对美国一家传感器公司的收购仍在接受美方安全审查。", "zh"),
])
def test_a_national_security_panel_reviewing_a_deal_is_no_investigation(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


def test_the_panel_s_block_stays_an_export_control(full) -> None:  # type: ignore[no-untyped-def]
    text = ("SAN JOSE, June 4 - A Shanghai-backed fund dropped its $300 million bid for the sensor maker after CFIUS "
            "refused to clear the deal.")
    assert "export_control" in types_of(full, text, "en")


@pytest.mark.parametrize(("sentence", "kept"), [
    ("CFIUS opened a review of the takeover in May.", False),
    ("美国外国投资委员会对该交易展开审查。", False),
    # another probe beside the panel is an investigation by the guideline
    ("While CFIUS weighs the deal, the Justice Department opened an antitrust probe into the buyer.", True),
    ("外国投资委员会审查期间，商务部对该公司发起反倾销调查。", True),
    # a cybersecurity review is China's, not a deal panel's
    ("网络安全审查办公室对该公司启动网络安全审查。", True),
])
def test_deal_review_drops_only_the_panel_s_review(sentence: str, kept: bool) -> None:
    assert deal_review({"type": "investigation", "sentence": sentence}) is not kept
    assert not deal_review({"type": "export_control", "sentence": sentence})


def test_a_cybersecurity_review_stays_an_investigation(full) -> None:  # type: ignore[no-untyped-def]
    text = "本报北京7月2日电 网络安全审查办公室2日宣布，对一家网约车平台启动网络安全审查，审查期间暂停新用户注册。"
    assert "investigation" in types_of(full, text, "zh")


@pytest.mark.parametrize("text", [
    "有车主提议在高速服务区增设换电站，相关部门表示正在调查需求，将纳入明年的建设名单。",
    "本报讯 区交通部门表示，正在调查市民对夜间公交的需求，将纳入明年的线路调整名单。",
])
def test_a_demand_surveyed_is_no_probe(full, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, "zh")


def test_a_probe_of_a_firm_stays_a_probe(full) -> None:  # type: ignore[no-untyped-def]
    text = "本报北京3月9日电 市场监管总局9日表示，已对一家连锁超市涉嫌价格垄断行为立案调查。"
    assert "investigation" in types_of(full, text, "zh")


@pytest.mark.parametrize(("text", "lang"), [
    ("BEIJING, May 3 - A U.S. laser maker said on Monday that China's regulator had approved its purchase of a "
     "Californian optics firm, the last approval the deal needed.", "en"),
    ("BEIJING, May 3 - Chinese antitrust authorities opened an investigation into the distributor's pricing on Monday.",
     "en"),
    ("本报北京5月3日电 中国反垄断执法机构3日宣布，对一家医药分销企业涉嫌垄断行为立案调查。", "zh"),
])
def test_china_s_competition_regulator_named_by_its_role_is_samr(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    actors = {e.actor for e in events_of(full, text, lang) if e.type == "investigation"}
    assert actors == {"samr"}


@pytest.mark.parametrize(("etype", "sentence", "samr"), [
    ("investigation", "China's regulator approved the purchase in March.", True),
    ("investigation", "Chinese competition authorities cleared the merger.", True),
    # plural regulators with no competition word stay the government, as the data label them
    ("investigation", "Chinese regulators summoned the company's executives.", False),
    # a regulator with no merger review or monopoly case in its sentence is not taken for SAMR
    ("investigation", "China's regulator summoned the platform's executives.", False),
    ("tariff", "Chinese antitrust authorities and the tariff commission met.", False),
])
def test_competition_regulator_reads_the_role(etype: str, sentence: str, samr: bool) -> None:
    assert competition_regulator(etype, sentence, "cn-gov") is samr
    assert not competition_regulator(etype, sentence, "mofcom")


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("WASHINGTON, Dec 28 - The U.S. House of Representatives has ordered lawmakers and their staff to remove the Acme "
     "chat app from any phone or tablet managed by the chamber.", "en", "us-gov"),
    ("BRUSSELS, Feb 28 - The European Parliament on Tuesday barred its staff from using the Acme chat app on work phones "
     "and laptops.", "en", "eu"),
    ("本报布鲁塞尔2月28日电 欧洲议会28日宣布，禁止工作人员在办公手机和电脑上使用该聊天应用。", "zh", "eu"),
    ("本报华盛顿12月28日电 美国众议院通知议员办公室，众议院管理的手机和平板电脑不得安装该聊天应用。", "zh", "us-gov"),
])
def test_a_public_body_s_device_ban_on_an_app_is_a_control(full, text, lang, actor) -> None:  # type: ignore[no-untyped-def]
    controls = [e for e in events_of(full, text, lang) if e.type == "export_control"]
    assert controls and controls[0].actor == actor


@pytest.mark.parametrize(("text", "lang"), [
    # a firm's rule for its own staff is no government's control
    ("SEOUL, May 2 - The electronics maker barred its staff from using chatbots on work laptops.", "en"),
    # a competition regulator's merger condition is no forced sale
    ("本报北京10月1日电 市场监管总局已附加限制性条件批准两家公司的合并，要求双方剥离在华部分工业气体业务。", "zh"),
    # no permit needed for an everyday errand
    ("学校回应称，兴趣课学生自愿参加，不需要额外办理任何许可证或缴纳费用。", "zh"),
])
def test_a_firm_s_staff_rule_a_merger_condition_and_no_permit_needed_are_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)


def test_a_merger_condition_stays_the_review_s_end(full) -> None:  # type: ignore[no-untyped-def]
    text = "本报北京10月1日电 市场监管总局已附加限制性条件批准两家公司的合并，要求双方剥离在华部分工业气体业务。"
    assert {(e.type, e.actor) for e in events_of(full, text, "zh")} == {("investigation", "samr")}


def test_firms_put_under_sanctions_are_designated_by_the_government_that_acts(full) -> None:  # type: ignore[no-untyped-def]
    text = "BEIJING, Jan 3 - Beijing put the drone maker and four other U.S. defence companies under sanctions over the weekend."
    assert {(e.type, e.actor) for e in events_of(full, text, "en")} == {("entity_list", "cn-gov")}


@pytest.mark.parametrize(("sentence", "dropped"), [
    ("国家市场监督管理总局已附加限制性条件批准两家公司的合并，要求双方剥离在华部分工业气体业务。", True),
    ("SAMR approved the merger on condition that the buyer keeps supplying Chinese customers.", True),
    ("The Commerce Department approved new export controls on chipmaking tools.", False),
])
def test_merger_condition_drops_controls_beside_a_merger_clearance(sentence: str, dropped: bool) -> None:
    assert merger_condition({"type": "export_control", "sentence": sentence}) is dropped
    assert not merger_condition({"type": "investigation", "sentence": sentence})


@pytest.mark.parametrize(("sentence", "dropped"), [
    ("Exporters of furniture said they would revisit orders that had been put on hold.", True),
    ("Chinese exporters said the extension had little immediate effect on orders.", True),
    ("出口企业表示，这一变化对订单的影响有限。", True),
    # a cue beside the traders keeps the classifier's control
    ("Exporters must now obtain a licence for each shipment.", False),
    ("出口企业须事先申请许可。", False),
])
def test_traders_named_by_their_trade_are_no_cue_of_a_control(sentence: str, dropped: bool) -> None:
    event = {"type": "export_control", "sentence": sentence, "source": "classifier"}
    assert uncued(event) is dropped
    assert not uncued({**event, "source": "rule"})


@pytest.mark.parametrize(("text", "lang"), [
    ("WASHINGTON, March 29 - The Commerce Department said on Monday it would investigate whether steel racks made in "
     "Thailand and Vietnam are circumventing U.S. anti-dumping duties on Chinese racks.", "en"),
    ("本报华盛顿3月29日电 美国商务部28日宣布，将对从泰国进口的钢制货架发起反规避调查，审查相关产品是否规避美国对中国货架征收的反倾销税。",
     "zh"),
])
def test_duties_said_to_be_circumvented_are_the_probe_s_setting(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert types_of(full, text, lang) == {"investigation"}


def test_duties_imposed_after_a_circumvention_finding_stay_tariffs(full) -> None:  # type: ignore[no-untyped-def]
    text = ("WASHINGTON, Aug 18 - The Commerce Department imposed anti-dumping duties of up to 250% on steel racks from "
            "Thailand on Friday after finding that they circumvented earlier orders.")
    assert "tariff" in types_of(full, text, "en")


def test_a_security_review_panel_s_refusal_is_no_probe(full) -> None:  # type: ignore[no-untyped-def]
    text = "The U.S. national security review panel declined to approve the deal, so the companies terminated it."
    assert "investigation" not in types_of(full, text, "en")


@pytest.mark.parametrize(("sentence", "dropped"), [
    ("Background: the move comes as the two countries negotiate to end their tariff dispute.", True),
    ("The ruling lands in an escalating tariff war with Washington.", True),
    ("背景方面，两国正就结束贸易摩擦进行谈判。", True),
    # an act stated beside the conflict's name stays
    ("Washington raised tariffs on $200 billion of goods to 25% as the tariff war escalated.", False),
    ("Beijing suspended the special port fees on U.S.-linked vessels under the trade truce.", False),
])
def test_a_trade_conflict_named_by_its_tariffs_is_no_act(sentence: str, dropped: bool) -> None:
    assert tariff_conflict({"type": "tariff", "sentence": sentence}) is dropped
    assert not tariff_conflict({"type": "investigation", "sentence": sentence})


def test_a_tariff_dispute_allusion_gives_no_tariff(full) -> None:  # type: ignore[no-untyped-def]
    text = "Background: the listing comes as the two countries negotiate to end their tariff dispute."
    assert "tariff" not in types_of(full, text, "en")
