"""Extraction tasks: coarse batches of articles, pure compute, so they can run on Dask.

A trivial Prefect task costs 12-27 ms under threads and ~170 ms under Dask on the reference
machine, so the unit of work is a batch (``flows.extract_batch`` articles), never one article.

Two shapes, picked by what :mod:`sinowatch.extract_stage` offers:

- split (preferred): the flow reads the pending documents, :func:`extract_batch_task` turns one
  batch of :class:`Document` into :class:`Extraction` with no database (it runs on the flow's task
  runner: threads, or a Dask cluster), and the flow process loads the results, one transaction
  per batch, with the alert ``on_batch`` hook, and refreshes the trend facts once after the last
  batch. Needs ``pending_documents(config, conn, *, limit)``,
  ``extract_documents(config, docs, *, extractor=None, scorer=None)``,
  ``load_extractions(config, conn, docs, extractions, *, on_batch=None, defer_facts=False)`` and
  ``finish_extraction(conn)`` in extract_stage.
- whole stage: only ``extract_pending(config, conn, ...)`` exists; it runs as one task in the
  flow process (it batches and commits inside).

When extract_stage is not installed yet the step is skipped with a warning.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from sinowatch.flows.env import run_logger

from sinowatch.config import Config
from sinowatch.records import Document, Extraction

SPLIT_API = ("pending_documents", "extract_documents", "load_extractions", "finish_extraction")


@dataclass
class ExtractCounts:
    articles: int = 0
    mentions: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, stats: Any) -> None:
        self.errors.extend(getattr(stats, "errors", None) or [])
        self.articles += int(getattr(stats, "articles", 0) or 0)
        self.mentions += int(getattr(stats, "mentions", 0) or 0)
        self.events += int(getattr(stats, "events", 0) or 0)


def stage_module(name: str) -> ModuleType | None:
    """The stage module, or None when it has not landed yet (only that module missing)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name and (name == e.name or name.startswith(e.name + ".")):
            return None
        raise


def extract_mode(mod: ModuleType | None) -> str:
    if mod is None:
        return "missing"
    if all(hasattr(mod, f) for f in SPLIT_API):
        return "split"
    return "whole" if hasattr(mod, "extract_pending") else "missing"


@task(name="extract-batch", task_run_name="extract {n} articles", cache_policy=NO_CACHE, persist_result=False)
def extract_batch_task(config: Config, docs: Sequence[Document], n: int = 0, sentiment: bool = False) -> list[Extraction]:
    """Pure compute: documents in, extractions out (no warehouse). Safe on a Dask worker: the
    sentiment model is loaded in the worker's process (once), never pickled across."""
    from sinowatch import extract_stage  # noqa: PLC0415 - spaCy and models load here, on the worker
    from sinowatch.scoring import make_scorer  # noqa: PLC0415

    scorer = make_scorer(config) if sentiment else None
    return list(extract_stage.extract_documents(config, list(docs), scorer=scorer))


@task(name="extract-pending", cache_policy=NO_CACHE, persist_result=False)
def extract_pending_task(db: str, config: Config, on_batch: Callable[..., Any] | None = None,
                         scorer: Any = None) -> ExtractCounts:
    """The whole extraction stage in the flow process (when extract_stage has no split API)."""
    from sinowatch.flows.load import writer_for  # noqa: PLC0415

    from sinowatch import extract_stage  # noqa: PLC0415

    w = writer_for(db)
    counts = ExtractCounts()
    with w.lock:
        counts.add(extract_stage.extract_pending(config, w.conn, scorer=scorer, on_batch=on_batch))
    return counts


@task(name="load-extractions", task_run_name="load {n} extractions", cache_policy=NO_CACHE, persist_result=False)
def load_extractions_task(db: str, config: Config, docs: Sequence[Document], extractions: Sequence[Extraction],
                          n: int = 0, on_batch: Callable[..., Any] | None = None,
                          sentiment_model: str | None = None, defer_facts: bool = False) -> Any:
    """One batch's mentions, events and sentiment (and its alert outbox rows) in one transaction;
    with ``defer_facts`` the trend facts wait for the flow's ``finish_extraction``."""
    from sinowatch.flows.load import writer_for  # noqa: PLC0415

    from sinowatch import extract_stage  # noqa: PLC0415

    w = writer_for(db)
    with w.lock:
        return extract_stage.load_extractions(config, w.conn, list(docs), list(extractions), on_batch=on_batch,
                                              sentiment_model=sentiment_model, defer_facts=defer_facts)


def extraction_runner(dask_address: str | None) -> Any:
    """Where extraction batches run: an existing Dask cluster, or two local threads (batch k+1 is
    computed while batch k loads). Chosen per run, so a deployment can set it as a parameter."""
    if dask_address:
        from prefect_dask import DaskTaskRunner  # noqa: PLC0415

        return DaskTaskRunner(address=dask_address)
    from prefect.task_runners import ThreadPoolTaskRunner  # noqa: PLC0415

    return ThreadPoolTaskRunner(max_workers=2)


def run_extraction(config: Config, db: str, *, on_batch: Callable[..., Any] | None = None,
                   scorer: Any = None, dask_address: str | None = None) -> ExtractCounts | None:
    """Extract everything pending; batches are submitted to threads or a Dask cluster and loaded
    here, in the flow's process. Returns None when the extraction stage is not available."""
    log = run_logger()
    mod = stage_module("sinowatch.extract_stage")
    mode = extract_mode(mod)
    if mode == "missing":
        log.warning("extraction skipped: sinowatch.extract_stage is not installed yet")
        return None
    if mode == "whole":
        return extract_pending_task(db, config, on_batch=on_batch, scorer=scorer)
    sentiment_model = getattr(scorer, "version", None)
    assert mod is not None
    from sinowatch.flows.load import writer_for  # noqa: PLC0415

    size = max(1, config.flows.extract_batch)
    w = writer_for(db)
    with w.lock:
        docs = list(mod.pending_documents(config, w.conn, limit=None))
    batches = [docs[i:i + size] for i in range(0, len(docs), size)]
    where = f"Dask at {dask_address}" if dask_address else "local threads"
    log.info("extracting on %s: %d articles in %d batch(es) of up to %d", where, len(docs), len(batches), size)
    counts = ExtractCounts()
    if batches:
        with extraction_runner(dask_address) as runner:
            futures = [runner.submit(extract_batch_task, parameters={"config": config, "docs": b, "n": len(b),
                                                                     "sentiment": scorer is not None})
                       for b in batches]
            for b, fut in zip(batches, futures, strict=True):
                extractions = fut.result()
                counts.add(load_extractions_task(db, config, b, extractions, n=len(b), on_batch=on_batch,
                                                 sentiment_model=sentiment_model, defer_facts=True))
    with w.lock:  # the trend facts of every batch, once (a crash before leaves notes for the next run)
        mod.finish_extraction(w.conn)
    return counts
