"""Fixtures for the flow tests: feeds on loopback (the session's Prefect test server,
``prefect_harness``, is in tests/conftest.py, shared with the reliability tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinowatch.config import Config
from tests import configs


def make_config(tmp: Path, feed_urls: dict[str, str], *, smtp_port: int | None = None) -> Config:
    """The flow tests' config (tests/configs.py): English feeds, the warehouse and report in ``tmp``."""
    return configs.make_config(tmp, feed_urls, smtp_port=smtp_port, language="en")


@pytest.fixture
def feeds(feed_server) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"chips": feed_server.url("/feeds/flows_chips.xml"), "policy": feed_server.url("/feeds/flows_policy.xml")}
