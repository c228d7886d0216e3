"""Idempotent, batched loads of the ingest stage (feeds, fetches, runs, articles, clusters).

Rows go in as Arrow tables with one INSERT ... SELECT per batch (never a row-at-a-time
executemany). Articles are upserted on their key: the same input twice adds nothing, and an
article seen again only updates last_seen and the feeds it appeared in.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime

import pyarrow as pa
from sinowatch.warehouse.db import Connection

from sinowatch.records import Article, FeedOutcome, RunReport

ARTICLE_SCHEMA = pa.schema(
    [
        ("article_key", pa.string()),
        ("url", pa.string()),
        ("original_url", pa.string()),
        ("guid", pa.string()),
        ("feed", pa.string()),
        ("feeds", pa.list_(pa.string())),
        ("title", pa.string()),
        ("text", pa.string()),
        ("authors", pa.list_(pa.string())),
        ("published", pa.timestamp("us", tz="UTC")),
        ("published_is_fetch_time", pa.bool_()),
        ("language", pa.string()),
        ("fetched_at", pa.timestamp("us", tz="UTC")),
        ("first_seen", pa.timestamp("us", tz="UTC")),
        ("last_seen", pa.timestamp("us", tz="UTC")),
        ("full_text_status", pa.string()),
        ("fingerprint", pa.uint64()),
        ("minhash", pa.binary()),
        ("cluster_id", pa.string()),
    ]
)
_COLUMNS = ", ".join(ARTICLE_SCHEMA.names)


def articles_table(articles: Sequence[Article], seen_at: datetime) -> pa.Table:
    """The articles as one Arrow table of ARTICLE_SCHEMA (built a column at a time)."""
    n = len(articles)
    cols: dict[str, object] = {
        "article_key": [a.key for a in articles],
        "url": [a.url for a in articles],
        "original_url": [a.original_url for a in articles],
        "guid": [a.guid for a in articles],
        "feed": [a.feed for a in articles],
        "feeds": [[a.feed] for a in articles],
        "title": [a.title for a in articles],
        "text": [a.text for a in articles],
        "authors": [list(a.authors) for a in articles],
        "published": [a.published for a in articles],
        "published_is_fetch_time": [a.published_is_fetch_time for a in articles],
        "language": [a.language for a in articles],
        "fetched_at": [a.fetched_at for a in articles],
        "first_seen": pa.repeat(pa.scalar(seen_at, ARTICLE_SCHEMA.field("first_seen").type), n),
        "last_seen": pa.repeat(pa.scalar(seen_at, ARTICLE_SCHEMA.field("last_seen").type), n),
        "full_text_status": [a.full_text_status for a in articles],
        "fingerprint": [a.fingerprint for a in articles],
        "minhash": [a.minhash or None for a in articles],
        "cluster_id": [a.cluster_id or f"c-{a.key}" for a in articles],
    }
    return pa.table(cols, schema=ARTICLE_SCHEMA)


def existing_keys(conn: Connection, keys: Sequence[str]) -> set[str]:
    if not keys:
        return set()
    tbl = pa.table({"k": pa.array(list(keys), pa.string())})
    conn.register("_keys", tbl)
    try:
        rows = conn.execute("SELECT article_key FROM articles WHERE article_key IN (SELECT k FROM _keys)").fetchall()
    finally:
        conn.unregister("_keys")
    return {r[0] for r in rows}


def upsert_articles(conn: Connection, articles: Sequence[Article], seen_at: datetime) -> tuple[int, int]:
    """Insert new articles, refresh last_seen/feeds of known ones. Returns (new, updated).
    The caller holds the transaction.

    Set-based, from one registered Arrow table: the known keys are found with one join; new rows
    go in with a plain INSERT (an anti-join against the table only when some keys are known);
    known rows get an UPDATE of last_seen, and of feeds only where the feed is not listed yet (a
    list column's update rewrites the row, so the common re-seen article costs a timestamp)."""
    unique: dict[str, Article] = {}
    for a in articles:
        unique.setdefault(a.key, a)
    if not unique:
        return 0, 0
    batch = list(unique.values())
    conn.register("_articles", articles_table(batch, seen_at))
    try:
        # known keys, and whether their feeds list already holds this batch's feed
        listed = dict(conn.execute(
            "SELECT a.article_key, list_has_all(a.feeds, n.feeds) FROM articles a "
            "JOIN _articles n USING (article_key)").fetchall())
        known = set(listed)
        if known:
            conn.execute(
                "UPDATE articles SET last_seen = greatest(articles.last_seen, n.last_seen) "
                "FROM _articles n WHERE articles.article_key = n.article_key")
            unlisted = [k for k, has in listed.items() if not has]
            if unlisted:
                conn.register("_unlisted", pa.table({"k": pa.array(unlisted, pa.string())}))
                try:
                    conn.execute(
                        "UPDATE articles SET feeds = list_sort(list_distinct(list_concat(articles.feeds, n.feeds))) "
                        "FROM _articles n WHERE articles.article_key = n.article_key "
                        "AND n.article_key IN (SELECT k FROM _unlisted)")
                finally:
                    conn.unregister("_unlisted")
            if len(known) < len(batch):
                conn.execute(f"INSERT INTO articles ({_COLUMNS}) SELECT {_COLUMNS} FROM _articles "
                             "WHERE article_key NOT IN (SELECT article_key FROM articles)")
        else:
            conn.execute(f"INSERT INTO articles ({_COLUMNS}) SELECT {_COLUMNS} FROM _articles")
    finally:
        conn.unregister("_articles")
    new_keys = [a.key for a in batch if a.key not in known]
    refresh_clusters(conn, {unique[k].cluster_id or f"c-{k}" for k in new_keys})
    return len(new_keys), len(known)


_CLUSTERS_SQL = """
    INSERT INTO story_clusters (cluster_id, first_article, title, first_published, n_articles, updated_at)
    SELECT a.cluster_id,
           arg_min(a.article_key, a.published),
           arg_min(a.title, a.published),
           min(a.published),
           count(*),
           now()
    FROM articles a
    WHERE a.cluster_id IN (SELECT cluster_id FROM _clusters)
    GROUP BY a.cluster_id"""
_CLUSTERS_UPSERT = """
    ON CONFLICT (cluster_id) DO UPDATE SET
        first_article = excluded.first_article, title = excluded.title,
        first_published = excluded.first_published, n_articles = excluded.n_articles,
        updated_at = excluded.updated_at"""


def refresh_clusters(conn: Connection, cluster_ids: set[str]) -> None:
    """Recompute the story_clusters rows of the given clusters from their articles (a plain
    INSERT when none of them is stored yet, the usual case: conflict handling costs as much as
    the aggregate)."""
    if not cluster_ids:
        return
    conn.register("_clusters", pa.table({"cluster_id": pa.array(sorted(cluster_ids), pa.string())}))
    try:
        (stored,) = conn.execute(
            "SELECT count(*) FROM story_clusters WHERE cluster_id IN (SELECT cluster_id FROM _clusters)").fetchall()[0]
        conn.execute(_CLUSTERS_SQL + (_CLUSTERS_UPSERT if stored else ""))
    finally:
        conn.unregister("_clusters")


def recent_signatures(conn: Connection, since: datetime) -> list[tuple[str, bytes, str]]:
    """(key, minhash, cluster) of the articles published since ``since``, for the dedup index."""
    return [
        (k, bytes(m) if m is not None else b"", c)
        for k, m, c in conn.execute(
            "SELECT article_key, minhash, cluster_id FROM articles WHERE published >= ? ORDER BY published",
            [since],
        ).fetchall()
    ]


def feed_state(conn: Connection) -> dict[str, tuple[str | None, str | None, str]]:
    """feed name -> (etag, last_modified, url) for conditional GET."""
    return {n: (e, lm, u) for n, e, lm, u in conn.execute("SELECT name, etag, last_modified, url FROM feeds").fetchall()}


def record_fetch(conn: Connection, run_id: str, outcome: FeedOutcome, *, url: str, fetched_at: datetime,
                 etag: str | None, last_modified: str | None, language: str | None, tags: Sequence[str]) -> None:
    """The fetch row and the feed's state, in the caller's transaction. The conditional-GET state
    is only stored when the fetch succeeded, together with the articles it produced."""
    conn.execute(
        """
        INSERT INTO fetches (run_id, feed, url, fetched_at, status, ok, not_modified, error, bozo,
                             duration_s, n_bytes, entries, new_articles, updated_articles)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (run_id, feed) DO UPDATE SET
            fetched_at = excluded.fetched_at, status = excluded.status, ok = excluded.ok,
            not_modified = excluded.not_modified, error = excluded.error, bozo = excluded.bozo,
            duration_s = excluded.duration_s, n_bytes = excluded.n_bytes, entries = excluded.entries,
            new_articles = excluded.new_articles, updated_articles = excluded.updated_articles
        """,
        [run_id, outcome.feed, url, fetched_at, outcome.status, outcome.ok, outcome.not_modified, outcome.error,
         outcome.bozo, outcome.duration_s, outcome.n_bytes, outcome.entries, outcome.new_articles,
         outcome.updated_articles],
    )
    conn.execute(
        """
        INSERT INTO feeds (name, url, language, tags, etag, last_modified, last_status, last_fetched_at,
                           last_ok_at, last_error, consecutive_failures)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN ?::TIMESTAMPTZ END, ?, CASE WHEN ? THEN 0 ELSE 1 END)
        ON CONFLICT (name) DO UPDATE SET
            url = excluded.url, language = excluded.language, tags = excluded.tags,
            etag = CASE WHEN excluded.last_ok_at IS NOT NULL THEN excluded.etag ELSE feeds.etag END,
            last_modified = CASE WHEN excluded.last_ok_at IS NOT NULL THEN excluded.last_modified
                                 ELSE feeds.last_modified END,
            last_status = excluded.last_status, last_fetched_at = excluded.last_fetched_at,
            last_ok_at = coalesce(excluded.last_ok_at, feeds.last_ok_at),
            last_error = excluded.last_error,
            consecutive_failures = CASE WHEN excluded.last_ok_at IS NOT NULL THEN 0
                                        ELSE feeds.consecutive_failures + 1 END
        """,
        [outcome.feed, url, language, list(tags), etag, last_modified, outcome.status, fetched_at,
         outcome.ok, fetched_at, outcome.error, outcome.ok],
    )


def start_run(conn: Connection, run_id: str, kind: str, started_at: datetime) -> None:
    """Insert the run row; runs left 'running' by a dead process are marked failed first."""
    mark_dead_runs(conn)
    conn.execute(
        "INSERT INTO runs (run_id, kind, started_at, status, pid) VALUES (?, ?, ?, 'running', ?)",
        [run_id, kind, started_at, os.getpid()],
    )


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def mark_dead_runs(conn: Connection) -> int:
    """Runs still 'running' whose process is gone crashed: mark them failed."""
    rows = conn.execute("SELECT run_id, pid FROM runs WHERE status = 'running'").fetchall()
    dead = [r for r, pid in rows if pid != os.getpid() and not _pid_alive(pid)]
    for run_id in dead:
        conn.execute(
            "UPDATE runs SET status = 'failed', finished_at = now(), "
            "errors = list_append(coalesce(errors, []), 'process died before the run finished') WHERE run_id = ?",
            [run_id],
        )
    return len(dead)


def finish_run(conn: Connection, report: RunReport) -> None:
    conn.execute(
        """
        UPDATE runs SET finished_at = ?, status = ?, feeds_ok = ?, feeds_failed = ?, new_articles = ?,
            updated_articles = ?, clusters = ?, extracted = ?, mentions = ?, events = ?,
            alerts_queued = ?, alerts_sent = ?, errors = ?
        WHERE run_id = ?
        """,
        [report.finished_at, report.status, report.feeds_ok, report.feeds_failed, report.new_articles,
         report.updated_articles, report.clusters, report.extracted, report.mentions, report.events,
         report.alerts_queued, report.alerts_sent, report.errors[:200], report.run_id],
    )
