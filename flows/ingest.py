"""Ingest tasks: fetch one feed (I/O, retried), parse it, fetch full text (I/O, retried).

The logic is :mod:`sinowatch.ingest.run`'s; these wrappers only add what Prefect brings (retries,
logs, a task per feed). Two retry layers, on purpose:

- :func:`sinowatch.ingest.fetch.fetch` retries the *expected* transient failures itself (timeouts,
  429 with Retry-After, 5xx) and returns a :class:`FetchResult` - never an exception - so a feed
  that stays down is a recorded failure, not a Prefect retry storm (3 x 4 requests).
- the task's ``retries=3, retry_delay_seconds=[2, 5, 15]`` only fire on *unexpected* exceptions
  (a bug in a parser path, an OSError making a client); after the last one the flow records the
  feed as failed and goes on.

Caching is off (``NO_CACHE``): INPUTS caching would hand back yesterday's fetch of the same URL.
Results are not persisted. Tasks take the feed and the fetch settings, never a client or a
connection, so they pickle (Dask) and a retry starts clean.
"""

from __future__ import annotations

from datetime import UTC, datetime

from prefect import task
from prefect.cache_policies import NO_CACHE
from sinowatch.flows.env import run_logger

from sinowatch.config import FetchConfig
from sinowatch.ingest.fetch import make_client
from sinowatch.ingest.run import FeedBatch, add_full_text, fetch_feed, parse_result
from sinowatch.records import Feed

FeedState = tuple[str | None, str | None, str] | None

RETRIES = 3
RETRY_DELAYS: list[float] = [2, 5, 15]


@task(name="fetch-feed", task_run_name="fetch {feed.name}", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS,
      cache_policy=NO_CACHE, persist_result=False, log_prints=False)
def fetch_feed_task(feed: Feed, settings: FetchConfig, state: FeedState = None) -> FeedBatch:
    """Fetch (conditional GET when ``state`` matches the URL) and parse one feed."""
    fetched_at = datetime.now(UTC)
    with make_client(settings) as client:
        result = fetch_feed(feed, settings, client, state)
    parsed = parse_result(feed, result, fetched_at, settings)
    log = run_logger()
    if result.ok:
        log.info("%s: HTTP %s, %d bytes, %d entries%s in %.2fs", feed.name, result.status, result.n_bytes,
                 parsed.entries, " (not modified)" if result.not_modified else "", result.duration_s)
    else:
        log.warning("%s: fetch failed: %s (%s)", feed.name, result.error, feed.url)
    return FeedBatch(feed, result, parsed, fetched_at)


@task(name="full-text", task_run_name="full text {batch.feed.name}", retries=RETRIES,
      retry_delay_seconds=RETRY_DELAYS, cache_policy=NO_CACHE, persist_result=False)
def full_text_task(batch: FeedBatch, settings: FetchConfig, skip_keys: frozenset[str] = frozenset()) -> FeedBatch:
    """Fetch the article pages of a ``full_text`` feed (articles already stored are skipped)."""
    with make_client(settings) as client:
        batch.parsed = add_full_text(batch.parsed, settings=settings, client=client, skip_keys=set(skip_keys))
    return batch
