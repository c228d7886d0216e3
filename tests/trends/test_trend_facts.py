"""The trend fact tables (migration 0005) give exactly the answers of the 0004 views.

Every view and named query is run twice on the same data: as defined now (reading the facts) and
with 0004's view definitions re-created inside a transaction that is rolled back (aggregating
article_entities x articles from scratch). Checked on the synthetic warehouse with the facts
filled by the migration, after loading more articles through ``save_extractions``, and after
re-extracting and deleting some articles.

Columns that later migrations add to a view without changing its answers (0015: the event's
``status`` in ``event_timeline``) are not in 0004's definitions: the reference view gets them from
the table they come from (:data:`LATER_COLUMNS`), so every query that reads them binds on both
sides and the comparison stays column for column.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tests.facts import rebuilt_fact_rows
from tests.trends.synthetic import END, VERSIONS, build_warehouse

VIEWS = ("calendar", "mentioned_entities", "entity_day_facts", "daily_mentions", "daily_sentiment",
         "share_of_voice", "co_mentions", "spike_scores", "spikes", "event_timeline")


def _named() -> list[tuple[str, dict[str, Any]]]:
    ents = ["huawei", "smic", "alibaba", "cambricon", "nvidia-h20", "zz-new"]
    return [
        ("data_range", {}),
        ("trends_summary", {"days": 7, "kind": None, "entities": [], "end": None}),
        ("trends_summary", {"days": 30, "kind": "company", "entities": [], "end": END - timedelta(days=20)}),
        ("trends_summary", {"days": 14, "kind": None, "entities": ents, "end": None}),
        ("trends_series", {"history": 120, "entities": ents, "end": None}),
        ("trends_series", {"history": 30, "entities": ents, "end": END - timedelta(days=5)}),
        ("events_timeline", {"types": [], "since": END - timedelta(days=60), "limit": 2000}),
        ("report_spikes", {"days": 120}),
        ("report_export_control_stories", {"days": 120, "limit": 15}),
        ("report_weekly_mentions", {"days": 120, "entities": ents}),
        ("report_share_of_voice", {"days": 120, "top": 3}),
        ("report_share_of_voice", {"days": 30, "top": 8}),
    ]


def _norm(v: Any) -> Any:
    if isinstance(v, float):
        return None if math.isnan(v) else round(v, 9)
    if isinstance(v, list | tuple):
        return tuple(_norm(x) for x in v)
    return v


def _rows(conn: Any, sql: str, params: dict[str, Any] | None = None, *, ordered: bool = False) -> Any:
    cur = conn.execute(sql, params or {})
    cols = [d[0] for d in cur.description]
    rows = [tuple(_norm(v) for v in r) for r in cur.fetchall()]
    return cols, rows if ordered else sorted(rows, key=repr)


def _snapshot(conn: Any) -> dict[str, Any]:
    from sinowatch.warehouse import trends as tw

    out: dict[str, Any] = {}
    for v in VIEWS:
        out[f"view {v}"] = _rows(conn, f"SELECT * FROM {v}")
    for i, (name, params) in enumerate(_named()):
        sql = tw.query_text(name)
        used = {k: p for k, p in params.items() if f"${k}" in sql}
        # ORDER BY ties may fall either way: compare as multisets, plus the row count
        out[f"query {i} {name}"] = _rows(conn, sql, used)
    qdir = Path(tw.__file__).with_name("queries")
    for f in sorted(qdir.glob("cookbook_*.sql")):
        out[f"cookbook {f.stem}"] = _rows(conn, f.read_text(encoding="utf-8"))
    return out


#: view -> (column after which later migrations insert columns, the table and join key they come
#: from, the columns): what 0004's definitions lack that is no part of the trend facts
LATER_COLUMNS = {"event_timeline": ("event_type", "events", ("article_key", "seq"), ("status",))}


def _reference_views(conn: Any) -> None:
    """0004's view definitions, with :data:`LATER_COLUMNS` joined in at their place."""
    sql = (resources.files("sinowatch.warehouse") / "migrations" / "0004_trends_views.sql").read_text("utf-8")
    conn.execute(sql)
    for view, (after, table, key, extra) in LATER_COLUMNS.items():
        cols = [d[0] for d in conn.execute(f"SELECT * FROM {view} LIMIT 0").description]
        head = cols[:cols.index(after) + 1]
        conn.execute(f"ALTER VIEW {view} RENAME TO {view}_0004")
        conn.execute(
            f"CREATE VIEW {view} AS SELECT {', '.join('v.' + c for c in head)}, "
            f"{', '.join('x.' + c for c in extra)}, v.* EXCLUDE ({', '.join(head)}) "
            f"FROM {view}_0004 v LEFT JOIN {table} x USING ({', '.join(key)})")


