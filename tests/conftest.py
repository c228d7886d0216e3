"""Shared fixtures: paths to third-party data (skip cleanly when absent), a loopback HTTP server."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# Prefect's quiet settings and a temporary PREFECT_HOME, before anything imports prefect
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="sinowatch-prefect-"))

from sinowatch.flows.env import setup_prefect_env

setup_prefect_env()

#: the test server starts in ~17 s on an idle 2-core machine; give a busy CI runner room
HARNESS_STARTUP_TIMEOUT = 180

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


S = TypeVar("S")


def serving(server: S) -> Iterator[S]:
    """A fixture's body for a loopback server (anything with ``start()`` and ``stop()``): started for
    the test, stopped after it however it ends (``yield from serving(Server())``)."""
    started: Any = server
    started.start()
    try:
        yield server
    finally:
        started.stop()


def shared_data(sub: str) -> Path:
    """A folder of ../shared/data, or skip the test with the reason."""
    path = SHARED_DATA / sub
    if not path.exists():
        pytest.skip(f"{path} is absent (third-party data lives in ../shared/data next to the repository)")
    return path


@pytest.fixture
def feed_server():
    from tests.httpserver import FeedServer

    yield from serving(FeedServer())


@pytest.fixture
def smtp_server():
    from tests.smtpserver import SmtpServer

    yield from serving(SmtpServer())


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[str]:
    """A temporary Prefect server and database for the whole session; yields its API URL."""
    from prefect.settings import PREFECT_API_URL, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=HARNESS_STARTUP_TIMEOUT):
        # heartbeats only add a second per flow run here
        with temporary_settings(updates={"flows.heartbeat_frequency": None}):
            yield str(PREFECT_API_URL.value())
