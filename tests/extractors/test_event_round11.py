"""#15 extract-0.7.4 (round 10): status and vetting mechanisms found on the spent holdout7's remaining
errors (``sinowatch eval --articles ... --split holdout7 --error-detail``) - an act dated by its own
clause to a month after the article's ("opened in September" in a March article), "本月10日起" two weeks
before the article, "今年初" in a later article, a probe opened by a list's mechanism, and the listing
rule stated for any listed party. Sentences written for these tests (none copied from an evaluation
split), run through the real rules-only extractor or the pure vetting functions."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_roles import past_date
from sinowatch.extractors.event_vetting import conditional, probe_of_list, vet

from sinowatch.records import Document


def _status(extractor, text: str, lang: str, published: str, etype: str) -> list[str]:  # type: ignore[no-untyped-def]
    (ex,) = extractor.extract([Document(id="a", title="", text=text, lang=lang, published=published)])
    return [e.status for e in ex.events if e.type == etype]


def test_a_later_month_in_the_triggers_own_past_clause_is_last_years(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The new duties follow an anti-dumping investigation that the ministry opened in October into "
            "imported canola.")
    assert _status(extractor, text, "en", "2025-03-08", "investigation") == ["background"]
    # the same sentence in a November article: October is this year's news month, and the
    # month rule (a month before the article's) already makes it background
    assert _status(extractor, text, "en", "2025-11-20", "investigation") == ["background"]
    # a month after the article's in the future tense is a date set, not the past
    fut = "The ministry will open an anti-dumping investigation in October into imported canola."
    assert "background" not in _status(extractor, fut, "en", "2025-03-08", "investigation")


def test_the_later_month_dates_only_the_triggers_clause() -> None:
    # "a probe that began in November" dates the probe, not the duties imposed far before it
    sentence = ("The ministry on Monday imposed anti-dumping and anti-subsidy duties on barley from the "
                "neighbour, effective from Tuesday and lasting five years, ending a probe that began in November.")
    assert not past_date(sentence, 2020, 5, 18, trigger="duties")
    assert past_date(sentence, 2020, 5, 18, trigger="probe")
    # followed by a year, the year rule decides ("began in November 2018")
    assert not past_date("a probe that began in November 2030", 2020, 5, 18, trigger="probe")


def test_a_day_of_this_month_weeks_before_the_article_is_background(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "海关本月3日起对相关化学品实施出口许可管理，两周以来，不少企业正在调整订单。"
    assert _status(extractor, text, "zh", "2025-11-24", "export_control") == ["background"]
    # the day of this month a few days before the article is its news
    assert _status(extractor, text, "zh", "2025-11-05", "export_control") == ["enacted"]


def test_early_this_year_in_a_later_article_is_background(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "这一反倾销调查是商务部今年初应国内生产商的申请发起的。"
    assert _status(extractor, text, "zh", "2025-07-19", "investigation") == ["background"]
    # in a February article "early this year" is this article's news window
    assert _status(extractor, text, "zh", "2025-02-10", "investigation") == ["enacted"]


def _ev(etype: str, sentence: str, source: str = "classifier") -> dict:  # type: ignore[type-arg]
    return {"type": etype, "sentence": sentence, "source": source, "trigger": None, "confidence": 0.9}


@pytest.mark.parametrize("sentence", [
    "不可靠实体清单工作机制对一家美国服装集团启动调查",
    "The unreliable entity list office opened an investigation into the apparel group on Tuesday.",
])
def test_a_probe_by_a_lists_mechanism_is_no_designation(sentence: str) -> None:
    assert probe_of_list(_ev("entity_list", sentence))
    assert vet([_ev("entity_list", sentence), _ev("investigation", sentence)]) == [_ev("investigation", sentence)]


@pytest.mark.parametrize("sentence", [
    "After a six-month investigation, the ministry added the apparel group to its unreliable entity list.",
    "经过调查，商务部将该集团列入不可靠实体清单。",
])
def test_a_designation_after_a_probe_stays(sentence: str) -> None:
    assert not probe_of_list(_ev("entity_list", sentence))
    # a rule event is judged by its trigger, not by this check
    assert not probe_of_list(_ev("entity_list", "不可靠实体清单工作机制对该集团启动调查", source="rule"))


@pytest.mark.parametrize("sentence", [
    "根据有关规定，被列入清单的外国实体可能被限制或禁止从事与中国有关的进出口活动。",
    "Entities placed on the list may be barred from trading with Chinese firms, the rules say.",
])
def test_what_a_listing_does_to_any_listed_party_is_no_designation(sentence: str) -> None:
    assert conditional(_ev("entity_list", sentence))


def test_a_named_designation_is_not_a_rule_for_a_class() -> None:
    assert not conditional(_ev("entity_list", "商务部将三家美国企业列入不可靠实体清单。"))
    assert not conditional(_ev("entity_list", "The ministry placed ten U.S. defence firms on the list on Tuesday."))


def _roles(extractor, text: str, lang: str, published: str, etype: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    (ex,) = extractor.extract([Document(id="a", title="", text=text, lang=lang, published=published)])
    return [(e.status, e.actor) for e in ex.events if e.type == etype]


def test_a_bill_is_a_proposal_and_the_agency_it_empowers_does_not_act(extractor) -> None:  # type: ignore[no-untyped-def]
    zh = "该法案将授权美国商务部对先进计算技术实施出口管制。"
    roles = _roles(extractor, zh, "zh", "2024-05-23", "export_control")
    assert roles and all(s == "proposed" and a != "us-commerce" for s, a in roles)
    en = "The bill would authorise the Commerce Department to restrict exports of advanced computing technology."
    assert all(a != "us-commerce" for _s, a in _roles(extractor, en, "en", "2024-05-23", "export_control"))
    # a law signed is no proposal
    signed = "总统签署的法案生效后，美国商务部对相关技术实施出口管制。"
    assert all(s != "proposed" for s, _a in _roles(extractor, signed, "zh", "2024-05-23", "export_control"))


def test_the_patient_of_a_passive_does_not_act(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "首尔4月24日电 韩国产业通商资源部24日宣布，修订后的公告当天起正式实施，日本重新被列入韩国出口管理优惠对象国家名单。"
    roles = _roles(extractor, text, "zh", "2023-04-25", "export_control")
    assert roles and all(s == "reversed" and a != "jp-gov" for s, a in roles)


def test_a_plan_after_a_done_step_stays_a_proposal(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "韩国产业通商资源部21日表示，已启动相关法定程序，计划将日本重新列入韩国出口管理中的优惠对象国家名单。"
    assert [s for s, _a in _roles(extractor, text, "zh", "2023-03-21", "export_control")] == ["proposed"]
    # the done verb in the plan's own clause still reports the act done
    done = "商务部已决定将日本重新列入出口管理优惠对象国家名单。"
    assert "proposed" not in [s for s, _a in _roles(extractor, done, "zh", "2023-03-21", "export_control")]


def test_a_named_day_of_last_week_is_news_and_last_week_alone_is_background(extractor) -> None:  # type: ignore[no-untyped-def]
    friday = "美国商务部上周五宣布，将三家中国企业列入实体清单。"
    assert [s for s, _a in _roles(extractor, friday, "zh", "2023-06-12", "entity_list")] == ["enacted"]
    week = "美国商务部上周将三家中国企业列入实体清单，相关企业正在评估影响。"
    assert [s for s, _a in _roles(extractor, week, "zh", "2023-06-12", "entity_list")] == ["background"]


def test_the_licence_for_the_listed_parties_is_the_listings_consequence(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("美国商务部14日宣布，将一家中国能源企业列入出口管制实体清单。根据规定，美国企业向被列入清单的企业出口受管辖物项"
            "须申请许可证，相关申请原则上将被拒绝。")
    (ex,) = extractor.extract([Document(id="a", title="美方将一家中国能源企业列入实体清单", text=text, lang="zh",
                                        published="2021-01-15")])
    assert {e.type for e in ex.events} == {"entity_list"}
