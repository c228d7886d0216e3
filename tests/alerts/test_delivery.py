"""The outbox and delivery against a real SMTP server on loopback (aiosmtpd) and a DuckDB file."""

from __future__ import annotations

from email.utils import parsedate_to_datetime

import pytest
from sinowatch.warehouse.db import transaction
from sinowatch.warehouse.status import status_report

from sinowatch.alerts.stage import preview, send_pending
from sinowatch.config import AlertRule
from sinowatch.errors import AlertError
from tests.alerts.conftest import (
    alert_rows,
    article,
    export_event,
    extraction,
    load,
    make_config,
    queue,
)

ZH_TITLE = "美国将中芯国际列入实体清单"


def seed(conn, cfg):  # type: ignore[no-untyped-def]
    """Two stories: one English with a syndicated copy on another feed, one Chinese."""
    arts = [
        article("a1", "US adds SMIC to the Entity List", cluster="story-1", hours_ago=3),
        article("a1-copy", "U.S. adds SMIC to Entity List - wire copy", feed="globalwire", cluster="story-1"),
        article("z1", ZH_TITLE, feed="caixin-zh", language="zh", cluster="story-2",
                url="https://caixin.example.com/zh/1"),
        article("n1", "Baidu releases a new model", cluster="story-3"),
    ]
    load(conn, arts)
    exs = [
        extraction("a1", export_event("smic", confidence=0.92)),
        extraction("a1-copy", export_event("smic", confidence=0.88)),
        extraction("z1", export_event("smic", confidence=0.8, sentence="美国商务部将中芯国际列入实体清单。",
                                      trigger="列入实体清单"), lang="zh"),
        extraction("n1", export_event("baidu", type="model_release", confidence=0.99)),
    ]
    return queue(conn, cfg, arts, exs)


def test_queue_is_one_row_per_rule_and_cluster_and_reextraction_adds_nothing(tmp_path, conn) -> None:
    cfg = make_config(tmp_path, 1, rules=[AlertRule(), AlertRule(name="investor", event_types=[], entities=["smic"])])
    assert seed(conn, cfg) == 4  # 2 stories x 2 rules; the wire copy is the same story
    assert seed(conn, cfg) == 0  # re-extraction of the same articles
    rows = alert_rows(conn)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("export-controls", "story-1", "pending"), ("export-controls", "story-2", "pending"),
        ("investor", "story-1", "pending"), ("investor", "story-2", "pending")]


def test_alerts_roll_back_with_the_extraction_transaction(tmp_path, conn) -> None:
    from sinowatch.alerts.stage import make_on_batch
    from sinowatch.records import Document

    cfg = make_config(tmp_path, 1)
    a = article("a1", "US adds SMIC to the Entity List")
    load(conn, [a])
    with pytest.raises(RuntimeError), transaction(conn):
        assert make_on_batch(cfg)(conn, [Document.from_article(a)], [extraction("a1", export_event("smic"))]) == 1
        raise RuntimeError("extraction rows failed to save")
    assert alert_rows(conn) == []


