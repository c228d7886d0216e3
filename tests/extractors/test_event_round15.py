"""#15 extract-0.7.11 (after round 14's scoring): general mechanisms found on the errors of holdout12, spent at
the end of round 14 (``sinowatch eval --articles ... --split holdout12 --error-detail``) - bans on government
purchases of named Chinese firms' products and on Chinese apps on government devices (controls: bans on
transactions with named firms), merger clearances with conditions (the end of an antitrust review), trade
measures that lapse (reversed), speculation about probes an authority says it does not plan, a final
determination naming its investigation, approvals still needed, licences and permits in daily senses, a
business's internal blacklist, vague allusions to earlier restrictions, and a designation's trade bans on the
listed firms. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor: rules only (``extract_one``) or with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of


@pytest.mark.parametrize(("text", "lang", "status"), [
    ("The spending law signed on Friday bars federal agencies from buying memory chips made by YMTC.", "en", "enacted"),
    ("A Senate bill would prohibit government contractors from procuring Hikvision cameras and SMIC-made chips.", "en", "proposed"),
    ("新法律禁止联邦机构采购长江存储生产的存储芯片。", "zh", "enacted"),
])
def test_bans_on_government_purchases_of_named_firms_products_are_controls(full, text, lang, status) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang) if e.type == "export_control"]
    assert evs and evs[0].status == status
    assert "investigation" not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("The Navy has banned sailors from using the Chinese chatbot on government-issued phones.", "en"),
    ("The bill would ban the app from all federal government devices within 60 days.", "en"),
    ("该州已禁止公务人员在政府配发的电脑上使用这款中国应用。", "zh"),
])
def test_bans_on_apps_on_government_devices_are_controls(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in {e.type for e in events_of(full, text, lang)}


def test_a_company_banning_apps_on_its_own_laptops_is_no_control(full) -> None:  # type: ignore[no-untyped-def]
    text = "The bank has banned staff from using chatbots on work laptops, a spokeswoman said."
    assert "export_control" not in {e.type for e in events_of(full, text, "en")}


@pytest.mark.parametrize(("text", "lang"), [
    ("The regulator on Thursday approved Cadence's purchase of the simulation software maker subject to conditions "
     "that protect local customers.", "en"),
    ("The competition authority conditionally cleared the chipmakers' merger on Monday.", "en"),
    ("国家市场监督管理总局附加限制性条件批准了该收购案。", "zh"),
    ("韩国公平交易委员会周三附条件批准两家公司组建合资企业。", "zh"),
])
def test_merger_clearances_with_conditions_end_an_antitrust_review(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in extract_one(text, lang).events if e.type == "investigation"]
    assert evs and evs[0].status == "enacted"


def test_an_unconditional_deal_approval_by_shareholders_is_no_review(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "Shareholders approved the merger on Tuesday, and the deal is expected to close next month."
    assert "investigation" not in {e.type for e in extract_one(text, "en").events}


@pytest.mark.parametrize(("text", "lang"), [
    ("Duties on Chinese steel wheels lapsed at midnight after the commission declined to renew them.", "en"),
    ("The anti-dumping measures on Chinese glass fibre expired on Sunday.", "en"),
    ("欧盟对中国玻璃纤维征收的反倾销税于周日到期终止。", "zh"),
])
def test_trade_measures_that_lapse_are_reversed(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in extract_one(text, lang).events if e.type == "tariff"]
    assert evs and evs[0].status == "reversed"


@pytest.mark.parametrize(("text", "lang"), [
    ("Some brokers speculated that Brussels might open investigations into Chinese heat pumps next, though the "
     "Commission said it had no such plans.", "en"),
    ("有分析人士猜测，有关部门下一步可能调查其他进口产品，但官方表示目前没有相关计划。", "zh"),
])
def test_speculation_about_a_probe_the_authority_does_not_plan_is_no_event(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("The Commerce Department on Friday issued final determinations in its anti-dumping investigation of "
     "Chinese quartz countertops, setting duties of up to 190%.", "en"),
    ("美国商务部周五公布对中国产石英台面反倾销调查的终裁结果，税率最高达190%。", "zh"),
])
def test_a_final_determination_names_its_investigation_as_the_setting(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    types = {e.type for e in events_of(full, text, lang)}
    assert "tariff" in types and "investigation" not in types


def test_a_probe_opened_is_still_an_investigation(full) -> None:  # type: ignore[no-untyped-def]
    text = "The Commerce Department on Friday opened an anti-dumping investigation of Chinese quartz countertops."
    assert "investigation" in {e.type for e in events_of(full, text, "en")}


@pytest.mark.parametrize(("text", "lang"), [
    ("该交易仍需获得当地反垄断监管机构的批准。", "zh"),
    ("The purchase still needs approval from antitrust regulators in three countries.", "en"),
])
def test_an_approval_still_needed_is_no_review_under_way(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize("text", [
    "开通前，该线路已取得运营所需的全部许可证。",
    "学校已为实验课程购买了正版软件许可证。",
])
def test_permits_and_software_licences_are_no_controls(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in {e.type for e in events_of(full, text, "zh")}


def test_export_licences_still_count(extract_one) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in {e.type for e in extract_one("商务部暂停向相关企业发放出口许可证。", "zh").events}


def test_an_internal_blacklist_of_late_payers_is_no_designation(full) -> None:  # type: ignore[no-untyped-def]
    text = "A distributor said one cinema chain had put his studio on an internal blacklist of late payers for months."
    assert "entity_list" not in {e.type for e in events_of(full, text, "en")}


@pytest.mark.parametrize("text", [
    "The merger talks had stalled for months amid trade frictions, including earlier U.S. restrictions on sales of "
    "chip design tools to China.",
    "Investors stayed cautious as relations remained tense over semiconductor export curbs.",
])
def test_vague_allusions_to_restrictions_are_no_controls(extract_one, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in {e.type for e in extract_one(text, "en").events}


def test_a_designations_trade_ban_on_the_listed_firms_is_its_consequence(full) -> None:  # type: ignore[no-untyped-def]
    text = ("The Council on Monday added 19 Chinese and Hong Kong entities to its Russia sanctions list. European "
            "firms will be barred from selling dual-use goods and advanced technology to the listed companies.")
    types = {e.type for e in events_of(full, text, "en", title="EU lists 19 Chinese firms")}
    assert "entity_list" in types and "export_control" not in types


@pytest.mark.parametrize(("text", "lang", "published", "etype", "status"), [
    # a year after a month, or after "the end of" / "late": the act's own date, in an article of a later year
    ("In March 2021 the ministry added nine chip firms to the Entity List, a step it later extended.", "en",
     "2024-05-02", "entity_list", "background"),
    ("The Air Force banned the messaging app on government-issued phones at the end of 2020.", "en", "2023-01-10",
     "export_control", "background"),
    ("2020年5月，商务部对原产于美国的进口正丙醇发起反倾销调查。", "zh", "2021-11-18", "investigation", "background"),
    # a paragraph labelled as background
    ("Background: the two governments agreed in March to extend the duties on steel pipes by five years.", "en",
     "2025-09-01", "tariff", "background"),
    # measures let expire by a decision: the easing
    ("The commission said it would let its anti-dumping measures on Chinese bicycles expire at midnight on Sunday.",
     "en", "2025-06-06", "tariff", "reversed"),
    # a bill or a package submitted in Chinese, the trigger inside its title
    ("两名众议员6日提出《禁止在政府设备上使用某应用法案》，要求各联邦机构删除该应用。", "zh", "2025-02-07",
     "export_control", "proposed"),
    ("欧盟委员会周三向成员国提交新一轮对俄制裁方案，拟将更多第三国企业列入名单。", "zh", "2025-01-30",
     "entity_list", "proposed"),
])
def test_status_of_dated_labelled_lapsing_and_submitted_acts(extract_one, full, text, lang, published, etype, status) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang, published=published) if e.type == etype]
    assert evs and evs[0].status == status


def test_a_bill_signed_into_law_stays_enacted(full) -> None:  # type: ignore[no-untyped-def]
    text = "总统周五签署《禁止在政府设备上使用某应用法案》，该法随即生效。"
    evs = [e for e in events_of(full, text, "zh", published="2025-03-01") if e.type == "export_control"]
    assert evs and evs[0].status == "enacted"


def test_this_years_act_is_not_background(full) -> None:  # type: ignore[no-untyped-def]
    text = "In March 2025 the ministry added nine chip firms to the Entity List."
    evs = [e for e in events_of(full, text, "en", published="2025-03-20") if e.type == "entity_list"]
    assert evs and evs[0].status == "enacted"


@pytest.mark.parametrize(("text", "lang"), [
    ("In November 2021 two senators introduced a bill that would ban the video app on all government devices.", "en"),
    ("2021年11月，两名参议员提出法案，拟禁止在联邦政府设备上使用该视频应用。", "zh"),
])
def test_a_proposal_dated_to_an_earlier_year_is_background(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang, published="2024-04-02") if e.type == "export_control"]
    assert evs and evs[0].status == "background"


def test_this_years_proposal_stays_proposed(full) -> None:  # type: ignore[no-untyped-def]
    text = "2024年3月，两名参议员提出法案，拟禁止在联邦政府设备上使用该视频应用。"
    evs = [e for e in events_of(full, text, "zh", published="2024-04-02") if e.type == "export_control"]
    assert evs and evs[0].status == "proposed"
