"""Load tasks and the run's single warehouse writer.

DuckDB connections don't pickle and DuckDB allows one writing process per file, so tasks get the
warehouse *path* and look up the connection the flow opened for it (:func:`writer_for`). Load tasks
are called directly by the flow (never submitted), so they always run in the flow's process and
thread, one at a time, whatever the task runner: the warehouse writer stays one process even when
extraction runs on a Dask cluster.

Every load is idempotent: articles are upserted on their key, the fetch row on (run, feed), so a
retried or repeated task adds nothing. No retries here (a warehouse error is not transient) and no
caching (a cached load would skip the insert silently).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from prefect import task
from prefect.cache_policies import NO_CACHE
from sinowatch.warehouse.db import Connection, connect

from sinowatch.ingest.dedup import ClusterIndex
from sinowatch.ingest.run import FeedBatch, build_index, load_batch
from sinowatch.records import FeedOutcome


@dataclass
class Writer:
    """The flow run's connection and the state its loads share (the dedup index)."""

    conn: Connection
    index: ClusterIndex | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


_WRITERS: dict[str, Writer] = {}


@contextmanager
def open_writer(db: str, *, lock_timeout: float) -> Iterator[Writer]:
    """Open the warehouse for this flow run (waits for another writer up to ``lock_timeout``)."""
    if db in _WRITERS:
        raise RuntimeError(f"a flow run in this process is already writing {db}")
    w = Writer(connect(db, lock_timeout=lock_timeout))
    _WRITERS[db] = w
    try:
        yield w
    finally:
        _WRITERS.pop(db, None)
        w.conn.close()


def writer_for(db: str) -> Writer:
    try:
        return _WRITERS[db]
    except KeyError:
        raise RuntimeError(f"no open writer for {db}: load tasks run inside the daily flow") from None


@task(name="load-feed", task_run_name="load {batch.feed.name}", cache_policy=NO_CACHE, persist_result=False)
def load_feed_task(db: str, run_id: str, batch: FeedBatch, started: datetime) -> FeedOutcome:
    """Dedup and upsert one feed's articles with its fetch row, in one transaction."""
    w = writer_for(db)
    with w.lock:
        if w.index is None:
            w.index = build_index(w.conn, started)
        return load_batch(w.conn, run_id, batch, w.index)

