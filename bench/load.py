"""Load: sinowatch's warehouse loads of N articles and M mentions into a fresh, migrated warehouse
file, in the batches the pipeline uses (``upsert_articles`` per feed, ``save_extractions`` per
extraction batch, each in its own transaction), against DuckDB reading the same rows from Arrow
tables into new tables (CREATE TABLE AS) in another fresh file. Floor: within 2x.

Building the Python records is not timed; turning them into Arrow (sinowatch's own work) is.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import Section, Sizes, ratio
from bench.corpus import read_articles

N_FEEDS = 40
BIG_BATCH = 1_000


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
    import duckdb
    from sinowatch.warehouse import extraction as wh
    from sinowatch.warehouse import load
    from sinowatch.warehouse.db import connect, transaction

    n_a, n_m = sizes.load_articles, sizes.load_mentions
    articles, extractions = make_records(corpus, n_a, n_m)
    tables = baseline_tables(articles, extractions)
    batch = 64  # ExtractionConfig.batch_size: one save_extractions transaction per extraction batch
    per_feed = max(1, n_a // N_FEEDS)
    with tempfile.TemporaryDirectory(prefix="sw-bench-load-") as tmp:
        conn = connect(Path(tmp) / "sw.duckdb")
        now = datetime.now(UTC)
        t0 = time.perf_counter()
        for i in range(0, n_a, per_feed):
            with transaction(conn):
                load.upsert_articles(conn, articles[i:i + per_feed], now)
        t1 = time.perf_counter()
        for i in range(0, n_a, batch):
            with transaction(conn):
                wh.save_extractions(conn, extractions[i:i + batch], extractor_version="v", watchlist_version="w",
                                    sentiment_model=None)
        t2 = time.perf_counter()
        got = conn.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions)").fetchone()
        conn.close()
        # the same extraction rows in 1,000-article transactions: how much is per-transaction cost
        conn = connect(Path(tmp) / "sw-big.duckdb")
        with transaction(conn):
            load.upsert_articles(conn, articles, now)
        t3 = time.perf_counter()
        for i in range(0, n_a, BIG_BATCH):
            with transaction(conn):
                wh.save_extractions(conn, extractions[i:i + BIG_BATCH], extractor_version="v",
                                    watchlist_version="w", sentiment_model=None)
        t4 = time.perf_counter()
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
        base.close()
    if got != (n_a, n_m):
        section.notes.append(f"row counts differ: loaded {got}, expected {(n_a, n_m)}")
    sw, plain = t2 - t0, b2 - b0
    section.add(f"load {n_a:,} articles + {n_m:,} mentions", sw, "s", "DuckDB CREATE TABLE AS from Arrow", plain,
                ratio(sw, plain), "sinowatch time / plain time", floor="within 2x (ratio <= 2)", passed=sw <= 2 * plain,
                note=f"{n_a / sw:,.0f} articles/s")
    section.add("  articles (upsert per feed batch)", t1 - t0, "s", "CREATE TABLE AS, articles", b1 - b0,
                ratio(t1 - t0, b1 - b0), "sinowatch / plain", note=f"{N_FEEDS} batches of {per_feed:,}")
    section.add("  mentions + roll-up + state (per 64)", t2 - t1, "s", "CREATE TABLE AS, same 3 tables", b2 - b1,
                ratio(t2 - t1, b2 - b1), "sinowatch / plain", note=f"{-(-n_a // batch):,} transactions")
    section.add(f"  same, {BIG_BATCH:,}-article transactions", t4 - t3, "s", "CREATE TABLE AS, same 3 tables", b2 - b1,
                ratio(t4 - t3, b2 - b1), "sinowatch / plain", note=f"{-(-n_a // BIG_BATCH):,} transactions "
                f"({ratio(t4 - t3, t2 - t1)}x the 64-article time)")
    section.extra.update({"big_batch_extractions_s": round(t4 - t3, 2), "articles_s": round(t1 - t0, 2), "extractions_s": round(t2 - t1, 2),
                          "plain_articles_s": round(b1 - b0, 2), "plain_extractions_s": round(b2 - b1, 2)})
