"""Slow flow tests (run in CI): extraction on a local Dask cluster; `sinowatch serve` end to end."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.flows.conftest import make_config
from tests.flows.snapshot import snapshot
from tests.flows.test_flows import run_plain
from tests.smtpserver import free_port

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def test_dask_cluster_of_two_workers_gives_the_same_rows(prefect_harness, tmp_path, feeds) -> None:
    from distributed import LocalCluster
    from sinowatch.flows.daily import run_daily

    plain_cfg = make_config(tmp_path / "plain", feeds)
    dask_cfg = make_config(tmp_path / "dask", feeds)
    dask_cfg.extraction.batch_size = dask_cfg.flows.extract_batch = 2  # three tasks over two workers
    run_plain(plain_cfg)
    # workers must report to the test server, not start their own ephemeral ones
    old = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = prefect_harness
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            report = run_daily(dask_cfg, dask_address=cluster.scheduler_address)
    finally:
        if old is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = old
    assert report.status == "ok" and report.extracted == 5, report.errors
    assert snapshot(dask_cfg.warehouse_path) == snapshot(plain_cfg.warehouse_path)


def _wait(predicate, timeout: float, what: str, every: float = 1.0):  # type: ignore[no-untyped-def]
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        got = predicate()
        if got:
            return got
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:g}s waiting for {what}")


def _stop(proc: subprocess.Popen) -> int:  # type: ignore[type-arg]
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            return proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            return proc.wait(timeout=10)
    return proc.returncode


def test_serve_registers_the_deployment_and_runs_it(tmp_path, feed_server) -> None:
    home = tmp_path / "prefect-home"
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_ENABLED": "false", "PREFECT_SERVER_LOGGING_LEVEL": "WARNING"}
    env.pop("PREFECT_API_URL", None)
    prefect = str(Path(sys.executable).parent / "prefect")
    server = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                              stdout=open(tmp_path / "server.log", "wb"), stderr=subprocess.STDOUT,
                              start_new_session=True)
    serve = None
    try:
        def healthy() -> bool:
            try:
                return httpx.get(f"{api}/health", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        _wait(healthy, 180, "prefect server health")
        cfg_path = tmp_path / "sinowatch.toml"
        cfg_path.write_text(
            '[warehouse]\npath = "w.duckdb"\n[fetch]\nallow_private = true\nretries = 0\n'
            '[alerts]\nenabled = false\n[sentiment]\nenabled = false\n'
            '[schedule]\ncron = "0 7 * * *"\ntimezone = "Asia/Shanghai"\n'
            f'[[feeds]]\nname = "chips"\nurl = "{feed_server.url("/feeds/flows_chips.xml")}"\nlanguage = "en"\n',
            encoding="utf-8",
        )
        serve = subprocess.Popen([str(Path(sys.executable).parent / "sinowatch"), "-c", str(cfg_path), "serve"],
                                 env={**env, "PREFECT_API_URL": api}, cwd=tmp_path,
                                 stdout=open(tmp_path / "serve.log", "wb"), stderr=subprocess.STDOUT,
                                 start_new_session=True)

        def deployment() -> dict | None:
            r = httpx.get(f"{api}/deployments/name/sinowatch-daily/sinowatch-daily", timeout=5)
            return r.json() if r.status_code == 200 else None

        dep = _wait(deployment, 120, "the deployment to be registered")
        assert dep["concurrency_limit"] == 1 or (dep.get("global_concurrency_limit") or {}).get("limit") == 1
        sched = dep["schedules"][0]["schedule"]
        assert sched["cron"] == "0 7 * * *" and sched["timezone"] == "Asia/Shanghai"
        def created() -> dict | None:
            # a loaded machine's SQLite-backed server can answer an error once (database busy): retry
            r = httpx.post(f"{api}/deployments/{dep['id']}/create_flow_run", json={}, timeout=30)
            body = r.json() if r.headers.get("content-type", "").startswith("application/json") else {}
            return body if r.status_code in (200, 201) and "id" in body else None

        run = _wait(created, 120, "the flow run to be created", every=3)

        def finished() -> dict | None:
            fr = httpx.get(f"{api}/flow_runs/{run['id']}", timeout=5).json()
            return fr if fr["state_type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

        fr = _wait(finished, 240, "the deployment run to finish", every=2)
        assert fr["state_type"] == "COMPLETED", (tmp_path / "serve.log").read_text()[-3000:]
        from tests.flows.snapshot import count

        assert serve.poll() is None
        assert _stop(serve) == 0
        serve = None
        assert count(tmp_path / "w.duckdb", "SELECT count(*) FROM articles") == 3
        # SIGTERM paused the schedule (no runs pile up while serve is down)
        assert deployment()["paused"] is True
    finally:
        if serve is not None:
            _stop(serve)
        _stop(server)
    assert server.poll() is not None
