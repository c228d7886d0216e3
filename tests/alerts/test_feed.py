"""The alerts Atom feed, parsed back with feedparser: valid, stable ids across runs, links,
evidence as content, and written on each send when alerts.feed_out is set."""

from __future__ import annotations

import feedparser
import pytest
from typer.testing import CliRunner

from sinowatch.alerts.stage import send_pending, write_alerts_feed
from sinowatch.config import AlertRule
from sinowatch.errors import AlertError
from tests.alerts.conftest import SmtpServer, article, export_event, extraction, load, make_config, queue

HOSTILE = "Bad\x07 title <script>alert(1)</script>"


def seed(tmp_path, conn, port: int = 1):  # type: ignore[no-untyped-def]
    cfg = make_config(tmp_path, port, rules=[AlertRule(), AlertRule(name="investor", event_types=[], entities=["huawei"])])
    arts = [article("a1", "US adds SMIC to the Entity List", cluster="story-1"),
            article("a1c", "SMIC listed - wire copy", feed="globalwire", cluster="story-1"),
            article("a2", HOSTILE, cluster="story-2", url="javascript:alert(1)")]
    load(conn, arts)
    queue(conn, cfg, arts, [extraction("a1", export_event("smic")), extraction("a1c", export_event("smic")),
                            extraction("a2", export_event("huawei", sentence="Huawei & SMIC face <new> rules."))])
    return cfg


def test_feed_is_valid_atom_with_stable_ids(tmp_path, conn) -> None:
    cfg = seed(tmp_path, conn)
    out = tmp_path / "alerts.xml"
    assert write_alerts_feed(cfg, conn, out) == 3  # 2 stories for export-controls, 1 for investor
    first = out.read_bytes()
    parsed = feedparser.parse(first)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10" and len(parsed.entries) == 3
    by_title = {e.title: e for e in parsed.entries}
    smic = by_title["US adds SMIC to the Entity List"]
    assert smic.link == "https://policydesk.example.com/a1"
    assert "The US added SMIC to the Entity List" in smic.content[0].value
    assert "globalwire" in smic.content[0].value  # the story's other source
    assert {t.term for t in smic.tags} == {"export-controls", "export_control"}
    hostile = [e for e in parsed.entries if "script" in e.title][0]
    assert "\x07" not in hostile.title
    assert not [x for x in hostile.get("links", []) if x.get("rel") == "alternate"]  # no javascript: link
    assert "&lt;new&gt;" in hostile.content[0].value  # escaped evidence, shown as text
    assert all(e.id.startswith("urn:sinowatch:alert:") and e.updated_parsed for e in parsed.entries)
    # a second run writes the same ids and times: readers see nothing new
    write_alerts_feed(cfg, conn, out)
    assert out.read_bytes() == first
    # one rule's feed
    write_alerts_feed(cfg, conn, out, rule="investor")
    assert [e.title for e in feedparser.parse(out.read_bytes()).entries] == [hostile.title]
    with pytest.raises(AlertError, match="no alert rule named 'nope'"):
        write_alerts_feed(cfg, conn, out, rule="nope")


def test_send_rewrites_the_configured_feed(tmp_path, conn) -> None:
    smtp = SmtpServer()
    smtp.start()
    try:
        cfg = seed(tmp_path, conn, smtp.port)
        cfg.alerts.feed_out = "public/alerts.xml"
        send_pending(cfg, conn)
        first = (tmp_path / "public" / "alerts.xml").read_bytes()
        (tmp_path / "public" / "alerts.xml").unlink()
        assert send_pending(cfg, conn).sent == 0  # nothing pending: the feed is still written
        assert (tmp_path / "public" / "alerts.xml").read_bytes() == first
    finally:
        smtp.stop()
    parsed = feedparser.parse((tmp_path / "public" / "alerts.xml").read_bytes())
    assert len(parsed.entries) == 3 and not parsed.bozo


def test_cli_alerts_feed(tmp_path, conn) -> None:
    from sinowatch.cli import app

    cfg = seed(tmp_path, conn)
    conn.close()
    (tmp_path / "sinowatch.toml").write_text('[warehouse]\npath = "sinowatch.duckdb"\n'
                                             '[[alerts.rules]]\nname = "export-controls"\n')
    out = tmp_path / "feed.xml"
    base = ["--config", str(tmp_path / "sinowatch.toml"), "alerts", "feed", "--out", str(out)]
    res = CliRunner().invoke(app, [*base, "--rule", "export-controls"])
    assert res.exit_code == 0, res.output
    assert "2 alert(s)" in res.output and len(feedparser.parse(out.read_bytes()).entries) == 2
    res = CliRunner().invoke(app, [*base, "--rule", "investor"])  # not in this config
    assert isinstance(res.exception, AlertError) and "no alert rule named 'investor'" in str(res.exception)
    assert len(cfg.alerts.rules) == 2


def test_entries_show_status_and_actor_to_targets(tmp_path, conn) -> None:
    from dataclasses import replace

    cfg = make_config(tmp_path, 1)
    conn.execute("INSERT INTO entities (entity, kind, name, country, parent, watchlist_version) VALUES "
                 "('smic', 'company', 'SMIC', 'CN', NULL, 'w1'), "
                 "('us-commerce', 'agency', 'U.S. Department of Commerce', 'US', NULL, 'w1')")
    arts = [article("a1", "US adds SMIC to the Entity List", cluster="story-1"),
            article("a2", "Huawei chips face an export rule", cluster="story-2")]
    load(conn, arts)
    listed = replace(export_event("smic", "us-commerce"), status="enacted", actor="us-commerce", targets=("smic",))
    queue(conn, cfg, arts, [extraction("a1", listed), extraction("a2", export_event("huawei"))])
    out = tmp_path / "alerts.xml"
    assert write_alerts_feed(cfg, conn, out) == 2
    parsed = feedparser.parse(out.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    by_title = {e.title: e for e in parsed.entries}
    smic, huawei = by_title["US adds SMIC to the Entity List"], by_title["Huawei chips face an export rule"]
    status = [t for t in smic.tags if t.get("scheme") == "urn:sinowatch:event-status"]
    assert [(t.term, t.label) for t in status] == [("enacted", "status: enacted")]
    assert "<b>enacted</b>" in smic.content[0].value
    assert "who: U.S. Department of Commerce -&gt; SMIC" in smic.content[0].value
    # an event without status or roles: no status category, no "who" line
    assert not [t for t in huawei.tags if t.get("scheme")] and "who:" not in huawei.content[0].value
