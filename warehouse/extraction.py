"""Loads of the extraction stage: mentions, events, the per-article entity roll-up, extraction
state, discovery candidates and the watchlist's entities table.

Batched through Arrow (one INSERT ... SELECT per table and batch, never row-at-a-time), and
idempotent: an article's previous rows are deleted before its new rows go in, inside the CALLER's
transaction, so saving the same extractions twice - or re-extracting after a watchlist change -
leaves exactly one set of rows per article. For the trend facts (migrations 0005, 0006:
warehouse/facts.py) the same transaction notes what changed - the articles whose rows it writes,
the (entity, day) keys of the rows it deletes - and recomputes those facts now or, for the
extraction stage, which saves many groups, once at its end (``defer_facts``,
:func:`refresh_dirty_facts`). A group of articles never extracted before reads only their keys in
extraction_state: no DELETE, no scan of the other tables.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa
from sinowatch.warehouse import facts
from sinowatch.warehouse.db import Connection

from sinowatch.records import Document, Extraction

_TABLES = ("mentions", "events", "article_entities", "entity_candidates", "extraction_state")


@dataclass
class SaveStats:
    articles: int = 0
    mentions: int = 0
    events: int = 0
    entities: int = 0
    candidates: int = 0


def _insert(conn: Connection, table: str, data: pa.Table, consts: dict[str, Any]) -> None:
    """INSERT ... SELECT from the Arrow table registered as ``_sw_<table>``; ``consts`` are the
    columns with one value for every row (parameters, not repeated in Arrow)."""
    if not data.num_rows:
        return
    cols = ", ".join([*data.schema.names, *consts])
    values = ", ".join([*data.schema.names, *("?" for _ in consts)])
    conn.execute(f"INSERT INTO {table} ({cols}) SELECT {values} FROM _sw_{table}", list(consts.values()))


def _delete_stored(conn: Connection, keys: str) -> int:
    """Delete the stored extraction rows of the articles in the relation ``keys`` (a column
    ``article_key``) after noting the trend-fact keys they fall on; returns how many articles had
    rows. Every extraction row is saved together with its extraction_state row, so articles
    without one (new articles, the daily case) have nothing to delete: then only extraction_state
    is read, and no table is scanned for a DELETE."""
    stored = [r[0] for r in conn.execute(
        f"SELECT article_key FROM extraction_state WHERE article_key IN (SELECT article_key FROM {keys})").fetchall()]
    if not stored:
        return 0
    with _registered(conn, {"old": pa.table({"article_key": pa.array(stored, pa.string())})}):
        facts.mark_articles(conn, "_sw_old")
        for table in _TABLES:
            conn.execute(f"DELETE FROM {table} WHERE article_key IN (SELECT article_key FROM _sw_old)")
    return len(stored)


@contextmanager
def _registered(conn: Connection, tables: dict[str, pa.Table]) -> Iterator[None]:
    """The Arrow tables registered as ``_sw_<name>`` for the duration."""
    for name, tbl in tables.items():
        conn.register(f"_sw_{name}", tbl)
    try:
        yield
    except BaseException:
        # the statement failed (e.g. the disk is full) and DuckDB aborted the transaction: an
        # unregister now fails with "Current transaction is aborted", which would hide the cause
        for name in tables:
            try:
                conn.unregister(f"_sw_{name}")
            except duckdb.Error:
                pass
        raise
    for name in tables:
        conn.unregister(f"_sw_{name}")


def _keys_table(keys: Sequence[str]) -> pa.Table:
    return pa.table({"article_key": pa.array(list(dict.fromkeys(keys)), pa.string())})


def delete_articles(conn: Connection, keys: Sequence[str], *, defer_facts: bool = False) -> None:
    """Remove the extraction rows of these articles (caller's transaction) and update the trend
    facts (with ``defer_facts``: only note their keys for :func:`refresh_dirty_facts`)."""
    if keys:
        with _registered(conn, {"keys": _keys_table(keys)}):
            _delete_stored(conn, "_sw_keys")
    if not defer_facts:
        facts.refresh_dirty(conn)


def refresh_dirty_facts(conn: Connection) -> int:
    """Recompute the trend facts of every (entity, day) key noted by deferred saves and delete the
    notes, in the caller's transaction (the extraction stage runs it once at its end). Returns the
    number of keys refreshed."""
    return facts.refresh_dirty(conn)


def refresh_trend_facts(conn: Connection, keys: Sequence[str] | None = None) -> None:
    """Recompute the trend facts (caller's transaction): all of them (``keys`` None: after a bulk
    load that bypassed ``save_extractions``), or those of the (entity, day) keys that these
    articles' stored rows fall on (and any keys noted by deferred saves)."""
    if keys is None:
        facts.rebuild(conn)
        return
    if keys:
        with _registered(conn, {"keys": _keys_table(keys)}):
            facts.note_articles(conn, "_sw_keys")
    facts.refresh_dirty(conn)


_ST, _I32, _F64 = pa.string(), pa.int32(), pa.float64()


def _sentiment_columns(items: list[Any]) -> dict[str, pa.Array]:
    labels = [s.label if (s := x.sentiment) is not None else None for x in items]
    scores = [float(s.score) if (s := x.sentiment) is not None else None for x in items]
    return {"sentiment_label": pa.array(labels, _ST), "sentiment_score": pa.array(scores, _F64)}


def _tables(batch: list[Extraction]) -> dict[str, pa.Table]:
    """The batch's rows as one Arrow table per extraction table (columns built one at a time,
    without the columns that hold one value for the whole batch)."""
    ms = [mn for ex in batch for mn in ex.mentions]
    mentions = pa.table({
        "article_key": pa.array([ex.id for ex in batch for _ in ex.mentions], _ST),
        "seq": pa.array([i for ex in batch for i in range(len(ex.mentions))], _I32),
        "entity": pa.array([m.entity for m in ms], _ST), "kind": pa.array([m.kind for m in ms], _ST),
        "text": pa.array([m.text for m in ms], _ST), "field": pa.array([m.field for m in ms], _ST),
        "start_char": pa.array([m.start for m in ms], _I32), "end_char": pa.array([m.end for m in ms], _I32),
        "sentence": pa.array([m.sentence for m in ms], _ST), **_sentiment_columns(ms),
    })
    es = [ev for ex in batch for ev in ex.events]
    events = pa.table({
        "article_key": pa.array([ex.id for ex in batch for _ in ex.events], _ST),
        "seq": pa.array([i for ex in batch for i in range(len(ex.events))], _I32),
        "event_type": pa.array([e.type for e in es], _ST),
        "confidence": pa.array([float(e.confidence) for e in es], _F64),
        "sentence": pa.array([e.sentence for e in es], _ST), "field": pa.array([e.field for e in es], _ST),
        "entities": pa.array([list(e.entities) for e in es], pa.list_(_ST)),
        "actor": pa.array([e.actor for e in es], _ST),
        "targets": pa.array([list(e.targets) for e in es], pa.list_(_ST)),
        "trigger": pa.array([e.trigger for e in es], _ST),
        "status": pa.array([e.status for e in es], _ST),
    })
    rs = [ro for ex in batch for ro in ex.entities]
    rollup = pa.table({
        "article_key": pa.array([ex.id for ex in batch for _ in ex.entities], _ST),
        "entity": pa.array([r.entity for r in rs], _ST), "kind": pa.array([r.kind for r in rs], _ST),
        "n_mentions": pa.array([r.count for r in rs], _I32), **_sentiment_columns(rs),
    })
    cs: list[tuple[str, str, str]] = []
    for ex in batch:  # a name once per article (its first example)
        seen: set[str] = set()
        for name, example in ex.candidates:
            if name not in seen:
                seen.add(name)
                cs.append((ex.id, name, example))
    candidates = pa.table({"article_key": pa.array([c[0] for c in cs], _ST), "name": pa.array([c[1] for c in cs], _ST),
                           "example": pa.array([c[2] for c in cs], _ST)})
    state = pa.table({
        "article_key": pa.array([ex.id for ex in batch], _ST), "lang": pa.array([ex.lang for ex in batch], _ST),
        **_sentiment_columns(batch),
        "n_mentions": pa.array([len(ex.mentions) for ex in batch], _I32),
        "n_events": pa.array([len(ex.events) for ex in batch], _I32),
    })
    return {"mentions": mentions, "events": events, "article_entities": rollup, "entity_candidates": candidates,
            "extraction_state": state}


def save_extractions(conn: Connection, extractions: Sequence[Extraction], *, extractor_version: str,
                     watchlist_version: str, sentiment_model: str | None, defer_facts: bool = False) -> SaveStats:
    """Replace the extraction rows of these articles with the given ones (caller's transaction).
    ``Extraction.id`` is the article key; when an article comes twice, the last one wins.

    The (entity, day) keys the articles' rows fall on before and after are noted in
    ``trend_facts_dirty``; their trend facts are recomputed now, or with ``defer_facts`` by a later
    :func:`refresh_dirty_facts` (the extraction stage: once at its end, not once per batch)."""
    latest: dict[str, Extraction] = {}
    for ex in extractions:
        latest[ex.id] = ex
    batch = list(latest.values())
    stats = SaveStats(articles=len(batch))
    if not batch:
        return stats
    tables = _tables(batch)
    versions = {"extractor_version": extractor_version, "watchlist_version": watchlist_version}
    with _registered(conn, tables):
        _delete_stored(conn, "_sw_extraction_state")
        _insert(conn, "mentions", tables["mentions"], versions)
        _insert(conn, "events", tables["events"], versions)
        if tables["article_entities"].num_rows:
            facts.note_articles(conn, "_sw_article_entities")
            _insert(conn, "article_entities", tables["article_entities"], versions)
        _insert(conn, "entity_candidates", tables["entity_candidates"], {"extractor_version": extractor_version})
        _insert(conn, "extraction_state", tables["extraction_state"],
                {**versions, "sentiment_model": sentiment_model, "extracted_at": datetime.now(UTC)})
    if not defer_facts:
        facts.refresh_dirty(conn)
    stats.mentions, stats.events = tables["mentions"].num_rows, tables["events"].num_rows
    stats.entities, stats.candidates = tables["article_entities"].num_rows, tables["entity_candidates"].num_rows
    return stats


def sync_watchlist(conn: Connection, rows: Sequence[tuple[str, str, str, str, str | None, str | None]],
                   version: str) -> int:
    """Refresh the entities table (caller's transaction) from the watchlist's rows (entity, kind,
    name, country, parent, Chinese name: ``extractors.watchlist.entity_rows`` + ``chinese_name``)
    and its version."""
    data = {
        "entity": [r[0] for r in rows], "kind": [r[1] for r in rows], "name": [r[2] for r in rows],
        "country": [r[3] for r in rows], "parent": [r[4] for r in rows],
        "watchlist_version": [version] * len(rows),
    }
    if "name_zh" in {c[0] for c in conn.execute("DESCRIBE entities").fetchall()}:
        data["name_zh"] = [r[5] for r in rows]
    conn.execute("DELETE FROM entities")
    entities = pa.table(data, schema=pa.schema([(k, pa.string()) for k in data]))
    with _registered(conn, {"entities": entities}):
        _insert(conn, "entities", entities, {})
    return len(rows)


def display_names(conn: Connection) -> dict[str, str]:
    """Watchlist id -> the name to show: "DeepSeek (深度求索)" where the watchlist has a Chinese
    name, else the English name. Empty before the first extraction."""
    cols = {c[0] for c in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'entities'").fetchall()}
    if "name" not in cols:
        return {}
    zh = "name_zh" if "name_zh" in cols else "NULL"
    return {e: (f"{n} ({z})" if z else n)
            for e, n, z in conn.execute(f"SELECT entity, name, {zh} FROM entities").fetchall() if n}


def pending_documents(conn: Connection, *, extractor_version: str, watchlist_version: str, batch_size: int = 64,
                      reextract: bool = False, limit: int | None = None) -> Iterator[list[Document]]:
    """Batches of articles to extract, in key order: never extracted, or (with ``reextract``)
    stamped with another extractor or watchlist version. Keyset-paged, so memory stays flat and
    the caller may write between batches."""
    cond = "s.article_key IS NULL"
    params: list[Any] = []
    if reextract:
        cond += " OR s.extractor_version <> ? OR s.watchlist_version <> ?"
        params = [extractor_version, watchlist_version]
    last = ""
    served = 0
    size = max(1, batch_size)
    while True:
        take = size if limit is None else min(size, limit - served)
        if take <= 0:
            return
        rows = conn.execute(
            f"""
            SELECT a.article_key, a.title, a.text, a.language, a.published, a.url
            FROM articles a LEFT JOIN extraction_state s USING (article_key)
            WHERE a.article_key > ? AND ({cond})
            ORDER BY a.article_key LIMIT ?
            """,
            [last, *params, take],
        ).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        served += len(rows)
        yield [Document(id=k, title=t or "", text=x or "", lang=lang or None,
                        published=p.isoformat() if p is not None else None, url=u) for k, t, x, lang, p, u in rows]


def stored_extractions(conn: Connection, keys: Sequence[str]) -> list[Extraction]:
    """Rebuild Extraction records from the stored rows (for re-scoring sentiment without re-matching)."""
    from sinowatch.records import EntityRollup, Event, Mention

    if not keys:
        return []
    conn.register("_sw_keys", pa.table({"k": pa.array(list(keys), pa.string())}))
    try:
        langs = dict(conn.execute(
            "SELECT article_key, lang FROM extraction_state WHERE article_key IN (SELECT k FROM _sw_keys)").fetchall())
        ments: dict[str, list[Mention]] = {}
        for k, ent, kind, text, field, s0, s1, sent in conn.execute(
                "SELECT article_key, entity, kind, text, field, start_char, end_char, sentence FROM mentions "
                "WHERE article_key IN (SELECT k FROM _sw_keys) ORDER BY article_key, seq").fetchall():
            ments.setdefault(k, []).append(Mention(entity=ent, kind=kind, text=text, field=field, start=s0, end=s1,
                                                   sentence=sent))
        evs: dict[str, list[Event]] = {}
        for k, t, conf, sent, field, ents, actor, targets, trig, status in conn.execute(
                "SELECT article_key, event_type, confidence, sentence, field, entities, actor, targets, trigger, status "
                "FROM events WHERE article_key IN (SELECT k FROM _sw_keys) ORDER BY article_key, seq").fetchall():
            evs.setdefault(k, []).append(Event(type=t, confidence=conf, sentence=sent, entities=tuple(ents),
                                               actor=actor, targets=tuple(targets), trigger=trig, field=field,
                                               status=status))
        rolls: dict[str, list[EntityRollup]] = {}
        for k, ent, kind, n in conn.execute(
                "SELECT article_key, entity, kind, n_mentions FROM article_entities "
                "WHERE article_key IN (SELECT k FROM _sw_keys) ORDER BY article_key, entity").fetchall():
            rolls.setdefault(k, []).append(EntityRollup(entity=ent, kind=kind, count=n))
        cands: dict[str, list[tuple[str, str]]] = {}
        for k, name, ex in conn.execute(
                "SELECT article_key, name, example FROM entity_candidates "
                "WHERE article_key IN (SELECT k FROM _sw_keys)").fetchall():
            cands.setdefault(k, []).append((name, ex or ""))
    finally:
        conn.unregister("_sw_keys")
    return [Extraction(id=k, lang=langs.get(k) or "und", mentions=tuple(ments.get(k, ())),
                       entities=tuple(rolls.get(k, ())), events=tuple(evs.get(k, ())),
                       candidates=tuple(cands.get(k, ()))) for k in keys if k in langs]


def extraction_versions(conn: Connection, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
    """article_key -> (extractor_version, watchlist_version) of what is stored."""
    if not keys:
        return {}
    conn.register("_sw_keys", pa.table({"k": pa.array(list(keys), pa.string())}))
    try:
        return {k: (e, w) for k, e, w in conn.execute(
            "SELECT article_key, extractor_version, watchlist_version FROM extraction_state "
            "WHERE article_key IN (SELECT k FROM _sw_keys)").fetchall()}
    finally:
        conn.unregister("_sw_keys")


def scored_article_keys(conn: Connection, *, batch_size: int, sentiment_model: str | None) -> Iterator[list[str]]:
    """Batches of extracted articles whose stored sentiment is from another model (or none)."""
    last = ""
    while True:
        rows = conn.execute(
            "SELECT article_key FROM extraction_state WHERE article_key > ? "
            "AND sentiment_model IS DISTINCT FROM ? ORDER BY article_key LIMIT ?",
            [last, sentiment_model, max(1, batch_size)],
        ).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield [r[0] for r in rows]


def top_candidates(conn: Connection, *, limit: int = 50, min_articles: int = 1) -> list[tuple[Any, ...]]:
    """Discovery candidates ranked by the number of articles they occur in, with examples; names
    that the watchlist now knows (an entity's name) are left out."""
    return conn.execute(
        """
        SELECT c.name, count(DISTINCT c.article_key) AS articles, min(a.published) AS first_seen,
               max(a.published) AS last_seen, list(DISTINCT c.example)[1:3] AS examples
        FROM entity_candidates c LEFT JOIN articles a USING (article_key)
        WHERE lower(c.name) NOT IN (SELECT lower(name) FROM entities)
        GROUP BY c.name HAVING count(DISTINCT c.article_key) >= ?
        ORDER BY articles DESC, c.name LIMIT ?
        """,
        [min_articles, limit],
    ).fetchall()
