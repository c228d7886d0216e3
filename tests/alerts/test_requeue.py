"""Issue #17: alerts that used up alerts.max_tries during an outage can be sent again - by the
`sinowatch alerts requeue` command and by the alerts.requeue_failed_after_hours policy - and
`status` and `alerts send` say how many are failed. Real SMTP server on loopback, DuckDB file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sinowatch.warehouse.db import connect
from sinowatch.warehouse.status import status_report
from typer.testing import CliRunner

from sinowatch.alerts.stage import send_pending
from sinowatch.cli import app
from sinowatch.config import load_config
from tests.alerts.conftest import alert_rows
from tests.alerts.test_cli_alerts import _setup


def _fail_all(cfg, smtp_server) -> None:  # type: ignore[no-untyped-def]
    smtp_server.stop()
    conn = connect(cfg.warehouse_path)
    try:
        for _ in range(cfg.alerts.max_tries):
            send_pending(cfg, conn)
        assert {r[2] for r in alert_rows(conn)} == {"failed"}
    finally:
        conn.close()
    smtp_server.start()


def test_requeue_command_sends_failed_alerts_once(tmp_path, smtp_server) -> None:
    cfg_path = _setup(tmp_path, smtp_server.port)
    cfg = load_config(cfg_path)
    cfg.alerts.max_tries = 2
    _fail_all(cfg, smtp_server)
    runner = CliRunner()
    res = runner.invoke(app, ["--config", str(cfg_path), "alerts", "send"])
    assert "sent: 0" in res.output and "3 alert(s) failed for good" in res.output
    res = runner.invoke(app, ["--config", str(cfg_path), "status"])
    assert "3 alert(s) failed for good" in res.output and "sinowatch alerts requeue" in res.output
    res = runner.invoke(app, ["--config", str(cfg_path), "alerts", "requeue", "--rule", "nope"])
    assert res.exit_code == 2 and "no rule named nope" in res.output
    res = runner.invoke(app, ["--config", str(cfg_path), "alerts", "requeue", "--failed",
                              "--rule", "export-controls"])
    assert res.exit_code == 0 and "re-queued 1 alert(s)" in res.output
    res = runner.invoke(app, ["--config", str(cfg_path), "alerts", "requeue"])
    assert "re-queued 2 alert(s)" in res.output  # the other rule's
    res = runner.invoke(app, ["--config", str(cfg_path), "alerts", "send"])
    assert res.exit_code == 0 and "sent: 3 alert(s) in 2 digest(s)" in res.output, res.output
    assert len(smtp_server.received) == 2  # one digest per rule
    res = runner.invoke(app, ["--config", str(cfg_path), "alerts", "requeue"])
    assert "re-queued 0 alert(s)" in res.output  # sent alerts are never re-queued: no duplicates
    conn = connect(cfg.warehouse_path, read_only=True)
    try:
        assert {r[2] for r in alert_rows(conn)} == {"sent"}
        assert not status_report(conn).notes
    finally:
        conn.close()


def test_policy_requeues_failed_alerts_after_the_configured_hours(tmp_path, smtp_server) -> None:
    cfg = load_config(_setup(tmp_path, smtp_server.port))
    cfg.alerts.max_tries = 1
    cfg.alerts.requeue_failed_after_hours = 6
    _fail_all(cfg, smtp_server)
    conn = connect(cfg.warehouse_path)
    try:
        soon = send_pending(cfg, conn, now=datetime.now(UTC) + timedelta(hours=5))
        assert (soon.requeued, soon.sent, soon.failed_total) == (0, 0, 3)
        later = send_pending(cfg, conn, now=datetime.now(UTC) + timedelta(hours=7))
        assert (later.requeued, later.sent, later.failed_total) == (3, 3, 0)
        cfg.alerts.requeue_failed_after_hours = 0  # never
        assert send_pending(cfg, conn, now=datetime.now(UTC) + timedelta(days=30)).requeued == 0
    finally:
        conn.close()
    assert len(smtp_server.received) == 2
