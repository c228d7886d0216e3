"""Alerts per rule and action, delivered to a real SMTP server on loopback: one alert for the
reports of one action across outlets and languages; later reports fold into one update per digest;
a status change alerts again; a rerun adds nothing; an official record shows in the email."""

from __future__ import annotations

from datetime import timedelta

from sinowatch.alerts.stage import make_on_batch, make_on_record, send_pending
from sinowatch.config import AlertRule
from sinowatch.official.stage import fetch_official
from tests.actions.conftest import NOW, article, event, ex
from tests.actions.test_official import DATA, _config, _watchlist


def _save(conn, cfg, arts, exs) -> None:  # type: ignore[no-untyped-def]
    """What the extraction stage does: events, the fold and the outbox in one transaction."""
    from sinowatch.warehouse.db import transaction
    from sinowatch.warehouse.load import upsert_articles

    from sinowatch.extract_stage import ExtractionWriter

    with transaction(conn):
        upsert_articles(conn, arts, NOW)
    w = ExtractionWriter(conn, extractor_version="t1", watchlist_version="w1", sentiment_model=None,
                         on_batch=make_on_batch(cfg))
    w.add([], exs)
    w.flush()


def _pending(conn) -> list[str]:  # type: ignore[no-untyped-def]
    return [r[0] for r in conn.execute("SELECT cluster_id FROM alerts WHERE status = 'pending' ORDER BY 1").fetchall()]


def _body(msg) -> str:  # type: ignore[no-untyped-def]
    return msg.get_body(("plain",)).get_content()


def test_one_alert_per_action_updates_and_status_changes(tmp_path, conn, feed_server, smtp_server) -> None:
    cfg = _config(tmp_path, feed_server, smtp_port=smtp_server.port,
                  rules=[AlertRule(recipients=["compliance@example.com"])], alerts={"max_age_days": 0})
    first = [article("rumour", "US weighs adding Inspur units to Entity List", days=-2),
             article("en1", "Commerce adds six Inspur Group units to Entity List"),
             article("zh1", "美国商务部将浪潮集团六家子公司列入实体清单", days=0.3, language="zh", feed="caixin")]
    exs = [ex("rumour", event(status="proposed", sentence="US officials weigh adding Inspur units.")),
           ex("en1", event()), ex("zh1", event(sentence="美国商务部将浪潮集团六家子公司列入实体清单。"), lang="zh")]
    _save(conn, cfg, first, exs)
    (aid,) = [r[0] for r in conn.execute("SELECT action_id FROM actions").fetchall()]
    assert _pending(conn) == [f"action:{aid}:enacted"]  # three reports, two languages: one alert
    _save(conn, cfg, first, exs)  # a rerun
    assert _pending(conn) == [f"action:{aid}:enacted"]
    stats = send_pending(cfg, conn)
    assert stats.sent == 1 and len(smtp_server.received) == 1
    text = _body(smtp_server.received[0].message)
    assert f"Action {aid}: enacted, us-commerce -> inspur" in text
    assert "Reports: 3 (en, zh)" in text and "- zh caixin: 1" in text
    assert "First report: policydesk" in text and "US weighs adding Inspur units" in text

    # two later reports: one update row, shown once in the next digest
    _save(conn, cfg, [article("en2", "Inspur units blacklisted", days=1, feed="globalwire")], [ex("en2", event())])
    _save(conn, cfg, [article("en3", "More on Inspur", days=1.2, feed="chipwire")], [ex("en3", event())])
    (update,) = _pending(conn)
    assert update.startswith(f"action:{aid}:update:")
    # the official record joins the action: no new alert (the update is still pending)
    feed_server.routes["/csl/consolidated.json"] = (DATA / "csl_1.json").read_bytes()
    fetch_official(cfg, conn, watchlist=_watchlist(), now=NOW + timedelta(days=2), on_record=make_on_record(cfg))
    feed_server.routes["/csl/consolidated.json"] = (DATA / "csl_2.json").read_bytes()
    rec = fetch_official(cfg, conn, watchlist=_watchlist(), now=NOW + timedelta(days=2), on_record=make_on_record(cfg))
    assert rec.linked == 2 and rec.alerts == 0
    assert send_pending(cfg, conn).sent == 1
    text = _body(smtp_server.received[1].message)
    assert f"UPDATE on action {aid}: 2 more reports; rule published: 91 FR 50101" in text
    assert "Official record: 91 FR 50101, effective 2026-11-20" in text

    # a reversal of the same action alerts again
    _save(conn, cfg, [article("rev", "US lifts Inspur listing", days=10)],
          [ex("rev", event(status="reversed", sentence="Commerce removed the Inspur units from the Entity List."))])
    assert _pending(conn) == [f"action:{aid}:reversed"]
    # a background mention never alerts
    _save(conn, cfg, [article("bg", "Inspur, listed last month, reports results", days=12)],
          [ex("bg", event(status="background", sentence="Inspur, which was added to the Entity List last month."))])
    assert _pending(conn) == [f"action:{aid}:reversed"]


def test_a_record_first_seen_alerts_once(tmp_path, conn, feed_server, smtp_server) -> None:
    cfg = _config(tmp_path, feed_server, smtp_port=smtp_server.port,
                  rules=[AlertRule(recipients=["compliance@example.com"])])
    on_record = make_on_record(cfg)
    fetch_official(cfg, conn, watchlist=_watchlist(), now=NOW, on_record=on_record)  # the baseline: nothing
    assert _pending(conn) == []
    feed_server.routes["/csl/consolidated.json"] = (DATA / "csl_2.json").read_bytes()
    stats = fetch_official(cfg, conn, watchlist=_watchlist(), now=NOW, on_record=on_record)
    assert stats.alerts == 1 and len(_pending(conn)) == 1
    assert send_pending(cfg, conn).sent == 1
    text = _body(smtp_server.received[0].message)
    assert "enacted, bis -> inspur" in text and "Official record: 91 FR 50101" in text


def test_the_candidate_carries_its_event_so_the_right_action_alerts(tmp_path, conn, feed_server, smtp_server) -> None:
    """Two events of one article with the same type, sentence and confidence belong to two
    actions (Inspur's and Sugon's); a rule on Sugon alerts on Sugon's action: the candidate carries
    its event's seq, nothing re-finds the event by its text."""
    cfg = _config(tmp_path, feed_server, smtp_port=smtp_server.port,
                  rules=[AlertRule(name="sugon", recipients=["compliance@example.com"], entities=["sugon"])],
                  alerts={"max_age_days": 0})
    sentence = "Commerce added Inspur and Sugon units to the Entity List."
    _save(conn, cfg, [article("both", "Inspur and Sugon units listed")],
          [ex("both", event(targets=("inspur",), sentence=sentence), event(targets=("sugon",), sentence=sentence))])
    by_seq = dict(conn.execute("SELECT seq, action_id FROM action_reports WHERE article_key = 'both'").fetchall())
    assert by_seq[0] != by_seq[1]
    assert _pending(conn) == [f"action:{by_seq[1]}:enacted"]
    rerun = conn.execute("SELECT count(*) FROM alerts").fetchone()[0]
    _save(conn, cfg, [article("both", "Inspur and Sugon units listed")],
          [ex("both", event(targets=("inspur",), sentence=sentence), event(targets=("sugon",), sentence=sentence))])
    assert conn.execute("SELECT count(*) FROM alerts").fetchone()[0] == rerun  # a rerun adds nothing
