"""The alerts stage on top of the extraction stage's tables (migrations/0002): the outbox commits
with `save_extractions`, `alerts rules` counts stored events, digests show watchlist names and the
sentiment stored now; old articles never alert."""

from __future__ import annotations

from datetime import UTC, datetime

from sinowatch.warehouse.db import transaction
from sinowatch.warehouse.extraction import save_extractions

from sinowatch.alerts.stage import make_on_batch, plan_digests, rules_summary
from sinowatch.config import AlertRule
from sinowatch.records import Document, EntityRollup, Extraction, Sentiment
from tests.alerts.conftest import alert_rows, article, export_event, extraction, load, make_config


def _save(conn, cfg, arts, exs) -> int:  # type: ignore[no-untyped-def]
    """What extract_stage._load does: save the batch and queue its alerts in one transaction."""
    with transaction(conn):
        save_extractions(conn, exs, extractor_version="t1", watchlist_version="w1", sentiment_model=None)
        return make_on_batch(cfg)(conn, [Document.from_article(a) for a in arts], exs)


def test_rules_counts_names_and_current_sentiment(tmp_path, conn) -> None:
    rules = [AlertRule(), AlertRule(name="investor", event_types=[], entities=["huawei"], kinds=["company"])]
    cfg = make_config(tmp_path, 1, rules=rules)
    cfg.alerts.max_age_days = 7  # the default limit, under test here (the config helper turns it off)
    conn.execute("INSERT INTO entities (entity, kind, name, country, parent, watchlist_version) "
                 "VALUES ('smic', 'company', 'SMIC', 'CN', NULL, 'w1'), ('huawei', 'company', 'Huawei', 'CN', NULL, 'w1')")
    arts = [article("a1", "US adds SMIC to the Entity List", cluster="s1"),
            article("a2", "Huawei launches a chip", cluster="s2"),
            article("old", "SMIC export licences revoked", cluster="s3", hours_ago=24 * 30)]
    exs = [extraction("a1", export_event("smic"), export_event("smic", type="entity_list", confidence=0.7)),
           extraction("a2", export_event("huawei", type="chip_launch")),
           extraction("old", export_event("smic"))]
    load(conn, arts)
    assert _save(conn, cfg, arts, exs) == 2  # a1 -> export-controls, a2 -> investor; "old" is past max_age_days
    summary = {s.rule.name: s for s in rules_summary(cfg, conn, days=7)}
    assert (summary["export-controls"].matched_events, summary["export-controls"].matched_stories) == (2, 1)
    assert (summary["investor"].matched_events, summary["investor"].matched_stories) == (1, 1)
    assert summary["export-controls"].pending == 1 and summary["export-controls"].queued == 1
    assert {s.rule.name: s.matched_events for s in rules_summary(cfg, conn, days=60)}["export-controls"] == 3
    # sentiment scored later (re-scoring saves again and calls on_batch): no new alert, the digest shows it
    rescored = [Extraction(id="a1", lang="en", events=exs[0].events,
                           entities=(EntityRollup("smic", "company", 1, Sentiment("positive", 0.4)),))]
    assert _save(conn, cfg, arts[:1], rescored) == 0
    digests, problems = plan_digests(cfg, conn, now=datetime.now(UTC))
    assert problems == []
    text = {d.rule.name: d.message.get_body(("plain",)).get_content() for d in digests}
    assert "SMIC (company; positive +0.40)" in text["export-controls"]
    assert "Huawei (company" in text["investor"]
    assert len(alert_rows(conn)) == 2


def test_max_age_zero_alerts_on_any_age(tmp_path, conn) -> None:
    cfg = make_config(tmp_path, 1)
    cfg.alerts.max_age_days = 0
    arts = [article("old", "SMIC export licences revoked", hours_ago=24 * 400)]
    load(conn, arts)
    assert _save(conn, cfg, arts, [extraction("old", export_event("smic"))]) == 1


def test_disabled_alerts_queue_nothing(tmp_path, conn) -> None:
    cfg = make_config(tmp_path, 1)
    cfg.alerts.enabled = False
    arts = [article("a1", "US adds SMIC to the Entity List")]
    load(conn, arts)
    assert _save(conn, cfg, arts, [extraction("a1", export_event("smic"))]) == 0
