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

Where the batches are computed is the engine's choice (``map_batches``: inline for the plain
engine, Prefect tasks on threads or a Dask cluster for the flow); what is saved, in which order and
transactions, and what one failing article costs, is decided here, once, for both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
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
    from sinowatch.extractors.pipeline import Extractor

    ec = config.extraction
    key = (tuple(str(config.resolve(p)) for p in ec.watchlist), ec.use_ner, ec.min_event_confidence,
           ec.event_classifier, ec.event_classifier_dir)
    if key not in _CACHE:
        from sinowatch.scoring import load_event_model

        _CACHE[key] = Extractor.load(ec, base_dir=config.base_dir, event_model=load_event_model(config))
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


@dataclass
class BatchResult:
    """One extraction batch computed: the documents that went through, their extractions, and one
    line (key and reason) per article that failed alone."""

    docs: list[Document]
    extractions: list[Extraction]
    errors: list[str] = field(default_factory=list)


def extract_batch(extractor: Extractor, docs: list[Document], scorer: Scorer | None) -> BatchResult:
    """Pure compute, no warehouse: documents in, extractions (scored when a scorer is given) out.
    One bad article must not cost the batch: when the batch fails it is retried one article at a
    time, and an article that still fails is left out with its reason. A :class:`SinowatchError`
    (a missing model, say) is not an article's fault and is raised."""
    try:
        out = list(extractor.extract(docs, batch_size=len(docs)))
        if scorer is not None:
            out = list(scorer(docs, out))
        return BatchResult(docs, out)
    except SinowatchError:
        raise
    except Exception:
        if len(docs) == 1:
            raise
    result = BatchResult([], [])
    for d in docs:
        try:
            ex = list(extractor.extract([d]))
            if scorer is not None:
                ex = list(scorer([d], ex))
        except SinowatchError:
            raise
        except Exception as e:
            result.errors.append(f"{d.id}: {type(e).__name__}: {str(e)[:200]}")
            continue
        result.docs.append(d)
        result.extractions.extend(ex)
    return result


@dataclass(frozen=True)
class BatchJob:
    """:func:`extract_batch` as a picklable callable for an engine's workers (threads, a Dask
    cluster): the extractor and the sentiment model are loaded once per worker process from the
    config, never shipped."""

    config: Config
    sentiment: bool = False

    def __call__(self, docs: list[Document]) -> BatchResult:
        from sinowatch.scoring import make_scorer

        scorer = make_scorer(self.config) if self.sentiment else None
        return extract_batch(get_extractor(self.config), docs, scorer)


Job = Callable[[list[Document]], BatchResult]
#: how an engine runs the extraction batches: ``job`` on each batch of ``batches`` (an iterator the
#: engine pulls lazily, in the caller's thread, a few batches ahead at most), the results yielded
#: in input order; a batch whose job raised comes back as its exception
MapBatches = Callable[[Job, Iterator[list[Document]]], Iterable[tuple[list[Document], BatchResult | Exception]]]


def map_batches_inline(job: Job, batches: Iterator[list[Document]]) -> Iterator[tuple[list[Document], BatchResult | Exception]]:
    """The plain engine's map: each batch in the caller's thread, as it comes."""
    for docs in batches:
        try:
            yield docs, job(docs)
        except Exception as e:
            yield docs, e


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
        from sinowatch.actions.stage import fold_saved
        from sinowatch.warehouse import extraction as wh

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


def watchlist_rows(watchlist: Any) -> list[tuple[str, str, str, str, str | None, str | None]]:
    """The entities table's rows of a watchlist: (entity, kind, name, country, parent, Chinese name)."""
    from sinowatch.extractors.watchlist import chinese_name, entity_rows

    return [(*r, chinese_name(watchlist.entities[r[0]])) for r in entity_rows(watchlist)]


def sync_watchlist(conn: Connection, extractor: Extractor) -> int:
    """The warehouse's entities table from the extractor's watchlist (caller's transaction)."""
    from sinowatch.warehouse import extraction as wh

    return wh.sync_watchlist(conn, watchlist_rows(extractor.watchlist), extractor.watchlist.version)


def finish_extraction(conn: Connection) -> int:
    """The extraction stage's last step: recompute the trend facts of every (entity, day) key that
    deferred saves noted - this run's, and any a crashed run left - and delete the notes, in one
    transaction. Returns the number of keys refreshed (0 costs one count)."""
    from sinowatch.warehouse import extraction as wh

    faults.point("extract_facts_refreshing")
    with transaction(conn):
        return wh.refresh_dirty_facts(conn)


def extract_pending(config: Config, conn: Connection, *, extractor: Extractor | None = None,
                    scorer: Scorer | None = None, on_batch: OnBatch | None = None, reextract: bool = False,
                    sentiment_only: bool = False, progress: Callable[[int], Any] | None = None,
                    job: Job | None = None, map_batches: MapBatches | None = None) -> ExtractStats:
    """Extract every pending article (with ``reextract``: also those stamped with other versions),
    then refresh the trend facts.

    The backlog streams from the warehouse in batches of ``extraction.batch_size``; ``map_batches``
    (the engine's; default: inline) runs ``job`` (default: :func:`extract_batch` with this
    extractor and scorer; an engine with workers passes a :class:`BatchJob`) on each, and the
    results are saved here, in order, by one :class:`ExtractionWriter`. ``scorer`` stamps the rows
    with its model version.

    ``sentiment_only`` re-scores stored extractions with ``scorer`` without re-matching (for a new
    sentiment model): it needs a scorer and only touches articles scored by another model.
    """
    from sinowatch.warehouse import extraction as wh

    extractor = extractor or get_extractor(config)
    stats = ExtractStats()
    with transaction(conn):
        sync_watchlist(conn, extractor)
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
    pending = wh.pending_documents(conn, extractor_version=extractor.version,
                                   watchlist_version=extractor.watchlist_version, batch_size=size, reextract=reextract)
    run_job = job or (lambda docs: extract_batch(extractor, docs, scorer))
    for docs, result in (map_batches or map_batches_inline)(run_job, pending):
        if isinstance(result, Exception):  # not one article's fault (see extract_batch): the stage fails
            raise result
        stats.failed += len(result.errors)
        stats.errors.extend(result.errors)
        writer.add(result.docs, result.extractions)
        if progress is not None:
            progress(len(docs))
    writer.finish()
    return stats


def _rescore(conn: Connection, extractor: Extractor, scorer: Scorer, model: str | None, size: int,
             on_batch: OnBatch | None, progress: Callable[[int], Any] | None, stats: ExtractStats) -> None:
    from sinowatch.warehouse import extraction as wh

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


def extract_documents(config: Config, docs: Sequence[Document], *, extractor: Extractor | None = None,
                      scorer: Scorer | None = None) -> list[Extraction]:
    """Pure compute, no warehouse: documents in, extractions (scored when a scorer is given) out."""
    ex = extractor or get_extractor(config)
    out = list(ex.extract(docs, batch_size=config.extraction.batch_size))
    return list(scorer(docs, out)) if scorer is not None else out
