"""Apprise channels against a real webhook receiver on loopback (Apprise's json:// plugin POSTs
the digest to it) together with the real SMTP server: the same outbox guarantees as email."""

from __future__ import annotations

import logging

import pytest

from sinowatch.alerts.stage import send_pending
from sinowatch.config import AlertRule, parse_config
from sinowatch.errors import AlertError, ConfigError
from tests.alerts.conftest import alert_rows, article, export_event, extraction, load, make_config, queue
from tests.conftest import serving
from tests.webhookserver import WebhookServer

pytest.importorskip("apprise")

SECRET = "tok-5ecr3t-9f2a"


@pytest.fixture
def hook():  # type: ignore[no-untyped-def]
    yield from serving(WebhookServer())


def setup(tmp_path, conn, smtp_port: int, hook_port: int, *, recipients=("compliance@example.com",)):  # type: ignore[no-untyped-def]
    cfg = make_config(tmp_path, smtp_port, rules=[AlertRule(recipients=list(recipients), channels=["team-hook"])],
                      alerts={"channels": [{"name": "team-hook",
                                            "url": f"json://127.0.0.1:{hook_port}/hooks/${{HOOK_TOKEN}}"}]})
    arts = [article("a1", "US adds SMIC to the Entity List", cluster="story-1"),
            article("a2", "Huawei chips face new export rule", cluster="story-2")]
    load(conn, arts)
    queue(conn, cfg, arts, [extraction("a1", export_event("smic")), extraction("a2", export_event("huawei"))])
    return cfg


def test_digest_goes_to_email_and_webhook_once(tmp_path, conn, smtp_server, hook, monkeypatch) -> None:
    monkeypatch.setenv("HOOK_TOKEN", SECRET)
    cfg = setup(tmp_path, conn, smtp_server.port, hook.port)
    stats = send_pending(cfg, conn)
    assert (stats.sent, stats.digests, stats.errors) == (2, 1, [])
    assert len(smtp_server.received) == 1 and len(hook.posts) == 1
    path, headers, _ = hook.posts[0]
    assert path == f"/hooks/{SECRET}" and headers["Content-Type"].startswith("application/json")
    payload = hook.json_posts()[0]
    assert payload["title"].startswith("[sinowatch] export-controls: 2 new stories")
    assert "US adds SMIC to the Entity List" in payload["message"]
    assert "Huawei chips face new export rule" in payload["message"]
    assert {r[2] for r in alert_rows(conn)} == {"sent"}
    assert "team-hook: json: accepted" in alert_rows(conn)[0][6]
    # a rerun, and a re-extraction of the same stories, deliver nothing more anywhere
    send_pending(cfg, conn)
    assert len(smtp_server.received) == 1 and len(hook.posts) == 1


def test_failed_channel_is_retried_alone_and_email_is_not_resent(tmp_path, conn, smtp_server, hook, monkeypatch,
                                                                 caplog) -> None:
    monkeypatch.setenv("HOOK_TOKEN", SECRET)
    cfg = setup(tmp_path, conn, smtp_server.port, hook.port)
    hook.status = 500
    with caplog.at_level(logging.DEBUG):
        stats = send_pending(cfg, conn)
    assert stats.sent == 0 and len(stats.errors) == 1 and "team-hook" in stats.errors[0]
    assert len(smtp_server.received) == 1 and len(hook.posts) == 1  # email delivered, the webhook refused
    rows = alert_rows(conn)
    assert {(r[2], r[3]) for r in rows} == {("pending", 1)}
    assert all(SECRET not in (r[4] or "") for r in rows)
    assert SECRET not in caplog.text and SECRET not in "".join(stats.errors)
    hook.status = 200
    stats = send_pending(cfg, conn)
    assert (stats.sent, stats.errors) == (2, [])
    assert len(smtp_server.received) == 1, "email already had these alerts: not sent twice"
    assert len(hook.posts) == 2
    assert {r[2] for r in alert_rows(conn)} == {"sent"}


