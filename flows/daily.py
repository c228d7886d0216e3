"""The daily flow: ingest -> extract (+ sentiment, alert outbox) -> send alerts -> report.

It composes the same plain stage functions as :func:`sinowatch.pipeline.run_pipeline` and writes
the same rows (the tests check it row for row). Fetching runs on a local thread pool (I/O, near the
writer); extraction batches go to two local threads by default, or to an existing Dask cluster
(``flows.dask_address`` / ``--dask-address``). All warehouse reads and writes happen in the
flow's process through one connection, which also holds the warehouse lock for the whole run.

Entry points call :func:`run_daily` (``sinowatch run``) or serve :data:`daily` (``sinowatch serve``).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from sinowatch.flows.env import run_logger, setup_prefect_env

setup_prefect_env()  # before prefect is imported (a no-op for keys already set)

from prefect import flow  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.futures import PrefectFuture  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
from sinowatch.flows.alert import alert_hook, send_alerts_task  # noqa: E402
from sinowatch.flows.extract import run_extraction  # noqa: E402
from sinowatch.flows.ingest import fetch_feed_task, full_text_task  # noqa: E402
from sinowatch.flows.load import Writer, load_feed_task, open_writer  # noqa: E402
from sinowatch.flows.report import run_markdown, top_stories, write_report_task  # noqa: E402
from sinowatch.warehouse import load  # noqa: E402
from sinowatch.warehouse.db import transaction  # noqa: E402

from sinowatch.config import Config, _build, load_config  # noqa: E402
from sinowatch.ingest.run import build_index, new_run_id  # noqa: E402
from sinowatch.records import FeedOutcome, RunReport  # noqa: E402

FLOW_NAME = "sinowatch-daily"


def config_to_dict(config: Config) -> dict[str, Any]:
    """A JSON-able form of the config for the flow's parameters (keeps base_dir and source)."""
    return dataclasses.asdict(config)


def config_from_dict(data: dict[str, Any]) -> Config:
    data = dict(data)
    base_dir = data.pop("base_dir", ".")
    source = data.pop("source", "")
    cfg: Config = _build(Config, data, "", source or "<flow parameters>")
    cfg.base_dir, cfg.source = str(base_dir), source
    return cfg


