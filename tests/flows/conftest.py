"""Fixtures for the flow tests: one Prefect test server for the session, feeds on loopback.

PREFECT_HOME goes to a temporary folder and the quiet settings are exported before prefect is
imported (pytest imports this conftest before the test modules).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_HOME = tempfile.mkdtemp(prefix="sinowatch-prefect-")
os.environ.setdefault("PREFECT_HOME", _HOME)

from sinowatch.flows.env import setup_prefect_env  # noqa: E402

setup_prefect_env()

#: the test server starts in ~17 s on an idle 2-core machine; give a busy CI runner room
HARNESS_STARTUP_TIMEOUT = 180


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[str]:
    """A temporary Prefect server and database for the whole session; yields its API URL."""
    from prefect.settings import PREFECT_API_URL, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=HARNESS_STARTUP_TIMEOUT):
        # heartbeats only add a second per flow run here
        with temporary_settings(updates={"flows.heartbeat_frequency": None}):
            yield str(PREFECT_API_URL.value())


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
