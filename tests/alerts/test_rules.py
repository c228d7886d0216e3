"""Rule matching: each filter of [[alerts.rules]], alone and together. Pure functions, no I/O."""

from __future__ import annotations

import pytest

from sinowatch.alerts import ArticleMeta
from sinowatch.alerts.rules import alert_id, event_matches, match_batch, match_extraction
from sinowatch.config import AlertRule
from sinowatch.records import Event
from tests.alerts.conftest import export_event, extraction

KINDS = {"smic": "company", "huawei": "company", "ascend-910": "chip"}


def meta(key: str = "a1", *, feed: str = "policydesk", feeds: tuple[str, ...] = ("policydesk",),
         language: str = "en", cluster: str = "c1") -> ArticleMeta:
    return ArticleMeta(key=key, feed=feed, feeds=feeds, language=language, cluster_id=cluster)


def matches(rule: AlertRule, ev: Event, *, language: str = "en", feeds: tuple[str, ...] = ("policydesk",)) -> bool:
    return event_matches(rule, ev, language=language, feeds=feeds, kinds=KINDS)


def test_default_rule_export_control_and_entity_list_above_threshold() -> None:
    rule = AlertRule()
    assert matches(rule, export_event("smic", confidence=0.9))
    assert matches(rule, export_event("smic", type="entity_list", confidence=0.6))
    assert not matches(rule, export_event("smic", confidence=0.59))
    assert not matches(rule, export_event("smic", type="investment"))


def test_an_event_without_watchlist_entities_never_alerts() -> None:
    ev = Event(type="export_control", confidence=0.95, sentence="Controls tightened.", entities=())
    assert not matches(AlertRule(), ev)
    assert not matches(AlertRule(event_types=[]), ev)
    # actor and targets count as involved entities
    assert matches(AlertRule(entities=["huawei"]), Event(type="export_control", confidence=0.9, sentence="s",
                                                          entities=(), actor="bis", targets=("huawei",)))


def test_entities_filter_is_any_of_case_insensitive() -> None:
    investor = AlertRule(name="investor", event_types=[], entities=["SMIC", "huawei"])
    assert matches(investor, export_event("smic"))
    assert matches(investor, export_event("nvidia", "huawei", type="partnership"))
    assert not matches(investor, export_event("nvidia", type="partnership"))


def test_kinds_filter() -> None:
    chips = AlertRule(kinds=["chip"])
    assert matches(chips, export_event("ascend-910"))
    assert not matches(chips, export_event("smic"))
    assert matches(chips, export_event("smic", "ascend-910"))


def test_languages_and_feeds_filters() -> None:
    zh = AlertRule(languages=["zh"])
    assert matches(zh, export_event("smic"), language="zh")
    assert not matches(zh, export_event("smic"), language="en")
    policy = AlertRule(feeds=["policydesk"])
    assert not matches(policy, export_event("smic"), feeds=("chipwire",))
    # a syndicated article seen in several feeds matches if any of them is named
    assert matches(policy, export_event("smic"), feeds=("chipwire", "policydesk"))


@pytest.mark.parametrize("conf", [0.0, 0.5, 0.79])
def test_min_confidence(conf: float) -> None:
    assert not matches(AlertRule(min_confidence=0.8), export_event("smic", confidence=conf))
    assert matches(AlertRule(min_confidence=conf), export_event("smic", confidence=conf))


def test_one_candidate_per_rule_and_article_the_most_confident_event() -> None:
    rules = [AlertRule(), AlertRule(name="investor", event_types=[], entities=["huawei"])]
    ex = extraction("a1", export_event("smic", confidence=0.7),
                    export_event("huawei", confidence=0.95, sentence="Huawei was added."),
                    export_event("huawei", type="investment", confidence=0.99))
    cands = {c.rule: c for c in match_extraction(rules, ex, meta())}
    assert set(cands) == {"export-controls", "investor"}
    assert cands["export-controls"].confidence == 0.95
    assert cands["investor"].event_type == "investment"
    assert cands["export-controls"].alert_id == alert_id("export-controls", "c1")
    ent = cands["export-controls"].entities[0]
    assert (ent.id, ent.kind, ent.sentiment) == ("huawei", "company", "negative")


def test_copies_of_one_story_in_a_batch_are_one_candidate_and_unknown_articles_are_skipped() -> None:
    metas = {"a1": meta("a1", cluster="story"), "a2": meta("a2", feed="chipwire", feeds=("chipwire",), cluster="story")}
    cands = match_batch([AlertRule()], [extraction("a1", export_event("smic", confidence=0.7)),
                                        extraction("a2", export_event("smic", confidence=0.8)),
                                        extraction("nowhere", export_event("smic", confidence=0.99))], metas)
    assert len(cands) == 1
    assert cands[0].article_key == "a2" and cands[0].cluster_id == "story"


def test_alert_id_is_deterministic_and_distinct_per_rule_and_cluster() -> None:
    assert alert_id("r", "c") == alert_id("r", "c")
    assert len({alert_id("r", "c"), alert_id("r2", "c"), alert_id("r", "c2")}) == 3
