"""The extraction stage as plain functions: pending articles -> extractions (+ sentiment) -> warehouse.

``extract_pending`` streams the backlog in batches of ``extraction.batch_size`` (memory does not
grow with it): extract, let the sentiment ``scorer`` fill its fields, hand the batch to an
:class:`ExtractionWriter`. The writer saves batches in groups, ONE transaction per group of about
``extraction.load_batch`` articles, holding ``save_extractions`` for the group and ``on_batch``
(the alerts outbox) for each of its batches, so alerts commit atomically with the rows that
caused them. A batch that fails is retried one article at a time; an article that still fails is
recorded in ``ExtractStats.errors`` with its key and reason and never stops the run.

The trend facts are refreshed once, when the stage ends (:func:`finish_extraction`): each group's
transaction only notes what it wrote (``trend_facts_dirty``). A crash loses at most the group not yet
committed (its articles are still pending and the next run redoes them, replacing rows, never
duplicating them); a crash before the refresh leaves the notes, which the next stage refreshes.

The split API (``pending_documents``, ``extract_documents``, ``load_extractions``, then
``finish_extraction``) is what the Prefect flow uses to compute batches on workers and load them
in the flow process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sinowatch import faults
from sinowatch.config import Config
from sinowatch.errors import SinowatchError
from sinowatch.records import Document, Extraction
from sinowatch.warehouse.db import Connection, transaction

if TYPE_CHECKING:
    from sinowatch.extractors.pipeline import Extractor

Scorer = Callable[[Sequence[Document], Sequence[Extraction]], Sequence[Extraction]]
OnBatch = Callable[[Connection, Sequence[Document], Sequence[Extraction]], Any]

_CACHE: dict[tuple[Any, ...], Extractor] = {}


@dataclass
class ExtractStats:
    articles: int = 0
    mentions: int = 0
    events: int = 0
    batches: int = 0  # extraction batches
    transactions: int = 0  # load transactions (a group of batches each)
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def get_extractor(config: Config) -> Extractor:
    """The extractor for this config, built once per process (pipelines take seconds to build)."""
    from sinowatch.extractors.pipeline import Extractor  # noqa: PLC0415

    ec = config.extraction
    key = (tuple(str(config.resolve(p)) for p in ec.watchlist), ec.use_ner, ec.min_event_confidence)
    if key not in _CACHE:
        _CACHE[key] = Extractor.load(ec, base_dir=config.base_dir)
    return _CACHE[key]


def scorer_version(scorer: Any) -> str | None:
    """The sentiment model's version, as stamped on the rows (None without a scorer)."""
    if scorer is None:
        return None
    for attr in ("version", "model_version", "name"):
        v = getattr(scorer, attr, None)
        if isinstance(v, str) and v:
            return v
    return getattr(scorer, "__qualname__", type(scorer).__name__)


def _extract_batch(extractor: Extractor, docs: list[Document], scorer: Scorer | None,
                   stats: ExtractStats) -> tuple[list[Document], list[Extraction]]:
    try:
        out = list(extractor.extract(docs, batch_size=len(docs)))
        if scorer is not None:
            out = list(scorer(docs, out))
        return docs, out
    except SinowatchError:
        raise
    except Exception:  # one bad article must not cost the batch: isolate it
        if len(docs) == 1:
            raise
    kept_docs: list[Document] = []
    kept: list[Extraction] = []
    for d in docs:
        try:
            ex = list(extractor.extract([d]))
            if scorer is not None:
                ex = list(scorer([d], ex))
        except Exception as e:
            stats.failed += 1
            stats.errors.append(f"{d.id}: {type(e).__name__}: {str(e)[:200]}")
            continue
        kept_docs.append(d)
        kept.extend(ex)
    return kept_docs, kept