def _old_snapshot(conn: Any) -> dict[str, Any]:
    """The snapshot with 0004's view definitions (rolled back afterwards)."""
    conn.execute("BEGIN TRANSACTION")
    try:
        _reference_views(conn)
        return _snapshot(conn)
    finally:
        conn.execute("ROLLBACK")


def _assert_same(conn: Any) -> None:
    old, new = _old_snapshot(conn), _snapshot(conn)
    assert old.keys() == new.keys()
    for k in old:
        assert new[k] == old[k], k
    assert any(old[k][1] for k in old if k.startswith("view co_mentions"))


def _facts(conn: Any) -> dict[str, Any]:
    return {t: _rows(conn, f"SELECT * FROM {t}") for t in ("fact_entity_day", "fact_entity_week", "fact_pair_week")}


def _extraction(key: str, ents: list[tuple[str, str, float | None]], seq: int) -> Any:
    from sinowatch.records import EntityRollup, Event, Extraction, Mention, Sentiment

    def sent(s: float | None) -> Any:
        if s is None:
            return None
        return Sentiment(label="positive" if s > 0.2 else "negative" if s < -0.2 else "neutral", score=s)

    return Extraction(
        id=key, lang="en",
        mentions=tuple(Mention(entity=e, kind=k, text=e, field="title", start=0, end=len(e), sentence=f"{e} news.",
                               sentiment=sent(s)) for e, k, s in ents),
        entities=tuple(EntityRollup(entity=e, kind=k, count=1 + seq % 3, sentiment=sent(s)) for e, k, s in ents),
        # one target, several (one not on the watchlist), none
        events=(Event(type="export_control" if seq % 4 else "entity_list", confidence=0.5 + seq % 5 / 10,
                      sentence="Export rule.", entities=(ents[0][0],), actor="bis",
                      status=("enacted", "proposed", "reversed", None)[seq % 4],
                      targets=((ents[0][0],), (ents[-1][0], "zz-unknown", ents[0][0]), ())[seq % 3]),)
        if seq % 2 == 0 else (),
    )


