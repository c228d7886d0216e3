"""Alert rules and event status end to end (issue #15 item 5): real articles in a DuckDB file, the
real extractor through the extraction stage, the real outbox, a real SMTP server on loopback."""

from __future__ import annotations

import re

import pytest

from sinowatch.alerts.stage import send_pending
from sinowatch.config import AlertRule, ConfigError, parse_config
from tests.alerts.conftest import article, load, make_config


def _stories(conn):  # type: ignore[no-untyped-def]
    return conn.execute("SELECT article_key, event_type, event_status, actor, targets FROM alerts "
                        "ORDER BY article_key").fetchall()


@pytest.fixture
def seeded(tmp_path, conn, smtp_server):  # type: ignore[no-untyped-def]
    from sinowatch.alerts.stage import make_on_batch
    from sinowatch.extract_stage import extract_pending, get_extractor

    cfg = make_config(tmp_path, smtp_server.port)
    load(conn, [
        article("proposed", "US weighs adding more Inspur units to Entity List",
                text="Washington is weighing adding more Inspur units to the Entity List, people familiar with "
                     "the matter said."),
        article("background", "浪潮信息回应", language="zh",
                text="浪潮信息表示，公司已被列入美国实体清单，目前经营正常，新品将按计划发布。"),
        article("reversed", "U.S. lifts export ban on Nvidia H20 chips to China",
                text="The administration lifted the export ban on Nvidia's H20 chips to China on Monday."),
    ])
    stats = extract_pending(cfg, conn, extractor=get_extractor(cfg), on_batch=make_on_batch(cfg))
    assert not stats.errors
    return cfg


def test_background_never_alerts_and_roles_reach_the_digest(seeded, conn, smtp_server) -> None:  # type: ignore[no-untyped-def]
    stored = conn.execute("SELECT status FROM events e JOIN articles a USING (article_key) "
                          "WHERE a.article_key = 'background' AND event_type = 'entity_list'").fetchall()
    assert stored == [("background",)]  # extracted and stored, just not alerted
    assert _stories(conn) == [
        ("proposed", "entity_list", "proposed", "us-gov", ["inspur"]),
        ("reversed", "export_control", "reversed", "us-gov", ["nvidia", "nvidia-h20"]),
    ]
    assert send_pending(seeded, conn).sent == 2
    (got,) = smtp_server.received
    text = got.message.get_body(("plain",)).get_content()
    html = got.message.get_body(("html",)).get_content()
    assert "Event: entity list, proposed" in text and "Event: export control, reversed" in text
    # display names from the watchlist (with a Chinese name where the watchlist has one)
    assert re.search(r"Who: U\.S\. government( \(美方\))? -> Inspur", text)
    assert re.search(r"Who: U\.S\. government( \(美方\))? -> Nvidia( \(英伟达\))?, Nvidia H20", text)
    assert "<strong>proposed</strong>" in html and re.search(r"U\.S\. government( \(美方\))? -&gt; Inspur", html)
    assert "浪潮信息回应" not in text


def test_rerun_adds_no_alert(seeded, conn, smtp_server) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.alerts.stage import make_on_batch
    from sinowatch.extract_stage import extract_pending, get_extractor

    before = _stories(conn)
    extract_pending(seeded, conn, extractor=get_extractor(seeded), on_batch=make_on_batch(seeded), reextract=True)
    assert _stories(conn) == before


def test_a_rule_that_asks_for_background_gets_it(tmp_path, conn, smtp_server) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.alerts.stage import make_on_batch
    from sinowatch.extract_stage import extract_pending, get_extractor

    cfg = make_config(tmp_path, smtp_server.port,
                      rules=[AlertRule(name="context", statuses=["background"], recipients=["a@example.com"])])
    load(conn, [article("background", "浪潮信息回应", language="zh",
                        text="浪潮信息表示，公司已被列入美国实体清单，目前经营正常。"),
                article("enacted", "BIS adds Inspur units to Entity List",
                        text="The Bureau of Industry and Security added six Inspur units to the Entity List.")])
    extract_pending(cfg, conn, extractor=get_extractor(cfg), on_batch=make_on_batch(cfg))
    assert [r[:3] for r in _stories(conn)] == [("background", "entity_list", "background")]


def test_statuses_are_checked_in_the_config(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cfg = parse_config("[[alerts.rules]]\nname = 'x'\nstatuses = ['enacted', 'reversed']\n")
    assert cfg.alerts.rules[0].statuses == ["enacted", "reversed"]
    assert parse_config("").alerts.rules[0].statuses == ["proposed", "enacted", "reversed"]
    with pytest.raises(ConfigError, match=r"statuses.*'passed'.*proposed, enacted, reversed, background"):
        parse_config("[[alerts.rules]]\nname = 'x'\nstatuses = ['passed']\n")


def test_an_event_without_status_passes_a_status_filter() -> None:
    from sinowatch.alerts.rules import event_matches
    from sinowatch.records import Event

    rule = AlertRule(event_types=[], statuses=["enacted"])
    kw = {"language": "en", "feeds": ("f",), "kinds": {"smic": "company"}}
    base = {"type": "export_control", "confidence": 0.9, "sentence": "s", "entities": ("smic",)}
    assert event_matches(rule, Event(**base), **kw)  # type: ignore[arg-type]
    assert event_matches(rule, Event(**base, status="enacted"), **kw)  # type: ignore[arg-type]
    assert not event_matches(rule, Event(**base, status="proposed"), **kw)  # type: ignore[arg-type]
    assert event_matches(AlertRule(event_types=[], statuses=[]), Event(**base, status="background"), **kw)  # type: ignore[arg-type]


def test_rules_summary_counts_by_status(seeded, conn) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.alerts.stage import rules_summary

    seeded.alerts.rules = [AlertRule(), AlertRule(name="context", statuses=["background"])]
    got = {s.rule.name: (s.matched_events, s.matched_stories) for s in rules_summary(seeded, conn, days=7)}
    assert got["context"][1] == 1  # the Chinese background mention only
    assert got["export-controls"][1] == 2  # the proposal and the reversal, not the background
