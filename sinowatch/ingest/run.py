"""The ingest stage as plain functions: fetch (I/O), parse (CPU), load (one transaction per feed).

``ingest`` composes them; it is the ingest step of the one orchestration (:mod:`sinowatch.pipeline`)
and of ``sinowatch ingest``. An engine only decides where the fetches run (``map_feeds``). Each feed's
articles, its fetch row and its conditional-GET state are written in ONE transaction, so a crash
mid-run leaves every feed either fully loaded or untouched, and the next run completes the rest.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import httpx

from sinowatch import faults
from sinowatch.config import Config, FetchConfig
from sinowatch.ingest.dedup import ClusterIndex
from sinowatch.ingest.fetch import fetch, guard_of, make_client
from sinowatch.ingest.guard import Guard
from sinowatch.ingest.parse import ParsedFeed, parse_feed
from sinowatch.records import Article, Feed, FeedOutcome, FetchResult, RunReport
from sinowatch.text import clean_text
from sinowatch.warehouse import db, load
from sinowatch.warehouse.db import Connection, transaction

DEDUP_WINDOW_DAYS = 45
log = logging.getLogger("sinowatch.ingest")


def new_run_id(kind: str = "run") -> str:
    return f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{kind}-{uuid.uuid4().hex[:6]}"


@dataclass
class FeedBatch:
    """What fetching and parsing one feed produced, ready to load."""

    feed: Feed
    result: FetchResult
    parsed: ParsedFeed
    fetched_at: datetime


def fetch_feed(feed: Feed, settings: FetchConfig, client: httpx.Client,
               state: tuple[str | None, str | None, str] | None = None) -> FetchResult:
    """One feed's bytes; conditional GET when the stored state is for the same URL."""
    etag = last_modified = None
    if state and state[2] == feed.url:
        etag, last_modified = state[0], state[1]
    return fetch(feed.url, client=client, settings=settings, feed=feed.name, etag=etag, last_modified=last_modified)


def parse_result(feed: Feed, result: FetchResult, fetched_at: datetime, settings: FetchConfig) -> ParsedFeed:
    if not result.ok or result.not_modified:
        return ParsedFeed()
    return parse_feed(
        result.body,
        feed=feed,
        fetched_at=fetched_at,
        content_type=result.content_type,
        base_url=result.final_url if result.final_url and result.final_url.startswith("http") else None,
        max_entries=settings.max_entries,
    )


def add_full_text(parsed: ParsedFeed, *, settings: FetchConfig, client: httpx.Client,
                  skip_keys: set[str] = frozenset()) -> ParsedFeed:  # type: ignore[assignment]
    """Fetch each new article's page and extract the main text with trafilatura; on failure keep
    the summary and record why (Article.full_text_status)."""
    import trafilatura  # heavy, only for feeds that ask for full text

    out: list[Article] = []
    for a in parsed.articles:
        if a.key in skip_keys or not a.url.startswith("http"):
            out.append(a)
            continue
        res = fetch(a.original_url or a.url, client=client, settings=settings, feed=a.feed)
        if not res.ok or not res.body:
            out.append(replace(a, full_text_status=f"failed: {res.error or 'empty page'}"))
            continue
        try:
            text = trafilatura.extract(res.body.decode("utf-8", "replace"), include_comments=False, favor_precision=True)
        except Exception as e:  # trafilatura on hostile HTML
            text, why = None, f"{type(e).__name__}"
        else:
            why = "no main text found"
        if text and len(text) > len(a.text):
            out.append(replace(a, text=clean_text(text), full_text_status="ok"))
        else:
            out.append(replace(a, full_text_status=f"failed: {why}" if not text else "ok (summary longer)"))
    parsed.articles = out
    return parsed


def load_batch(conn: Connection, run_id: str, batch: FeedBatch, index: ClusterIndex) -> FeedOutcome:
    """Dedup and load one feed's articles with its fetch row, in one transaction."""
    res, parsed = batch.result, batch.parsed
    outcome = FeedOutcome(
        feed=batch.feed.name, url=batch.feed.url, status=res.status, duration_s=res.duration_s,
        n_bytes=res.n_bytes, entries=parsed.entries, bozo=parsed.bozo, not_modified=res.not_modified,
    )
    outcome.error = res.error or parsed.error
    outcome.ok = res.ok and not parsed.error
    if parsed.skipped and not outcome.error:  # skipped entries never vanish silently: say why
        n = parsed.n_skipped or len(parsed.skipped)
        note = f"{n} entr{'y' if n == 1 else 'ies'} skipped: {parsed.skipped[0][:200]}"
        outcome.bozo = f"{outcome.bozo}; {note}" if outcome.bozo else note
    articles = sorted(parsed.articles, key=lambda a: (a.published, a.key))
    clustered = [a.with_(cluster_id=index.assign(a.key, a.minhash)) for a in articles]
    with transaction(conn):
        if clustered:
            outcome.new_articles, outcome.updated_articles = load.upsert_articles(conn, clustered, batch.fetched_at)
        load.record_fetch(
            conn, run_id, outcome, url=batch.feed.url, fetched_at=batch.fetched_at,
            # validators only with a successful parse: a broken feed kept its ETag, got 304 next run and
            # passed for healthy (issue #17)
            etag=res.etag if outcome.ok else None, last_modified=res.last_modified if outcome.ok else None,
            language=batch.feed.language, tags=batch.feed.tags,
        )
        faults.point("feed_loading")
    faults.point("feed_loaded")
    return outcome


def build_index(conn: Connection, now: datetime) -> ClusterIndex:
    index = ClusterIndex()
    for key, sig, cluster in load.recent_signatures(conn, now - timedelta(days=DEDUP_WINDOW_DAYS)):
        index.add(key, sig, cluster)
    return index


