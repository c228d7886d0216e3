"""The alert outbox in DuckDB (migrations/0003_alerts.sql): queue, read, mark.

Queueing runs inside the caller's transaction - the one that saves the extraction rows that caused
the alerts - so a batch's alerts exist exactly when its extraction results do. The (rule, cluster)
key and ``INSERT ... ON CONFLICT DO NOTHING`` make re-extraction and reruns add nothing.
Marking functions each run in their own short transaction (the sender's, see alerts/stage.py).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa
from sinowatch.warehouse.db import Connection, transaction

from sinowatch.records import ArticleMeta, CandidateAlert, EntityRef, Event, OutboxAlert, Source

OPEN_STATUSES = ("pending", "sending")
MAX_ERROR_CHARS = 500

_OUTBOX_SCHEMA = pa.schema(
    [
        ("alert_id", pa.string()),
        ("rule", pa.string()),
        ("cluster_id", pa.string()),
        ("article_key", pa.string()),
        ("event_type", pa.string()),
        ("confidence", pa.float64()),
        ("sentence", pa.string()),
        ("trigger_text", pa.string()),
        ("entities", pa.string()),
        ("created_at", pa.timestamp("us", tz="UTC")),
        ("event_status", pa.string()),
        ("actor", pa.string()),
        ("targets", pa.list_(pa.string())),
    ]
)


def _columns(conn: Connection, table: str) -> set[str]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
        ).fetchall()
    }


def article_meta(conn: Connection, keys: Sequence[str]) -> dict[str, ArticleMeta]:
    """article_key -> what the rules need (feed, feeds, language, cluster) for the known keys."""
    if not keys:
        return {}
    rows = conn.execute(
        "SELECT article_key, feed, feeds, language, cluster_id, published FROM articles "
        "WHERE list_contains(?, article_key)",
        [list(dict.fromkeys(keys))],
    ).fetchall()
    return {k: ArticleMeta(key=k, feed=f, feeds=tuple(fs or ()), language=lang, cluster_id=c, published=p)
            for k, f, fs, lang, c, p in rows}


def _entities_json(refs: Sequence[EntityRef]) -> str:
    return json.dumps(
        [{"id": r.id, "kind": r.kind, "sentiment": r.sentiment, "score": r.score} for r in refs], ensure_ascii=False
    )


def queue(conn: Connection, candidates: Sequence[CandidateAlert], now: datetime) -> int:
    """Add outbox rows for new (rule, cluster) pairs; returns how many were added.
    The caller holds the transaction."""
    if not candidates:
        return 0
    cols: dict[str, list[object]] = {n: [] for n in _OUTBOX_SCHEMA.names}
    for c in candidates:
        cols["alert_id"].append(c.alert_id)
        cols["rule"].append(c.rule)
        cols["cluster_id"].append(c.cluster_id)
        cols["article_key"].append(c.article_key)
        cols["event_type"].append(c.event_type)
        cols["confidence"].append(c.confidence)
        cols["sentence"].append(c.sentence)
        cols["trigger_text"].append(c.trigger)
        cols["entities"].append(_entities_json(c.entities))
        cols["created_at"].append(now)
        cols["event_status"].append(c.status)
        cols["actor"].append(c.actor)
        cols["targets"].append(list(c.targets))
    names = ", ".join(_OUTBOX_SCHEMA.names)
    conn.register("_alerts_new", pa.table(cols, schema=_OUTBOX_SCHEMA))
    try:
        row = conn.execute(
            f"INSERT INTO alerts ({names}) SELECT {names} FROM _alerts_new ON CONFLICT DO NOTHING"
        ).fetchone()
    finally:
        conn.unregister("_alerts_new")
    return int(row[0]) if row else 0


def _watchlist_key(conn: Connection) -> str | None:
    """The id column of the extraction stage's watchlist table (`entities`), if it exists."""
    cols = _columns(conn, "entities")
    return next((c for c in ("entity", "id") if c in cols), None)


def _entity_names(conn: Connection) -> dict[str, str]:
    """Watchlist id -> display name, when the extraction stage's `entities` table exists."""
    key = _watchlist_key(conn)
    cols = _columns(conn, "entities")
    if key is None or "name" not in cols:
        return {}
    zh = "name_zh" if "name_zh" in cols else "NULL"  # the Chinese name beside the English one
    return {i: (f"{n} ({z})" if z else n)
            for i, n, z in conn.execute(f"SELECT {key}, name, {zh} FROM entities").fetchall() if n}


def _current_sentiment(conn: Connection, keys: Sequence[str]) -> dict[tuple[str, str], tuple[str, float | None]]:
    """(article, entity) -> the sentiment stored now (it may have been scored after the alert
    was queued), from the extraction stage's `article_entities` table if it exists."""
    if not {"article_key", "entity", "sentiment_label", "sentiment_score"} <= _columns(conn, "article_entities"):
        return {}
    rows = conn.execute(
        "SELECT article_key, entity, sentiment_label, sentiment_score FROM article_entities "
        "WHERE list_contains(?, article_key) AND sentiment_label IS NOT NULL",
        [list(keys)],
    ).fetchall()
    return {(k, e): (lab, sc) for k, e, lab, sc in rows}


