"""Fixtures for the alert tests: a real SMTP server on loopback (aiosmtpd), a real DuckDB file,
and helpers that queue alerts the way the extraction stage does (inside its transaction)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sinowatch.config import AlertRule, Config
from sinowatch.records import Article, Document, EntityRollup, Event, Extraction, Sentiment
from tests import configs
from tests.smtpserver import Handler, Received, SmtpServer, free_port  # noqa: F401 - re-exported for the tests

NOW = datetime.now(UTC).replace(microsecond=0)


def make_config(tmp_path: Any, port: int, rules: Sequence[AlertRule] | None = None,
                **tables: dict[str, Any]) -> Config:
    """The alert tests' config (tests/configs.py): SMTP on loopback ``port``, the warehouse
    ``sinowatch.duckdb`` in ``tmp_path`` (the ``conn`` fixture's file), ``rules`` (default: the
    bundled export-control rule to two recipients), and any other config ``tables``."""
    if rules is None:
        rules = [AlertRule(recipients=["compliance@example.com", "cto@example.com"])]
    return configs.make_config(tmp_path, smtp_port=port, rules=list(rules),
                               **configs.merge({"warehouse": {"path": "sinowatch.duckdb"}}, tables))


@pytest.fixture
def conn(tmp_path):  # type: ignore[no-untyped-def]
    from sinowatch.warehouse.db import connect

    c = connect(tmp_path / "sinowatch.duckdb")
    try:
        yield c
    finally:
        c.close()


def article(key: str, title: str, *, feed: str = "policydesk", cluster: str | None = None, language: str = "en",
            url: str | None = None, hours_ago: int = 2, text: str = "") -> Article:
    published = NOW - timedelta(hours=hours_ago)
    return Article(
        key=key, url=url if url is not None else f"https://{feed}.example.com/{key}", guid=None, feed=feed,
        title=title, text=text or title, authors=(), published=published, published_is_fetch_time=False,
        language=language, fetched_at=NOW, cluster_id=cluster or f"c-{key}",
    )


def export_event(*entities: str, confidence: float = 0.9, type: str = "export_control",
                 sentence: str = "The US added SMIC to the Entity List on Tuesday.",
                 trigger: str | None = "added SMIC to the Entity List") -> Event:
    return Event(type=type, confidence=confidence, sentence=sentence, entities=tuple(entities) or ("smic",),
                 trigger=trigger)


def extraction(key: str, *events: Event, lang: str = "en", kinds: dict[str, str] | None = None) -> Extraction:
    kinds = kinds or {"smic": "company", "huawei": "company", "ascend-910": "chip", "nvidia": "company"}
    ents = {e for ev in events for e in ev.entities}
    rollups = tuple(EntityRollup(entity=e, kind=kinds.get(e, "company"), count=1,
                                 sentiment=Sentiment("negative", -0.62)) for e in sorted(ents))
    return Extraction(id=key, lang=lang, entities=rollups, events=tuple(events))


def load(conn: Any, articles: Sequence[Article]) -> None:
    from sinowatch.warehouse.db import transaction
    from sinowatch.warehouse.load import upsert_articles

    with transaction(conn):
        upsert_articles(conn, articles, NOW)


def queue(conn: Any, config: Config, articles: Sequence[Article], extractions: Sequence[Extraction]) -> int:
    """What the extraction stage does: on_batch inside the transaction that saves the batch."""
    from sinowatch.warehouse.db import transaction

    from sinowatch.alerts.stage import make_on_batch

    docs = [Document.from_article(a) for a in articles]
    with transaction(conn):
        return make_on_batch(config)(conn, docs, extractions)


def alert_rows(conn: Any) -> list[tuple[Any, ...]]:
    return conn.execute("SELECT rule, cluster_id, status, tries, last_error, message_id, smtp_response "
                        "FROM alerts ORDER BY rule, cluster_id").fetchall()