class ExtractionWriter:
    """The extraction stage's writes. :meth:`add` buffers a batch; when the buffer holds
    ``group_size`` articles or more it is saved in one transaction (``save_extractions`` for the
    whole group, then ``on_batch`` for each batch, in the order they came, then the fault point
    ``extract_batch_saving``). :meth:`finish` saves the rest and refreshes the trend facts."""

    def __init__(self, conn: Connection, *, extractor_version: str, watchlist_version: str,
                 sentiment_model: str | None, on_batch: OnBatch | None = None, group_size: int = 2000,
                 stats: ExtractStats | None = None) -> None:
        self.conn = conn
        self.versions = {"extractor_version": extractor_version, "watchlist_version": watchlist_version,
                         "sentiment_model": sentiment_model}
        self.on_batch = on_batch
        self.group_size = max(1, group_size)
        self.stats = stats if stats is not None else ExtractStats()
        self._batches: list[tuple[Sequence[Document], Sequence[Extraction]]] = []
        self._held = 0
        #: keyword options of the actions fold (sinowatch.actions.stage.fold_saved), e.g. an embedder
        self.fold_options: dict[str, Any] = {}

    def add(self, docs: Sequence[Document], extractions: Sequence[Extraction]) -> None:
        self._batches.append((docs, extractions))
        self._held += len(extractions)
        self.stats.batches += 1
        if self._held >= self.group_size:
            self.flush()

    def flush(self) -> None:
        """Save the buffered batches in one transaction."""
        from sinowatch.actions.stage import fold_saved  # noqa: PLC0415
        from sinowatch.warehouse import extraction as wh  # noqa: PLC0415

        if not self._batches:
            return
        batches, self._batches, self._held = self._batches, [], 0
        with transaction(self.conn):
            saved = wh.save_extractions(self.conn, [e for _, exs in batches for e in exs], defer_facts=True,
                                        **self.versions)
            fold_saved(self.conn, [e for _, exs in batches for e in exs], **self.fold_options)  # actions (#16)
            if self.on_batch is not None:
                for docs, exs in batches:
                    self.on_batch(self.conn, docs, exs)
            faults.point("extract_batch_saving")
        faults.point("extract_batch_saved")
        self.stats.transactions += 1
        self.stats.articles += saved.articles
        self.stats.mentions += saved.mentions
        self.stats.events += saved.events

    def finish(self) -> None:
        """Save what is buffered, then refresh the trend facts (:func:`finish_extraction`)."""
        self.flush()
        finish_extraction(self.conn)


def finish_extraction(conn: Connection) -> int:
    """The extraction stage's last step: recompute the trend facts of every (entity, day) key that
    deferred saves noted - this run's, and any a crashed run left - and delete the notes, in one
    transaction. Returns the number of keys refreshed (0 costs one count)."""
    from sinowatch.warehouse import extraction as wh  # noqa: PLC0415

    faults.point("extract_facts_refreshing")
    with transaction(conn):
        return wh.refresh_dirty_facts(conn)


def extract_pending(config: Config, conn: Connection, *, extractor: Extractor | None = None,
                    scorer: Scorer | None = None, on_batch: OnBatch | None = None, reextract: bool = False,
                    sentiment_only: bool = False, progress: Callable[[int], Any] | None = None) -> ExtractStats:
    """Extract every pending article (with ``reextract``: also those stamped with other versions),
    then refresh the trend facts.

    ``sentiment_only`` re-scores stored extractions with ``scorer`` without re-matching (for a new
    sentiment model): it needs a scorer and only touches articles scored by another model.
    """
    from sinowatch.warehouse import extraction as wh  # noqa: PLC0415

    extractor = extractor or get_extractor(config)
    stats = ExtractStats()
    with transaction(conn):
        wh.sync_watchlist(conn, extractor.watchlist)
    model = scorer_version(scorer)
    size = max(1, config.extraction.batch_size)
    if sentiment_only:
        if scorer is None:
            raise SinowatchError("--sentiment-only needs the sentiment model (no scorer was given)")
        _rescore(conn, extractor, scorer, model, size, on_batch, progress, stats)
        finish_extraction(conn)
        return stats
    writer = ExtractionWriter(conn, extractor_version=extractor.version,
                              watchlist_version=extractor.watchlist_version, sentiment_model=model,
                              on_batch=on_batch, group_size=config.extraction.load_batch, stats=stats)
    for docs in wh.pending_documents(conn, extractor_version=extractor.version,
                                     watchlist_version=extractor.watchlist_version, batch_size=size,
                                     reextract=reextract):
        kept_docs, extractions = _extract_batch(extractor, docs, scorer, stats)
        writer.add(kept_docs, extractions)
        if progress is not None:
            progress(len(docs))
    writer.finish()
    return stats


