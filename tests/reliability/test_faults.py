"""Faults injected for real: a flapping HTTP server (connection resets, half-written bodies), an SMTP
server that refuses the login, then is down, then is back; a full disk under the warehouse (a
small tmpfs, as root); two runs at once on one warehouse. Each gives a clear error, corrupts
nothing, and the next run recovers."""

from __future__ import annotations

import logging
import subprocess
import sys
import time

import duckdb
import pytest
from sinowatch.warehouse.db import connect

from sinowatch.config import load_config
from sinowatch.ingest.run import ingest
from tests.reliability.conftest import (
    check_invariants,
    cli_env,
    mount_tmpfs,
    received_ids,
    rss,
    run_cli,
    serve_feeds,
    snapshot,
    write_config,
)
from tests.smtpserver import SmtpServer

PASSWORD = "s3cret-Pa55word-must-not-leak-7d1e"


def test_flapping_http_server(tmp_path, flaky_server) -> None:  # type: ignore[no-untyped-def]
    feeds = serve_feeds(flaky_server)
    cfg = load_config(write_config(tmp_path / "a", feeds, 1))
    # policydesk: one reset then fine (the retry gets it); chipwire: half a body twice (fails this run);
    # globalwire: reset, half, 500 (fails); asiamarkets: healthy
    flaky_server.plans = {"/policydesk.xml": ["reset"], "/chipwire.xml": ["half", "half"],
                          "/globalwire.xml": ["reset", "half"]}
    conn = connect(cfg.warehouse_path)
    first = ingest(cfg, conn)
    by = {o.feed: o for o in first.feeds}
    assert by["policydesk"].ok and by["asiamarkets"].ok
    for name in ("chipwire", "globalwire"):
        assert not by[name].ok and "network error" in by[name].error and "after 2 tries" in by[name].error, by[name].error
    assert first.status == "partial"
    conn.close()
    check_invariants(cfg.warehouse_path)
    # the server is healthy again: the next run completes the rest, and the rows equal a clean run's
    conn = connect(cfg.warehouse_path)
    second = ingest(cfg, conn)
    assert second.feeds_failed == 0 and second.new_articles == 12
    conn.close()
    clean = load_config(write_config(tmp_path / "b", feeds, 1))
    conn = connect(clean.warehouse_path)
    ingest(clean, conn)
    conn.close()
    assert snapshot(cfg.warehouse_path)["articles"] == snapshot(clean.warehouse_path)["articles"]
    check_invariants(cfg.warehouse_path)


@pytest.fixture
def tmpfs(tmp_path):  # type: ignore[no-untyped-def]
    yield from mount_tmpfs(tmp_path, "3m")


@pytest.mark.slow
def test_disk_full_during_a_load(tmp_path, flaky_server, tmpfs) -> None:  # type: ignore[no-untyped-def]
    big = "".join(f"<item><title>Story {i}</title><link>https://big.example.com/{i}</link>"
                  f"<description>{f'word{i} ' * 400}</description></item>" for i in range(1500))
    flaky_server.routes["/big.xml"] = f"<rss version='2.0'><channel><title>b</title>{big}</channel></rss>".encode()
    flaky_server.routes["/small.xml"] = rss("small")
    feeds = {"small": flaky_server.url("/small.xml"), "big": flaky_server.url("/big.xml")}
    config = write_config(tmp_path / "cfg", feeds, 1, warehouse=str(tmpfs / "w.duckdb"))
    res = run_cli(config, "ingest")
    # the run ends (no traceback); the feed whose load hit the full disk is a recorded failure
    assert "Traceback" not in res.stderr, res.stderr[-3000:]
    assert res.returncode == 0, res.stderr[-3000:]
    assert "1 feed(s) failed" in res.stderr
    conn = duckdb.connect(str(tmpfs / "w.duckdb"), read_only=True)
    errors = conn.execute("SELECT errors FROM runs").fetchone()[0]
    assert any("big" in e and "No space left on device" in e for e in errors), errors
    assert conn.execute("SELECT count(*) FROM articles WHERE feed = 'big'").fetchone()[0] == 0  # all or nothing
    conn.close()
    check_invariants(tmpfs / "w.duckdb")
    # space again: the next run loads the rest
    subprocess.run(["mount", "-o", "remount,size=64m", str(tmpfs)], check=True)
    res = run_cli(config, "ingest")
    assert res.returncode == 0 and "feeds ok 2, failed 0" in res.stdout, res.stdout[-2000:] + res.stderr[-2000:]
    check_invariants(tmpfs / "w.duckdb")
    conn = duckdb.connect(str(tmpfs / "w.duckdb"), read_only=True)
    assert dict(conn.execute("SELECT feed, count(*) FROM articles GROUP BY feed").fetchall()) == {"small": 6, "big": 1500}
    conn.close()


