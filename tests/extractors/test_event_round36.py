"""#15 round 36 (from the spent holdouts' errors). Sentences written for these tests (none copied from an evaluation
split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import first_actor, types_of


# extract-0.7.70: a government banning or blocking apps it counts or names for a period is a ban on dealings with a
# country's firms (export_control), as the apps orders
@pytest.mark.parametrize(("text", "lang"), [
    ("NEW DELHI, June 29 - India's government on Monday banned TikTok and 58 other Chinese apps, citing threats to the "
     "country's sovereignty and security.", "en"),
    ("Taiwan's interior ministry on Wednesday blocked the Xiaohongshu app for a year, ordering internet providers to cut "
     "access after a string of fraud cases.", "en"),
    ("新德里6月29日消息 印度政府宣布禁用TikTok、微信等59款中国应用，理由是这些应用威胁国家主权与安全。", "zh"),
])
def test_an_app_ban_by_a_government_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # no government, or only a possibility: no control
    ("Many parents said they blocked the game app for a month after their children's grades fell.", "en"),
    ("Analysts said the government could ban dozens of other Chinese apps if talks fail.", "en"),
    ("不少家长表示，孩子期末考试前已在手机上禁用多款游戏应用。", "zh"),
])
def test_app_blocks_without_a_government_act_are_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)


# extract-0.7.71 (after holdout34's scoring; fitted): any country's goods and a named plant's or firm's halted from
# import are a control (round 35 read only a few countries'); tariffs named as a topic of friction and a neighbourhood
# committee's permits are no acts
@pytest.mark.parametrize(("text", "lang"), [
    ("China's customs agency said it had suspended imports of poultry from a chicken plant in Georgia.", "en"),
    ("BEIJING, March 3 - Beijing halted Canadian pork imports on Tuesday after forged certificates were found.", "en"),
    ("北京3月3日消息 中方已通知法方，自即日起禁止从法国进口禽肉产品。", "zh"),
    ("海关总署暂停了新西兰两家乳品企业的奶粉进口。", "zh"),
])
def test_an_import_halt_on_any_countrys_goods_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("此后两国在关税、人权等问题上多次发生摩擦。", "zh", "tariff"),
    ("居委会当晚解释了临时停车许可证的申领流程和外来车辆的管理办法。", "zh", "export_control"),
    ("部分企业表示将暂停从日本进口水产品。", "zh", "export_control"),
])
def test_tariffs_as_a_topic_and_a_committees_permits_are_no_acts(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


# extract-0.7.72 (from the spent holdouts' errors; retried after 0.7.71): China's customs administration acts for Beijing
# (watchlist 2026.12.05-4), and the country told of an act and the origin of halted goods do not act
@pytest.mark.parametrize(("text", "lang"), [
    ("北京3月2日消息 海关总署2日发布公告，自即日起暂停进口原产地为菲律宾的香蕉。", "zh"),
    ("The General Administration of Customs said it would suspend imports of mangoes from the Philippines from May 3.",
     "en"),
    ("China has informed Australia through diplomatic channels that it is suspending imports of Australian timber.",
     "en"),
    ("马尼拉5月3日消息 中方已通过外交渠道通知菲方，暂停进口菲律宾香蕉。", "zh"),
])
def test_chinas_customs_acts_and_the_goods_origin_does_not(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, lang, "export_control") == "cn-gov"


def test_the_agency_that_tells_a_firm_still_acts(full) -> None:  # type: ignore[no-untyped-def]
    text = "The Commerce Department told Nvidia it would need licences to ship H20 chips to China."
    assert first_actor(full, text, "en", "export_control") == "us-commerce"


# extract-0.7.73 (after holdout34's scoring; fitted): a merger cleared with conditions by whichever body reviewed it is no
# control, and an act named only as a possibility someone faces is no act
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("北京消息 商务部附加限制性条件批准陶氏与杜邦合并。", "zh", "export_control"),
    ("近期两国关系持续紧张，澳方另一种主要农产品出口也面临被征收高额关税的可能。", "zh", "tariff"),
    ("Australian wine makers face the prospect of tariffs as high as 200%, officials said.", "en", "tariff"),
])
def test_a_conditional_merger_clearance_and_a_faced_possibility_are_no_acts(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


def test_duties_imposed_still_are_a_tariff(full) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, "商务部宣布对原产于澳大利亚的进口葡萄酒征收反倾销保证金。", "zh")
