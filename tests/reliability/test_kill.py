"""kill -9 of a real `sinowatch run` on both engines (plain at every point; Prefect at the run-level
points and inside an extraction transaction): the warehouse always opens, its
invariants hold, no received alert is lost from the outbox, and the next run ends with exactly the
rows of an uninterrupted run (every alert delivered, at least once, under one Message-ID).

Kill points are named places in the code (sinowatch/faults.py: the process SIGKILLs itself there,
inside and between transactions and around the SMTP conversation) plus a few plain timed kills.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.conftest import (
    FlakyServer,
    SmtpServer,
    check_facts_current,
    check_invariants,
    cli_env,
    received_ids,
    run_cli,
    serve_feeds,
    snapshot,
    write_config,
)

# 24 articles in 4 feeds, extraction batches of 5 (5 batches) saved in groups of 10 articles
# (3 transactions), 2 alert rules (2 digests)
FAULT_POINTS = [
    # during fetch and load (cheap: the process dies before the extractor is built)
    "run_started",
    "feed_fetched:1", "feed_fetched:3",
    "feed_loading:1", "feed_loading:2", "feed_loading:3", "feed_loading:4",
    "feed_loaded:1", "feed_loaded:2", "feed_loaded:4",
    "ingest_done",
    # during extraction (inside and after a group's transaction, before the trend facts' refresh)
    # and alert sending
    "extract_batch_saving:1", "extract_batch_saving:2", "extract_batch_saved:2", "extract_facts_refreshing",
    "alert_sending:1", "alert_sent:1", "alert_sent:2", "alert_marked:2",
    "report_writing",
    "run_finishing",
]
TIMED_KILLS = [0.4, 1.0, 2.0]  # seconds after start: imports, migration, fetch
#: the Prefect engine: the run-level points, one in ingest and one inside an extraction transaction
PREFECT_FAULT_POINTS = ["run_started", "feed_loading:2", "ingest_done", "extract_batch_saving:2", "report_writing",
                        "run_finishing"]


class Rig:
    """One feed server, one SMTP server and the reference rows of an uninterrupted run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.http = FlakyServer()
        self.http.start()
        self.smtp = SmtpServer()
        self.smtp.start()
        self.feeds = serve_feeds(self.http)
        ref = write_config(root / "reference", self.feeds, self.smtp.port)
        res = run_cli(ref)
        assert res.returncode == 0, res.stderr
        self.reference = snapshot(ref.parent / "w.duckdb")
        assert len(self.reference["articles"]) == 24 and len(self.reference["alerts"]) >= 4
        assert {r[-1] for r in self.reference["alerts"]} == {"sent"}
        assert len(self.smtp.received) == 2
        self.smtp.received.clear()

    def stop(self) -> None:
        self.http.stop()
        self.smtp.stop()

    def fresh(self, name: str) -> Path:
        folder = self.root / name
        shutil.rmtree(folder, ignore_errors=True)
        return write_config(folder, self.feeds, self.smtp.port)

    def check_final(self, config: Path, mids_before: int = 0) -> None:
        """Final rows equal the reference; every alert was received under its final Message-ID."""
        db = config.parent / "w.duckdb"
        check_invariants(db, received_ids=set(received_ids(self.smtp)))
        assert snapshot(db) == self.reference
        check_facts_current(db)
        import duckdb

        conn = duckdb.connect(str(db), read_only=True)
        try:
            final_mids = {m for (m,) in conn.execute("SELECT DISTINCT message_id FROM alerts").fetchall()}
            bad_runs = conn.execute("SELECT run_id, status FROM runs WHERE status = 'running'").fetchall()
        finally:
            conn.close()
        assert bad_runs == []
        assert final_mids <= set(received_ids(self.smtp)), "an alert marked sent was never received"


@pytest.fixture(scope="module")
def rig(tmp_path_factory) -> Iterator[Rig]:  # type: ignore[no-untyped-def]
    r = Rig(tmp_path_factory.mktemp("kill"))
    try:
        yield r
    finally:
        r.stop()


def _recover_in_process(config: Path) -> None:
    """The next run, in this process (the extractor is built once here, not once per kill point)."""
    from sinowatch.warehouse.db import connect

    from sinowatch.config import load_config
    from sinowatch.pipeline import run_pipeline

    cfg = load_config(config)
    conn = connect(cfg.warehouse_path, lock_timeout=5)
    try:
        report = run_pipeline(cfg, conn)
    finally:
        conn.close()
    assert report.status == "ok", report.errors


def _failed_runs(config: Path) -> int:
    import duckdb

    conn = duckdb.connect(str(config.parent / "w.duckdb"), read_only=True)
    try:
        return conn.execute("SELECT count(*) FROM runs WHERE status = 'failed'").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.slow