def test_two_runs_at_once_never_two_writers(tmp_path, flaky_server) -> None:  # type: ignore[no-untyped-def]
    feeds = serve_feeds(flaky_server, ("slowfeed",))
    flaky_server.plans = {"/slowfeed.xml": ["hang"]}  # holds the first run for 10 s
    flaky_server.hang_s = 10.0
    config = write_config(tmp_path, feeds, 1, fetch_timeout=20.0)
    patient = write_config(tmp_path / "patient", feeds, 1, warehouse=str(tmp_path / "w.duckdb"), lock_timeout=60.0)
    first = subprocess.Popen([sys.executable, "-m", "sinowatch.cli", "ingest"], env=cli_env(config),
                             cwd=str(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while flaky_server.hits["/slowfeed.xml"] == 0:  # the first run holds the warehouse now
        assert time.monotonic() < deadline and first.poll() is None
        time.sleep(0.05)
    # a second run with a short lock_timeout gives up with one clear line (lock_timeout = 2 s)
    started = time.monotonic()
    second = run_cli(config, "run", "--engine", "plain", timeout=60)
    assert second.returncode == 5, second.stderr
    assert time.monotonic() - started < 30
    assert "in use by another sinowatch process" in second.stderr and second.stderr.count("\n") == 1
    assert "Traceback" not in second.stderr
    # a third waits (bounded) for the first to finish, then does its own work
    third = run_cli(patient, "ingest", timeout=120)
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert third.returncode == 0, third.stderr
    conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    assert conn.execute("SELECT count(*), count(DISTINCT article_key) FROM articles").fetchone() == (6, 6)
    assert conn.execute("SELECT count(*) FROM runs WHERE status = 'ok'").fetchone()[0] == 2
    conn.close()
    check_invariants(tmp_path / "w.duckdb")


def _refuse(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    from aiosmtpd.smtp import AuthResult

    return AuthResult(success=False, handled=False)


def _accept(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    from aiosmtpd.smtp import AuthResult

    return AuthResult(success=True)


@pytest.mark.slow
def test_smtp_login_refused_then_down_then_back(tmp_path, flaky_server, caplog) -> None:  # type: ignore[no-untyped-def]
    """A real `sinowatch run` whose SMTP login is refused: the password (from the environment only)
    appears in no output, log, warehouse file or report. Then the server is down, then back: the
    alerts stay pending with the reason, and are delivered once when it is back."""
    feeds = serve_feeds(flaky_server, ("policydesk", "chipwire"))
    refusing = SmtpServer(kwargs={"authenticator": _refuse, "auth_require_tls": False})
    refusing.start()
    config = write_config(tmp_path, feeds, refusing.port)
    text = config.read_text().replace('sender = "alerts@sinowatch.example.com"',
                                      'sender = "alerts@sinowatch.example.com"\nusername = "alerts-user"\n'
                                      'password_env = "SINOWATCH_TEST_SMTP_PASSWORD"')
    config.write_text(text)
    try:
        res = run_cli(config, SINOWATCH_TEST_SMTP_PASSWORD=PASSWORD)
    finally:
        refusing.stop()
    assert res.returncode == 0, res.stderr[-3000:]
    assert refusing.received == []
    db = tmp_path / "w.duckdb"
    conn = duckdb.connect(str(db), read_only=True)
    rows = conn.execute("SELECT status, tries, last_error FROM alerts").fetchall()
    run_errors = conn.execute("SELECT errors FROM runs").fetchone()[0]
    conn.close()
    assert rows and all(s == "pending" and t == 1 and "login as 'alerts-user' refused" in e for s, t, e in rows), rows
    assert any("refused" in e for e in run_errors)
    # grep everything the run wrote: its output, every file next to the config (warehouse, WAL, report)
    assert PASSWORD not in res.stdout + res.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert PASSWORD.encode() not in data and PASSWORD.encode("utf-16-le") not in data, path

    # the server is down: the next run keeps them pending, with the reason and one more try
    from sinowatch.pipeline import run_pipeline

    cfg = load_config(config)
    cfg.alerts.smtp.username = ""  # the restarted server needs no login
    caplog.set_level(logging.DEBUG)
    conn = connect(db)
    report = run_pipeline(cfg, conn)
    assert report.alerts_sent == 0 and any("connection refused" in e.lower() for e in report.errors), report.errors
    assert {r for (r,) in conn.execute("SELECT DISTINCT status FROM alerts").fetchall()} == {"pending"}
    conn.close()
    # back: delivered once, all marked sent
    server = SmtpServer(port=refusing.port)
    server.start()
    try:
        conn = connect(db)
        report = run_pipeline(cfg, conn)
        conn.close()
    finally:
        server.stop()
    assert report.alerts_sent == len(rows) and len(server.received) == 2
    assert len(set(received_ids(server))) == 2
    check_invariants(db, received_ids=set(received_ids(server)))
    assert PASSWORD not in caplog.text