def _refs(raw: str, names: dict[str, str], article_key: str,
          sentiment: dict[tuple[str, str], tuple[str, float | None]]) -> tuple[EntityRef, ...]:
    out = []
    for d in json.loads(raw or "[]"):
        label, score = sentiment.get((article_key, d["id"]), (d.get("sentiment"), d.get("score")))
        out.append(EntityRef(id=d["id"], kind=d.get("kind"), sentiment=label,
                             score=None if score is None else round(float(score), 3), name=names.get(d["id"])))
    return tuple(out)


def outbox(conn: Connection, statuses: Sequence[str] = OPEN_STATUSES) -> list[OutboxAlert]:
    """Outbox rows in ``statuses`` joined with their article and the story's other copies,
    ordered by rule, then most confident and newest first. (A read-only warehouse older than
    migration 0003 has no outbox: nothing is open.)"""
    cols = _columns(conn, "alerts")
    if "alert_id" not in cols:
        return []
    # a read-only warehouse older than migration 0010 has no event status, actor or targets
    roles = ("al.event_status, al.actor, al.targets" if "event_status" in cols
             else "NULL::VARCHAR, NULL::VARCHAR, []::VARCHAR[]")
    rows = conn.execute(
        f"""
        SELECT al.alert_id, al.rule, al.cluster_id, al.status, al.tries, al.message_id, al.event_type,
               al.confidence, al.sentence, al.trigger_text, al.entities, al.created_at,
               al.article_key, a.feed, a.feeds, a.title, a.url, a.published, a.language, {roles}
        FROM alerts al LEFT JOIN articles a ON a.article_key = al.article_key
        WHERE list_contains(?, al.status)
        ORDER BY al.rule, al.confidence DESC, a.published DESC NULLS LAST, al.alert_id
        """,
        [list(statuses)],
    ).fetchall()
    if not rows:
        return []
    names = _entity_names(conn)
    sentiment = _current_sentiment(conn, sorted({r[12] for r in rows}))
    clusters = sorted({r[2] for r in rows})
    copies: dict[str, list[tuple[str, str, str, str, datetime]]] = {}
    for key, cid, feed, title, url, published in conn.execute(
        "SELECT article_key, cluster_id, feed, title, url, published FROM articles "
        "WHERE list_contains(?, cluster_id) ORDER BY published, article_key",
        [clusters],
    ).fetchall():
        copies.setdefault(cid, []).append((key, feed, title, url, published))
    out = []
    for (aid, rule, cid, status, tries, mid, etype, conf, sentence, trig, ents, created,
         akey, feed, feeds, title, url, published, lang, ev_status, actor, targets) in rows:
        main = Source(feed=feed or "", title=title or "(article no longer in the warehouse)", url=url or "",
                      published=published)
        others = [Source(feed=f, title=title or "", url=url or "", published=published)
                  for f in (feeds or []) if f != feed]
        others += [Source(feed=f, title=t, url=u, published=p) for k, f, t, u, p in copies.get(cid, []) if k != akey]
        out.append(
            OutboxAlert(
                alert_id=aid, rule=rule, cluster_id=cid, status=status, tries=tries, message_id=mid,
                event_type=etype, confidence=conf, sentence=sentence, trigger=trig,
                entities=_refs(ents, names, akey, sentiment), article=main, language=lang or "", other_sources=tuple(others),
                created_at=created, event_status=ev_status, actor=actor, targets=tuple(targets or ()),
            )
        )
    return out


def mark_sending(conn: Connection, ids: Sequence[str], message_id: str, now: datetime) -> None:
    """Before handing a digest to the server: remember its Message-ID, so that a crash before
    :func:`mark_sent` resends the same message (same Message-ID) next run."""
    with transaction(conn):
        conn.execute(
            "UPDATE alerts SET status = 'sending', message_id = ?, attempted_at = ? WHERE list_contains(?, alert_id)",
            [message_id, now, list(ids)],
        )


def mark_sent(conn: Connection, ids: Sequence[str], message_id: str, response: str, now: datetime) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE alerts SET status = 'sent', tries = tries + 1, sent_at = ?, message_id = ?, smtp_response = ?, "
            "last_error = NULL WHERE list_contains(?, alert_id)",
            [now, message_id, response[:MAX_ERROR_CHARS], list(ids)],
        )


