"""The Prefect engine's feed map: one ``fetch-feed`` task per feed on a thread pool.

What a fetch does is :mod:`sinowatch.ingest.run`'s (``ingest`` hands its ``fetch_one`` over); this
module only adds what Prefect brings: a task per feed, its logs, and retries. Two retry layers, on
purpose:

- :func:`sinowatch.ingest.fetch.fetch` retries the *expected* transient failures itself (timeouts,
  429 with Retry-After, 5xx) and returns a :class:`FetchResult` - never an exception - so a feed
  that stays down is a recorded failure, not a Prefect retry storm (3 x 4 requests).
- the task's ``retries=3, retry_delay_seconds=[2, 5, 15]`` only fire on *unexpected* exceptions
  (a bug in a parser path, an OSError making a client); after the last one the feed comes back
  as its exception and ingest records it as failed and goes on.

Fetch tasks run on local threads (they share the run's HTTP client and read the warehouse
through a cursor for full-text feeds), never on Dask. Caching is off (``NO_CACHE``: INPUTS caching
would hand back yesterday's fetch of the same URL); results are not persisted.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from sinowatch.flows.env import run_logger

from sinowatch.config import Config
from sinowatch.ingest.run import FeedBatch, FetchOne, MapFeeds
from sinowatch.records import Feed

RETRIES = 3
RETRY_DELAYS: list[float] = [2, 5, 15]


@task(name="fetch-feed", task_run_name="fetch {feed.name}", retries=RETRIES, retry_delay_seconds=RETRY_DELAYS,
      cache_policy=NO_CACHE, persist_result=False, log_prints=False)
def fetch_feed_task(fetch: FetchOne, feed: Feed) -> FeedBatch:
    """Fetch (conditional GET when the stored state matches the URL) and parse one feed."""
    batch = fetch(feed)
    result, log = batch.result, run_logger()
    if result.ok:
        log.info("%s: HTTP %s, %d bytes, %d entries%s in %.2fs", feed.name, result.status, result.n_bytes,
                 batch.parsed.entries, " (not modified)" if result.not_modified else "", result.duration_s)
    else:
        log.warning("%s: fetch failed: %s (%s)", feed.name, result.error, feed.url)
    return batch


def prefect_map_feeds(config: Config) -> MapFeeds:
    """Every feed's fetch as a task on ``fetch.concurrency`` threads; results in feed order."""
    def map_feeds(fetch: FetchOne, feeds: Sequence[Feed]) -> Generator[tuple[Feed, FeedBatch | Exception], None, None]:
        runner: Any
        with ThreadPoolTaskRunner(max_workers=max(1, config.fetch.concurrency)) as runner:
            futures = [(f, runner.submit(fetch_feed_task, parameters={"fetch": fetch, "feed": f})) for f in feeds]
            for feed, fut in futures:
                try:
                    yield feed, fut.result()
                except Exception as e:  # the task's retries are spent: ingest records the feed
                    yield feed, e
    return map_feeds
