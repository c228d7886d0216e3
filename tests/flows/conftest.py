"""Fixtures for the flow tests: feeds on loopback (the session's Prefect test server,
``prefect_harness``, is in tests/conftest.py, shared with the reliability tests)."""

from __future__ import annotations

from pathlib import Path

import pytest


def make_config(tmp: Path, feed_urls: dict[str, str], *, smtp_port: int | None = None):  # type: ignore[no-untyped-def]
    """A config over the given feeds with its warehouse and report in ``tmp``."""
    from sinowatch.config import AlertRule, Config, FeedConfig

    cfg = Config()
    cfg.base_dir = str(tmp)
    cfg.warehouse.path = "w.duckdb"
    cfg.warehouse.lock_timeout = 5.0
    cfg.fetch.allow_private = True
    cfg.fetch.retries = 0
    cfg.fetch.timeout = 5.0
    cfg.feeds = [FeedConfig(name=n, url=u, language="en") for n, u in feed_urls.items()]
    cfg.sentiment.enabled = False
    cfg.report.out = "report.html"
    cfg.alerts.rules = [AlertRule(name="export-controls", recipients=["analyst@example.com"], min_confidence=0.0)]
    if smtp_port is not None:
        cfg.alerts.smtp.host = "127.0.0.1"
        cfg.alerts.smtp.port = smtp_port
    else:
        cfg.alerts.enabled = False
    return cfg


@pytest.fixture
def feeds(feed_server) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"chips": feed_server.url("/feeds/flows_chips.xml"), "policy": feed_server.url("/feeds/flows_policy.xml")}