def record_failure(conn: Connection, ids: Sequence[str], error: str, max_tries: int, now: datetime) -> int:
    """One failed try for each alert: back to pending, or failed after ``max_tries``.
    Returns how many alerts are now failed. ``error`` must already be free of secrets."""
    with transaction(conn):
        conn.execute(
            "UPDATE alerts SET tries = tries + 1, last_error = ?, attempted_at = ?, "
            "status = CASE WHEN tries + 1 >= ? THEN 'failed' ELSE 'pending' END "
            "WHERE list_contains(?, alert_id)",
            [error[:MAX_ERROR_CHARS], now, max_tries, list(ids)],
        )
        row = conn.execute(
            "SELECT count(*) FROM alerts WHERE status = 'failed' AND list_contains(?, alert_id)", [list(ids)]
        ).fetchone()
    return int(row[0]) if row else 0


def requeue(conn: Connection, *, rules: Sequence[str] = (), failed_only: bool = False,
            tried_before: datetime | None = None) -> int:
    """Put alerts back in the queue with their tries reset (``alerts.max_tries`` applies afresh):
    the failed ones and, unless ``failed_only``, the pending ones that already used tries. Only
    these ``rules`` when given; only alerts last tried before ``tried_before`` when given (the
    automatic policy). One transaction; returns how many alerts were re-queued. ``last_error``
    is kept, so the reason stays visible until the next try."""
    statuses = ["failed"] if failed_only else ["failed", "pending"]
    where = "list_contains(?, status) AND tries > 0"
    params: list[object] = [statuses]
    if rules:
        where += " AND list_contains(?, rule)"
        params.append(list(rules))
    if tried_before is not None:
        where += " AND attempted_at < ?"
        params.append(tried_before)
    with transaction(conn):
        row = conn.execute(f"SELECT count(*) FROM alerts WHERE {where}", params).fetchone()
        conn.execute(f"UPDATE alerts SET status = 'pending', tries = 0 WHERE {where}", params)
    return int(row[0]) if row else 0


def failed_count(conn: Connection) -> int:
    row = conn.execute("SELECT count(*) FROM alerts WHERE status = 'failed'").fetchone()
    return int(row[0]) if row else 0


@dataclass(frozen=True)
class RuleCounts:
    queued_recent: int = 0
    pending: int = 0
    sent: int = 0
    failed: int = 0


def rule_counts(conn: Connection, since: datetime) -> dict[str, RuleCounts]:
    """Per rule: alerts queued since ``since``, and alerts by status (all time)."""
    rows = conn.execute(
        "SELECT rule, count(*) FILTER (WHERE created_at >= ?), "
        "count(*) FILTER (WHERE status IN ('pending', 'sending')), "
        "count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status = 'failed') "
        "FROM alerts GROUP BY rule",
        [since],
    ).fetchall()
    return {r: RuleCounts(q, p, s, f) for r, q, p, s, f in rows}


@dataclass(frozen=True)
class StoredEvent:
    """An event from the extraction stage's tables, with what the rules need about its article."""

    event: Event
    language: str
    feeds: tuple[str, ...]
    cluster_id: str


def recent_events(conn: Connection, since: datetime) -> tuple[list[StoredEvent], dict[str, str]] | None:
    """Events of articles published since ``since`` and the watchlist kinds (id -> kind), or None
    when the extraction tables (migrations/0002) are not there."""
    cols = _columns(conn, "events")
    type_col = next((c for c in ("event_type", "type") if c in cols), None)
    if type_col is None or not {"confidence", "article_key"} <= cols:
        return None

    def col(name: str, default: str) -> str:
        return f"e.{name}" if name in cols else default

    rows = conn.execute(
        f"""
        SELECT e.{type_col}, e.confidence, {col('sentence', "''")}, {col('entities', '[]::VARCHAR[]')},
               {col('actor', 'NULL')}, {col('targets', '[]::VARCHAR[]')}, {col('status', 'NULL')},
               a.language, a.feed, a.feeds, a.cluster_id
        FROM events e JOIN articles a ON a.article_key = e.article_key
        WHERE a.published >= ?
        """,
        [since],
    ).fetchall()
    kinds: dict[str, str] = {}
    key = _watchlist_key(conn)
    if key is not None and "kind" in _columns(conn, "entities"):
        kinds = {i: k for i, k in conn.execute(f"SELECT {key}, kind FROM entities").fetchall()}
    if "article_entities" in {t for (t,) in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}:
        kinds.update({e: k for e, k in conn.execute("SELECT DISTINCT entity, kind FROM article_entities").fetchall()
                      if e not in kinds})
    events = [
        StoredEvent(
            event=Event(type=t, confidence=float(c or 0.0), sentence=s or "", entities=tuple(es or ()), actor=act,
                        targets=tuple(tg or ()), status=st),
            language=lang, feeds=tuple(dict.fromkeys([feed, *(feeds or [])])), cluster_id=cid,
        )
        for t, c, s, es, act, tg, st, lang, feed, feeds, cid in rows
    ]
    return events, kinds
