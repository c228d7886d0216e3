"""The extraction stage's writes: several batches per transaction with their alert outbox rows, a
crash that loses only the open group, and trend facts refreshed once at the stage's end - also
after a crash between the last group and that refresh."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sinowatch.warehouse import facts, load
from sinowatch.warehouse.db import connect, transaction

from sinowatch import faults
from sinowatch.config import Config
from sinowatch.records import Article
from tests import configs
from tests.facts import fact_rows, rebuilt_fact_rows

STORIES = [
    ("BIS adds Inspur units to Entity List", "The Commerce Department added Inspur units to the Entity List."),
    ("Cambricon shares jump", "Cambricon shares rose 10% to a record high after Huawei orders."),
    ("SMIC reports revenue", "SMIC reported higher revenue; Huawei and Alibaba were among its customers."),
    ("Weather", "It rained in Paris."),
    ("Nvidia H20 export licence", "Washington requires a licence for Nvidia H20 sales to Alibaba and Tencent."),
]
DAY0 = datetime(2026, 1, 5, 9, tzinfo=UTC)
TABLES = ("mentions", "events", "article_entities", "extraction_state")


def _articles(n: int = 10) -> list[Article]:
    out = []
    for i in range(n):
        title, text = STORIES[i % len(STORIES)]
        pub = DAY0 + timedelta(days=i % 4, hours=i)
        out.append(Article(key=f"k{i:02d}", url=f"https://example.com/{i}", guid=None, feed="f", title=title,
                           text=text, authors=(), published=pub, published_is_fetch_time=False, language="en",
                           fetched_at=pub))
    return out


def _warehouse(path: Path) -> Any:
    conn = connect(path)
    with transaction(conn):
        load.upsert_articles(conn, _articles(), DAY0)
    return conn


def _config(folder: Path) -> Config:
    """10 articles in batches of 2, loaded in groups of 4, 4 and 2 (two batches each, then one)."""
    return configs.make_config(folder, extraction={"batch_size": 2, "load_batch": 4})


def _rows(conn: Any) -> dict[str, Any]:
    out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    out["mentions rows"] = conn.execute(
        "SELECT article_key, seq, entity, start_char, end_char FROM mentions ORDER BY ALL").fetchall()
    out["facts"] = fact_rows(conn)
    return out


class Crash(BaseException):
    """Stands in for a kill at a fault point (BaseException: nothing on the way catches it)."""


def test_groups_of_batches_with_their_alerts_and_a_crash_mid_stage(tmp_path: Path, extractor,  # type: ignore[no-untyped-def]
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from sinowatch.extract_stage import extract_pending

    cfg = _config(tmp_path)
    ref = _warehouse(tmp_path / "ref.duckdb")
    seen: list[tuple[int, bool]] = []

    def on_batch(c: Any, docs: Any, exs: Any) -> None:
        # called per extraction batch, inside the group's transaction: its rows are visible, uncommitted
        stored = c.execute("SELECT count(*) FROM extraction_state WHERE list_contains(?, article_key)",
                           [[d.id for d in docs]]).fetchone()[0]
        seen.append((len(docs), stored == len(docs)))

    stats = extract_pending(cfg, ref, extractor=extractor, on_batch=on_batch)
    assert (stats.articles, stats.batches, stats.transactions) == (10, 5, 3)
    assert seen == [(2, True)] * 5
    reference = _rows(ref)
    assert reference["mentions"] > 0 and reference["facts"]["fact_entity_day"]
    assert reference["facts"] == rebuilt_fact_rows(ref) and facts.dirty_count(ref) == 0
    assert extract_pending(cfg, ref, extractor=extractor).articles == 0  # rerun: nothing pending, nothing added
    assert _rows(ref) == reference
    ref.close()

    # killed inside the second group's transaction: the first group stays, the second is lost
    conn = _warehouse(tmp_path / "crash.duckdb")
    real_point = faults.point
    hits: list[str] = []

    def point(name: str) -> None:
        hits.append(name)
        if name == "extract_batch_saving" and hits.count(name) == 2:
            raise Crash
        real_point(name)

    monkeypatch.setattr(faults, "point", point)
    with pytest.raises(Crash):
        extract_pending(cfg, conn, extractor=extractor)
    monkeypatch.setattr(faults, "point", real_point)
    assert conn.execute("SELECT count(*) FROM extraction_state").fetchone()[0] == 4
    assert facts.dirty_count(conn) > 0  # the committed group's notes wait for a refresh
    stats = extract_pending(cfg, conn, extractor=extractor)  # the next run redoes the lost group only
    assert stats.articles == 6
    assert _rows(conn) == reference
    assert facts.dirty_count(conn) == 0
    conn.close()


KILLED_WRITER = """
import sys
from sinowatch.warehouse.db import connect
from sinowatch.extract_stage import ExtractionWriter
from sinowatch.records import EntityRollup, Extraction, Mention

conn = connect(sys.argv[1])
writer = ExtractionWriter(conn, extractor_version="old", watchlist_version="old", sentiment_model=None,
                          group_size=3)
ents = ["huawei", "smic", "alibaba"]
for i in range(0, 10, 2):
    batch = []
    for k in (i, i + 1):
        names = ents[: 1 + k % 3]
        batch.append(Extraction(
            id=f"k{k:02d}", lang="en",
            mentions=tuple(Mention(entity=e, kind="company", text=e, field="text", start=0, end=len(e),
                                   sentence=e + " news.") for e in names),
            entities=tuple(EntityRollup(entity=e, kind="company", count=1) for e in names)))
    writer.add([], batch)
writer.finish()
print("not killed")
"""


def test_notes_survive_a_kill_before_the_refresh_and_the_next_run_refreshes(tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                            extractor) -> None:
    """SIGKILL after every group committed, before the trend facts' refresh (a real process): the
    rows and the notes are there, the facts are not; the next extraction stage - with nothing to
    extract - refreshes them to a recomputation's values."""
    from sinowatch.extract_stage import extract_pending

    db = tmp_path / "w.duckdb"
    _warehouse(db).close()
    env = {"SINOWATCH_FAULT_POINT": "extract_facts_refreshing", "PATH": "/usr/bin:/bin"}
    res = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(db)], env=env, capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == -signal.SIGKILL, res.stderr[-2000:]
    conn = connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM extraction_state").fetchone()[0] == 10
        assert facts.dirty_count(conn) > 0
        assert not fact_rows(conn)["fact_entity_day"]  # stale: the refresh never ran
        stats = extract_pending(Config(), conn, extractor=extractor)  # a plain run: nothing new to extract
        assert stats.articles == 0
        assert facts.dirty_count(conn) == 0
        refreshed = fact_rows(conn)
        assert refreshed["fact_entity_day"] and refreshed == rebuilt_fact_rows(conn)
    finally:
        conn.close()
