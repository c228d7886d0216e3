"""The Prefect engine: the daily flow runs the one main job (:func:`sinowatch.pipeline.run_job`)
with task-backed hooks.

Nothing of the stage sequence is written here: the flow opens the warehouse (one connection, which
holds the warehouse lock for the whole run), builds the :class:`~sinowatch.pipeline.Engine` whose
maps submit Prefect tasks (fetches on a local thread pool; extraction batches on two local threads
or an existing Dask cluster, ``flows.dask_address`` / ``--dask-address``) and whose steps are
tasks (sending alerts retries, as an I/O task), runs the job, and records the run's markdown
artefact. All warehouse reads and writes happen in the flow's thread.

Entry points call :func:`run_daily` (``sinowatch run``) or serve :data:`daily` (``sinowatch serve``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sinowatch.flows.env import run_logger, setup_prefect_env

setup_prefect_env()  # before prefect is imported (a no-op for keys already set)

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from sinowatch.flows.extract import prefect_map_batches  # noqa: E402
from sinowatch.flows.ingest import prefect_map_feeds  # noqa: E402
from sinowatch.flows.report import run_markdown, top_stories  # noqa: E402
from sinowatch.warehouse.db import close, connect  # noqa: E402

from sinowatch.config import Config, config_from_dict, config_to_dict, load_config  # noqa: E402
from sinowatch.ingest.run import new_run_id  # noqa: E402
from sinowatch.pipeline import Engine, run_job  # noqa: E402
from sinowatch.records import RunReport  # noqa: E402

FLOW_NAME = "sinowatch-daily"
#: retries of the I/O steps (sending alerts: what is already sent is marked and not sent again)
IO_RETRIES: dict[str, Any] = {"retries": 2, "retry_delay_seconds": [5, 30]}


def _task_step(name: str, fn: Callable[..., Any], *args: Any, io: bool = False, **kwargs: Any) -> Any:
    """One step of the job as a Prefect task, run in the flow's thread (it uses the connection)."""
    step = task(name=name, cache_policy=NO_CACHE, persist_result=False, **(IO_RETRIES if io else {}))(fn)
    return step(*args, **kwargs)


def prefect_engine(config: Config, dask_address: str | None = None) -> Engine:
    """The hooks of :class:`~sinowatch.pipeline.Engine`, backed by Prefect tasks."""
    return Engine("prefect", prefect_map_feeds,
                  prefect_map_batches(dask_address or config.flows.dask_address or None, config.flows.extract_batch),
                  _task_step)


@flow(name=FLOW_NAME, persist_result=False, log_prints=False, validate_parameters=True,
      description="ingest -> extract (+ sentiment, alert outbox) -> send alerts -> report")
def daily(config_path: str | None = None, config: dict[str, Any] | None = None, db: str | None = None,
          dry_run: bool = False, dask_address: str | None = None) -> RunReport:
    """One run of the main job. ``config`` (a dict) wins over ``config_path``; with neither, the
    default config is found as the CLI finds it. ``db`` overrides the config's warehouse;
    ``dask_address`` (default: flows.dask_address) sends extraction batches to a Dask cluster."""
    log = run_logger()
    cfg = config_from_dict(config) if config is not None else load_config(config_path)
    db = db or str(cfg.warehouse_path)
    report = RunReport(run_id=new_run_id("run"), started_at=datetime.now(UTC))
    log.info("run %s: %d feeds into %s%s", report.run_id, len(cfg.enabled_feeds()), db,
             " (dry run)" if dry_run else "")
    conn = connect(db, lock_timeout=cfg.warehouse.lock_timeout)
    try:
        try:
            run_job(cfg, conn, prefect_engine(cfg, dask_address), dry_run=dry_run, report=report)
        finally:
            _artefact(cfg, conn, report)
    finally:
        close(conn)
    log.info("run %s %s in %.1fs", report.run_id, report.status,
             (report.finished_at - report.started_at).total_seconds() if report.finished_at else 0.0)
    return report


def _artefact(cfg: Config, conn: Any, report: RunReport) -> None:
    """The run's markdown artefact (a convenience: never fails the run)."""
    try:
        out = cfg.resolve(cfg.report.out)
        md = run_markdown(report, top_stories(conn, report.started_at), str(out) if out.exists() else None)
        create_markdown_artifact(md, key="sinowatch-run", description=f"sinowatch run {report.run_id}")
    except Exception as e:
        run_logger().warning("no run artefact: %s: %s", type(e).__name__, e)


def run_daily(config: Config, *, db: str | None = None, dry_run: bool = False,
              dask_address: str | None = None) -> RunReport:
    """Run the daily flow once, in this process (Prefect's ephemeral server unless PREFECT_API_URL
    is set). Returns the same RunReport as the plain engine."""
    setup_prefect_env(config)
    from prefect.settings import temporary_settings

    # Heartbeats only detect crashed runs of deployments; here they cost up to a second per run.
    with temporary_settings(updates={"flows.heartbeat_frequency": None}):
        return daily(config=config_to_dict(config), db=db or str(config.warehouse_path), dry_run=dry_run,
                     dask_address=dask_address or config.flows.dask_address or None)


__all__ = ["FLOW_NAME", "daily", "run_daily", "prefect_engine", "config_to_dict", "config_from_dict"]
