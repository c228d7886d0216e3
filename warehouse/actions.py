"""Warehouse side of actions (migrations 0011, 0012): candidate lookup on the (type, target, week)
index, writing what the fold decided, recomputing an action's row from its reports, and the
queries behind `sinowatch actions` / `sinowatch action ID` and the report.

Plain rows in and out (tuples, dicts): the fold's logic lives in ``sinowatch.actions``; this
module only knows the tables. Every writer runs in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pyarrow as pa
from sinowatch.warehouse.db import Connection

_ST = pa.string()
_TS = pa.timestamp("us", tz="UTC")

REPORT_SCHEMA = pa.schema([
    ("action_id", _ST), ("article_key", _ST), ("seq", pa.int32()), ("targets", pa.list_(_ST)),
    ("published", _TS), ("language", _ST), ("status", _ST), ("score", pa.float64()), ("joined_at", _TS),
    ("title", _ST), ("evidence", _ST),
])
KEY_SCHEMA = pa.schema([("action_id", _ST), ("event_type", _ST), ("target", _ST), ("week", pa.date32())])
TOUCHED_SCHEMA = pa.schema([
    ("action_id", _ST), ("event_type", _ST), ("status", _ST), ("actor", _ST), ("targets", pa.list_(_ST)),
    ("title", _ST), ("first_seen", _TS), ("last_seen", _TS),
])


def _keys(keys: Sequence[str]) -> pa.Table:
    return pa.table({"article_key": pa.array(list(dict.fromkeys(keys)), _ST)})


def article_meta(conn: Connection, keys: Sequence[str]) -> dict[str, tuple[datetime, str | None, str]]:
    """article_key -> (published, language, title)."""
    if not keys:
        return {}
    conn.register("_sw_akeys", _keys(keys))
    try:  # a join on a registered table: list_contains(?, key) would test every row against the whole list
        rows = conn.execute("SELECT a.article_key, a.published, a.language, a.title FROM articles a "
                            "JOIN _sw_akeys k USING (article_key)").fetchall()
    finally:
        conn.unregister("_sw_akeys")
    return {k: (p, lang, t) for k, p, lang, t in rows}


def entity_countries(conn: Connection) -> dict[str, str]:
    """watchlist id -> country, for the agencies and governments (actor agreement)."""
    return {e: c for e, c in conn.execute(
        "SELECT entity, country FROM entities WHERE kind = 'agency' AND country IS NOT NULL").fetchall()}


def entity_kinds(conn: Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT entity, kind FROM entities").fetchall())


def detach_articles(conn: Connection, keys: Sequence[str]) -> set[str]:
    """Remove the stored reports of these articles (they are about to be folded again); returns
    the actions that lost reports."""
    if not keys:
        return set()
    conn.register("_sw_dkeys", _keys(keys))
    try:
        rows = conn.execute("SELECT DISTINCT action_id FROM action_reports "
                            "WHERE article_key IN (SELECT article_key FROM _sw_dkeys)").fetchall()
        if rows:
            conn.execute("DELETE FROM action_reports WHERE article_key IN (SELECT article_key FROM _sw_dkeys)")
    finally:
        conn.unregister("_sw_dkeys")
    return {r[0] for r in rows}


def candidate_actions(conn: Connection, wanted: Sequence[tuple[str, str, date, date]]) -> list[dict[str, Any]]:
    """The stored actions indexed under a (type, target) key in a range of weeks (first, last
    week), each with its indexed targets ("@US" for an untargeted measure included), the publication
    times (background mentions left out) and evidence sentences of its reports."""
    if not wanted:
        return []
    tbl = pa.table({"event_type": [w[0] for w in wanted], "target": [w[1] for w in wanted],
                    "lo": pa.array([w[2] for w in wanted], pa.date32()),
                    "hi": pa.array([w[3] for w in wanted], pa.date32())})
    conn.register("_sw_wanted", tbl)
    try:
        # the hit actions first, then one grouped pass over their rows (correlated subqueries would
        # group the whole action_reports table once each)
        rows = conn.execute("""
            WITH hit AS (
                SELECT DISTINCT k.action_id FROM action_keys k
                JOIN _sw_wanted w ON k.event_type = w.event_type AND k.target = w.target AND k.week BETWEEN w.lo AND w.hi),
            keys AS (SELECT action_id, list(DISTINCT target) AS targets FROM action_keys
                     WHERE action_id IN (SELECT action_id FROM hit) GROUP BY action_id),
            reps AS (SELECT action_id,
                            list(published) FILTER (WHERE status IS DISTINCT FROM 'background') AS seen,
                            min(published) FILTER (WHERE status IN ('enacted', 'reversed')) AS enacted_at,
                            list(evidence) AS sentences
                     FROM action_reports WHERE action_id IN (SELECT action_id FROM hit) GROUP BY action_id),
            recs AS (SELECT action_id, list(coalesce(citation, '')) AS citations FROM action_records
                     WHERE action_id IN (SELECT action_id FROM hit) GROUP BY action_id)
            SELECT a.action_id, a.event_type, a.status, a.actor, keys.targets, a.first_seen, a.last_seen,
                   reps.seen, reps.enacted_at, reps.sentences, recs.citations
            FROM actions a JOIN hit USING (action_id)
            LEFT JOIN keys USING (action_id) LEFT JOIN reps USING (action_id) LEFT JOIN recs USING (action_id)
            ORDER BY a.action_id""").fetchall()
    finally:
        conn.unregister("_sw_wanted")
    cols = ("action_id", "event_type", "status", "actor", "targets", "first_seen", "last_seen", "seen", "enacted_at",
            "sentences",
            "citations")
    return [dict(zip(cols, r, strict=True)) for r in rows]


def write_fold(conn: Connection, reports: Sequence[dict[str, Any]], touched: Sequence[dict[str, Any]],
               history: Sequence[tuple[str, str, datetime, str | None]], now: datetime) -> int:
    """Insert the new reports, refresh the index keys and the rows of the touched actions from
    their reports, and append the status changes. Actions left with neither reports nor an
    official record are deleted. Returns how many actions were written."""
    if reports:
        rep = pa.Table.from_pylist([{**r, "joined_at": now} for r in reports], schema=REPORT_SCHEMA)
        conn.register("_sw_reports", rep)
        try:
            conn.execute("INSERT INTO action_reports SELECT * FROM _sw_reports")
        finally:
            conn.unregister("_sw_reports")
    if not touched:
        return 0
    t = pa.Table.from_pylist(list(touched), schema=TOUCHED_SCHEMA)
    conn.register("_sw_touched", t)
    try:
        conn.execute("DELETE FROM action_keys WHERE action_id IN (SELECT action_id FROM _sw_touched)")
        conn.execute("""
            INSERT INTO action_keys
            SELECT DISTINCT r.action_id, t.event_type, u.target,
                   CAST(date_trunc('week', timezone('UTC', r.published)) AS DATE)
            FROM action_reports r JOIN _sw_touched t USING (action_id),
                 (SELECT unnest(r.targets) AS target) u
            UNION
            SELECT DISTINCT r.action_id, t.event_type, u.target, CAST(date_trunc('week', r.published) AS DATE)
            FROM action_records r JOIN _sw_touched t USING (action_id),
                 (SELECT unnest(r.targets) AS target) u
            WHERE r.published IS NOT NULL""")
        conn.execute("""
            INSERT OR REPLACE INTO actions
            SELECT t.action_id, t.event_type, t.status, t.actor,
                   coalesce(g2.targets, t.targets), coalesce(g.title, old.title, t.title), g.first_article,
                   coalesce(least(g.first_seen, rec.first_seen), g.first_seen, rec.first_seen, t.first_seen),
                   coalesce(greatest(g.last_seen, rec.first_seen), g.last_seen, t.last_seen),
                   coalesce(g.n, 0), coalesce(g.languages, []), g.evidence,
                   coalesce(old.created_at, ?), ?
            FROM _sw_touched t
            LEFT JOIN (
                SELECT r.action_id,
                       arg_min(r.title, r.published) AS title,
                       arg_min(r.article_key, r.published) AS first_article,
                       arg_min(r.evidence, r.published) AS evidence,
                       min(r.published) AS first_seen, max(r.published) AS last_seen, count(DISTINCT r.article_key) AS n,
                       list_sort(list_distinct(list(r.language) FILTER (WHERE r.language IS NOT NULL))) AS languages
                FROM action_reports r
                WHERE r.action_id IN (SELECT action_id FROM _sw_touched)
                GROUP BY r.action_id) g USING (action_id)
            LEFT JOIN (SELECT action_id, CAST(min(published) AS TIMESTAMPTZ) AS first_seen FROM action_records
                       GROUP BY action_id) rec USING (action_id)
            LEFT JOIN (
                -- the action's targets: the firms named by at least a third of its reporting articles
                -- (a supplier or rival named beside the listed firm in one report is not a target of
                -- the act); every named firm when none reaches that
                SELECT s.action_id, list_sort(coalesce(
                           list(s.target) FILTER (WHERE s.n * 3 >= s.total AND NOT starts_with(s.target, '@')),
                           list(s.target) FILTER (WHERE NOT starts_with(s.target, '@')), []::VARCHAR[])) AS targets
                FROM (SELECT action_id, target, count(*) AS n, any_value(total) AS total
                      FROM (SELECT DISTINCT r.action_id, r.article_key, u.target,
                                   count(DISTINCT r.article_key) OVER (PARTITION BY r.action_id) AS total
                            FROM action_reports r, (SELECT unnest(r.targets) AS target) u
                            WHERE r.action_id IN (SELECT action_id FROM _sw_touched))
                      GROUP BY action_id, target) s
                GROUP BY s.action_id) g2 USING (action_id)
            LEFT JOIN actions old USING (action_id)""", [now, now])
        conn.execute("""
            DELETE FROM actions WHERE action_id IN (SELECT action_id FROM _sw_touched) AND n_reports = 0
              AND action_id NOT IN (SELECT action_id FROM action_records)""")
    finally:
        conn.unregister("_sw_touched")
    if history:
        h = pa.table({"action_id": pa.array([x[0] for x in history], _ST), "status": pa.array([x[1] for x in history], _ST),
                      "seen_at": pa.array([x[2] for x in history], _TS),
                      "article_key": pa.array([x[3] for x in history], _ST)})
        conn.register("_sw_history", h)
        try:  # a status change seen again (a re-extracted article) is recorded once
            conn.execute("""
                INSERT INTO action_history
                SELECT DISTINCT n.action_id, n.status, n.seen_at, n.article_key, ? FROM _sw_history n
                WHERE NOT EXISTS (SELECT 1 FROM action_history o WHERE o.action_id = n.action_id
                                  AND o.status = n.status AND o.article_key IS NOT DISTINCT FROM n.article_key)""",
                         [now])
        finally:
            conn.unregister("_sw_history")
    return len(touched)


# ---------------------------------------------------------------------------------------- reading
LIST_COLUMNS = ("id", "type", "status", "actor", "targets", "first_seen", "last_seen", "reports", "languages",
                "outlets", "title", "official")


def list_actions(conn: Connection, *, event_type: str | None = None, status: str | None = None,
                 since: datetime | None = None, limit: int | None = None,
                 action_id: str | None = None) -> list[dict[str, Any]]:
    """Actions, newest first, with their coverage and official record (None when none is linked)."""
    rows = conn.execute(f"""
        SELECT a.action_id, a.event_type, a.status, a.actor, a.targets, a.first_seen, a.last_seen, a.n_reports,
               a.languages,
               (SELECT count(DISTINCT ar.feed) FROM action_reports r JOIN articles ar USING (article_key)
                 WHERE r.action_id = a.action_id) AS outlets,
               a.title,
               (SELECT struct_pack(kind := rec.record_kind, id := rec.record_id, citation := rec.citation,
                                   url := rec.url, published := rec.published, effective := rec.effective,
                                   title := rec.title)
                  FROM action_records rec WHERE rec.action_id = a.action_id
                  ORDER BY rec.record_kind = 'federal_register' DESC, rec.published LIMIT 1) AS official
        FROM actions a
        WHERE (? IS NULL OR a.event_type = ?) AND (? IS NULL OR a.status = ?) AND (? IS NULL OR a.last_seen >= ?)
          AND (? IS NULL OR a.action_id = ?)
        ORDER BY a.last_seen DESC, a.action_id
        {'LIMIT ' + str(int(limit)) if limit else ''}""",
                        [event_type, event_type, status, status, since, since, action_id, action_id]).fetchall()
    return [dict(zip(LIST_COLUMNS, r, strict=True)) for r in rows]


def action_detail(conn: Connection, action_id: str) -> dict[str, Any] | None:
    """One action with its reports (oldest first), records and status history; None if unknown."""
    found = list_actions(conn, action_id=action_id)
    if not found:
        return None
    act = found[0]
    act["evidence"] = conn.execute("SELECT evidence FROM actions WHERE action_id = ?", [action_id]).fetchall()[0][0]
    act["reports_list"] = [dict(zip(("published", "language", "feed", "title", "url", "status", "evidence"), r,
                                    strict=True)) for r in conn.execute("""
        SELECT min(r.published), any_value(r.language), any_value(a.feed), any_value(a.title), any_value(a.url),
               arg_min(r.status, r.seq), arg_min(e.sentence, r.seq)
        FROM action_reports r JOIN articles a USING (article_key)
        LEFT JOIN events e ON e.article_key = r.article_key AND e.seq = r.seq
        WHERE r.action_id = ? GROUP BY r.article_key ORDER BY 1, r.article_key""", [action_id]).fetchall()]
    act["records"] = [dict(zip(("kind", "id", "citation", "url", "published", "effective", "title"), r, strict=True))
                      for r in conn.execute("""
        SELECT record_kind, record_id, citation, url, published, effective, title FROM action_records
        WHERE action_id = ? ORDER BY published, record_kind, record_id""", [action_id]).fetchall()]
    act["history"] = [dict(zip(("status", "at", "article_key"), r, strict=True)) for r in conn.execute(
        "SELECT status, seen_at, article_key FROM action_history WHERE action_id = ? ORDER BY seen_at, recorded_at",
        [action_id]).fetchall()]
    act["coverage"] = [dict(zip(("language", "feed", "reports", "first_url"), r, strict=True)) for r in conn.execute(
        "SELECT language, feed, reports, first_url FROM action_coverage WHERE action_id = ? "
        "ORDER BY reports DESC, language, feed", [action_id]).fetchall()]
    return act