def _ingest(cfg: Config, db: str, w: Writer, report: RunReport) -> None:
    """Fetch every enabled feed on a thread pool, load them one by one in feed-name order."""
    log = run_logger()
    feeds = sorted(cfg.enabled_feeds(), key=lambda f: f.name)
    settings = cfg.fetch
    with w.lock:
        state = load.feed_state(w.conn)
        w.index = build_index(w.conn, report.started_at)
        clusters_before = w.conn.execute("SELECT count(*) FROM story_clusters").fetchone()[0]
    runner: ThreadPoolTaskRunner[Any]
    with ThreadPoolTaskRunner(max_workers=max(1, settings.concurrency)) as runner:
        fetches: list[tuple[Any, Any]] = [
            (f, runner.submit(fetch_feed_task, parameters={"feed": f, "settings": settings, "state": state.get(f.name)}))
            for f in feeds
        ]
        ready: list[tuple[Any, Any]] = []
        for feed, fut in fetches:
            try:
                batch = fut.result()
            except Exception as e:  # the task's retries are spent: record the feed, go on
                ready.append((feed, e))
                continue
            if feed.full_text and batch.parsed.articles:
                with w.lock:
                    known = load.existing_keys(w.conn, [a.key for a in batch.parsed.articles])
                ready.append((feed, runner.submit(full_text_task, parameters={
                    "batch": batch, "settings": settings, "skip_keys": frozenset(known)})))
            else:
                ready.append((feed, batch))
        for feed, item in ready:
            try:
                if isinstance(item, BaseException):
                    raise item
                batch = item.result() if isinstance(item, PrefectFuture) else item
                outcome = load_feed_task(db, report.run_id, batch, report.started_at)
            except Exception as e:  # a bug or a warehouse error for one feed: record, go on
                outcome = FeedOutcome(feed=feed.name, url=feed.url, ok=False,
                                      error=f"{type(e).__name__}: {str(e)[:300]}")
                log.error("%s: %s (%s)", feed.name, outcome.error, feed.url)
            report.feeds.append(outcome)
            report.new_articles += outcome.new_articles
            report.updated_articles += outcome.updated_articles
            if not outcome.ok:
                report.errors.append(f"{feed.name}: {outcome.error}")
    with w.lock:
        report.clusters += w.conn.execute("SELECT count(*) FROM story_clusters").fetchone()[0] - clusters_before
    report.feeds.sort(key=lambda o: o.feed)
    log.info("ingest: feeds ok %d, failed %d; articles new %d, seen again %d; new clusters %d", report.feeds_ok,
             report.feeds_failed, report.new_articles, report.updated_articles, report.clusters)


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
    report_path: str | None = None
    with open_writer(db, lock_timeout=cfg.warehouse.lock_timeout) as w:
        with w.lock, transaction(w.conn):
            load.start_run(w.conn, report.run_id, "run", report.started_at)
        log.info("run %s: %d feeds into %s%s", report.run_id, len(cfg.enabled_feeds()), db,
                 " (dry run)" if dry_run else "")
        try:
            _ingest(cfg, db, w, report)
            hook = alert_hook(cfg)
            from sinowatch.official.stage import run_official_stage  # noqa: PLC0415
            from sinowatch.scoring import make_scorer  # noqa: PLC0415 - loads the model once, here

            counts = run_extraction(cfg, db, on_batch=hook, scorer=make_scorer(cfg, report.errors),
                                    dask_address=dask_address or cfg.flows.dask_address or None)
            if counts is not None:
                report.extracted += counts.articles
                report.mentions += counts.mentions
                report.events += counts.events
                report.errors.extend(f"extract {e}" for e in counts.errors)
            if hook is not None:
                report.alerts_queued += hook.queued
            with w.lock:
                run_official_stage(cfg, w.conn, report)  # official records -> actions (#16)
            if cfg.alerts.enabled:
                sent = send_alerts_task(db, cfg, dry_run=dry_run)
                report.alerts_sent += int(getattr(sent, "sent", 0) or 0)
            report_path = write_report_task(db, cfg)
            extract_failed = counts is not None and bool(counts.errors)
            report.status = "ok" if report.feeds_failed == 0 and not extract_failed else "partial"
        except Exception as e:
            report.status = "failed"
            report.errors.append(f"{type(e).__name__}: {e}")
            raise
        finally:
            report.finished_at = datetime.now(UTC)
            with w.lock, transaction(w.conn):
                load.finish_run(w.conn, report)
            try:
                stories = top_stories(db, report.started_at)
                create_markdown_artifact(run_markdown(report, stories, report_path),
                                         key="sinowatch-run", description=f"sinowatch run {report.run_id}")
            except Exception as e:  # the artefact is a convenience; never fail the run over it
                log.warning("no run artefact: %s: %s", type(e).__name__, e)
    log.info("run %s %s in %.1fs", report.run_id, report.status,
             (report.finished_at - report.started_at).total_seconds())
    return report


def run_daily(config: Config, *, db: str | None = None, dry_run: bool = False,
              dask_address: str | None = None) -> RunReport:
    """Run the daily flow once, in this process (Prefect's ephemeral server unless PREFECT_API_URL
    is set). Returns the same RunReport as :func:`sinowatch.pipeline.run_pipeline`."""
    setup_prefect_env(config)
    from prefect.settings import temporary_settings  # noqa: PLC0415

    # Heartbeats only detect crashed runs of deployments; here they cost up to a second per run.
    with temporary_settings(updates={"flows.heartbeat_frequency": None}):
        return daily(config=config_to_dict(config), db=db or str(config.warehouse_path), dry_run=dry_run,
                     dask_address=dask_address or config.flows.dask_address or None)


__all__ = ["FLOW_NAME", "daily", "run_daily", "config_to_dict", "config_from_dict"]