@pytest.fixture(scope="module")
def wconn(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from sinowatch.warehouse.db import connect
    from sinowatch.warehouse.migrate import available

    if 5 not in {m.version for m in available()}:
        pytest.skip("migration 0005 (trend facts) is needed")
    path = build_warehouse(tmp_path_factory.mktemp("facts") / "sinowatch.duckdb")
    c = connect(path)
    try:
        yield c
    finally:
        c.close()


def test_migration_fills_facts_from_existing_rows(wconn: Any) -> None:
    """An older warehouse upgrading to 0005 gets the same facts as the maintenance code builds."""
    from sinowatch.warehouse.migrate import available

    built = _facts(wconn)
    assert built["fact_entity_day"][1] and built["fact_pair_week"][1]
    (mig,) = [m for m in available() if m.version == 5]
    wconn.execute("BEGIN TRANSACTION")
    try:
        for t in ("fact_entity_day", "fact_entity_week", "fact_pair_week"):
            wconn.execute(f"DROP TABLE {t}")
        wconn.execute(mig.sql)
        assert _facts(wconn) == built
    finally:
        wconn.execute("ROLLBACK")


def test_facts_match_0004_views(wconn: Any) -> None:
    _assert_same(wconn)


POOL = [("huawei", "company", -0.4), ("smic", "company", 0.1), ("alibaba", "company", None),
        ("nvidia-h20", "chip", 0.5), ("bis", "agency", -0.6), ("zz-new", "company", 0.3),
        ("cambricon", "company", -0.1)]
KW = {"extractor_version": VERSIONS["extractor_version"], "watchlist_version": VERSIONS["watchlist_version"],
      "sentiment_model": None}


def _new_articles(conn: Any) -> list[Any]:
    """40 new articles (stored) and their extractions (returned): on existing days (some in existing
    story clusters, so stories span days and weeks), and on days after the last one (the calendar
    grows)."""
    from sinowatch.warehouse.db import transaction

    existing = conn.execute("SELECT cluster_id FROM articles ORDER BY article_key LIMIT 5").fetchall()
    arts, exs = [], []
    for i in range(40):
        day = END - timedelta(days=60 - 2 * i) if i < 35 else END + timedelta(days=i - 34)
        key = f"n{i:05d}"
        pub = datetime.combine(day, time(i % 24, 30), tzinfo=UTC)
        cid = existing[i % 5][0] if i % 3 == 0 else f"cn{i // 2:05d}"
        arts.append((key, f"https://x.example/{key}", "wire", ["wire"], f"New {i}", "Body.", pub, False, "en",
                     pub, pub, pub, cid))
        ents = [POOL[(i + j) % len(POOL)] for j in range(1 + i % 4)]
        exs.append(_extraction(key, ents, i))
    with transaction(conn):
        conn.executemany(
            "INSERT INTO articles (article_key, url, feed, feeds, title, text, published, published_is_fetch_time, "
            "language, fetched_at, first_seen, last_seen, cluster_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arts)
    return exs


def test_incremental_load_and_reextract(wconn: Any) -> None:
    from sinowatch.warehouse.db import transaction
    from sinowatch.warehouse.extraction import delete_articles, refresh_trend_facts, save_extractions

    pool, kw = POOL, KW
    exs = _new_articles(wconn)
    for i in range(0, len(exs), 8):  # in batches, like the extraction stage
        with transaction(wconn):
            save_extractions(wconn, exs[i:i + 8], **kw)
    _assert_same(wconn)

    # re-extract some old and new articles with other entities, and delete others
    old_keys = [r[0] for r in wconn.execute(
        "SELECT article_key FROM extraction_state WHERE article_key LIKE 'a%' ORDER BY article_key "
        "LIMIT 30").fetchall()]
    redo = [_extraction(k, [pool[(j + 3) % len(pool)] for j in range(1 + n % 3)], n + 1)
            for n, k in enumerate(old_keys[:20] + ["n00003", "n00036"])]
    with transaction(wconn):
        save_extractions(wconn, redo, **kw)
    with transaction(wconn):
        delete_articles(wconn, old_keys[20:] + ["n00010", "n00038"])
    with transaction(wconn):  # saving the same batch twice changes nothing
        save_extractions(wconn, redo[:5], **kw)
    _assert_same(wconn)

    # the facts equal a full rebuild
    kept = _facts(wconn)
    with transaction(wconn):
        refresh_trend_facts(wconn)
    assert _facts(wconn) == kept


@pytest.mark.parametrize("share", [2.0, 0.0], ids=["incremental", "rebuild"])
def test_deferred_facts_of_many_groups_equal_a_recomputation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              share: float) -> None:
    """The extraction stage's writer: groups of batches in their own transactions only note what
    they touch; one refresh at the end gives the facts (and the 0004 answers) of a recomputation,
    on the incremental path and on the rebuild path the refresh picks when most keys are noted."""
    from sinowatch.warehouse import facts
    from sinowatch.warehouse.db import connect, transaction
    from sinowatch.warehouse.extraction import delete_articles

    from sinowatch.extract_stage import ExtractionWriter

    monkeypatch.setattr(facts, "_REBUILD_SHARE", share)
    conn = connect(build_warehouse(tmp_path / "w.duckdb"))
    try:
        before = _facts(conn)
        exs = _new_articles(conn)
        old_keys = [r[0] for r in conn.execute(
            "SELECT article_key FROM extraction_state WHERE article_key LIKE 'a%' ORDER BY article_key "
            "LIMIT 30").fetchall()]
        redo = [_extraction(k, [POOL[(j + 3) % len(POOL)] for j in range(1 + n % 3)], n + 1)
                for n, k in enumerate(old_keys[:20])]
        writer = ExtractionWriter(conn, **KW, group_size=8)
        for i in range(0, len(exs), 3):  # new articles, then re-extracted ones, in batches of 3
            writer.add([], exs[i:i + 3])
        for i in range(0, len(redo), 3):
            writer.add([], redo[i:i + 3])
        writer.add([], exs[:2])  # saved twice: nothing changes
        writer.flush()
        with transaction(conn):
            delete_articles(conn, old_keys[20:], defer_facts=True)
        assert writer.stats.transactions == 7 and writer.stats.articles == 62
        assert facts.dirty_count(conn) > 0
        assert _facts(conn) == before  # deferred: nothing recomputed yet
        writer.finish()
        assert facts.dirty_count(conn) == 0
        assert _facts(conn) == rebuilt_fact_rows(conn, _facts) != before
        _assert_same(conn)
    finally:
        conn.close()
