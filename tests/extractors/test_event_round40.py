"""#15 round 40 (from the spent holdouts' errors). Sentences written for these tests (none copied from an evaluation
split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.86: an expiry (sunset) review named as what the duties came after, or as the next one due, is no
# investigation of its own; a regulation on security reviews, issued, and its provisions are no review of anyone
@pytest.mark.parametrize(("text", "lang"), [
    ("Last spring Ottawa kept its anti-dumping order on Chinese steel racks in place after a sunset review, so exporters "
     "still pay duties there.", "en"),
    ("The European Union has prolonged anti-dumping duties on Chinese glass fibre fabrics for five more years, concluding "
     "an expiry review that producers had asked for.", "en"),
    ("The next expiry review of those duties would normally start in 2027.", "en"),
    ("去年5月，澳大利亚在期终复审后决定继续对原产于中国的铝型材征收反倾销税。", "zh"),
    ("SINGAPORE, March 3 - Malaysia published rules on Monday governing the national security review of foreign "
     "takeovers, listing which deals need clearance.", "en"),
    ("本报讯 国家网信办日前发布《数据出境安全审查办法》，自下月起施行。", "zh"),
    ("办法规定，国家建立数据出境安全审查工作机制，由网信部门牵头。", "zh"),
    ("审查分为初步审查和特别审查，时限分别为20个和45个工作日。", "zh"),
])
def test_a_finished_expiry_review_and_a_review_regulation_are_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang, "2025-06-01")


@pytest.mark.parametrize(("text", "lang"), [
    # an expiry review opened, a security review of a deal opened, and a trade-remedy review opened at an industry's
    # request stay investigations
    ("SEOUL, April 2 - South Korea has opened an expiry review of the anti-dumping duties it levies on Chinese "
     "stainless steel bars.", "en"),
    ("商务部决定对原产于日本的进口光纤预制棒所适用的反倾销措施进行期终复审调查。", "zh"),
    ("Britain's business secretary opened a national security review of the takeover of a Welsh chip plant by a "
     "Chinese-owned firm.", "en"),
    ("BEIJING, Jan 20 - China will keep anti-dumping duties on U.S. acrylic fibres for five more years. The commerce "
     "ministry opened the review last year at the request of Chinese producers.", "en"),
    ("网信办对该公司启动网络安全审查。", "zh"),
])
def test_reviews_opened_still_count(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang, "2025-06-01")


# extract-0.7.87 (after holdout38's scoring; fitted): a producer asking a capital for duties, a finding made after an
# expiry review (经过...期终复审), a price that "will jump", spam accounts put on a forum's blacklist and a permit to
# occupy a street are no acts of their types
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("HOUSTON, March 3 - A U.S. maker of industrial ladles has asked Washington to impose antidumping duties on ladles "
     "from China, saying imports are undercutting it.", "en", "tariff"),
    ("OTTAWA, March 3 - Two Canadian steelmakers have petitioned Ottawa to impose duties on Chinese rebar.", "en", "tariff"),
    ("韩国产业通商资源部称，经过为期一年的期终复审，韩方认定若取消措施，倾销可能再度发生。", "zh", "investigation"),
    ("有传言说明年的收购价会大涨，合作社负责人表示要看行情。", "zh", "market_move"),
    ("The club's message board had to put dozens of spam accounts on a blacklist after the tournament.", "en", "entity_list"),
    ("活动方已向街道提交申请，并取得了临时占道许可证。", "zh", "export_control"),
])
def test_petitions_reviewed_findings_prices_and_permits_are_no_acts(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang, "2025-03-03")


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("HOUSTON, March 3 - Washington imposed antidumping duties on industrial ladles from China on Friday.", "en", "tariff"),
    ("韩国产业通商资源部宣布，对原产于中国的H型钢反倾销措施启动期终复审。", "zh", "investigation"),
    ("受此消息影响，该公司股价盘中大涨8%。", "zh", "market_move"),
    ("商务部宣布，对相关物项实施出口许可证管理。", "zh", "export_control"),
])
def test_duties_reviews_moves_and_licences_still_count(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in types_of(full, text, lang, "2025-03-03")


# extract-0.7.88 (after holdout38's scoring; fitted): an order detaining goods made with convict or prison labour is an
# import ban (a control), as one over forced labour is
@pytest.mark.parametrize(("text", "lang"), [
    ("The withhold release order, issued on 12 May over convict labour, covers rubber boots from a maker and its "
     "subsidiary.", "en"),
    ("美国海关和边境保护局以涉嫌使用监狱劳工为由，对一家胶靴企业及其子公司的产品发布暂扣令。", "zh"),
])
def test_a_detention_order_over_prison_labour_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang, "2024-06-01")
