"""#15 extract-0.7.24 (round 24): when an act was done. Found on the status errors of the spent holdouts; sentences
written for these tests (none copied from an evaluation split), run through the real extractor with the event
classifier as the pipeline runs it (``full``) and through the status helpers directly."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_roles import event_status, opens_with_past_year, past_date

from tests.extractors.conftest import events_of


def _status(full, text, lang, etype, published):  # type: ignore[no-untyped-def]
    found = [e.status for e in events_of(full, text, lang, published=published) if e.type == etype]
    assert found, f"no {etype} event in {text!r}"
    return found[0]


@pytest.mark.parametrize(("text", "lang", "etype", "published"), [
    # a sentence opening with an earlier year's date reports context, an act as a proposal
    ("2017年11月，欧盟对中国产铸铁轮毂征收最终反倾销税，税率按企业分别计算。", "zh", "tariff", "2020-05-12"),
    ("2018年4月，美国商务部宣布禁止美国企业向中兴通讯出口零部件七年。", "zh", "export_control", "2022-04-18"),
    # "last December" in the trigger's clause, whatever the article's month
    ("It imposed anti-dumping duties on Chinese aluminium foil last December and has since widened the case.", "en",
     "tariff", "2023-08-09"),
    # a verb of opening with words before the month ("launched the case in November") in a July article
    ("The Commission launched the anti-dumping investigation in November after a complaint from two EU makers.", "en",
     "investigation", "2024-07-02"),
])
def test_an_act_dated_before_the_article_is_context(full, text, lang, etype, published) -> None:  # type: ignore[no-untyped-def]
    assert _status(full, text, lang, etype, published) == "background"


@pytest.mark.parametrize(("text", "lang", "etype", "published"), [
    # the same acts reported as the day's news
    ("欧盟委员会5日宣布对中国产铸铁轮毂征收最终反倾销税，税率按企业分别计算。", "zh", "tariff", "2020-05-06"),
    ("The Commission launched the anti-dumping investigation on Tuesday after a complaint from two EU makers.", "en",
     "investigation", "2024-07-03"),
    # an earlier year in a later clause dates the ended inquiry, not the duties imposed today
    ("Brussels imposed definitive anti-dumping duties on Chinese forklift trucks on Friday, ending an "
     "investigation that began in 2023.", "en", "tariff", "2025-01-11"),
    # a year inside a report's title dates no act
    ("华盛顿1月30日消息 美国贸易代表办公室30日发布《2025年恶名市场审查报告》，将一家中国电商平台列入名单。", "zh",
     "entity_list", "2026-01-31"),
    # 此前 / 去年 in a later clause date that clause's step, not the order issued today
    ("华盛顿3月4日消息 美国商务部4日发布对原产于中国的钢制货架的反倾销征税令，此前美国国际贸易委员会裁定相关进口产品造成实质损害。",
     "zh", "tariff", "2025-03-05"),
    ("美国商务部7日宣布对中国产铝箔征收反倾销税，这起去年春天发起的案件就此完结。", "zh", "tariff", "2025-06-08"),
])
def test_todays_act_stays_enacted(full, text, lang, etype, published) -> None:  # type: ignore[no-untyped-def]
    assert _status(full, text, lang, etype, published) == "enacted"


def test_last_december_in_a_january_article_may_be_the_news() -> None:
    assert opens_with_past_year("2025年12月30日，商务部宣布对相关物项实施出口管制。", 2026, 1) is False
    assert opens_with_past_year("2025年12月30日，商务部宣布对相关物项实施出口管制。", 2026, 3) is True
    assert opens_with_past_year("In December 2025 the ministry imposed controls.", 2026, 1) is False
    assert opens_with_past_year("In November 2025 the ministry imposed controls.", 2026, 1) is True
    assert opens_with_past_year("2026年1月2日，商务部宣布对相关物项实施出口管制。", 2026, 1) is False


def test_the_helpers_read_the_clause_of_the_trigger() -> None:
    s = "Brussels imposed duties on Chinese lifts on Friday, ending an investigation that began in 2022."
    assert not past_date(s, 2024, 1, 27, trigger="duties")
    assert past_date("The ministry imposed duties in 2022 on the lifts.", 2024, 1, 27, trigger="duties")
    zh = "美国商务部12日发布征税令，此前美国国际贸易委员会作出裁定。"
    at = zh.find("征税令")
    assert event_status("tariff", zh, at, at + 3, lang="zh") == "enacted"
    zh_before = "此前，美国商务部已发布征税令。"
    at = zh_before.find("征税令")
    assert event_status("tariff", zh_before, at, at + 3, lang="zh") == "background"


@pytest.mark.parametrize(("text", "lang", "etype", "published"), [
    # a reversal the sentence dates, from its opening, to another month: an earlier easing
    ("今年3月，日本已将韩国重新列入出口管理的优惠对象名单。", "zh", "export_control", "2023-08-02"),
    ("In February the ministry lifted the anti-dumping duties on Australian barley, ending a probe opened in 2018.", "en",
     "tariff", "2023-09-14"),
])
def test_a_reversal_dated_to_another_month_is_context(full, text, lang, etype, published) -> None:  # type: ignore[no-untyped-def]
    assert _status(full, text, lang, etype, published) == "background"


def test_a_reversal_of_the_articles_month_stays_reversed() -> None:
    from sinowatch.extractors.event_roles import opens_with_earlier_date

    assert opens_with_earlier_date("今年3月，日本已将韩国重新列入优惠对象名单。", 2023, 8)
    assert not opens_with_earlier_date("8月，日本将韩国重新列入优惠对象名单。", 2023, 8)
    assert not opens_with_earlier_date("In August the ministry lifted the duties.", 2023, 8)
    assert opens_with_earlier_date("In August the ministry lifted the duties.", 2023, 3)  # last year's August
    assert opens_with_earlier_date("2022年5月，美方暂停了该禁令。", 2023, 8)
    assert not opens_with_earlier_date("The ministry lifted the duties in August.", 2023, 3)  # not the opening


def test_the_day_an_act_will_take_effect_dates_no_earlier_act() -> None:
    s = ("BEIJING, Nov 28 - The commerce ministry has published an export control list for drone parts, "
         "to take effect on Jan. 1.")
    at = s.find("export control")
    assert not past_date(s, 2024, 11, 28, trigger="export control")
    assert event_status("export_control", s, at, at + 14, ref_year=2024, ref_month=11) != "background"
    # a day of this year weeks before the article still dates an earlier act
    assert past_date("The ministry imposed the controls on March 3, citing security.", 2024, 11, 28, trigger="controls")


# extract-0.7.24 (round 24, after holdout22's scoring): "Commerce" alone acting is the U.S. Department of Commerce.
def _actors(full, text, etype):  # type: ignore[no-untyped-def]
    return [e.actor for e in events_of(full, text, "en", published="2025-09-09") if e.type == etype]


def test_commerce_alone_acting_is_the_commerce_department(full) -> None:  # type: ignore[no-untyped-def]
    text = ("Washington set preliminary duties on steel racks. In March Commerce began investigating steel racks from "
            "China at the request of two U.S. makers.")
    assert _actors(full, text, "investigation") == ["us-commerce"]
    assert _actors(full, "Commerce opened the anti-dumping investigations in April after a petition.",
                   "investigation") == ["us-commerce"]
    # another country's commerce ministry, or commerce as a word, is not
    assert _actors(full, "China's Commerce Ministry opened an anti-dumping investigation into U.S. propionic acid.",
                   "investigation") == ["mofcom"]
    assert "us-commerce" not in _actors(
        full, "The Chamber of Commerce said the anti-dumping investigation would raise costs for U.S. retailers.",
        "investigation")


def test_japans_end_user_list_is_a_designation_list(full) -> None:  # type: ignore[no-untyped-def]
    text = "Japan's trade ministry on Friday revised its End User List, adding 12 organisations in China and Iran."
    assert [(e.type, e.actor) for e in events_of(full, text, "en") if e.type == "entity_list"] == [("entity_list", "jp-gov")]
    zh = "日本经济产业省3日公布修订后的“最终用户清单”，新增12家外国机构。"
    assert "entity_list" in [e.type for e in events_of(full, zh, "zh")]
    # an end user as a word is no list
    assert "entity_list" not in [e.type for e in events_of(full, "Exporters must name the end user of each shipment.", "en")]


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("If the commission finds injury, Commerce will issue anti-dumping duty orders on the steel racks.", "en", "tariff"),
    ("按照程序，如果美国国际贸易委员会作出肯定性终裁，美方将正式发布征税令，对相关产品征收反倾销税。", "zh", "tariff"),
])
def test_an_act_that_waits_on_a_condition_is_proposed(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert _status(full, text, lang, etype, "2025-09-09") == "proposed"


def test_a_condition_after_the_act_does_not_make_it_proposed() -> None:
    s = "The Commerce Department issued anti-dumping duty orders on Chinese racks on Monday, if only for five years."
    at = s.find("anti-dumping duty orders")
    assert event_status("tariff", s, at, at + 24) == "enacted"
