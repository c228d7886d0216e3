"""The SMTP password comes only from the environment and never shows in logs, errors or the outbox."""

from __future__ import annotations

import logging

import pytest

from sinowatch.alerts.smtp import SmtpMailer
from sinowatch.alerts.stage import send_pending
from sinowatch.errors import AlertError
from tests.alerts.conftest import alert_rows, article, export_event, extraction, load, make_config, queue
from tests.conftest import serving
from tests.smtpserver import SmtpServer

PASSWORD = "s3cret-Pa55word-do-not-leak"


def _refuse(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    from aiosmtpd.smtp import AuthResult

    return AuthResult(success=False, handled=False)


@pytest.fixture
def auth_server():  # type: ignore[no-untyped-def]
    yield from serving(SmtpServer(kwargs={"authenticator": _refuse, "auth_require_tls": False}))


def _setup(tmp_path, conn, port, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SINOWATCH_TEST_SMTP_PASSWORD", PASSWORD)
    cfg = make_config(tmp_path, port)
    cfg.alerts.smtp.username = "alerts-user"
    cfg.alerts.smtp.password_env = "SINOWATCH_TEST_SMTP_PASSWORD"
    a = article("a1", "US adds SMIC to the Entity List")
    load(conn, [a])
    queue(conn, cfg, [a], [extraction("a1", export_event("smic"))])
    return cfg


@pytest.mark.parametrize("down", [False, True], ids=["auth-refused", "server-down"])
def test_password_never_in_logs_errors_or_outbox(tmp_path, conn, auth_server, monkeypatch, caplog, capfd, down) -> None:
    cfg = _setup(tmp_path, conn, auth_server.port, monkeypatch)
    if down:
        auth_server.stop()
    caplog.set_level(logging.DEBUG)
    stats = send_pending(cfg, conn)
    assert stats.sent == 0 and stats.pending == 1
    assert ("connection refused" if down else "login as 'alerts-user' refused: 535") in stats.errors[0]
    mailer = SmtpMailer(cfg.alerts.smtp)
    with pytest.raises(AlertError) as info:
        mailer.send(auth_server and _msg(cfg, conn), sender=cfg.alerts.smtp.sender, recipients=["a@example.com"])
    out, err = capfd.readouterr()
    everything = "\n".join([caplog.text, out, err, str(info.value), repr(info.value), repr(mailer),
                            " ".join(stats.errors), str(alert_rows(conn))])
    assert PASSWORD not in everything
    assert "alerts-user" in str(info.value) or down


def _msg(cfg, conn):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from sinowatch.alerts.stage import plan_digests

    return plan_digests(cfg, conn, now=datetime.now(UTC))[0][0].message


def test_redact_scrubs_plain_and_base64_forms(monkeypatch) -> None:
    import base64

    from sinowatch.config import SmtpConfig

    monkeypatch.setenv("PW", PASSWORD)
    m = SmtpMailer(SmtpConfig(host="127.0.0.1", username="u", password_env="PW"))
    plain = base64.b64encode(f"\0u\0{PASSWORD}".encode()).decode()
    assert PASSWORD not in m.redact(f"x {PASSWORD} y {plain} {base64.b64encode(PASSWORD.encode()).decode()}")


def test_password_is_not_sent_unencrypted_to_a_remote_host(monkeypatch) -> None:
    from sinowatch.config import SmtpConfig

    monkeypatch.setenv("PW", PASSWORD)
    with pytest.raises(AlertError, match="unencrypted") as info:
        SmtpMailer(SmtpConfig(host="smtp.example.com", username="u", password_env="PW", security="none"))
    assert PASSWORD not in str(info.value)
    SmtpMailer(SmtpConfig(host="smtp.example.com", username="u", password_env="PW", security="starttls"))
