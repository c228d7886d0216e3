"""Upkeep of the trend fact tables (migration 0005) through the dirty-key notes of 0006.

Writers of ``article_entities`` note, in their own transaction, what their change affects: the
(entity, UTC day) keys the rows they delete fall on (:func:`mark_articles`, before the delete)
and the articles whose rows they write (:func:`note_articles`: a key per article, resolved to
(entity, day) keys at refresh time, so a write costs no join). :func:`refresh_dirty` recomputes
the facts of every noted key - and of their (entity, week) keys and weekly pairs - from the
stored rows and deletes the notes, in the caller's transaction. The extraction stage calls it once at its end, so a backfill of many
batches pays for one recomputation instead of one per batch; a crash before it leaves the notes
for the next stage to refresh. :func:`rebuild` recomputes everything (after a bulk load that
bypassed the writers).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sinowatch.warehouse.db import Connection

# The UTC day of articles.published, as the facts and the 0004 views define it.
_DAY = "CAST(timezone('UTC', a.published) AS DATE)"

# fact_entity_day's columns after (entity, day), over rows ``r`` of article_entities joined to
# their article's cluster and day: one list for the full rebuild and the incremental refresh.
_ENTITY_DAY_AGGREGATES = """any_value(r.kind),
               count(*), count(DISTINCT r.cluster_id), sum(r.n_mentions),
               count(r.sentiment_score), sum(r.sentiment_score),
               count(*) FILTER (WHERE r.sentiment_label = 'positive'),
               count(*) FILTER (WHERE r.sentiment_label = 'negative'),
               count(*) FILTER (WHERE r.sentiment_label = 'neutral')"""

# The trend fact tables as aggregates of article_entities x articles, rebuilt whole (migration
# 0005's statements, with one change here and below: (article_key, entity) is the primary key of
# article_entities, so within an entity's group - or a pair's - every row is another article, and
# count(*) gives 0005's count(DISTINCT article_key) without the distinct set).
_FACT_SQL = {
    "fact_entity_day": """
        INSERT INTO fact_entity_day
        SELECT r.entity, r.day, """ + _ENTITY_DAY_AGGREGATES + """
        FROM (SELECT ae.entity, ae.kind, ae.n_mentions, ae.sentiment_label, ae.sentiment_score,
                     ad.cluster_id, ad.day
              FROM article_entities ae
              JOIN (SELECT article_key, cluster_id, CAST(timezone('UTC', published) AS DATE) AS day
                    FROM articles) ad USING (article_key)) r
        GROUP BY r.entity, r.day
        ORDER BY r.day, r.entity""",
    "fact_entity_week": """
        INSERT INTO fact_entity_week
        SELECT ae.entity, ad.week, count(*), count(DISTINCT ad.cluster_id)
        FROM article_entities ae
        JOIN (SELECT article_key, cluster_id,
                     CAST(date_trunc('week', CAST(timezone('UTC', published) AS DATE)) AS DATE) AS week
              FROM articles) ad USING (article_key)
        GROUP BY ae.entity, ad.week
        ORDER BY ad.week, ae.entity""",
    "fact_pair_week": """
        INSERT INTO fact_pair_week
        SELECT ad.week, a.entity, b.entity, count(*), count(DISTINCT ad.cluster_id)
        FROM article_entities a
        JOIN article_entities b ON b.article_key = a.article_key AND a.entity < b.entity
        JOIN (SELECT article_key, cluster_id,
                     CAST(date_trunc('week', CAST(timezone('UTC', published) AS DATE)) AS DATE) AS week
              FROM articles) ad ON ad.article_key = a.article_key
        GROUP BY ad.week, a.entity, b.entity
        ORDER BY ad.week, a.entity, b.entity""",
}

# The noted (entity, day) keys - noted directly, or the keys of the noted articles' stored rows -
# and their (entity, week) keys, a superset of the days' keys.
_KEYS_SQL = (
    f"""CREATE OR REPLACE TEMP TABLE _sw_td AS
        SELECT entity, day FROM trend_facts_dirty WHERE article_key IS NULL
        UNION
        SELECT ae.entity, {_DAY} FROM article_entities ae JOIN articles a USING (article_key)
        WHERE ae.article_key IN (SELECT article_key FROM trend_facts_dirty WHERE article_key IS NOT NULL)""",
    "CREATE OR REPLACE TEMP TABLE _sw_tw AS "
    "SELECT DISTINCT entity, CAST(date_trunc('week', day) AS DATE) AS week FROM _sw_td",
)

# Incremental: the rows of the touched (entity, week) keys, read once (articles in the touched
# weeks' published range, so the scan skips row groups), then the three aggregates over them. A
# pair changes only in a week where an article naming both changed, so both its ends are touched
# keys: its articles' rows are all in _sw_rows.
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
       SELECT r.entity, r.day, """ + _ENTITY_DAY_AGGREGATES + """
       FROM _sw_rows r JOIN _sw_td t ON t.entity = r.entity AND t.day = r.day
       GROUP BY r.entity, r.day
       ORDER BY r.day, r.entity""",
    "DELETE FROM fact_entity_week f USING _sw_tw t WHERE f.entity = t.entity AND f.week = t.week",
    """INSERT INTO fact_entity_week
       SELECT entity, week, count(*), count(DISTINCT cluster_id)
       FROM _sw_rows GROUP BY entity, week ORDER BY week, entity""",
    """DELETE FROM fact_pair_week f USING _sw_tw ta, _sw_tw tb
       WHERE ta.week = f.week AND ta.entity = f.entity_a AND tb.week = f.week AND tb.entity = f.entity_b""",
    """INSERT INTO fact_pair_week
       SELECT a.week, a.entity, b.entity, count(*), count(DISTINCT a.cluster_id)
       FROM _sw_rows a JOIN _sw_rows b ON b.article_key = a.article_key AND a.entity < b.entity
       GROUP BY a.week, a.entity, b.entity
       ORDER BY a.week, a.entity, b.entity""",
)

