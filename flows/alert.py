"""Alert tasks: the outbox hook that extraction commits with, and sending (SMTP I/O, retried).

Alerts are queued in an outbox table in the same transaction as the extraction batch that caused
them (``sinowatch.alerts.stage.make_on_batch``), and sent afterwards. Sending is idempotent: a sent
alert is marked in the outbox, so a retried task only sends what is still pending.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from sinowatch.flows.env import run_logger
from sinowatch.flows.extract import stage_module

from sinowatch.config import Config

ALERTS_MODULE = "sinowatch.alerts.stage"


class QueuedCounter:
    """Wraps the alert stage's on_batch hook and adds up what it reports as queued."""

    def __init__(self, hook: Callable[..., Any]) -> None:
        self.hook = hook
        self.queued = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        rv = self.hook(*args, **kwargs)
        if isinstance(rv, int) and not isinstance(rv, bool):
            self.queued += rv
        else:
            self.queued += int(getattr(rv, "queued", 0) or 0)
        return rv


def alert_hook(config: Config) -> QueuedCounter | None:
    """The on_batch hook for extraction, or None (alerts off, or the alert stage not installed)."""
    if not config.alerts.enabled:
        return None
    mod = stage_module(ALERTS_MODULE)
    if mod is None or not hasattr(mod, "make_on_batch"):
        run_logger().warning("alert queueing skipped: %s is not installed yet", ALERTS_MODULE)
        return None
    return QueuedCounter(mod.make_on_batch(config))


@task(name="send-alerts", retries=2, retry_delay_seconds=[5, 30], cache_policy=NO_CACHE, persist_result=False)
def send_alerts_task(db: str, config: Config, dry_run: bool = False) -> Any:
    """Send pending alert digests (or, with dry_run, render them without sending)."""
    from sinowatch.flows.load import writer_for  # noqa: PLC0415

    log = run_logger()
    mod = stage_module(ALERTS_MODULE)
    if mod is None or not hasattr(mod, "send_pending"):
        log.warning("alert sending skipped: %s is not installed yet", ALERTS_MODULE)
        return None
    w = writer_for(db)
    with w.lock:
        stats = mod.send_pending(config, w.conn, dry_run=dry_run)
    log.info("alerts: %s%s", stats, " (dry run: nothing sent)" if dry_run else "")
    return stats