def _rescore(conn: Connection, extractor: Extractor, scorer: Scorer, model: str | None, size: int,
             on_batch: OnBatch | None, progress: Callable[[int], Any] | None, stats: ExtractStats) -> None:
    from sinowatch.warehouse import extraction as wh  # noqa: PLC0415

    for keys in wh.scored_article_keys(conn, batch_size=size, sentiment_model=model):
        stored = wh.stored_extractions(conn, keys)
        versions = wh.extraction_versions(conn, keys)
        rows = conn.execute(
            "SELECT article_key, title, text, language FROM articles WHERE list_contains(?, article_key)", [keys]
        ).fetchall()
        by_key = {k: Document(id=k, title=t, text=x, lang=lang) for k, t, x, lang in rows}
        pairs = [(by_key[e.id], e) for e in stored if e.id in by_key]
        docs = [d for d, _ in pairs]
        scored = list(scorer(docs, [e for _, e in pairs]))
        # keep each article's extraction stamps (only the sentiment changed): one save per stamp pair
        by_stamp: dict[tuple[str, str], list[Extraction]] = {}
        for ex in scored:
            by_stamp.setdefault(versions.get(ex.id, (extractor.version, extractor.watchlist_version)), []).append(ex)
        with transaction(conn):
            for (ev, wv), exs in by_stamp.items():
                saved = wh.save_extractions(conn, exs, extractor_version=ev, watchlist_version=wv,
                                            sentiment_model=model, defer_facts=True)
                stats.articles += saved.articles
                stats.mentions += saved.mentions
                stats.events += saved.events
            if on_batch is not None:
                on_batch(conn, docs, scored)
        stats.batches += 1
        stats.transactions += 1
        if progress is not None:
            progress(len(keys))


# ---------------------------------------------------------------- split API for the Prefect flow
def pending_documents(config: Config, conn: Connection, *, limit: int | None = None,
                      reextract: bool = False) -> list[Document]:
    """Up to ``limit`` pending articles (all when None)."""
    from sinowatch.warehouse import extraction as wh  # noqa: PLC0415

    ex = get_extractor(config)
    with transaction(conn):
        wh.sync_watchlist(conn, ex.watchlist)
    out: list[Document] = []
    for batch in wh.pending_documents(conn, extractor_version=ex.version, watchlist_version=ex.watchlist_version,
                                      batch_size=config.extraction.batch_size, reextract=reextract, limit=limit):
        out.extend(batch)
    return out


def extract_documents(config: Config, docs: Sequence[Document], *, extractor: Extractor | None = None,
                      scorer: Scorer | None = None) -> list[Extraction]:
    """Pure compute, no warehouse: documents in, extractions (scored when a scorer is given) out."""
    ex = extractor or get_extractor(config)
    out = list(ex.extract(docs, batch_size=config.extraction.batch_size))
    return list(scorer(docs, out)) if scorer is not None else out


def load_extractions(config: Config, conn: Connection, docs: Sequence[Document], extractions: Sequence[Extraction],
                     *, on_batch: OnBatch | None = None, sentiment_model: str | None = None,
                     defer_facts: bool = False) -> ExtractStats:
    """One batch's rows (and its on_batch writes) in one transaction. The trend facts are
    refreshed at once, or with ``defer_facts`` by the caller's :func:`finish_extraction` after
    its last batch (the Prefect flow does that)."""
    ex = get_extractor(config)
    if sentiment_model is None and any(e.sentiment is not None for e in extractions):
        sentiment_model = "unknown"
    stats = ExtractStats()
    writer = ExtractionWriter(conn, extractor_version=ex.version, watchlist_version=ex.watchlist_version,
                              sentiment_model=sentiment_model, on_batch=on_batch, group_size=len(extractions),
                              stats=stats)
    writer.add(docs, extractions)
    writer.flush()
    if not defer_facts:
        finish_extraction(conn)
    return stats
