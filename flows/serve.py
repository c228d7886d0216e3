"""`sinowatch serve`: the daily deployment on its cron, against a real Prefect server.

Scheduled runs need a server that keeps state (schedules, run history). With PREFECT_API_URL set,
that server is used; otherwise :func:`local_server` starts ``prefect server start`` on 127.0.0.1,
waits for ``/api/health`` and stops it on exit.

Missed runs (the policy; docs/flows.md explains it):

- serve pauses its deployment's schedule on SIGTERM/Ctrl-C (Prefect's ``pause_on_shutdown``), so a
  clean stop leaves no scheduled runs behind; a killed process (SIGKILL, power loss) leaves its
  already-scheduled runs, which would otherwise all run, one per missed day, when serve returns.
- at start, serve deletes every scheduled run of the deployment whose time has passed, and then,
  with ``schedule.catchup`` (default on), creates ONE run now if the last cron tick came after the
  deployment's last run. A week offline costs one run, never seven: every run covers whatever
  the feeds hold since the last one, so a second catch-up run would only refetch the same items.
- a deployment that never ran (first start) does not catch up: `sinowatch run` does a first run.

One run at a time per warehouse: the deployment's concurrency limit is 1 (extra runs queue), the
runner runs one flow at a time, and the flow holds the warehouse's write lock while it runs.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sinowatch.flows.env import setup_prefect_env

from sinowatch.config import Config
from sinowatch.errors import SinowatchError

log = logging.getLogger("sinowatch.flows.serve")


def port_free(host: str, port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def wait_healthy(api_url: str, timeout: float, proc: subprocess.Popen[bytes] | None = None) -> float:
    """Poll ``{api_url}/health`` until it answers 200; returns the seconds waited."""
    t0 = time.monotonic()
    while True:
        try:
            if httpx.get(f"{api_url}/health", timeout=2.0).status_code == 200:
                return time.monotonic() - t0
        except httpx.HTTPError:
            pass
        if proc is not None and proc.poll() is not None:
            raise SinowatchError(f"prefect server exited with code {proc.returncode} before it was healthy")
        if time.monotonic() - t0 > timeout:
            raise SinowatchError(f"no healthy Prefect server at {api_url} after {timeout:g}s")
        time.sleep(0.5)


def prefect_executable() -> str:
    here = Path(sys.executable).parent / "prefect"
    return str(here) if here.exists() else (shutil.which("prefect") or "prefect")


@contextmanager
def local_server(config: Config, *, port: int | None = None, timeout: float | None = None,
                 log_file: Path | None = None, ui: bool = True) -> Iterator[str]:
    """``prefect server start`` on 127.0.0.1 for as long as the block runs; yields its API URL.

    With ``ui`` (the default) the server also serves Prefect's web UI at ``http://127.0.0.1:PORT``
    (the run links Prefect logs point there); ``ui=False`` (``serve --no-ui``) serves the API only.

    Its database lives in PREFECT_HOME (the config's state dir), so schedules and run history
    survive restarts. Must be entered before prefect is imported (it exports PREFECT_API_URL).
    """
    setup_prefect_env(config)
    host, port = "127.0.0.1", port or config.flows.server_port
    if not port_free(host, port):
        raise SinowatchError(f"port {port} on {host} is in use: set flows.server_port, or PREFECT_API_URL "
                             "to use the server that is running there")
    api_url = f"http://{host}:{port}/api"
    log_file = log_file or Path(os.environ["PREFECT_HOME"]) / "server.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_SERVER_API_HOST": host, "PREFECT_SERVER_API_PORT": str(port),
           "PREFECT_UI_ENABLED": "true" if ui else "false", "PREFECT_SERVER_UI_ENABLED": "true" if ui else "false"}
    env.pop("PREFECT_API_URL", None)
    with open(log_file, "ab") as out:
        proc = subprocess.Popen(
            [prefect_executable(), "server", "start", "--host", host, "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )
    try:
        waited = wait_healthy(api_url, timeout or float(config.flows.startup_timeout), proc)
        log.info("prefect server on %s healthy after %.1fs (log: %s)", api_url, waited, log_file)
        os.environ["PREFECT_API_URL"] = api_url
        if ui:  # the links Prefect logs for each run
            os.environ.setdefault("PREFECT_UI_URL", ui_url(api_url))
        yield api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        stop_process(proc)


def ui_url(api_url: str) -> str:
    """Where the UI of the server at ``api_url`` answers (the API's root without ``/api``)."""
    return api_url.rstrip("/").removesuffix("/api")


def stop_process(proc: subprocess.Popen[bytes], grace: float = 15.0) -> None:
    """SIGTERM the process group, then SIGKILL after ``grace`` seconds."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    except ProcessLookupError:
        pass


@contextmanager
def prefect_server(config: Config, *, ui: bool = True) -> Iterator[str]:
    """PREFECT_API_URL when set (checked for health), else a local server for the block."""
    url = os.environ.get("PREFECT_API_URL")
    if url:
        wait_healthy(url.rstrip("/"), float(config.flows.startup_timeout))
        yield url
        return
    with local_server(config, ui=ui) as url:
        yield url


def last_tick(cron: str, timezone: str, now: datetime) -> datetime:
    """The most recent time the cron fired at or before ``now`` (UTC)."""
    from zoneinfo import ZoneInfo

    from cronsim import CronSim  # Prefect's own cron dependency

    local = now.astimezone(ZoneInfo(timezone)).replace(microsecond=0)
    return next(iter(CronSim(cron, local + timedelta(seconds=1), reverse=True))).astimezone(UTC)


def missed_runs_policy(deployment_id: Any, *, cron: str, timezone: str, catchup: bool,
                       now: datetime | None = None) -> tuple[int, bool]:
    """Delete overdue scheduled runs; create one catch-up run if a tick was missed.
    Returns (runs deleted, caught up)."""
    from prefect import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.client.schemas.sorting import FlowRunSort
    from prefect.states import Scheduled

    now = now or datetime.now(UTC)
    dep_filter = DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id]))
    with get_client(sync_client=True) as client:
        scheduled = client.read_flow_runs(
            deployment_filter=dep_filter,
            flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))),
            limit=200,
        )
        overdue = [r for r in scheduled if r.expected_start_time and r.expected_start_time < now - timedelta(minutes=1)]
        for r in overdue:
            client.delete_flow_run(r.id)
        started = client.read_flow_runs(
            deployment_filter=dep_filter,
            flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(
                not_any_=[StateType.SCHEDULED]))),
            sort=FlowRunSort.START_TIME_DESC, limit=1,
        )
        last = started[0].start_time or started[0].expected_start_time if started else None
        caught_up = False
        if catchup and (last is not None or overdue):
            tick = last_tick(cron, timezone, now)
            if last is None or last < tick:
                client.create_flow_run_from_deployment(deployment_id, state=Scheduled(scheduled_time=now),
                                                       tags=["catch-up"])
                caught_up = True
    if overdue:
        log.warning("deleted %d overdue scheduled run(s) left by a stopped serve", len(overdue))
    if caught_up:
        log.warning("a scheduled run was missed while serve was down: running once now to catch up")
    return len(overdue), caught_up


def build_deployment(config: Config, *, db: str, cron: str, timezone: str, config_path: str | None,
                     dry_run: bool = False, dask_address: str | None = None) -> Any:
    """The daily flow as a served deployment: cron in its time zone, one run at a time."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType
    from sinowatch.flows.daily import daily

    from sinowatch.config import config_to_dict

    # A config file is re-read by each run (edit the feeds without restarting serve).
    params: dict[str, Any] = {"db": db, "dry_run": dry_run, "dask_address": dask_address}
    if config_path:
        params["config_path"] = str(Path(config_path).resolve())
    else:
        params["config"] = config_to_dict(config)
    return daily.to_deployment(
        name=config.flows.deployment,
        schedules=[Cron(cron, timezone=timezone)],
        parameters=params,
        concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE),
        description=f"sinowatch daily run into {db}",
        tags=["sinowatch"],
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


def serve_daily(config: Config, *, db: str, cron: str | None = None, timezone: str | None = None,
                dask_address: str | None = None, catchup: bool | None = None, dry_run: bool = False,
                config_path: str | None = None, ui: bool = True) -> None:
    """Register and serve the daily deployment until SIGTERM/Ctrl-C (which pause its schedule)."""
    cron = cron or config.schedule.cron
    timezone = timezone or config.schedule.timezone
    catchup = config.schedule.catchup if catchup is None else catchup
    dask_address = dask_address or config.flows.dask_address or None
    started_here = not os.environ.get("PREFECT_API_URL")
    with prefect_server(config, ui=ui) as api_url:
        from prefect import serve

        deployment = build_deployment(config, db=db, cron=cron, timezone=timezone, config_path=config_path,
                                      dry_run=dry_run, dask_address=dask_address)
        deployment_id = deployment.apply()
        missed_runs_policy(deployment_id, cron=cron, timezone=timezone, catchup=catchup)
        print(f"serving {deployment.flow_name}/{deployment.name} on {api_url}: cron {cron!r} ({timezone}); "
              f"Ctrl-C or SIGTERM stops it and pauses the schedule", flush=True)
        if started_here and ui:
            print(f"Prefect UI: {ui_url(api_url)}  (runs, logs, schedule; `serve --no-ui` turns it off)", flush=True)
        elif os.environ.get("PREFECT_UI_URL"):
            print(f"Prefect UI: {os.environ['PREFECT_UI_URL']}", flush=True)
        serve(deployment, pause_on_shutdown=True, limit=1, print_starting_message=False)
