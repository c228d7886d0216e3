"""Queries: the trend views (migrations 0004, 0005), the report's named queries, ``trends()`` and the
cookbook queries on a warehouse of N articles and M mentions generated directly in DuckDB (SQL over
``range()``, deterministic), each timed (best of 2) against a full-scan aggregate of the mentions
table in the same run. Floor: each under 1 second. EXPLAIN ANALYZE (JSON profile) lists, per
query, the scans that read a whole big table.
"""

from __future__ import annotations

import json
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench.common import Section, Sizes, ratio

VIEWS = ("daily_mentions", "daily_sentiment", "entity_day_facts", "share_of_voice", "event_timeline", "co_mentions",
         "spike_scores", "spikes")
EVENT_TYPES = ("export_control", "entity_list", "investment", "model_release", "chip_launch", "partnership",
               "investigation", "tariff", "policy_plan", "market_move")


def build_warehouse(conn: Any, n_articles: int, n_mentions: int) -> None:
    """Fill a migrated warehouse: articles over 365 days (5% in shared story clusters), mentions
    skewed toward a few popular entities, the roll-up, events (~0.3 per article), state."""
    from sinowatch.extractors.watchlist import load_watchlist
    from sinowatch.warehouse.db import transaction
    from sinowatch.warehouse.extraction import sync_watchlist

    from sinowatch.extract_stage import watchlist_rows

    with transaction(conn):
        watchlist = load_watchlist()
        sync_watchlist(conn, watchlist_rows(watchlist), watchlist.version)
    per = max(1, n_mentions // n_articles)
    conn.execute("SELECT setseed(0.42)")
    conn.execute("CREATE TEMP TABLE ents AS SELECT row_number() OVER (ORDER BY entity) - 1 AS i, entity, kind "
                 "FROM entities")
    n_ent = conn.execute("SELECT count(*) FROM ents").fetchone()[0]
    conn.execute(f"""
        INSERT INTO articles
        SELECT lpad(to_hex(i), 20, '0'), 'https://bench' || (i % 40) || '.example.com/' || i, NULL, NULL,
               'feed-' || (i % 40), ['feed-' || (i % 40)], 'Title of article ' || i, 'Body of article ' || i,
               ['Staff'], TIMESTAMPTZ '2026-11-27 23:00:00+00' - to_seconds(CAST(({n_articles} - i) * 31536000.0
                   / {n_articles} AS BIGINT)),
               false, CASE WHEN i % 7 = 0 THEN 'zh' ELSE 'en' END, now(), now(), now(), NULL, hash(i), NULL,
               'c-' || lpad(to_hex(CASE WHEN i % 20 = 19 THEN i - 1 ELSE i END), 20, '0')
        FROM range({n_articles}) t(i)
    """)
    conn.execute("""
        INSERT INTO story_clusters
        SELECT cluster_id, arg_min(article_key, published), arg_min(title, published), min(published), count(*), now()
        FROM articles GROUP BY cluster_id
    """)
    # entity index skewed: u^3 puts most mentions on the first (popular) entities
    conn.execute(f"""
        INSERT INTO mentions (article_key, seq, entity, kind, text, field, start_char, end_char, sentence,
                              sentiment_label, sentiment_score, extractor_version, watchlist_version)
        SELECT lpad(to_hex(m // {per}), 20, '0'), CAST(m % {per} AS INTEGER), e.entity, e.kind, e.entity, 'text',
               0, 5, 'A sentence naming ' || e.entity || '.', NULL, NULL, 'v', 'w'
        FROM (SELECT m, CAST(floor({n_ent} * pow((hash(m) % 1000003) / 1000003.0, 3)) AS BIGINT) AS ei
              FROM range({n_articles * per}) t(m)) x
        JOIN ents e ON e.i = x.ei
    """)
    conn.execute("""
        INSERT INTO article_entities
        SELECT article_key, entity, any_value(kind), count(*),
               CASE WHEN hash(article_key || entity) % 3 = 0 THEN 'negative'
                    WHEN hash(article_key || entity) % 3 = 1 THEN 'positive' ELSE 'neutral' END,
               (CAST(hash(article_key || entity) % 2001 AS INTEGER) - 1000) / 1000.0, 'v', 'w'
        FROM mentions GROUP BY article_key, entity
    """)
    types = "[" + ", ".join(f"'{t}'" for t in EVENT_TYPES) + "]"
    conn.execute(f"""
        INSERT INTO events (article_key, seq, event_type, confidence, sentence, field, entities, actor, targets,
                            trigger, extractor_version, watchlist_version)
        SELECT a.article_key, 0, {types}[1 + CAST(hash(a.article_key) % {len(EVENT_TYPES)} AS INTEGER)],
               0.5 + (hash(a.article_key) % 50) / 100.0, 'Evidence sentence.', 'text', [ae.entity], ae.entity,
               [ae.entity], 'trigger', 'v', 'w'
        FROM (SELECT article_key FROM articles WHERE hash(article_key) % 10 < 3) a
        JOIN (SELECT article_key, min(entity) AS entity FROM article_entities GROUP BY article_key) ae
          USING (article_key)
    """)
    conn.execute("""
        INSERT INTO extraction_state
        SELECT a.article_key, a.language, 'v', 'w', NULL, NULL, NULL, coalesce(m.n, 0), 0, now()
        FROM articles a LEFT JOIN (SELECT article_key, count(*) AS n FROM mentions GROUP BY article_key) m
          USING (article_key)
    """)
    from sinowatch.warehouse.extraction import refresh_trend_facts

    refresh_trend_facts(conn)  # the rows above bypassed save_extractions: build the trend facts (0005)
    conn.execute("CHECKPOINT")


def queries(conn: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """(label, sql, params) of every query timed; parameters as the report passes them."""
    from sinowatch.warehouse import trends as tw

    from sinowatch.report.build import MOVER_DAYS, TOP_ENTITIES, TOP_FIRMS_SOV

    rng = tw.data_range(conn)
    days = 120
    top = [r["entity"] for r in tw.named_dicts(conn, "trends_summary", days=days, kind=None, entities=[], end=None)]
    out: list[tuple[str, str, dict[str, Any]]] = [(f"view {v}", f"SELECT count(*) FROM {v}", {}) for v in VIEWS]
    named = [
        ("data_range", {}),
        ("trends_summary", {"days": MOVER_DAYS, "kind": None, "entities": [], "end": None}),
        ("trends_series", {"history": days, "entities": top[:40], "end": None}),
        ("events_timeline", {"types": [], "since": rng.last_day - timedelta(days=days - 1), "limit": 2000}),
        ("report_spikes", {"days": days}),
        ("report_export_control_stories", {"days": days, "limit": 15}),
        ("report_weekly_mentions", {"days": days, "entities": top[:TOP_ENTITIES]}),
        ("report_share_of_voice", {"days": days, "top": TOP_FIRMS_SOV}),
    ]
    for name, params in named:
        sql = tw.query_text(name)
        used = {k: v for k, v in params.items() if f"${k}" in sql}
        out.append((f"query {name}", sql, used))
    qdir = Path(tw.__file__).with_name("queries")
    for f in sorted(qdir.glob("cookbook_*.sql")):
        out.append((f"cookbook {f.stem.removeprefix('cookbook_')}", f.read_text(encoding="utf-8"), {}))
    return out


def _scans(node: dict[str, Any], found: list[dict[str, Any]]) -> None:
    """Table scans in a DuckDB JSON profile: table, rows read, whether a filter was pushed down."""
    name = str(node.get("type") or node.get("operator_type") or node.get("name") or "")
    info = node.get("extra_info") or {}
    if "SCAN" in name.upper() and isinstance(info, dict) and info.get("Table"):
        rows = node.get("rows_scanned", node.get("operator_rows_scanned", node.get("intermediate_rows", 0)))
        found.append({"table": str(info["Table"]).rsplit(".", 1)[-1], "rows": int(rows or 0),
                      "filters": bool(info.get("Filters") or info.get("Dynamic Filters"))})
    for child in [*(node.get("operator") or []), *(node.get("children") or [])]:
        _scans(child, found)


def full_scans(conn: Any, sql: str, params: dict[str, Any], sizes: dict[str, int], tmp: Path) -> list[str]:
    """Big tables (>= 100k rows, or the articles table's size in a quick run) that the query reads
    whole, from EXPLAIN ANALYZE's JSON profile."""
    big = sizes.get("articles", 100_000)
    prof = tmp / "profile.json"
    conn.execute("PRAGMA enable_profiling = 'json'")
    conn.execute(f"PRAGMA profiling_output = '{prof}'")
    try:
        conn.execute(sql, params).fetchall()
    finally:
        conn.execute("PRAGMA disable_profiling")
    scans: list[dict[str, Any]] = []
    _scans(json.loads(prof.read_text()), scans)
    out = []
    for s in scans:
        total = sizes.get(s["table"], 0)
        if total >= min(100_000, big) and s["rows"] >= 0.9 * total:
            out.append(f"{s['table']} ({s['rows']:,} rows{', filtered' if s['filters'] else ''})")
    return sorted(set(out))


def run(section: Section, sizes: Sizes, corpus: Path) -> None:
    from sinowatch.warehouse.db import connect

    n_a, n_m = sizes.query_articles, sizes.query_mentions
    with tempfile.TemporaryDirectory(prefix="sw-bench-q-") as tmp:
        conn = connect(Path(tmp) / "q.duckdb")
        t = time.perf_counter()
        build_warehouse(conn, n_a, n_m)
        build_s = time.perf_counter() - t
        counts = {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                  for name in ("articles", "mentions", "article_entities", "events", "story_clusters",
                               "extraction_state")}
        base_sql = "SELECT entity, count(*) FROM mentions GROUP BY entity"

        def timed(sql: str, params: dict[str, Any]) -> float:
            best = float("inf")
            for _ in range(2):
                t0 = time.perf_counter()
                conn.execute(sql, params).fetchall()
                best = min(best, time.perf_counter() - t0)
            return best

        base = timed(base_sql, {})
        slow: list[str] = []
        scans_by_query: dict[str, list[str]] = {}
        for label, sql, params in queries(conn):
            try:
                secs = timed(sql, params)
                scans = full_scans(conn, sql, params, counts, Path(tmp))
            except Exception as e:  # one broken query must not hide the others
                section.notes.append(f"{label}: {type(e).__name__}: {str(e)[:200]}")
                continue
            scans_by_query[label] = scans
            row = section.add(label, secs, "s", "full-scan GROUP BY over mentions", base, ratio(secs, base),
                              "query time / scan time", floor="< 1 s", passed=secs < 1.0,
                              note="full scans: " + (", ".join(scans) if scans else "none"))
            if not row.passed:
                slow.append(label)
        section.extra.update({"counts": counts, "build_s": round(build_s, 1), "full_scans": scans_by_query,
                              "baseline_scan_s": round(base, 3)})
        section.notes.append(f"warehouse: {counts['articles']:,} articles, {counts['mentions']:,} mentions, "
                             f"{counts['article_entities']:,} article-entity rows, {counts['events']:,} events "
                             f"(built in {build_s:.0f} s)")
        if slow:
            section.notes.append("over 1 s: " + ", ".join(slow))
        conn.close()