def test_digest_received_by_real_smtp_server_once(tmp_path, conn, smtp_server) -> None:
    cfg = make_config(tmp_path, smtp_server.port)
    cfg.alerts.report_base_url = "https://reports.example.com/sinowatch/"
    seed(conn, cfg)
    stats = send_pending(cfg, conn)
    assert (stats.sent, stats.failed, stats.pending, stats.digests) == (2, 0, 0, 1)
    assert len(smtp_server.received) == 1
    got = smtp_server.received[0]
    assert got.mail_from == "alerts@sinowatch.example.com"
    assert sorted(got.rcpt_tos) == ["compliance@example.com", "cto@example.com"]
    msg = got.message
    assert msg["To"].addresses[0].addr_spec == "compliance@example.com"
    assert msg["Subject"].startswith("[sinowatch] export-controls: 2 new stories - US adds SMIC to the Entity List")
    assert msg["Message-ID"].startswith("<sinowatch.") and msg["Message-ID"].endswith("@sinowatch.example.com>")
    assert parsedate_to_datetime(msg["Date"]).tzinfo is not None
    assert msg.get_content_type() == "multipart/alternative"
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    for part in (msg.get_body(("plain",)), msg.get_body(("html",))):
        assert part.get_content_charset() == "utf-8"
    # both stories, the Chinese title intact, the syndicated copy listed as another source
    assert "US adds SMIC to the Entity List" in text and ZH_TITLE in text and ZH_TITLE in html
    assert "globalwire" in text and "U.S. adds SMIC to Entity List - wire copy" in html
    assert "**added SMIC to the Entity List**" in text and "<mark>added SMIC to the Entity List</mark>" in html
    assert "<mark>列入实体清单</mark>" in html
    assert '<a href="https://policydesk.example.com/a1">US adds SMIC to the Entity List</a>' in html
    assert "smic (company; negative -0.62)" in text
    assert "export control" in text
    assert 'rule "export-controls"' in text and "sinowatch.toml" in text  # footer: which rule, how to change
    assert "https://reports.example.com/sinowatch/report.html" in html
    rows = alert_rows(conn)
    assert {r[2] for r in rows} == {"sent"}
    assert all(r[3] == 1 and r[5] == msg["Message-ID"] and r[6].startswith("250") for r in rows)
    # a second run sends nothing new
    again = send_pending(cfg, conn)
    assert (again.sent, again.digests, again.pending) == (0, 0, 0)
    assert len(smtp_server.received) == 1
    # new extraction of the same story later: still nothing
    seed(conn, cfg)
    assert send_pending(cfg, conn).sent == 0 and len(smtp_server.received) == 1


def test_one_digest_per_rule(tmp_path, conn, smtp_server) -> None:
    rules = [AlertRule(recipients=["compliance@example.com"]),
             AlertRule(name="smic-huawei-investor", event_types=[], entities=["smic", "huawei"],
                       recipients=["investor@example.com"])]
    cfg = make_config(tmp_path, smtp_server.port, rules=rules)
    seed(conn, cfg)
    stats = send_pending(cfg, conn)
    assert stats.digests == 2 and stats.sent == 4
    by_rcpt = {r.rcpt_tos[0]: r.message for r in smtp_server.received}
    assert set(by_rcpt) == {"compliance@example.com", "investor@example.com"}
    assert "smic-huawei-investor" in by_rcpt["investor@example.com"]["Subject"]
    assert by_rcpt["investor@example.com"]["X-Sinowatch-Rule"] == "smic-huawei-investor"


def test_server_down_keeps_alert_pending_then_delivers_once(tmp_path, conn, smtp_server) -> None:
    cfg = make_config(tmp_path, smtp_server.port)
    seed(conn, cfg)
    smtp_server.stop()
    stats = send_pending(cfg, conn)
    assert (stats.sent, stats.failed, stats.pending) == (0, 0, 2)
    assert "connection refused" in stats.errors[0]
    rows = alert_rows(conn)
    assert all(r[2] == "pending" and r[3] == 1 and "connection refused" in r[4] for r in rows)
    smtp_server.start()
    stats = send_pending(cfg, conn)
    assert (stats.sent, stats.pending) == (2, 0)
    assert send_pending(cfg, conn).sent == 0
    assert len(smtp_server.received) == 1
    assert all(r[2] == "sent" and r[3] == 2 for r in alert_rows(conn))


def test_after_max_tries_alerts_are_failed_and_status_shows_them(tmp_path, conn, smtp_server) -> None:
    cfg = make_config(tmp_path, smtp_server.port)
    cfg.alerts.max_tries = 2
    seed(conn, cfg)
    smtp_server.stop()
    assert send_pending(cfg, conn).failed == 0
    stats = send_pending(cfg, conn)
    assert (stats.failed, stats.pending) == (2, 0)
    assert {r[2] for r in alert_rows(conn)} == {"failed"}
    smtp_server.start()
    assert send_pending(cfg, conn).sent == 0  # failed alerts are not retried
    rep = status_report(conn)
    titles = [t for t, _, _ in rep.extra]
    assert "failed alerts" in titles
    failed = dict((t, rows) for t, _, rows in rep.extra)["failed alerts"]
    assert len(failed) == 2 and all("connection refused" in r[3] for r in failed)


