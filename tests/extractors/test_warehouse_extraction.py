"""Extraction rows in DuckDB: idempotent saves, re-extraction after a watchlist change, the stage."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sinowatch.warehouse import load
from sinowatch.warehouse.db import connect, transaction

from sinowatch.config import Config
from sinowatch.records import Article, Document, Sentiment
from tests import configs


def _article(key: str, title: str, text: str, lang: str = "en") -> Article:
    now = datetime(2026, 1, 2, tzinfo=UTC)
    return Article(key=key, url=f"https://example.com/{key}", guid=None, feed="f", title=title, text=text,
                   authors=(), published=now, published_is_fetch_time=False, language=lang, fetched_at=now)


ARTICLES = [
    _article("k1", "BIS adds Inspur units to Entity List", "The Commerce Department added Inspur units to the Entity List."),
    _article("k2", "Cambricon shares jump", "Cambricon shares rose 10% to a record high."),
    _article("k3", "华为发布昇腾950", "华为发布昇腾950芯片。", "zh"),
    _article("k4", "Weather", "It rained in Paris."),
]


@pytest.fixture
def conn(tmp_path: Path):  # type: ignore[no-untyped-def]
    c = connect(tmp_path / "w.duckdb")
    with transaction(c):
        load.upsert_articles(c, ARTICLES, datetime(2026, 1, 2, tzinfo=UTC))
    try:
        yield c
    finally:
        c.close()


def _counts(conn) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("mentions", "events", "article_entities", "extraction_state"))


def _dump(conn) -> list[tuple]:  # type: ignore[no-untyped-def, type-arg]
    return conn.execute("SELECT article_key, seq, entity, start_char, end_char FROM mentions ORDER BY 1, 2").fetchall()


def test_save_twice_gives_the_same_rows(conn, extractor) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.warehouse.extraction import save_extractions

    exs = list(extractor.extract([Document.from_article(a) for a in ARTICLES]))
    kw = {"extractor_version": extractor.version, "watchlist_version": extractor.watchlist_version,
          "sentiment_model": None}
    with transaction(conn):
        first = save_extractions(conn, exs, **kw)
    rows, counts = _dump(conn), _counts(conn)
    with transaction(conn):
        save_extractions(conn, exs, **kw)
    assert _dump(conn) == rows and _counts(conn) == counts
    assert first.articles == 4 and counts[3] == 4 and counts[0] == first.mentions > 0
    ev = conn.execute("SELECT event_type, actor, targets FROM events WHERE article_key = 'k1' "
                      "AND event_type = 'entity_list' AND field = 'text'").fetchone()
    assert ev == ("entity_list", "us-commerce", ["inspur"])
    # sentiment columns are filled when the scorer gave values
    scored = [replace(exs[1], sentiment=Sentiment("positive", 0.8),
                      entities=tuple(replace(r, sentiment=Sentiment("positive", 0.7)) for r in exs[1].entities))]
    with transaction(conn):
        save_extractions(conn, scored, **{**kw, "sentiment_model": "m1"})
    assert conn.execute("SELECT sentiment_model, sentiment_label FROM extraction_state WHERE article_key='k2'"
                        ).fetchone() == ("m1", "positive")
    assert conn.execute("SELECT sentiment_score FROM article_entities WHERE article_key='k2'").fetchone()[0] == 0.7
    assert _counts(conn) == counts


def test_rollback_leaves_previous_rows(conn, extractor) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.warehouse.extraction import save_extractions

    exs = list(extractor.extract([Document.from_article(a) for a in ARTICLES]))
    kw = {"extractor_version": "v", "watchlist_version": "w", "sentiment_model": None}
    with transaction(conn):
        save_extractions(conn, exs, **kw)
    before = _dump(conn)
    with pytest.raises(RuntimeError), transaction(conn):
        save_extractions(conn, exs[:1], **kw)
        raise RuntimeError("boom")
    assert _dump(conn) == before


def test_stage_extracts_pending_then_reextracts_after_watchlist_change(conn, extractor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.extractors.pipeline import Extractor

    from sinowatch.config import ExtractionConfig
    from sinowatch.extract_stage import extract_pending

    cfg = configs.make_config(tmp_path, extraction={"batch_size": 2})
    seen: list[int] = []
    stats = extract_pending(cfg, conn, extractor=extractor, on_batch=lambda c, d, e: seen.append(len(d)))
    assert stats.articles == 4 and seen == [2, 2]
    counts = _counts(conn)
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == len(extractor.watchlist)
    # nothing pending the second time
    assert extract_pending(cfg, conn, extractor=extractor).articles == 0
    assert extract_pending(cfg, conn, extractor=extractor, reextract=True).articles == 0
    # a user watchlist adds an alias: the version changes, reextract redoes all, no duplicates
    user = tmp_path / "mine.yaml"
    user.write_text("entities:\n  - {id: paris-city, kind: agency, name: Paris, aliases: [Paris]}\n", encoding="utf-8")
    ex2 = Extractor.load(ExtractionConfig(watchlist=[str(user)], event_classifier=False))
    assert ex2.watchlist_version != extractor.watchlist_version
    assert extract_pending(cfg, conn, extractor=ex2).articles == 0  # plain run: only new articles
    stats = extract_pending(cfg, conn, extractor=ex2, reextract=True)
    assert stats.articles == 4
    after = _counts(conn)
    assert after[3] == 4 and after[0] == counts[0] + 1  # one more mention (Paris), nothing duplicated
    versions = conn.execute("SELECT DISTINCT watchlist_version FROM mentions").fetchall()
    assert versions == [(ex2.watchlist_version,)]


def test_on_batch_failure_rolls_back_the_batch(conn, extractor) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.extract_stage import extract_pending

    def boom(c, docs, exs) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("outbox down")

    with pytest.raises(RuntimeError):
        extract_pending(Config(), conn, extractor=extractor, on_batch=boom)
    assert _counts(conn) == (0, 0, 0, 0)


def test_sentiment_only_rescoring_keeps_matches(conn, extractor) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.extract_stage import extract_pending

    extract_pending(Config(), conn, extractor=extractor)
    before = _dump(conn)

    class Scorer:
        version = "toy-1"

        def __call__(self, docs, exs):  # type: ignore[no-untyped-def]
            return [replace(e, sentiment=Sentiment("neutral", 0.0)) for e in exs]

    stats = extract_pending(Config(), conn, extractor=extractor, scorer=Scorer(), sentiment_only=True)
    assert stats.articles == 4
    assert _dump(conn) == before
    assert conn.execute("SELECT DISTINCT sentiment_model FROM extraction_state").fetchall() == [("toy-1",)]


def test_pending_documents_streams_in_batches(conn) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.warehouse.extraction import pending_documents

    batches = list(pending_documents(conn, extractor_version="v", watchlist_version="w", batch_size=3))
    assert [len(b) for b in batches] == [3, 1]
    assert [d.id for b in batches for d in b] == ["k1", "k2", "k3", "k4"]


def test_candidates_are_stored_per_article_and_ranked(conn) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.warehouse.extraction import save_extractions, top_candidates

    from sinowatch.records import Extraction

    exs = [Extraction(id=k, lang="en", candidates=(("Manus AI", f"Manus AI in {k}."),)) for k in ("k1", "k2")]
    exs.append(Extraction(id="k3", lang="en", candidates=(("Shengshu", "Shengshu raised money."),)))
    kw = {"extractor_version": "v", "watchlist_version": "w", "sentiment_model": None}
    for _ in range(2):  # idempotent
        with transaction(conn):
            save_extractions(conn, exs, **kw)
    rows = top_candidates(conn)
    assert [(r[0], r[1]) for r in rows] == [("Manus AI", 2), ("Shengshu", 1)]
    assert rows[0][4]


@pytest.mark.slow
def test_discovery_finds_unknown_organisations() -> None:
    from sinowatch.extractors.pipeline import Extractor

    from sinowatch.config import ExtractionConfig

    ex = Extractor.load(ExtractionConfig(use_ner=True, event_classifier=False))
    doc = Document(id="1", title="", lang="en",
                   text="Beijing-based Shengshu Technology is a new Chinese AI start-up backed by Alibaba.")
    (out,) = list(ex.extract([doc]))
    names = [n for n, _ in out.candidates]
    assert "Shengshu Technology" in names and "Alibaba" not in names and "AI" not in names


def test_reextract_brings_rows_of_an_older_extractor_up_to_date(conn, extractor) -> None:  # type: ignore[no-untyped-def]
    """Rows written by extract-0.3.0 (no status, first-agency actors) are redone by `reextract`:
    every event gets a status, the actor and targets of the current rules, nothing is duplicated."""
    from sinowatch.extract_stage import extract_pending

    cfg = Config()
    extract_pending(cfg, conn, extractor=extractor)
    n = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    # what an older extractor left behind
    conn.execute("UPDATE events SET status = NULL, actor = NULL")
    conn.execute("UPDATE extraction_state SET extractor_version = 'extract-0.3.0'")
    assert extract_pending(cfg, conn, extractor=extractor).articles == 0  # a plain run leaves them
    assert extract_pending(cfg, conn, extractor=extractor, reextract=True).articles == 4
    rows = conn.execute("SELECT event_type, status, actor, targets FROM events WHERE article_key = 'k1' "
                        "AND event_type = 'entity_list'").fetchall()
    assert rows and all(r[1] == "enacted" and r[2] in ("us-commerce", "bis") and "inspur" in r[3] for r in rows)
    assert conn.execute("SELECT count(*) FROM events WHERE status IS NULL").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == n
