"""Load: sinowatch's warehouse loads of N articles and M mentions into a fresh, migrated warehouse
file, the way a daily run writes them - ``upsert_articles`` per feed, one transaction each; the
extraction stage's writer (``ExtractionWriter``: batches of ``extraction.batch_size`` saved in
transactions of about ``extraction.load_batch`` articles, then the trend facts refreshed once) -
against DuckDB reading the same rows from Arrow tables into new tables (CREATE TABLE AS) in
another fresh file. Both sides end with a CHECKPOINT inside the timing, so rows still in the
write-ahead log are paid for. Floor: within 2x.

Building the Python records is not timed; turning them into Arrow (sinowatch's own work) is.
"""

from __future__ import annotations

import gc
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import Section, Sizes, ratio
from bench.corpus import read_articles

N_FEEDS = 40


def entity_ids() -> list[tuple[str, str]]:
    import yaml

    from bench.corpus import WATCHLIST

    return [(e["id"], e["kind"]) for e in yaml.safe_load(WATCHLIST.read_text(encoding="utf-8"))["entities"]]


def make_records(corpus: Path, n_articles: int, n_mentions: int, seed: int = 3) -> tuple[list[Any], list[Any]]:
    """Articles (corpus texts, repeated with new keys) and Extractions with ``n_mentions`` mentions."""
    from sinowatch.records import Article, EntityRollup, Extraction, Mention

    rng = random.Random(seed)
    rows = read_articles(corpus, limit=min(n_articles, 20_000))
    ents = entity_ids()
    now = datetime(2026, 11, 28, tzinfo=UTC)
    articles: list[Article] = []
    extractions: list[Extraction] = []
    per = n_mentions / n_articles
    for i in range(n_articles):
        r = rows[i % len(rows)]
        key = f"{i:020x}"
        articles.append(Article(
            key=key, url=f"{r['url']}-{i}", guid=None, feed=r["feed"], title=r["title"], text=r["text"],
            authors=("Staff",), published=now - timedelta(seconds=rng.randrange(120 * 86400)),
            published_is_fetch_time=False, language=r["lang"], fetched_at=now, fingerprint=rng.getrandbits(63),
            minhash=rng.randbytes(512), cluster_id=f"c-{key}",
        ))
        k = int(per * (i + 1)) - int(per * i)
        sentences = r["text"].split(". ")
        ments = []
        for j in range(k):
            ent, kind = rng.choice(ents[:40])
            s = sentences[j % len(sentences)][:300]
            ments.append(Mention(entity=ent, kind=kind, text=ent, field="text", start=j * 10, end=j * 10 + 5,
                                 sentence=s))
        counts: dict[str, int] = {}
        for m in ments:
            counts[m.entity] = counts.get(m.entity, 0) + 1
        extractions.append(Extraction(id=key, lang=r["lang"], mentions=tuple(ments),
                                      entities=tuple(EntityRollup(e, "company", c) for e, c in counts.items())))
    return articles, extractions


def baseline_tables(articles: list[Any], extractions: list[Any]) -> dict[str, Any]:
    """The same rows as Arrow tables (built untimed)."""
    import pyarrow as pa
    from sinowatch.warehouse.load import articles_table

    now = datetime.now(UTC)
    m: dict[str, list[Any]] = {k: [] for k in ("article_key", "seq", "entity", "kind", "text", "field",
                                                "start_char", "end_char", "sentence", "extractor_version",
                                                "watchlist_version")}
    r: dict[str, list[Any]] = {k: [] for k in ("article_key", "entity", "kind", "n_mentions")}
    s: dict[str, list[Any]] = {k: [] for k in ("article_key", "lang", "n_mentions", "extracted_at")}
    for ex in extractions:
        for i, mn in enumerate(ex.mentions):
            for k, v in zip(m, (ex.id, i, mn.entity, mn.kind, mn.text, mn.field, mn.start, mn.end, mn.sentence,
                                "v", "w"), strict=True):
                m[k].append(v)
        for ro in ex.entities:
            for k, v in zip(r, (ex.id, ro.entity, ro.kind, ro.count), strict=True):
                r[k].append(v)
        for k, v in zip(s, (ex.id, ex.lang, len(ex.mentions), now), strict=True):
            s[k].append(v)
    return {"articles": articles_table(articles, now), "mentions": pa.table(m), "article_entities": pa.table(r),
            "extraction_state": pa.table(s)}


def run(section: Section, sizes: Sizes, corpus: Path) -> None:
    n_a, n_m = sizes.load_articles, sizes.load_mentions
    articles, extractions = make_records(corpus, n_a, n_m)
    tables = baseline_tables(articles, extractions)
    # the records are built untimed, all at once (a daily run streams them): keep the garbage
    # collector from walking their millions of objects during the timed loads
    gc.collect()
    gc.freeze()
    try:
        _measure(section, articles, extractions, tables, n_a, n_m)
    finally:
        gc.unfreeze()


