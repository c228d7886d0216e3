"""`sinowatch run` and `sinowatch serve`: the daily flow once, or on its schedule.

Registered by cli.py; nothing heavy is imported here (Prefect loads inside the commands).
"""

from __future__ import annotations

import typer

from sinowatch.cli_common import state
from sinowatch.records import RunReport


def register(app: typer.Typer) -> None:
    app.command("run")(run)
    app.command("serve")(serve)


def run(
    ctx: typer.Context,
    engine: str = typer.Option("prefect", "--engine", help="prefect (the daily flow; Prefect's ephemeral server "
                               "unless PREFECT_API_URL is set) or plain (the stage functions, no orchestrator)"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Queue and render alerts but send no email"),
    dask_address: str = typer.Option(None, "--dask-address", help="Run extraction batches on this Dask scheduler "
                                     "(tcp://host:8786; overrides flows.dask_address; needs a real Prefect server)"),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any feed failed"),
) -> None:
    """Run the main job once: ingest -> extract -> sentiment -> alerts -> report."""
    from sinowatch.cli import print_run_summary

    report = run_main_job(ctx, engine=engine, dry_run=dry_run, dask_address=dask_address)
    print_run_summary(report)
    if strict and report.feeds_failed:
        raise typer.Exit(1)


def run_main_job(ctx: typer.Context, *, engine: str = "prefect", dry_run: bool = False,
                 dask_address: str | None = None) -> RunReport:
    """The main job once on an engine: the daily flow under Prefect, or the plain engine."""
    st = state(ctx)
    cfg = st.config
    if engine == "prefect":
        from sinowatch.flows.env import setup_prefect_env

        setup_prefect_env(cfg)  # before prefect is imported
        from sinowatch.flows.daily import run_daily

        return run_daily(cfg, db=str(st.warehouse_path), dry_run=dry_run, dask_address=dask_address)
    if engine == "plain":
        if dask_address:
            raise typer.BadParameter("needs --engine prefect", param_hint="--dask-address")
        from sinowatch.cli_common import writer
        from sinowatch.pipeline import run_pipeline

        with writer(ctx) as conn:
            return run_pipeline(cfg, conn, dry_run=dry_run)
    raise typer.BadParameter("use prefect or plain", param_hint="--engine")


def serve(
    ctx: typer.Context,
    cron: str = typer.Option(None, "--cron", help="Cron schedule (default: schedule.cron)"),
    timezone: str = typer.Option(None, "--timezone", help="Time zone of the cron (default: schedule.timezone)"),
    dask_address: str = typer.Option(None, "--dask-address", help="Run extraction batches on this Dask scheduler"),
    catchup: bool = typer.Option(None, "--catchup/--no-catchup", help="After downtime, run once now if a "
                                 "scheduled run was missed (default: schedule.catchup)"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Scheduled runs send no email"),
    ui: bool = typer.Option(True, "--ui/--no-ui", help="Serve Prefect's web UI from the server serve starts "
                            "(http://127.0.0.1:flows.server_port)"),
) -> None:
    """Register the daily deployment and serve it on its schedule until stopped (Ctrl-C, SIGTERM).

    Uses the Prefect server at PREFECT_API_URL; when unset, starts `prefect server start` on
    127.0.0.1 (flows.server_port) with its web UI (unless --no-ui), prints the UI's address, and
    stops it on exit.
    """
    st = state(ctx)
    cfg = st.config
    from sinowatch.flows.env import setup_prefect_env

    setup_prefect_env(cfg)
    from sinowatch.flows.serve import serve_daily

    serve_daily(cfg, db=str(st.warehouse_path), cron=cron, timezone=timezone, dask_address=dask_address,
                catchup=catchup, dry_run=dry_run, config_path=cfg.source or None, ui=ui)