def test_recipient_refused_is_a_failed_try(tmp_path, conn, smtp_server) -> None:
    class Refuse:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            return "550 5.1.1 no such user"

    smtp_server.stop()
    smtp_server.handler = Refuse()  # type: ignore[assignment]
    smtp_server.start()
    cfg = make_config(tmp_path, smtp_server.port)
    seed(conn, cfg)
    stats = send_pending(cfg, conn)
    assert stats.sent == 0 and stats.pending == 2
    assert "550" in alert_rows(conn)[0][4]


def test_crash_between_send_and_mark_resends_with_the_same_message_id(tmp_path, conn, smtp_server) -> None:
    from sinowatch.alerts.smtp import SmtpMailer

    cfg = make_config(tmp_path, smtp_server.port)
    seed(conn, cfg)

    class CrashAfterSend(SmtpMailer):
        def send(self, msg, *, sender, recipients):  # type: ignore[no-untyped-def]
            super().send(msg, sender=sender, recipients=recipients)
            raise KeyboardInterrupt  # the process dies before the outbox is marked

    with pytest.raises(KeyboardInterrupt):
        send_pending(cfg, conn, mailer=CrashAfterSend(cfg.alerts.smtp))
    assert {r[2] for r in alert_rows(conn)} == {"sending"}
    # a new story arrives before the next run: it goes in its own digest, the interrupted one is resent as is
    a = article("b1", "Commerce tightens HBM export controls", cluster="story-9")
    load(conn, [a])
    queue(conn, cfg, [a], [extraction("b1", export_event("smic", confidence=0.9))])
    stats = send_pending(cfg, conn)
    assert (stats.sent, stats.digests, stats.pending) == (3, 2, 0)
    ids = [r.message["Message-ID"] for r in smtp_server.received]
    assert len(ids) == 3 and ids[0] == ids[1] != ids[2]  # the duplicate is recognisable by its Message-ID
    assert {r[2] for r in alert_rows(conn)} == {"sent"}


def test_preview_writes_files_and_marks_nothing(tmp_path, conn) -> None:
    cfg = make_config(tmp_path, 1)
    seed(conn, cfg)
    paths = preview(cfg, conn, tmp_path / "out")
    assert [p.name for p in paths] == ["01-export-controls.eml", "01-export-controls.html"]
    assert b"Message-ID: <sinowatch." in paths[0].read_bytes()
    assert ZH_TITLE in paths[1].read_text(encoding="utf-8")
    assert {r[2] for r in alert_rows(conn)} == {"pending"} and all(r[3] == 0 for r in alert_rows(conn))


def test_dry_run_sends_and_marks_nothing(tmp_path, conn, smtp_server) -> None:
    cfg = make_config(tmp_path, smtp_server.port)
    seed(conn, cfg)
    stats = send_pending(cfg, conn, dry_run=True)
    assert (stats.sent, stats.pending) == (0, 2)
    assert smtp_server.received == [] and {r[2] for r in alert_rows(conn)} == {"pending"}


def test_config_problems_consume_no_tries(tmp_path, conn, smtp_server, monkeypatch) -> None:
    cfg = make_config(tmp_path, smtp_server.port)
    cfg.alerts.smtp.username = "alerts"
    cfg.alerts.smtp.password_env = "SINOWATCH_TEST_NO_SUCH_VAR"
    monkeypatch.delenv("SINOWATCH_TEST_NO_SUCH_VAR", raising=False)
    seed(conn, cfg)
    with pytest.raises(AlertError, match="SINOWATCH_TEST_NO_SUCH_VAR"):
        send_pending(cfg, conn)
    assert all(r[2] == "pending" and r[3] == 0 for r in alert_rows(conn))