def _measure(section: Section, articles: list[Any], extractions: list[Any], tables: dict[str, Any], n_a: int,
             n_m: int) -> None:
    import duckdb
    from sinowatch.warehouse import load
    from sinowatch.warehouse.db import connect, transaction

    from sinowatch.config import ExtractionConfig
    from sinowatch.extract_stage import ExtractionWriter

    ec = ExtractionConfig()
    batch, group = ec.batch_size, ec.load_batch
    per_feed = max(1, n_a // N_FEEDS)
    versions = {"extractor_version": "v", "watchlist_version": "w", "sentiment_model": None}
    with tempfile.TemporaryDirectory(prefix="sw-bench-load-") as tmp:
        conn = connect(Path(tmp) / "sw.duckdb")
        now = datetime.now(UTC)
        t0 = time.perf_counter()
        for i in range(0, n_a, per_feed):
            with transaction(conn):
                load.upsert_articles(conn, articles[i:i + per_feed], now)
        t1 = time.perf_counter()
        writer = ExtractionWriter(conn, **versions, group_size=group)
        for i in range(0, n_a, batch):
            writer.add([], extractions[i:i + batch])
        writer.flush()
        t2 = time.perf_counter()
        writer.finish()  # the trend facts, once for the stage (what extract_pending ends with)
        t3 = time.perf_counter()
        conn.execute("CHECKPOINT")
        t4 = time.perf_counter()
        got = conn.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions)").fetchone()
        facts = conn.execute("SELECT count(*) FROM fact_entity_day").fetchone()
        transactions = writer.stats.transactions
        conn.close()
        # the same extraction rows, one transaction per extraction batch: what grouping saves
        conn = connect(Path(tmp) / "sw-small.duckdb")
        with transaction(conn):
            load.upsert_articles(conn, articles, now)
        conn.execute("CHECKPOINT")
        t5 = time.perf_counter()
        writer = ExtractionWriter(conn, **versions, group_size=batch)
        for i in range(0, n_a, batch):
            writer.add([], extractions[i:i + batch])
        writer.finish()
        conn.execute("CHECKPOINT")
        t6 = time.perf_counter()
        conn.close()
        base = duckdb.connect(str(Path(tmp) / "plain.duckdb"))
        b0 = time.perf_counter()
        for name in ("articles",):
            base.register("_t", tables[name])
            base.execute(f"CREATE TABLE {name} AS SELECT * FROM _t")
            base.unregister("_t")
        b1 = time.perf_counter()
        for name in ("mentions", "article_entities", "extraction_state"):
            base.register("_t", tables[name])
            base.execute(f"CREATE TABLE {name} AS SELECT * FROM _t")
            base.unregister("_t")
        b2 = time.perf_counter()
        base.execute("CHECKPOINT")
        b3 = time.perf_counter()
        base.close()
    if got != (n_a, n_m):
        section.notes.append(f"row counts differ: loaded {got}, expected {(n_a, n_m)}")
    if not facts or not facts[0]:
        section.notes.append("no trend facts after the load")
    sw, plain = t4 - t0, b3 - b0
    section.add(f"load {n_a:,} articles + {n_m:,} mentions", sw, "s", "DuckDB CREATE TABLE AS from Arrow", plain,
                ratio(sw, plain), "sinowatch time / plain time", floor="within 2x (ratio <= 2)", passed=sw <= 2 * plain,
                note=f"{n_a / sw:,.0f} articles/s; both sides include their final CHECKPOINT")
    section.add("  articles (upsert per feed batch)", t1 - t0, "s", "CREATE TABLE AS, articles", b1 - b0,
                ratio(t1 - t0, b1 - b0), "sinowatch / plain", note=f"{N_FEEDS} transactions of {per_feed:,}")
    section.add("  mentions + roll-up + state (extraction writer)", t2 - t1, "s", "CREATE TABLE AS, same 3 tables",
                b2 - b1, ratio(t2 - t1, b2 - b1), "sinowatch / plain",
                note=f"batches of {batch}, {transactions:,} transactions of ~{group:,} articles")
    section.add("  trend facts (once, at the stage's end)", t3 - t2, "s", "none (the plain tables have no facts)",
                None, note=f"{facts[0] if facts else 0:,} (entity, day) facts")
    section.add("  checkpoint (log into the file)", t4 - t3, "s", "CHECKPOINT after CREATE TABLE AS", b3 - b2,
                ratio(t4 - t3, b3 - b2), "sinowatch / plain")
    section.add(f"  extraction rows + facts + checkpoint, one transaction per {batch}", t6 - t5, "s",
                "the same with groups (above)", t4 - t1, ratio(t6 - t5, t4 - t1), "per batch / grouped",
                note=f"{-(-n_a // batch):,} transactions")
    section.extra.update({"articles_s": round(t1 - t0, 2), "extractions_s": round(t2 - t1, 2),
                          "facts_s": round(t3 - t2, 2), "checkpoint_s": round(t4 - t3, 2),
                          "per_batch_transactions_s": round(t6 - t5, 2), "plain_articles_s": round(b1 - b0, 2),
                          "plain_extractions_s": round(b2 - b1, 2), "plain_checkpoint_s": round(b3 - b2, 2),
                          "load_batch": group, "batch_size": batch})
