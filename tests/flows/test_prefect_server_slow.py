"""Slow (CI): against a real local Prefect server started the way `sinowatch serve` starts it -
its web UI answers, and `prefect deploy` from prefect.yaml plus a process worker runs the daily
flow (the entrypoint is resolved the way a worker resolves it, after `set_working_directory`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests import configs
from tests.smtpserver import free_port

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from sinowatch.flows.serve import local_server

    cfg = configs.make_config(tmp_path_factory.mktemp("server"))
    old = os.environ.get("PREFECT_API_URL")
    os.environ.pop("PREFECT_API_URL", None)
    try:
        with local_server(cfg, port=free_port(), timeout=180, ui=True) as api_url:
            yield api_url
    finally:
        if old is not None:
            os.environ["PREFECT_API_URL"] = old


def test_ui_root_answers(server) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.flows.serve import ui_url

    res = httpx.get(ui_url(server) + "/", timeout=30)
    assert res.status_code == 200 and "<html" in res.text.lower()
    assert httpx.get(server + "/health", timeout=10).status_code == 200


def test_no_ui_serves_the_api_only(tmp_path, monkeypatch) -> None:
    from sinowatch.flows.serve import local_server, ui_url

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))  # its own database, beside the module's server
    cfg = configs.make_config(tmp_path)
    old = os.environ.pop("PREFECT_API_URL", None)
    try:
        with local_server(cfg, port=free_port(), timeout=180, ui=False) as api_url:
            assert httpx.get(api_url + "/health", timeout=10).status_code == 200
            root = httpx.get(ui_url(api_url) + "/", timeout=30)
            assert root.status_code == 404 or "<html" not in root.text.lower()
    finally:
        if old is not None:
            os.environ["PREFECT_API_URL"] = old


def test_prefect_deploy_and_a_process_worker_run_the_flow(server, tmp_path, feed_server) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"  # SINOWATCH_HOME on the worker: config and warehouse, no code
    home.mkdir()
    (home / "sinowatch.toml").write_text(
        '[warehouse]\npath = "w.duckdb"\n[fetch]\nallow_private = true\nretries = 0\n'
        '[sentiment]\nenabled = false\n[alerts]\nenabled = false\n'
        f'[[feeds]]\nname = "chips"\nurl = "{feed_server.url("/feeds/flows_chips.xml")}"\nlanguage = "en"\n'
    )
    project = tmp_path / "project"  # where `prefect deploy` runs: only prefect.yaml
    project.mkdir()
    shutil.copy(REPO / "prefect.yaml", project / "prefect.yaml")
    elsewhere = tmp_path / "worker-cwd"
    elsewhere.mkdir()
    env = {**os.environ, "PREFECT_API_URL": server, "SINOWATCH_HOME": str(home)}
    env.pop("SINOWATCH_CONFIG", None)

    def prefect(*args: str, cwd: Path, timeout: float = 300) -> str:
        res = subprocess.run([str(BIN / "prefect"), "--no-prompt", *args], cwd=cwd, env=env, capture_output=True,
                             text=True, timeout=timeout)
        assert res.returncode == 0, f"prefect {' '.join(args)}:\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}"
        return res.stdout

    prefect("work-pool", "create", "sinowatch", "--type", "process", cwd=project)
    prefect("deploy", "--name", "sinowatch-daily", cwd=project)
    out = prefect("deployment", "run", "sinowatch-daily/sinowatch-daily", cwd=project)
    run_id = re.search(r"UUID:\s*([0-9a-f-]{36})", out)
    assert run_id, out
    prefect("worker", "start", "--pool", "sinowatch", "--run-once", cwd=elsewhere, timeout=600)
    fr = httpx.get(f"{server}/flow_runs/{run_id.group(1)}", timeout=30).json()
    assert fr["state_type"] == "COMPLETED", fr["state"]
    import duckdb

    with duckdb.connect(str(home / "w.duckdb"), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
