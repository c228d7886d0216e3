"""Fixtures for the trend views: a synthetic 120-day warehouse built through the migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
from sinowatch.warehouse.migrate import available

from tests.trends.synthetic import build_warehouse


@pytest.fixture(scope="session")
def trend_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a migrated warehouse holding the synthetic data (tests open it read-only)."""
    versions = {m.version for m in available()}
    if not {2, 4} <= versions:
        pytest.skip(f"migrations 0002 (extraction) and 0004 (trend views) are needed; found {sorted(versions)}")
    return build_warehouse(tmp_path_factory.mktemp("trends") / "sinowatch.duckdb")


@pytest.fixture
def conn(trend_db: Path):
    from sinowatch.warehouse.db import connect

    c = connect(trend_db, read_only=True)
    try:
        yield c
    finally:
        c.close()
