"""Fixtures for the actions tests: a real DuckDB warehouse and helpers that save extractions the
way the extraction stage does (ExtractionWriter: events and the fold in one transaction)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sinowatch.records import Article, Event, Extraction

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ENTITIES = [("inspur", "company", "Inspur", "CN", None), ("sugon", "company", "Sugon", "CN", None),
            ("smic", "company", "SMIC", "CN", None), ("huawei", "company", "Huawei", "CN", None),
            ("bis", "agency", "Bureau of Industry and Security", "US", "us-commerce"),
            ("us-commerce", "agency", "U.S. Department of Commerce", "US", None),
            ("mofcom", "agency", "MOFCOM", "CN", None), ("entity-list", "policy", "Entity List", None, None)]


@pytest.fixture
def conn(tmp_path):  # type: ignore[no-untyped-def]
    from sinowatch.warehouse.db import connect

    c = connect(tmp_path / "sinowatch.duckdb")
    c.executemany("INSERT INTO entities (entity, kind, name, country, parent, watchlist_version) VALUES (?, ?, ?, ?, ?, 'w1')", ENTITIES)
    try:
        yield c
    finally:
        c.close()


def article(key: str, title: str, *, days: float = 0, feed: str = "policydesk", language: str = "en") -> Article:
    published = NOW + timedelta(days=days)
    return Article(key=key, url=f"https://{feed}.example.com/{key}", guid=None, feed=feed, title=title, text=title,
                   authors=(), published=published, published_is_fetch_time=False, language=language,
                   fetched_at=published, cluster_id=f"c-{key}")


def event(type: str = "entity_list", *, targets: Sequence[str] = ("inspur",), actor: str | None = "us-commerce",
          status: str | None = "enacted", sentence: str = "Commerce added six Inspur units to the Entity List.",
          entities: Sequence[str] = ()) -> Event:
    return Event(type=type, confidence=0.9, sentence=sentence, entities=tuple(entities) or tuple(targets),
                 actor=actor, targets=tuple(targets), status=status)


def save(conn: Any, articles: Sequence[Article], extractions: Sequence[Extraction]) -> None:
    """Load the articles, then save the extractions through the extraction stage's writer."""
    from sinowatch.warehouse.db import transaction
    from sinowatch.warehouse.load import upsert_articles

    from sinowatch.extract_stage import ExtractionWriter

    with transaction(conn):
        upsert_articles(conn, articles, NOW)
    w = ExtractionWriter(conn, extractor_version="t1", watchlist_version="w1", sentiment_model=None)
    w.add([], extractions)
    w.flush()


def ex(key: str, *events: Event, lang: str = "en") -> Extraction:
    return Extraction(id=key, lang=lang, events=tuple(events))


def actions(conn: Any) -> list[tuple[Any, ...]]:
    return conn.execute("SELECT action_id, event_type, status, actor, targets, n_reports, languages FROM actions "
                        "ORDER BY first_seen, action_id").fetchall()


def membership(conn: Any) -> dict[str, str]:
    return {f"{k}#{s}": a for a, k, s in conn.execute("SELECT action_id, article_key, seq FROM action_reports").fetchall()}
