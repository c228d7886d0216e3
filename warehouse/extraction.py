"""Loads of the extraction stage: mentions, events, the per-article entity roll-up, extraction
state, discovery candidates and the watchlist's entities table.

Batched through Arrow (one INSERT ... SELECT per table and batch, never row-at-a-time), and
idempotent: an article's previous rows are deleted before its new rows go in, inside the CALLER's
transaction, so saving the same extractions twice - or re-extracting after a watchlist change -
leaves exactly one set of rows per article. The same transaction recomputes the trend facts
(migration 0005) of the (entity, day) keys the batch's articles held before and hold after.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pyarrow as pa
from sinowatch.warehouse.db import Connection

from sinowatch.records import Document, Extraction, Sentiment

_TABLES = ("mentions", "events", "article_entities", "entity_candidates", "extraction_state")


@dataclass
class SaveStats:
    articles: int = 0
    mentions: int = 0
    events: int = 0
    entities: int = 0
    candidates: int = 0


def _label(s: Sentiment | None) -> str | None:
    return s.label if s is not None else None


def _score(s: Sentiment | None) -> float | None:
    return float(s.score) if s is not None else None


def _insert(conn: Connection, table: str, data: dict[str, list[Any]], schema: pa.Schema) -> None:
    if not data[schema.names[0]]:
        return
    name = f"_sw_{table}"
    conn.register(name, pa.table(data, schema=schema))
    try:
        cols = ", ".join(schema.names)
        conn.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
    finally:
        conn.unregister(name)


def _touched_keys(conn: Connection) -> set[tuple[str, date]]:
    """(entity, UTC day) of the stored article_entities rows of the articles in ``_sw_keys``."""
    return set(conn.execute(
        "SELECT DISTINCT ae.entity, CAST(timezone('UTC', a.published) AS DATE) "
        "FROM article_entities ae JOIN articles a USING (article_key) "
        "WHERE ae.article_key IN (SELECT k FROM _sw_keys)").fetchall())


def _delete_rows(conn: Connection, keys: Sequence[str]) -> set[tuple[str, date]]:
    """Delete the extraction rows of these articles; returns the (entity, day) keys they held."""
    if not keys:
        return set()
    conn.register("_sw_keys", pa.table({"k": pa.array(list(dict.fromkeys(keys)), pa.string())}))
    try:
        # every extraction row is saved together with its extraction_state row: articles without
        # one (the daily case: new articles) have nothing to delete, so skip five table scans
        stored = conn.execute(
            "SELECT count(*) FROM extraction_state WHERE article_key IN (SELECT k FROM _sw_keys)"
        ).fetchall()[0][0]
        touched: set[tuple[str, date]] = set()
        if stored:
            touched = _touched_keys(conn)
            for table in _TABLES:
                conn.execute(f"DELETE FROM {table} WHERE article_key IN (SELECT k FROM _sw_keys)")
    finally:
        conn.unregister("_sw_keys")
    return touched


def delete_articles(conn: Connection, keys: Sequence[str]) -> None:
    """Remove the extraction rows of these articles and update the trend facts (the caller holds
    the transaction)."""
    _refresh_facts(conn, _delete_rows(conn, keys))


# The trend fact tables (migration 0005) as aggregates of article_entities x articles, rebuilt
# whole (the same statements as the migration's).
_FACT_SQL = {
    "fact_entity_day": """
        INSERT INTO fact_entity_day
        SELECT ae.entity, ad.day, any_value(ae.kind),
               count(DISTINCT ae.article_key), count(DISTINCT ad.cluster_id), sum(ae.n_mentions),
               count(ae.sentiment_score), sum(ae.sentiment_score),
               count(*) FILTER (WHERE ae.sentiment_label = 'positive'),
               count(*) FILTER (WHERE ae.sentiment_label = 'negative'),
               count(*) FILTER (WHERE ae.sentiment_label = 'neutral')
        FROM article_entities ae
        JOIN (SELECT article_key, cluster_id, CAST(timezone('UTC', published) AS DATE) AS day
              FROM articles) ad USING (article_key)
        GROUP BY ae.entity, ad.day
        ORDER BY ad.day, ae.entity""",
    "fact_entity_week": """
        INSERT INTO fact_entity_week
        SELECT ae.entity, ad.week, count(DISTINCT ae.article_key), count(DISTINCT ad.cluster_id)
        FROM article_entities ae
        JOIN (SELECT article_key, cluster_id,
                     CAST(date_trunc('week', CAST(timezone('UTC', published) AS DATE)) AS DATE) AS week
              FROM articles) ad USING (article_key)
        GROUP BY ae.entity, ad.week
        ORDER BY ad.week, ae.entity""",
    "fact_pair_week": """
        INSERT INTO fact_pair_week
        SELECT ad.week, a.entity, b.entity, count(DISTINCT a.article_key), count(DISTINCT ad.cluster_id)
        FROM article_entities a
        JOIN article_entities b ON b.article_key = a.article_key AND a.entity < b.entity
        JOIN (SELECT article_key, cluster_id,
                     CAST(date_trunc('week', CAST(timezone('UTC', published) AS DATE)) AS DATE) AS week
              FROM articles) ad ON ad.article_key = a.article_key
        GROUP BY ad.week, a.entity, b.entity
        ORDER BY ad.week, a.entity, b.entity""",
}

# Incremental: the rows of the touched (entity, week) keys - a superset of the touched (entity, day)
# keys - read once (articles in the touched weeks' published range, so the scan skips row groups),
# then the three aggregates over them. A pair changes only in a week where an article naming both
# changed, so both its ends are touched keys: its articles' rows are all in _sw_rows.
_ROWS_SQL = """
    CREATE OR REPLACE TEMP TABLE _sw_rows AS
    SELECT ae.article_key, ae.entity, ae.kind, ae.n_mentions, ae.sentiment_label, ae.sentiment_score,
           ad.cluster_id, ad.day, ad.week
    FROM (SELECT article_key, cluster_id, CAST(timezone('UTC', published) AS DATE) AS day,
                 CAST(date_trunc('week', CAST(timezone('UTC', published) AS DATE)) AS DATE) AS week
          FROM articles WHERE published >= ? AND published < ?) ad
    JOIN article_entities ae USING (article_key)
    -- SEMI: a plain join let DuckDB join article_entities to the keys on entity first (3x slower)
    SEMI JOIN _sw_tw t ON t.entity = ae.entity AND t.week = ad.week"""
_INCREMENTAL_SQL = (
    "DELETE FROM fact_entity_day f USING _sw_td t WHERE f.entity = t.entity AND f.day = t.day",
    """INSERT INTO fact_entity_day
       SELECT r.entity, r.day, any_value(r.kind),
              count(DISTINCT r.article_key), count(DISTINCT r.cluster_id), sum(r.n_mentions),
              count(r.sentiment_score), sum(r.sentiment_score),
              count(*) FILTER (WHERE r.sentiment_label = 'positive'),
              count(*) FILTER (WHERE r.sentiment_label = 'negative'),
              count(*) FILTER (WHERE r.sentiment_label = 'neutral')
       FROM _sw_rows r JOIN _sw_td t ON t.entity = r.entity AND t.day = r.day
       GROUP BY r.entity, r.day
       ORDER BY r.day, r.entity""",
    "DELETE FROM fact_entity_week f USING _sw_tw t WHERE f.entity = t.entity AND f.week = t.week",
    """INSERT INTO fact_entity_week
       SELECT entity, week, count(DISTINCT article_key), count(DISTINCT cluster_id)
       FROM _sw_rows GROUP BY entity, week ORDER BY week, entity""",
    """DELETE FROM fact_pair_week f USING _sw_tw ta, _sw_tw tb
       WHERE ta.week = f.week AND ta.entity = f.entity_a AND tb.week = f.week AND tb.entity = f.entity_b""",
    """INSERT INTO fact_pair_week
       SELECT a.week, a.entity, b.entity, count(DISTINCT a.article_key), count(DISTINCT a.cluster_id)
       FROM _sw_rows a JOIN _sw_rows b ON b.article_key = a.article_key AND a.entity < b.entity
       GROUP BY a.week, a.entity, b.entity
       ORDER BY a.week, a.entity, b.entity""",
    "DROP TABLE _sw_rows",
)


def _utc_midnight(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=UTC)


def _refresh_facts(conn: Connection, touched: set[tuple[str, date]]) -> None:
    """Recompute the trend facts of these (entity, day) keys, and of their weeks and pairs, from
    the stored rows (caller's transaction)."""
    if not touched:
        return
    days = sorted(touched, key=lambda t: (t[1], t[0]))
    weeks = sorted({(e, d - timedelta(days=d.weekday())) for e, d in touched}, key=lambda t: (t[1], t[0]))
    conn.register("_sw_td", pa.table({"entity": pa.array([e for e, _ in days], pa.string()),
                                      "day": pa.array([d for _, d in days], pa.date32())}))
    conn.register("_sw_tw", pa.table({"entity": pa.array([e for e, _ in weeks], pa.string()),
                                      "week": pa.array([w for _, w in weeks], pa.date32())}))
    lo = _utc_midnight(min(w for _, w in weeks))
    hi = _utc_midnight(max(w for _, w in weeks) + timedelta(days=7))
    try:
        conn.execute(_ROWS_SQL, [lo, hi])
        for sql in _INCREMENTAL_SQL:
            conn.execute(sql)
    finally:
        conn.unregister("_sw_td")
        conn.unregister("_sw_tw")


def refresh_trend_facts(conn: Connection, keys: Sequence[str] | None = None) -> None:
    """Recompute the trend facts (caller's transaction): all of them (``keys`` None: after a bulk
    load that bypassed ``save_extractions``), or those of the (entity, day) keys that these
    articles' stored rows fall on."""
    if keys is None:
        for table, sql in _FACT_SQL.items():
            conn.execute(f"DELETE FROM {table}")
            conn.execute(sql)
        return
    if not keys:
        return
    conn.register("_sw_keys", pa.table({"k": pa.array(list(dict.fromkeys(keys)), pa.string())}))
    try:
        touched = _touched_keys(conn)
    finally:
        conn.unregister("_sw_keys")
    _refresh_facts(conn, touched)


def save_extractions(conn: Connection, extractions: Sequence[Extraction], *, extractor_version: str,
                     watchlist_version: str, sentiment_model: str | None) -> SaveStats:
    """Replace the extraction rows of these articles with the given ones (caller's transaction).
    ``Extraction.id`` is the article key."""
    latest: dict[str, Extraction] = {}
    for ex in extractions:
        latest[ex.id] = ex  # the last one wins when an article comes twice
    batch = list(latest.values())
    stats = SaveStats(articles=len(batch))
    if not batch:
        return stats
    now = datetime.now(UTC)
    v = {"extractor_version": extractor_version, "watchlist_version": watchlist_version}
    m: dict[str, list[Any]] = {k: [] for k in (
        "article_key", "seq", "entity", "kind", "text", "field", "start_char", "end_char", "sentence",
        "sentiment_label", "sentiment_score", "extractor_version", "watchlist_version")}
    e: dict[str, list[Any]] = {k: [] for k in (
        "article_key", "seq", "event_type", "confidence", "sentence", "field", "entities", "actor", "targets",
        "trigger", "extractor_version", "watchlist_version")}
    r: dict[str, list[Any]] = {k: [] for k in (
        "article_key", "entity", "kind", "n_mentions", "sentiment_label", "sentiment_score", "extractor_version",
        "watchlist_version")}
    c: dict[str, list[Any]] = {k: [] for k in ("article_key", "name", "example", "extractor_version")}
    s: dict[str, list[Any]] = {k: [] for k in (
        "article_key", "lang", "extractor_version", "watchlist_version", "sentiment_model", "sentiment_label",
        "sentiment_score", "n_mentions", "n_events", "extracted_at")}
    for ex in batch:
        for i, mn in enumerate(ex.mentions):
            for k, val in (("article_key", ex.id), ("seq", i), ("entity", mn.entity), ("kind", mn.kind),
                           ("text", mn.text), ("field", mn.field), ("start_char", mn.start), ("end_char", mn.end),
                           ("sentence", mn.sentence), ("sentiment_label", _label(mn.sentiment)),
                           ("sentiment_score", _score(mn.sentiment)), *v.items()):
                m[k].append(val)
        for i, ev in enumerate(ex.events):
            for k, val in (("article_key", ex.id), ("seq", i), ("event_type", ev.type),
                           ("confidence", float(ev.confidence)), ("sentence", ev.sentence), ("field", ev.field),
                           ("entities", list(ev.entities)), ("actor", ev.actor), ("targets", list(ev.targets)),
                           ("trigger", ev.trigger), *v.items()):
                e[k].append(val)
        for ro in ex.entities:
            for k, val in (("article_key", ex.id), ("entity", ro.entity), ("kind", ro.kind), ("n_mentions", ro.count),
                           ("sentiment_label", _label(ro.sentiment)), ("sentiment_score", _score(ro.sentiment)),
                           *v.items()):
                r[k].append(val)
        seen: set[str] = set()
        for name, example in ex.candidates:
            if name in seen:
                continue
            seen.add(name)
            for k, val in (("article_key", ex.id), ("name", name), ("example", example),
                           ("extractor_version", extractor_version)):
                c[k].append(val)
        for k, val in (("article_key", ex.id), ("lang", ex.lang), *v.items(), ("sentiment_model", sentiment_model),
                       ("sentiment_label", _label(ex.sentiment)), ("sentiment_score", _score(ex.sentiment)),
                       ("n_mentions", len(ex.mentions)), ("n_events", len(ex.events)), ("extracted_at", now)):
            s[k].append(val)
    touched = _delete_rows(conn, [ex.id for ex in batch])
    st, i32, f64, vl = pa.string(), pa.int32(), pa.float64(), pa.list_(pa.string())
    _insert(conn, "mentions", m, pa.schema([(k, i32 if k in ("seq", "start_char", "end_char") else
                                                  f64 if k == "sentiment_score" else st) for k in m]))
    _insert(conn, "events", e, pa.schema([(k, i32 if k == "seq" else f64 if k == "confidence" else
                                                vl if k in ("entities", "targets") else st) for k in e]))
    _insert(conn, "article_entities", r, pa.schema([(k, i32 if k == "n_mentions" else
                                                          f64 if k == "sentiment_score" else st) for k in r]))
    _insert(conn, "entity_candidates", c, pa.schema([(k, st) for k in c]))
    _insert(conn, "extraction_state", s, pa.schema([
        (k, i32 if k in ("n_mentions", "n_events") else f64 if k == "sentiment_score" else
         pa.timestamp("us", tz="UTC") if k == "extracted_at" else st) for k in s]))
    if r["article_key"]:
        conn.register("_sw_keys", pa.table({"k": pa.array(list(latest), pa.string())}))
        try:
            touched |= _touched_keys(conn)
        finally:
            conn.unregister("_sw_keys")
    _refresh_facts(conn, touched)
    stats.mentions, stats.events = len(m["article_key"]), len(e["article_key"])
    stats.entities, stats.candidates = len(r["article_key"]), len(c["article_key"])
    return stats


def sync_watchlist(conn: Connection, watchlist: Any) -> int:
    """Refresh the entities table from the loaded watchlist (caller's transaction)."""
    from sinowatch.extractors.watchlist import entity_rows  # noqa: PLC0415

    rows = list(entity_rows(watchlist))
    data = {
        "entity": [r[0] for r in rows], "kind": [r[1] for r in rows], "name": [r[2] for r in rows],
        "country": [r[3] for r in rows], "parent": [r[4] for r in rows],
        "watchlist_version": [watchlist.version] * len(rows),
    }
    conn.execute("DELETE FROM entities")
    _insert(conn, "entities", data, pa.schema([(k, pa.string()) for k in data]))
    return len(rows)


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
    from sinowatch.records import EntityRollup, Event, Mention  # noqa: PLC0415

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
        for k, t, conf, sent, field, ents, actor, targets, trig in conn.execute(
                "SELECT article_key, event_type, confidence, sentence, field, entities, actor, targets, trigger "
                "FROM events WHERE article_key IN (SELECT k FROM _sw_keys) ORDER BY article_key, seq").fetchall():
            evs.setdefault(k, []).append(Event(type=t, confidence=conf, sentence=sent, entities=tuple(ents),
                                               actor=actor, targets=tuple(targets), trigger=trig, field=field))
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