# When the noted (entity, week) keys are at least this share of all (entity, week) keys stored
# and noted, rebuilding every fact is cheaper than the incremental path (a backfill into a new
# warehouse notes every key).
_REBUILD_SHARE = 0.5


def mark_articles(conn: Connection, keys: str) -> None:
    """Note the (entity, day) keys the stored article_entities rows of the articles listed in the
    relation ``keys`` (a column ``article_key``) fall on now: before deleting those rows (caller's
    transaction)."""
    conn.execute(
        f"INSERT INTO trend_facts_dirty (entity, day) SELECT DISTINCT ae.entity, {_DAY} "
        f"FROM article_entities ae JOIN articles a USING (article_key) "
        f"WHERE ae.article_key IN (SELECT article_key FROM {keys})")


def note_articles(conn: Connection, rows: str) -> None:
    """Note the articles of the relation ``rows`` (a column ``article_key``), e.g. the registered
    Arrow table of article_entities rows being written: their keys are resolved at refresh."""
    conn.execute(f"INSERT INTO trend_facts_dirty (article_key) SELECT DISTINCT article_key FROM {rows}")


def dirty_count(conn: Connection) -> int:
    """How many notes wait for :func:`refresh_dirty` (duplicates included)."""
    row = conn.execute("SELECT count(*) FROM trend_facts_dirty").fetchone()
    return int(row[0]) if row else 0


def _utc_midnight(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=UTC)


def refresh_dirty(conn: Connection) -> int:
    """Recompute the facts of every noted (entity, day) key, of their (entity, week) keys and of
    the weekly pairs of two noted entities, from the stored rows; then delete the notes. Caller's
    transaction, so the facts and the notes commit together. Returns the distinct keys refreshed."""
    if not dirty_count(conn):
        return 0
    for sql in _KEYS_SQL:
        conn.execute(sql)
    n_days, n_weeks, lo, hi = conn.execute(
        "SELECT (SELECT count(*) FROM _sw_td), count(*), min(week), max(week) FROM _sw_tw").fetchall()[0]
    (untouched,) = conn.execute("SELECT count(*) FROM fact_entity_week ANTI JOIN _sw_tw USING (entity, week)"
                                ).fetchall()[0]
    if n_weeks >= _REBUILD_SHARE * (n_weeks + untouched):
        _rebuild_all(conn)
    else:
        conn.execute(_ROWS_SQL, [_utc_midnight(lo), _utc_midnight(hi + timedelta(days=7))])
        for sql in _INCREMENTAL_SQL:
            conn.execute(sql)
        conn.execute("DROP TABLE _sw_rows")
    conn.execute("DROP TABLE _sw_td")
    conn.execute("DROP TABLE _sw_tw")
    conn.execute("DELETE FROM trend_facts_dirty")
    return int(n_days)


def _rebuild_all(conn: Connection) -> None:
    for table, sql in _FACT_SQL.items():
        conn.execute(f"DELETE FROM {table}")
        conn.execute(sql)


def rebuild(conn: Connection) -> None:
    """Recompute every fact from the stored rows and clear the notes (caller's transaction)."""
    _rebuild_all(conn)
    conn.execute("DELETE FROM trend_facts_dirty")
