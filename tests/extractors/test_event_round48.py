"""#15 round 48. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.136 (from the spent holdouts' errors; fitted): a phone's own list of blocked callers is no designation
# list; a government's blacklist of firms still is
@pytest.mark.parametrize(("text", "lang"), [
    ("使用华为手机的用户如曾将陌生号码加入骚扰拦截黑名单，应先将银行客服专线移出名单。", "zh"),
    ("小米手机用户可把推销号码加入来电黑名单，系统会自动拦截。", "zh"),
])
def test_phone_call_blacklist_is_no_designation(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("美国商务部将两家中国电信企业加入黑名单。", "zh"),
    ("美国商务部将两家拦截导弹研制企业加入黑名单。", "zh"),
])
def test_government_blacklist_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" in types_of(full, text, lang)


# extract-0.7.137 (from the spent holdouts' errors; fitted): 投资 as a word of a firm's or a fund's name is no
# investment; an investment made by such a firm or fund still counts
@pytest.mark.parametrize("text", [
    "华新（中国）投资被罚175万元，因违法实施经营者集中。",
    "格芯由阿布扎比穆巴达拉投资公司控股，近年来已放弃先进制程研发。",
    "多家涉案企业获得国家集成电路产业投资基金的资金。",
])
def test_investment_in_a_name_is_no_investment(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investment" not in types_of(full, text, "zh")


@pytest.mark.parametrize("text", [
    "国家集成电路产业投资基金二期向长鑫存储增资50亿元。",
    "壳牌（中国）投资有限公司宣布在广东投资建设新工厂。",
])
def test_investment_by_a_named_fund_stays(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investment" in types_of(full, text, "zh")


# extract-0.7.138 (from the spent holdouts' errors; fitted): a veto the sentence says did not happen ("美方未否决",
# "没有否决") blocks no deal; a veto that happened still counts
@pytest.mark.parametrize("text", [
    "美方未否决337裁决，苹果手表进口禁令正式生效。",
    "美国政府未否决这笔收购，交易将于下月完成。",
    "外国投资委员会没有否决该交易。",
])
def test_veto_not_made_blocks_no_deal(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, "zh")


@pytest.mark.parametrize("text", [
    "美方否决了这笔收购交易。",
    "这笔交易被美方否决。",
])
def test_veto_made_stays(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, "zh")


# extract-0.7.139 (from the spent holdouts' misses; fitted): a patent ruling of the U.S. International Trade Commission,
# the European Commission's statement of objections and a five-year review of duties are investigation steps
@pytest.mark.parametrize(("text", "lang"), [
    ("The U.S. International Trade Commission ruled that Huawei infringed three patents held by a U.S. chipmaker and "
     "issued a limited exclusion order.", "en"),
    ("EU regulators charged Alibaba with breaching competition rules in a statement of objections.", "en"),
    ("欧盟委员会向阿里巴巴发出异议告知书，认为其可能违反竞争规则。", "zh"),
    ("The ITC decided to conduct full five-year reviews of the anti-dumping duties on Chinese steel wheels.", "en"),
])
def test_itc_ruling_objections_and_five_year_review_are_probes(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


def test_a_firms_own_five_year_review_is_no_probe(full) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, "Huawei said its five-year review of the phone strategy was finished.", "en")


# extract-0.7.140 (from the spent holdouts' errors; fitted): a firm welcoming a review, and an agency that keeps
# reviewing information, open no probe; a review opened of a firm still counts
@pytest.mark.parametrize("text", [
    "小米表示，欢迎接受审查，但担心评估工作迟迟无法开始。",
    "美国商务部表示，该部门会持续审查相关信息，以判断是否应将有关企业列入清单。",
])
def test_review_welcomed_or_kept_up_is_no_probe(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, "zh")


def test_review_opened_stays(full) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, "美国商务部宣布对小米展开审查。", "zh")


# extract-0.7.141 (from the spent holdouts' errors; fitted): customs named only by its commodity codes, and penalty
# guidelines a ministry publishes, open no probe; customs or a regulator fining a firm still counts
@pytest.mark.parametrize("text", [
    "商务部发布公告，自明年1月1日起对部分钢材产品实施出口许可证管理。根据公告所附目录，此次纳入管理的产品涉及数十个"
    "海关商品编码，覆盖钢坯和部分合金钢材。",
    "商务部和海关总署发布公告，对部分铝材实施出口许可证管理。按照公告附件，本次纳入管理的产品涉及二十多个海关商品编码。",
    "韩国产业通商资源部同时发布了针对违规企业的行政处罚指南，重点打击规避出口管制的行为。",
])
def test_customs_codes_and_penalty_guidelines_are_no_probe(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, "zh")


@pytest.mark.parametrize("text", [
    "海关对该公司处以罚款。",
    "市场监管总局依据处罚裁量基准对该公司处以罚款。",
])
def test_fines_stay_probes(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, "zh")


# extract-0.7.142 (after holdout46's scoring; fitted): sanctions on a country's economic sectors, and their waiver, are
# the country's programme, no designation; sanctions on firms of such a sector still are
@pytest.mark.parametrize("text", [
    "美方宣布不再续签委内瑞拉油气制裁豁免许可。",
    "美国政府宣布，将不再续签放宽伊朗石油和天然气行业制裁的通用许可。",
])
def test_sector_sanctions_of_a_country_are_no_designation(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" not in types_of(full, text, "zh")


def test_sanctions_on_firms_of_a_sector_stay(full) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" in types_of(full, "美国财政部宣布对委内瑞拉石油部门的三家企业实施制裁。", "zh")