FetchOne = Callable[[Feed], FeedBatch]
#: how an engine runs the fetches: every feed's ``fetch`` (concurrently, as it likes), the results
#: yielded in the order of ``feeds``, a failed fetch as its exception (never raised); closing the
#: generator early (Ctrl-C, a fatal error) cancels the fetches not started
MapFeeds = Callable[[FetchOne, Sequence[Feed]], Generator[tuple[Feed, FeedBatch | Exception], None, None]]


def map_feeds_threads(concurrency: int) -> MapFeeds:
    """The plain engine's map: a thread pool of ``concurrency``, results in feed order."""
    def map_feeds(fetch: FetchOne, feeds: Sequence[Feed]) -> Generator[tuple[Feed, FeedBatch | Exception], None, None]:
        pool = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="fetch")
        try:
            futures = [(f, pool.submit(fetch, f)) for f in feeds]
            for feed, fut in futures:
                try:
                    result: FeedBatch | Exception = fut.result()
                except Exception as e:  # the feed's failure, recorded by the caller
                    result = e
                yield feed, result
        except BaseException:  # Ctrl-C, or the caller stopped (GeneratorExit): don't wait for hung fetches
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    return map_feeds


def ingest(
    config: Config,
    conn: Connection,
    *,
    feeds: Sequence[Feed] | None = None,
    run_id: str | None = None,
    client: httpx.Client | None = None,
    on_feed: Callable[[FeedOutcome], None] | None = None,
    report: RunReport | None = None,
    map_feeds: MapFeeds | None = None,
) -> RunReport:
    """Fetch, parse, dedup and load the given feeds (default: the enabled ones).

    Feeds are fetched concurrently (``map_feeds``: the engine's; default a thread pool) and loaded
    one at a time in feed-name order, whatever order the fetches finish in, so the same input always
    names the same story clusters. One failing feed is recorded (status, error, duration, bytes,
    entries) and never stops the others. The caller owns the run row when it passes ``report``;
    otherwise ingest writes it.
    """
    feeds = sorted(config.enabled_feeds() if feeds is None else feeds, key=lambda f: f.name)
    settings = config.fetch
    started = datetime.now(UTC)
    own_run = report is None
    if report is None:
        report = RunReport(run_id=run_id or new_run_id("ingest"), started_at=started)
        with transaction(conn):
            load.start_run(conn, report.run_id, "ingest", started)
    state = load.feed_state(conn)
    index = build_index(conn, started)
    clusters_before = conn.execute("SELECT count(*) FROM story_clusters").fetchone()[0]
    own_client = client is None
    http = client or make_client(settings, guard=Guard(allow_private=settings.allow_private))
    guard = guard_of(http)
    items: Generator[tuple[Feed, FeedBatch | Exception], None, None] | None = None
    try:
        def fetch_one(feed: Feed) -> FeedBatch:
            fetched_at = datetime.now(UTC)
            result = fetch_feed(feed, settings, http, state.get(feed.name))
            faults.point("feed_fetched")
            parsed = parse_result(feed, result, fetched_at, settings)
            if feed.full_text and parsed.articles:
                known = load.existing_keys(db.cursor(conn), [a.key for a in parsed.articles])
                parsed = add_full_text(parsed, settings=settings, client=http, skip_keys=known)
            return FeedBatch(feed, result, parsed, fetched_at)

        items = (map_feeds or map_feeds_threads(settings.concurrency))(fetch_one, feeds)
        for feed, item in items:
            try:
                if isinstance(item, Exception):
                    raise item
                outcome = load_batch(conn, report.run_id, item, index)
            except Exception as e:  # a bug or a warehouse error for one feed: record, go on
                outcome = FeedOutcome(feed=feed.name, url=feed.url, ok=False,
                                      error=f"{type(e).__name__}: {str(e)[:300]}")
                log.error("%s: %s (%s)", feed.name, outcome.error, feed.url)
            report.feeds.append(outcome)
            report.new_articles += outcome.new_articles
            report.updated_articles += outcome.updated_articles
            if not outcome.ok:
                report.errors.append(f"{feed.name}: {outcome.error}")
            if on_feed:
                on_feed(outcome)
    except BaseException as e:
        # Ctrl-C (or a fatal error) while fetches hang: cut their sockets so the worker threads end
        # now, not when their servers time out, and leave the run row saying what happened
        if guard is not None:
            guard.cancel()
        if items is not None:
            items.close()  # the engine's map stops: fetches not started are cancelled
        interrupted = isinstance(e, KeyboardInterrupt)
        report.status = "interrupted" if interrupted else "failed"
        report.errors.append("interrupted (Ctrl-C) during ingest" if interrupted else f"{type(e).__name__}: {e}")
        if own_run:
            report.finished_at = datetime.now(UTC)
            with transaction(conn):
                load.finish_run(conn, report)
        raise
    finally:
        if own_client:
            http.close()
    report.clusters += conn.execute("SELECT count(*) FROM story_clusters").fetchone()[0] - clusters_before
    report.feeds.sort(key=lambda o: o.feed)
    log.info("ingest: feeds ok %d, failed %d; articles new %d, seen again %d; new story clusters %d", report.feeds_ok,
             report.feeds_failed, report.new_articles, report.updated_articles, report.clusters)
    if own_run:
        report.finished_at = datetime.now(UTC)
        report.status = "ok" if report.feeds_failed == 0 else ("partial" if report.feeds_ok else "failed")
        with transaction(conn):
            load.finish_run(conn, report)
    return report
