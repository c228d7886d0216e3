"""#15 round 49. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.143 (from the spent holdout46's errors; fitted): investigations whose objects are American persons (an
# international court's, named as the ground of sanctions on its staff) are no government's probe; a government's probe
# of American firms or goods still is
@pytest.mark.parametrize(("text", "lang"), [
    ("The State Department said the two judges had approved an investigation of U.S. troops in Afghanistan.", "en"),
    ("The order covers staff who helped the tribunal's investigations of Americans.", "en"),
    ("Washington imposed sanctions on the court's deputy prosecutor, who led investigations into U.S. citizens.", "en"),
    ("美方称，这两名法官曾批准调查美国军人在阿富汗的行为。", "zh"),
    ("白宫表示，将审查参与调查美国公民的法院工作人员。", "zh"),
])
def test_investigation_of_american_persons_is_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("China's commerce ministry opened an anti-dumping investigation into American polysilicon.", "en"),
    ("商务部宣布对原产于美国的进口相关模拟芯片发起反倾销调查。", "zh"),
    ("市场监管总局依法决定对美国高通公司立案调查。", "zh"),
])
def test_probe_of_american_goods_or_firms_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


# extract-0.7.144 (from the spent holdout46's errors; fitted): a general licence that only lets counterparties wind down
# their dealings with firms designated in the same article is the designation's consequence, no control; an order
# authorising sanctions revoked (撤销授权制裁...的行政命令) is no carrier's authority revoked
@pytest.mark.parametrize(("text", "lang"), [
    ("美国财政部宣布对两家伊朗石化企业实施制裁。财政部同时发布通用许可，允许相关方在12月5日前完成交易清理。", "zh"),
    ("The Treasury imposed sanctions on two Iranian petrochemical firms. A general licence gives counterparties until "
     "March 3 to wind down dealings with them.", "en"),
])
def test_wind_down_licence_beside_a_designation_is_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    found = types_of(full, text, lang)
    assert "entity_list" in found
    assert "export_control" not in found


def test_revoked_order_authorising_sanctions_is_no_authority_revoked(full) -> None:  # type: ignore[no-untyped-def]
    text = "白宫表示，总统已撤销授权制裁多名外国官员的行政命令，相关制裁随之解除。"
    assert "export_control" not in types_of(full, text, "zh")


@pytest.mark.parametrize(("text", "lang"), [
    ("美国联邦通信委员会宣布撤销一家中国电信企业在美国的经营授权。", "zh"),
    ("美国财政部发布通用许可，允许在六个月内与该国油气行业开展交易。", "zh"),
])
def test_authority_revoked_and_licence_alone_stay_controls(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


# extract-0.7.145 (from the spent holdouts' errors; fitted): a scientists' or a clinical investigation, and names reviewed
# as candidates for a step (审查更多人选), are no probe; a regulator's investigation still is
@pytest.mark.parametrize(("text", "lang"), [
    ("Researchers said an investigation of soil samples from the crater would take two years.", "en"),
    ("Scientists said an investigation of sea temperatures near the reef would explain why the fish survive.", "en"),
    ("The hospital said a clinical investigation of 300 patients would test the new scanner.", "en"),
    ("据知情人士透露，白宫正在审查下一批人选。", "zh"),
])
def test_science_investigation_and_candidates_are_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The European Commission opened an investigation into subsidies received by BYD.", "en"),
    ("市场监管总局对英伟达公司立案审查。", "zh"),
])
def test_regulator_investigation_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


# extract-0.7.146 (from the spent holdout46's errors; fitted): a country named to, put back on or removed from the list of
# state sponsors of terrorism is an export control (the data types the list's changes so); a review of the designation
# still only considered is none
@pytest.mark.parametrize(("text", "lang"), [
    ("白宫宣布，将把朝鲜从美国“支持恐怖主义国家”名单中移除。", "zh"),
    ("美国国务院宣布将朝鲜重新列入“支恐国家”名单。", "zh"),
    ("The State Department said it had removed North Korea from the list of state sponsors of terrorism.", "en"),
])
def test_state_sponsor_of_terrorism_list_change_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Officials said the country's designation as a state sponsor of terrorism could be reviewed next year.", "en"),
    ("有官员表示，可能考虑将该国移出“支恐国家”名单。", "zh"),
])
def test_state_sponsor_list_only_considered_is_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)


# extract-0.7.147 (from the spent holdouts' errors; fitted): a sentence whose only sanctions are a country's programme or its
# sectors' (解除对叙利亚的剩余经济制裁, 放宽对委内瑞拉石油行业的制裁) names no designation, whichever finds it; sanctions on
# named firms of such a country still are one
@pytest.mark.parametrize(("text", "lang"), [
    ("欧盟外长同意解除对叙利亚的剩余经济制裁，以支持该国重建。", "zh"),
    ("本报布鲁塞尔6月3日电 欧盟外长2日同意解除对叙利亚的剩余经济制裁，以支持该国战后重建。", "zh"),
    ("美国政府宣布暂时放宽对委内瑞拉石油和黄金行业的制裁。", "zh"),
    ("The European Union agreed to lift its remaining economic sanctions on Syria to support reconstruction.", "en"),
])
def test_country_programme_sanctions_name_no_designation(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("美国财政部宣布对三家伊朗石油企业实施制裁。", "zh"),
    ("The Treasury imposed sanctions on two Venezuelan state oil firms.", "en"),
])
def test_sanctions_on_named_firms_stay_designations(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" in types_of(full, text, lang)


# extract-0.7.148 (from the spent holdouts' errors; fitted): an unnamed private commentator's remark, the quote closed
# with the verb first or the commentator named by a place or a clause after, and an unnamed firm's remark, state no act;
# an official's statement of the act still does
@pytest.mark.parametrize(("text", "lang"), [
    ("\"The duty wall now has no gaps at all,\" said a trade attorney in Chicago.", "en"),
    ("\"It is rare to see Beijing drop a case like this after the Section 301 tariffs,\" said a Hong Kong trade lawyer.", "en"),
    ("An importer in Rotterdam said the duties had pushed buyers toward steel from India.", "en"),
    ("A maker of industrial lasers said it would record delays in export licences for U.S. parts.", "en"),
    ("一家生产工业激光器的企业则称，美方对部分关键零部件出口设限，影响了交货。", "zh"),
])
def test_unnamed_commentator_or_firm_remark_states_no_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not {"export_control", "tariff"} & types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The Commerce Department said it would impose anti-dumping duties of 120% on Chinese steel racks.", "en"),
    ("商务部宣布对原产于美国的进口相关产品加征25%的关税。", "zh"),
])
def test_official_statement_of_the_act_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang)


# extract-0.7.149 (from the spent holdouts' errors; fitted): subsidies named in a trade-remedy case (alleged beside dumping,
# weighed in a countervailing case) are the case's subject, no government's plan; a government's subsidy programme still is
@pytest.mark.parametrize(("text", "lang"), [
    ("The countervailing duty decision will consider whether firms operating in the two countries received unfair "
     "government subsidies.", "en"),
    ("The anti-subsidy ruling will consider whether producers in Laos received unfair government subsidies.", "en"),
    ("申请方称，涉案产品以低价倾销，且相关政府对原料和生产提供补贴。", "zh"),
])
def test_subsidies_in_a_trade_case_are_no_plan(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "policy_plan" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("工信部等部门印发方案，对算力中心建设给予补贴。", "zh"),
    ("上海市政府宣布对人工智能企业给予算力补贴。", "zh"),
])
def test_government_subsidy_programme_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "policy_plan" in types_of(full, text, lang)


# extract-0.7.150 (from the spent holdouts' errors; fitted): duties a government has imposed since a year, or charged for
# more than a decade, are standing, no act; duties imposed for a term ("for five years") still are the act
@pytest.mark.parametrize("text", [
    "The petition comes on top of the tariffs Washington has imposed on a wide range of Chinese goods since 2018.",
    "Background: Beijing has charged anti-dumping duties on the chemical for more than a decade.",
])
def test_standing_duties_are_no_act(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, "en")


def test_duties_imposed_for_a_term_stay(full) -> None:  # type: ignore[no-untyped-def]
    text = "The European Commission has imposed definitive anti-dumping duties on Chinese steel wheels for five years."
    assert "tariff" in types_of(full, text, "en")


# extract-0.7.151 (after holdout47's scoring; fitted): the EU's carbon border adjustment mechanism named in Chinese
# (碳边境调节机制) is a border levy, typed tariff as its English name is; its legislative proposal is no policy plan
@pytest.mark.parametrize("text", [
    "欧盟理事会最终批准简化碳边境调节机制，小型进口商将获豁免。",
    "欧委会拟对碳边境调节机制设定豁免门槛 多数进口商或免缴费",
])
def test_carbon_border_mechanism_in_chinese_is_a_tariff(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, "zh")


def test_carbon_border_proposal_is_no_policy_plan(full) -> None:  # type: ignore[no-untyped-def]
    assert "policy_plan" not in types_of(full, "欧盟委员会提出碳边境调节机制立法提案。", "zh")