def test_killed_twice_then_a_real_run_recovers(rig) -> None:  # type: ignore[no-untyped-def]
    """Two kills of one warehouse in a row (mid-transaction in ingest; between the SMTP server's
    acceptance and the mark), then a real `sinowatch run` completes to the reference rows."""
    config = rig.fresh("chain")
    for point in ("feed_loading:2", "alert_sent:1"):
        res = run_cli(config, SINOWATCH_FAULT_POINT=point)
        assert res.returncode == -signal.SIGKILL, (point, res.returncode, res.stderr[-2000:])
        check_invariants(config.parent / "w.duckdb", received_ids=set(received_ids(rig.smtp)))
    # the digest accepted before the kill went out again with the same Message-ID
    mids = received_ids(rig.smtp)
    assert len(mids) >= 1
    res = run_cli(config)
    assert res.returncode == 0, res.stderr
    assert _failed_runs(config) == 2  # each killed run is marked failed by the next one
    rig.check_final(config)
    counts = {m: received_ids(rig.smtp).count(m) for m in set(received_ids(rig.smtp))}
    assert len(counts) == 2 and max(counts.values()) <= 2  # at least once, at most once per crash
    rig.smtp.received.clear()


@pytest.mark.slow
def test_kill_nine_at_every_point(rig) -> None:  # type: ignore[no-untyped-def]
    """>= 20 kill points, each on a fresh warehouse: kill, check, recover, compare."""
    survived: list[str] = []
    for point in FAULT_POINTS:
        config = rig.fresh("p-" + point.replace(":", "-"))
        res = run_cli(config, SINOWATCH_FAULT_POINT=point)
        assert res.returncode == -signal.SIGKILL, (point, res.returncode, res.stderr[-2000:])
        check_invariants(config.parent / "w.duckdb", received_ids=set(received_ids(rig.smtp)))
        _recover_in_process(config)
        assert _failed_runs(config) == 1, point  # the next run marked the killed one failed
        rig.check_final(config)
        rig.smtp.received.clear()
        survived.append(point)
    for delay in TIMED_KILLS:
        config = rig.fresh(f"t-{delay}")
        proc = subprocess.Popen([sys.executable, "-m", "sinowatch.cli", "run", "--engine", "plain"],
                                env=cli_env(config), cwd=str(config.parent),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        rc = proc.wait()
        if (config.parent / "w.duckdb").exists():
            check_invariants(config.parent / "w.duckdb", received_ids=set(received_ids(rig.smtp)))
        _recover_in_process(config)
        rig.check_final(config)
        rig.smtp.received.clear()
        if rc == -signal.SIGKILL:
            survived.append(f"after {delay}s")
    print(f"kill points survived: {len(survived)}: {', '.join(survived)}")
    assert len(survived) >= 20


def test_fault_points_are_a_no_op_unless_asked() -> None:
    code = "from sinowatch import faults\nfaults.point('x')\nprint('after 1', flush=True)\nfaults.point('x')\nprint('after 2')"
    run = [sys.executable, "-c", code]
    quiet = subprocess.run(run, env=cli_env(Path("/nonexistent")), capture_output=True, text=True, timeout=60)
    assert quiet.returncode == 0 and "after 2" in quiet.stdout
    other = subprocess.run(run, env=cli_env(Path("/nonexistent"), SINOWATCH_FAULT_POINT="y"), capture_output=True,
                           text=True, timeout=60)
    assert other.returncode == 0 and "after 2" in other.stdout
    killed = subprocess.run(run, env=cli_env(Path("/nonexistent"), SINOWATCH_FAULT_POINT="x:2"), capture_output=True,
                            text=True, timeout=60)
    assert killed.returncode == -signal.SIGKILL and "after 1" in killed.stdout and "after 2" not in killed.stdout


@pytest.mark.slow
def test_kill_nine_on_the_prefect_engine(rig, prefect_harness) -> None:  # type: ignore[no-untyped-def]
    """`sinowatch run` (the Prefect engine, reporting to the session's test server) killed at the
    run-level points: the same invariants hold, and the next Prefect run ends with exactly the rows
    of the uninterrupted (plain) reference run."""
    prefect = ("run", "--engine", "prefect")
    for point in PREFECT_FAULT_POINTS:
        config = rig.fresh("prefect-" + point.replace(":", "-"))
        res = run_cli(config, *prefect, SINOWATCH_FAULT_POINT=point, PREFECT_API_URL=prefect_harness)
        assert res.returncode == -signal.SIGKILL, (point, res.returncode, res.stderr[-2000:])
        check_invariants(config.parent / "w.duckdb", received_ids=set(received_ids(rig.smtp)))
        res = run_cli(config, *prefect, PREFECT_API_URL=prefect_harness)
        assert res.returncode == 0, (point, res.stderr[-3000:])
        assert _failed_runs(config) == 1, point
        rig.check_final(config)
        rig.smtp.received.clear()