def test_channel_down_until_max_tries_marks_failed(tmp_path, conn, smtp_server, hook, monkeypatch) -> None:
    monkeypatch.setenv("HOOK_TOKEN", SECRET)
    cfg = setup(tmp_path, conn, smtp_server.port, hook.port, recipients=())
    cfg.alerts.max_tries = 2
    hook.status = 503
    send_pending(cfg, conn)
    stats = send_pending(cfg, conn)
    assert stats.failed == 2 and {r[2] for r in alert_rows(conn)} == {"failed"}
    assert smtp_server.received == []  # a channel-only rule sends no email


def test_missing_secret_is_a_config_problem_that_uses_no_try(tmp_path, conn, smtp_server, hook, monkeypatch) -> None:
    monkeypatch.delenv("HOOK_TOKEN", raising=False)
    cfg = setup(tmp_path, conn, smtp_server.port, hook.port)
    with pytest.raises(AlertError, match="HOOK_TOKEN"):
        send_pending(cfg, conn)
    assert {(r[2], r[3]) for r in alert_rows(conn)} == {("pending", 0)}
    assert hook.posts == [] and smtp_server.received == []


def test_config_checks_channel_names() -> None:
    with pytest.raises(ConfigError, match="unknown channel"):
        parse_config('[[alerts.rules]]\nname = "r"\nchannels = ["slack"]\n')
    with pytest.raises(ConfigError, match="needs both name and url"):
        parse_config('[[alerts.channels]]\nname = "slack"\n')
    cfg = parse_config('[[alerts.channels]]\nname = "ops"\nurl = "ntfy://${NTFY_TOPIC}"\n'
                       '[[alerts.rules]]\nname = "r"\nchannels = ["ops"]\n')
    assert cfg.alerts.rules[0].channels == ["ops"]


def test_unknown_apprise_scheme_is_a_clear_error(tmp_path, conn, smtp_server, hook) -> None:
    cfg = setup(tmp_path, conn, smtp_server.port, hook.port)
    cfg.alerts.channels[0].url = "nosuchservice://x"
    with pytest.raises(AlertError, match="Apprise cannot use its url"):
        send_pending(cfg, conn)


def test_requeued_failed_alerts_go_only_where_they_have_not_been(tmp_path, conn, smtp_server, hook, monkeypatch) -> None:
    """After max_tries on a dead channel, putting the alerts back to pending (what a re-queue
    does) sends them to that channel only: email already has them."""
    monkeypatch.setenv("HOOK_TOKEN", SECRET)
    cfg = setup(tmp_path, conn, smtp_server.port, hook.port)
    cfg.alerts.max_tries = 1
    hook.status = 502
    assert send_pending(cfg, conn).failed == 2
    assert len(smtp_server.received) == 1
    from sinowatch.warehouse.alerts import requeue

    assert requeue(conn, failed_only=True) == 2  # what `sinowatch alerts requeue --failed` does
    hook.status = 200
    stats = send_pending(cfg, conn)
    assert (stats.sent, stats.errors) == (2, [])
    assert len(smtp_server.received) == 1 and len(hook.posts) == 2


def test_channel_message_shows_status_and_actor_to_targets(tmp_path, conn, smtp_server, hook, monkeypatch) -> None:
    from dataclasses import replace

    monkeypatch.setenv("HOOK_TOKEN", SECRET)
    cfg = make_config(tmp_path, smtp_server.port, rules=[AlertRule(recipients=[], channels=["team-hook"])],
                      alerts={"channels": [{"name": "team-hook", "url": f"json://127.0.0.1:{hook.port}/hooks/${{HOOK_TOKEN}}"}]})
    conn.execute("INSERT INTO entities (entity, kind, name, country, parent, watchlist_version) VALUES "
                 "('smic', 'company', 'SMIC', 'CN', NULL, 'w1'), "
                 "('us-commerce', 'agency', 'U.S. Department of Commerce', 'US', NULL, 'w1')")
    arts = [article("a1", "US weighs adding SMIC units to the Entity List", cluster="story-1")]
    load(conn, arts)
    weighed = replace(export_event("smic", "us-commerce", type="entity_list"), status="proposed",
                      actor="us-commerce", targets=("smic",))
    queue(conn, cfg, arts, [extraction("a1", weighed)])
    assert send_pending(cfg, conn).sent == 1
    message = hook.json_posts()[0]["message"]
    assert "Event: entity list, proposed" in message
    assert "Who: U.S. Department of Commerce -> SMIC" in message
