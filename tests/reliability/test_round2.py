"""Issue #17, round 2, as a user meets it: real `sinowatch` processes, a slow-loris HTTP server on
loopback, Ctrl-C (SIGINT), a writer holding the warehouse, a full disk (tmpfs, as root)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.reliability.conftest import cli_env, mount_tmpfs, run_cli, write_config

CLI = [sys.executable, "-m", "sinowatch.cli"]


def _as_from_a_terminal() -> None:
    """In the child before exec: Ctrl-C as a terminal delivers it (default disposition, not blocked).
    A test process can inherit SIGINT ignored or blocked from a library run earlier in the session
    (reproduced with ``signal.signal(SIGINT, SIG_IGN)`` in the parent); a child started so would
    keep ignoring Ctrl-C, as a Unix program rightly does, and the test would time out."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


@pytest.mark.parametrize("args", [("ingest",), ("run", "--engine", "plain")])
def test_ctrl_c_during_a_hung_fetch_ends_promptly_and_marks_the_run(feed_server, tmp_path, args) -> None:
    config = write_config(tmp_path, {"slow": feed_server.url("/trickle-headers")}, 1,
                          extra="", fetch_timeout=5.0)
    # only Ctrl-C can end this fetch: a long deadline, and the server trickles for two minutes
    config.write_text(config.read_text().replace("[fetch]\n", "[fetch]\ndeadline = 600\n"))
    proc = subprocess.Popen([*CLI, *args], env=cli_env(config), cwd=str(tmp_path), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=_as_from_a_terminal)
    try:
        assert feed_server.trickle_started.wait(60), "the fetch never started"
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        t0 = time.monotonic()
        out, err = proc.communicate(timeout=60)
        took = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err[-2000:]
    assert "Traceback" not in err and _lines(err)[-1] == "sinowatch: interrupted", err[-2000:]
    assert took < 20, f"Ctrl-C took {took:.1f}s to end the run"
    conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        rows = conn.execute("SELECT status, errors FROM runs").fetchall()
    finally:
        conn.close()
    assert len(rows) == 1 and rows[0][0] == "interrupted", rows
    assert any("interrupted" in e for e in rows[0][1])


def test_unexpected_errors_are_one_line(tmp_path) -> None:
    """Unwritable paths gave a double traceback (the handler named a class typer does not have)."""
    (tmp_path / "none.toml").write_text("")
    env = cli_env(tmp_path / "none.toml")
    db = str(tmp_path / "w.duckdb")
    subprocess.run([*CLI, "--db", db, "init"], env=env, cwd=tmp_path, capture_output=True, check=True, timeout=120)
    for args in (["alerts", "preview", "--out", "/proc/sinowatch/nope"],
                 ["report", "--out", "/proc/sinowatch/report.html"],
                 ["export", "--parquet", "/proc/sinowatch/export"]):
        res = subprocess.run([*CLI, "--db", db, *args], env=env, cwd=tmp_path, capture_output=True, text=True,
                             timeout=120)
        assert res.returncode == 1, (args, res.stderr[-2000:])
        lines = _lines(res.stderr)
        assert "Traceback" not in res.stderr and len(lines) == 1, (args, res.stderr[-2000:])
        assert lines[0].startswith("sinowatch: error: ") and "/proc/sinowatch" in lines[0], lines


def test_reader_is_told_at_once_while_a_run_writes(tmp_path) -> None:
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    (tmp_path / "none.toml").write_text("")
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); "
                               "time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        t0 = time.monotonic()
        res = subprocess.run([*CLI, "--db", str(db), "status"], env=cli_env(tmp_path / "none.toml"),
                             capture_output=True, text=True, timeout=120)
        took = time.monotonic() - t0
    finally:
        holder.kill()
        holder.wait()
    assert res.returncode == 5 and "being written by another sinowatch process" in res.stderr
    assert len(_lines(res.stderr)) == 1 and "Traceback" not in res.stderr
    assert took < 25, f"the reader waited {took:.1f}s (lock_timeout is 30 s)"


def test_sql_spill_is_capped(tmp_path) -> None:
    config = tmp_path / "sinowatch.toml"
    config.write_text('[warehouse]\npath = "w.duckdb"\nquery_memory_limit = "48MB"\nquery_temp_limit = "8MB"\n')
    duckdb.connect(str(tmp_path / "w.duckdb")).close()
    query = "SELECT count(*) FROM (SELECT random() r, repeat('x', 100) s FROM range(2000000) ORDER BY r)"
    proc = subprocess.Popen([*CLI, "sql", query], env=cli_env(config), cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    biggest = 0
    while proc.poll() is None:  # the spill folder never grows past the cap
        tmp = tmp_path / "w.duckdb.tmp"
        if tmp.exists():
            biggest = max(biggest, sum(f.stat().st_size for f in tmp.iterdir() if f.is_file()))
        time.sleep(0.05)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 6, err[-2000:]  # QueryError
    assert "Traceback" not in err and len(_lines(err)) == 1
    assert "Out of Memory" in err and "warehouse.query_temp_limit" in err
    assert biggest <= 8 * 1024 * 1024 + 512 * 1024


@pytest.fixture
def tmpfs(tmp_path):  # type: ignore[no-untyped-def]
    yield from mount_tmpfs(tmp_path, "64m")


@pytest.mark.slow
def test_disk_full_during_extraction_names_the_cause(tmp_path, tmpfs: Path) -> None:
    items = "".join(f"<item><title>Huawei and SMIC story {i}</title><link>https://big.example.com/{i}</link>"
                    f"<description>{f'The US added SMIC unit {i} to the Entity List. Huawei chips were hit. ' * 30}"
                    "</description></item>" for i in range(500))
    feed = tmp_path / "big.xml"
    feed.write_text(f"<rss version='2.0'><channel><title>b</title>{items}</channel></rss>", encoding="utf-8")
    config = write_config(tmp_path / "cfg", {"big": f"file://{feed}"}, 1, warehouse=str(tmpfs / "w.duckdb"),
                          lock_timeout=5.0)
    config.write_text(config.read_text().replace("[fetch]\n", "[fetch]\nallow_file = true\n")
                      .replace("load_batch = 10", "load_batch = 2000"))
    res = run_cli(config, "ingest")
    assert res.returncode == 0, res.stderr[-2000:]
    used = int(subprocess.run(["du", "-sk", str(tmpfs)], capture_output=True, text=True).stdout.split()[0])
    subprocess.run(["mount", "-o", f"remount,size={used + 400}k", str(tmpfs)], check=True)
    res = run_cli(config, "reextract")
    assert res.returncode == 4, res.stderr[-2000:]
    assert "No space left on device" in res.stderr and "transaction is aborted" not in res.stderr
    assert "Traceback" not in res.stderr
