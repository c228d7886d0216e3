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
    cols: dict[str, list[object]] = {name: [] for name in ARTICLE_SCHEMA.names}
    for a in articles:
        cols["article_key"].append(a.key)
        cols["url"].append(a.url)
        cols["original_url"].append(a.original_url)
        cols["guid"].append(a.guid)
        cols["feed"].append(a.feed)
        cols["feeds"].append([a.feed])
        cols["title"].append(a.title)
        cols["text"].append(a.text)
        cols["authors"].append(list(a.authors))
        cols["published"].append(a.published)
        cols["published_is_fetch_time"].append(a.published_is_fetch_time)
        cols["language"].append(a.language)
        cols["fetched_at"].append(a.fetched_at)
        cols["first_seen"].append(seen_at)
        cols["last_seen"].append(seen_at)
        cols["full_text_status"].append(a.full_text_status)
        cols["fingerprint"].append(a.fingerprint)
        cols["minhash"].append(a.minhash or None)
        cols["cluster_id"].append(a.cluster_id or f"c-{a.key}")
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
    The caller holds the transaction."""
    unique: dict[str, Article] = {}
    for a in articles:
        unique.setdefault(a.key, a)
    if not unique:
        return 0, 0
    batch = list(unique.values())
    known = existing_keys(conn, [a.key for a in batch])
    conn.register("_articles", articles_table(batch, seen_at))
    try:
        conn.execute(
            f"INSERT INTO articles ({_COLUMNS}) SELECT {_COLUMNS} FROM _articles "
            "ON CONFLICT (article_key) DO UPDATE SET "
            "last_seen = greatest(articles.last_seen, excluded.last_seen), "
            "feeds = list_sort(list_distinct(list_concat(articles.feeds, excluded.feeds)))"
        )
    finally:
        conn.unregister("_articles")
    new_keys = [a.key for a in batch if a.key not in known]
    refresh_clusters(conn, {unique[k].cluster_id or f"c-{k}" for k in new_keys})
    return len(new_keys), len(known)


def refresh_clusters(conn: Connection, cluster_ids: set[str]) -> None:
    """Recompute the story_clusters rows of the given clusters from their articles."""
    if not cluster_ids:
        return
    conn.register("_clusters", pa.table({"cluster_id": pa.array(sorted(cluster_ids), pa.string())}))
    try:
        conn.execute(
            """
            INSERT INTO story_clusters (cluster_id, first_article, title, first_published, n_articles, updated_at)
            SELECT a.cluster_id,
                   arg_min(a.article_key, a.published),
                   arg_min(a.title, a.published),
                   min(a.published),
                   count(*),
                   now()
            FROM articles a
            WHERE a.cluster_id IN (SELECT cluster_id FROM _clusters)
            GROUP BY a.cluster_id
            ON CONFLICT (cluster_id) DO UPDATE SET
                first_article = excluded.first_article, title = excluded.title,
                first_published = excluded.first_published, n_articles = excluded.n_articles,
                updated_at = excluded.updated_at
            """
        )
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
