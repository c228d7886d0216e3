"""The Prefect engine's batch map: extraction batches as tasks on two local threads or a Dask cluster.

A trivial Prefect task costs 12-27 ms under threads and ~170 ms under Dask on the reference
machine, so one task takes several consecutive extraction batches (up to ``flows.extract_batch``
articles) and computes each of them as the plain engine does, one :class:`BatchJob` call per
batch: the rows are the same whatever the grouping. Tasks are pure compute (documents in,
:class:`BatchResult` out, no warehouse), so they run on a Dask worker as well as on a thread; the
extractor and the sentiment model are loaded in the worker's process, never pickled across.

The map pulls the pending batches lazily, in the flow's thread (the warehouse is read there and
nowhere else), keeps at most ``AHEAD`` tasks in flight, and yields the results in order; the
extraction stage saves them in the flow's thread.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from sinowatch.flows.env import run_logger

from sinowatch.extract_stage import BatchResult, Job, MapBatches
from sinowatch.records import Document

#: tasks in flight at most (memory stays flat: the backlog is never read whole)
AHEAD = 4


@task(name="extract-batch", task_run_name="extract {n} articles", cache_policy=NO_CACHE, persist_result=False)
def extract_batch_task(job: Job, batches: list[list[Document]], n: int = 0) -> list[BatchResult]:
    """Pure compute: each batch through ``job`` (no warehouse)."""
    return [job(docs) for docs in batches]


def extraction_runner(dask_address: str | None) -> Any:
    """Where extraction batches run: an existing Dask cluster, or two local threads (batch k+1 is
    computed while batch k loads). Chosen per run, so a deployment can set it as a parameter."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=2)


def _groups(batches: Iterator[list[Document]], size: int) -> Iterator[list[list[Document]]]:
    group: list[list[Document]] = []
    held = 0
    for docs in batches:
        group.append(docs)
        held += len(docs)
        if held >= size:
            yield group
            group, held = [], 0
    if group:
        yield group


def prefect_map_batches(dask_address: str | None, task_size: int) -> MapBatches:
    """Groups of batches (``task_size`` articles) as ``extract-batch`` tasks; results in order."""
    def map_batches(job: Job, batches: Iterator[list[Document]]) -> Iterator[tuple[list[Document],
                                                                                  BatchResult | Exception]]:
        where = f"Dask at {dask_address}" if dask_address else "local threads"
        run_logger().info("extracting on %s, up to %d articles a task", where, task_size)
        with extraction_runner(dask_address) as runner:
            flight: deque[tuple[list[list[Document]], Any]] = deque()
            groups = _groups(batches, max(1, task_size))
            for group in groups:
                flight.append((group, runner.submit(extract_batch_task, parameters={
                    "job": job, "batches": group, "n": sum(len(b) for b in group)})))
                if len(flight) >= AHEAD:
                    yield from _results(*flight.popleft())
            while flight:
                yield from _results(*flight.popleft())
    return map_batches


def _results(group: list[list[Document]], fut: Any) -> Iterator[tuple[list[Document], BatchResult | Exception]]:
    try:
        results = fut.result()
    except Exception as e:  # the whole task failed: each of its batches comes back as the error
        for docs in group:
            yield docs, e
        return
    yield from zip(group, results, strict=True)
