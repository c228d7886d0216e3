"""Every file of feedparser's own test corpus through the ingest path (parse, normalise, dedup,
load): each yields articles or a recorded failure, never an unhandled exception."""

from __future__ import annotations

from datetime import UTC, datetime

from sinowatch.warehouse.db import connect

from sinowatch.ingest.dedup import ClusterIndex
from sinowatch.ingest.parse import parse_feed
from sinowatch.ingest.run import FeedBatch, load_batch
from sinowatch.records import Feed, FetchResult
from tests.conftest import shared_data

NOW = datetime(2026, 11, 28, tzinfo=UTC)


def test_whole_feedparser_corpus(tmp_path):
    corpus = shared_data("feedparser-corpus")
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".xml", ".rdf", ".atom", ".rss", ".html"))
    assert len(files) >= 2000, len(files)
    conn = connect(tmp_path / "corpus.duckdb")
    index = ClusterIndex()
    outcomes = {"articles": 0, "failed": 0}
    for i, path in enumerate(files):
        feed = Feed(name=f"f{i}", url=path.as_uri())
        body = path.read_bytes()
        parsed = parse_feed(body, feed=feed, fetched_at=NOW)
        assert parsed.articles or parsed.error, path
        result = FetchResult(feed=feed.name, url=feed.url, status=200, ok=True, body=body)
        outcome = load_batch(conn, "corpus-run", FeedBatch(feed, result, parsed, NOW), index)
        assert outcome.ok == (parsed.error is None)
        outcomes["articles" if parsed.articles else "failed"] += 1
    stored = conn.execute("SELECT count(*), count(DISTINCT article_key) FROM articles").fetchone()
    # many corpus files share links such as http://example.com/: one article each
    assert stored[0] == stored[1] > 300
    assert conn.execute("SELECT count(*) FROM fetches").fetchone()[0] == len(files)
    assert conn.execute("SELECT count(*) FROM fetches WHERE NOT ok AND error IS NULL").fetchone()[0] == 0
    # most corpus files test feed-level elements and carry no usable entry: recorded failures
    assert outcomes["articles"] > 400 and outcomes["articles"] + outcomes["failed"] == len(files)
