"""`sinowatch alerts rules | preview | send` end to end: a config file, a DuckDB file, a real SMTP server."""

from __future__ import annotations

import typer.main
from sinowatch.warehouse.db import connect
from typer.testing import CliRunner

from sinowatch.cli import app
from tests.alerts.conftest import article, export_event, extraction, load, queue

CONFIG = """
[warehouse]
path = "w.duckdb"

[alerts.smtp]
host = "127.0.0.1"
port = {port}
sender = "alerts@sinowatch.example.com"
timeout = 5.0

[[alerts.rules]]
name = "export-controls"
recipients = ["compliance@example.com"]

[[alerts.rules]]
name = "smic-huawei-investor"
event_types = []
entities = ["smic", "huawei"]
recipients = ["investor@example.com"]
"""


def _setup(tmp_path, port):  # type: ignore[no-untyped-def]
    cfg_path = tmp_path / "sinowatch.toml"
    cfg_path.write_text(CONFIG.format(port=port), encoding="utf-8")
    from sinowatch.config import load_config

    cfg = load_config(cfg_path)
    conn = connect(cfg.warehouse_path)
    arts = [article("a1", "US adds SMIC to the Entity List"), article("h1", "Huawei opens a fab", cluster="h")]
    load(conn, arts)
    queue(conn, cfg, arts, [extraction("a1", export_event("smic")),
                            extraction("h1", export_event("huawei", type="investment"))])
    conn.close()
    return cfg_path


def test_alerts_commands_have_help() -> None:
    group = typer.main.get_command(app).commands["alerts"]  # type: ignore[attr-defined]
    assert (group.help or "").strip()
    assert {"rules", "preview", "send", "feed", "requeue"} <= set(group.commands)
    for cmd in group.commands.values():
        assert (cmd.help or "").strip()
        assert all((p.help or "").strip() for p in cmd.params if getattr(p, "param_type_name", "") == "option")


def test_rules_preview_send(tmp_path, smtp_server) -> None:
    cfg_path = _setup(tmp_path, smtp_server.port)
    runner = CliRunner()
    res = runner.invoke(app, ["--config", str(cfg_path), "alerts", "rules", "--format", "csv"])
    assert res.exit_code == 0, res.output
    lines = res.output.strip().splitlines()
    assert lines[0].startswith("rule,filters,recipients,events 7d,stories 7d,alerts 7d,pending,sent,failed")
    assert lines[1].startswith("export-controls,") and lines[1].endswith(",1,1,0,0")
    assert lines[2].startswith("smic-huawei-investor,") and lines[2].endswith(",2,2,0,0")

    res = runner.invoke(app, ["--config", str(cfg_path), "alerts", "preview", "--out", str(tmp_path / "pv")])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "pv").iterdir()) == [
        "01-export-controls.eml", "01-export-controls.html", "02-smic-huawei-investor.eml",
        "02-smic-huawei-investor.html"]
    assert smtp_server.received == []

    res = runner.invoke(app, ["--config", str(cfg_path), "alerts", "send", "--dry-run"])
    assert res.exit_code == 0 and "would send: 3 alert(s)" in res.output and smtp_server.received == []

    res = runner.invoke(app, ["--config", str(cfg_path), "alerts", "send"])
    assert res.exit_code == 0, res.output
    assert "sent: 3 alert(s) in 2 digest(s)" in res.output
    assert sorted(r.rcpt_tos[0] for r in smtp_server.received) == ["compliance@example.com", "investor@example.com"]

    smtp_server.stop()
    res = runner.invoke(app, ["--config", str(cfg_path), "alerts", "send"])
    assert res.exit_code == 0 and "sent: 0 alert(s)" in res.output  # nothing pending: no connection needed
