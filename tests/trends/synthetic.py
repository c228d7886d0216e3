"""A synthetic 120-day warehouse for the trend views, with known answers.

Built through the real migrations (``sinowatch.warehouse.db.connect``) and loaded with Arrow
tables. Planted:

* a **spike**: Cambricon, normally one story every nine days, has six distinct stories on
  ``SPIKE_DAY``;
* a **sentiment turn**: Alibaba is positive (about +0.6) until ``TURN_DAY`` and negative
  (about -0.5) from then on;
* export-control events (BIS against SMIC and Huawei) every 15 days, an Entity List event against
  Cambricon, model releases by DeepSeek;
* a hostile title ``<script>alert(1)</script>`` on an export-control story.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pyarrow as pa
from sinowatch.warehouse.db import connect

END = date(2026, 11, 27)
DAYS = 120
START = END - timedelta(days=DAYS - 1)
SPIKE_DAY = END - timedelta(days=10)
TURN_DAY = END - timedelta(days=30)
VERSIONS = {"extractor_version": "test-1", "watchlist_version": "test-1"}
HOSTILE_TITLE = "<script>alert(1)</script> Huawei hit by new export rule"

ENTITIES = [
    ("huawei", "company", "Huawei", "CN", None),
    ("smic", "company", "SMIC", "CN", None),
    ("cambricon", "company", "Cambricon", "CN", None),
    ("alibaba", "company", "Alibaba Group", "CN", None),
    ("deepseek", "company", "DeepSeek", "CN", None),
    ("nvidia", "company", "Nvidia", "US", None),
    ("nvidia-h20", "chip", "Nvidia H20", "US", "nvidia"),
    ("ascend-910c", "chip", "Ascend 910C", "CN", "huawei"),
    ("entity-list", "policy", "Entity List", "US", "bis"),
    ("bis", "agency", "Bureau of Industry and Security", "US", "us-commerce"),
]
KIND = {e[0]: e[1] for e in ENTITIES}
BASE_SENTIMENT = {"huawei": -0.3, "smic": -0.2, "cambricon": 0.1, "deepseek": 0.4, "nvidia": 0.0,
                  "nvidia-h20": -0.1, "ascend-910c": 0.2, "entity-list": -0.4, "bis": -0.2}


def _label(score: float) -> str:
    return "positive" if score >= 0.2 else "negative" if score <= -0.2 else "neutral"


def _stories() -> list[dict]:
    """(day, entities, title, events) per story, deterministic."""
    out: list[dict] = []
    for d in range(DAYS):
        day = START + timedelta(days=d)
        if d % 2 == 0:
            ents = ["huawei"] + (["ascend-910c"] if d % 6 == 0 else [])
            out.append({"day": day, "entities": ents, "title": f"Huawei update {d}", "events": []})
        if d % 3 == 0:
            out.append({"day": day, "entities": ["smic"], "title": f"SMIC capacity note {d}", "events": []})
        if d % 9 == 0 and day != SPIKE_DAY:
            out.append({"day": day, "entities": ["cambricon"], "title": f"Cambricon order {d}", "events": []})
        if d % 2 == 1:
            out.append({"day": day, "entities": ["alibaba"], "title": f"Alibaba cloud {d}", "events": []})
        if d % 4 == 0:
            ev = [("model_release", "deepseek", [], 0.8, None)] if d % 20 == 0 else []
            out.append({"day": day, "entities": ["deepseek"], "title": f"DeepSeek model {d}", "events": ev})
        if d % 5 == 0:
            ents = ["nvidia"] + (["nvidia-h20"] if d % 10 == 0 else [])
            out.append({"day": day, "entities": ents, "title": f"Nvidia China sales {d}", "events": []})
        if d % 15 == 7:
            out.append({"day": day, "entities": ["bis", "smic", "huawei"],
                        "title": f"US widens chip export controls on SMIC and Huawei {d}",
                        "events": [("export_control", "bis", ["smic", "huawei"], 0.9, "enacted")]})
    for i in range(6):
        out.append({"day": SPIKE_DAY, "entities": ["cambricon"], "title": f"Cambricon surge story {i}", "events": []})
    out.append({"day": END - timedelta(days=7), "entities": ["bis", "entity-list", "cambricon"],
                "title": "Cambricon added to the Entity List",
                "events": [("entity_list", "bis", ["cambricon"], 0.95, "enacted")]})
    out.append({"day": END, "entities": ["huawei", "bis"], "title": HOSTILE_TITLE,
                "events": [("export_control", "bis", ["huawei"], 0.7, "proposed")]})
    return out


def build_warehouse(path: Path) -> Path:
    """Create the warehouse at ``path`` through the migrations and load the synthetic data."""
    rng = random.Random(7)
    articles, clusters, ae_rows, mention_rows, event_rows, state_rows = [], [], [], [], [], []
    n = 0
    for s_i, story in enumerate(_stories()):
        cid = f"c{s_i:05d}"
        copies = 2 if s_i % 7 == 0 else 1  # some stories are syndicated on a second feed
        first_pub = None
        for c in range(copies):
            n += 1
            key = f"a{n:06d}"
            pub = datetime.combine(story["day"], time(6 + (s_i % 12) + c), tzinfo=UTC)
            first_pub = first_pub or pub
            feed = ["wire", "policydesk", "techasia"][(s_i + c) % 3]
            articles.append({
                "article_key": key, "url": f"https://news.example.com/{feed}/{key}", "feed": feed,
                "feeds": [feed], "title": story["title"], "text": story["title"] + ". Body text.",
                "published": pub, "published_is_fetch_time": False, "language": "en",
                "fetched_at": pub, "first_seen": pub, "last_seen": pub, "cluster_id": cid,
            })
            for ent in story["entities"]:
                base = BASE_SENTIMENT.get(ent, 0.0)
                if ent == "alibaba":
                    base = 0.6 if story["day"] < TURN_DAY else -0.5
                score = max(-1.0, min(1.0, base + rng.uniform(-0.15, 0.15)))
                ae_rows.append({"article_key": key, "entity": ent, "kind": KIND[ent], "n_mentions": 1 + (n % 2),
                                "sentiment_label": _label(score), "sentiment_score": score, **VERSIONS})
                mention_rows.append({"article_key": key, "seq": len(mention_rows), "entity": ent, "kind": KIND[ent],
                                     "text": ent, "field": "title", "start_char": 0, "end_char": len(ent),
                                     "sentence": story["title"], "sentiment_label": _label(score),
                                     "sentiment_score": score, **VERSIONS})
            for etype, actor, targets, conf, status in story["events"]:
                event_rows.append({"article_key": key, "seq": len(event_rows), "event_type": etype,
                                   "confidence": conf, "sentence": story["title"] + ".", "field": "title",
                                   "entities": story["entities"], "actor": actor, "targets": targets,
                                   "status": status, "trigger": None, **VERSIONS})
            state_rows.append({"article_key": key, "lang": "en", **VERSIONS, "n_mentions": len(story["entities"]),
                               "n_events": len(story["events"]), "extracted_at": pub})
        clusters.append({"cluster_id": cid, "first_article": f"a{n - copies + 1:06d}", "title": story["title"],
                         "first_published": first_pub, "n_articles": copies, "updated_at": first_pub})
    conn = connect(path)
    try:
        tables = {
            "entities": [dict(zip(("entity", "kind", "name", "country", "parent"), e, strict=True),
                              watchlist_version=VERSIONS["watchlist_version"]) for e in ENTITIES],
            "extraction_state": state_rows,
            "articles": articles, "story_clusters": clusters, "article_entities": ae_rows,
            "mentions": mention_rows, "events": event_rows,
        }
        for name, rows in tables.items():
            cols = _columns(conn, name)
            data = pa.Table.from_pylist(rows)
            conn.register("staging", data)
            # only the columns the real table has, by name: the extraction schema may carry more
            keep = [c for c in data.column_names if c in cols]
            quoted = ", ".join(f'"{c}"' for c in keep)
            conn.execute(f'INSERT INTO "{name}" ({quoted}) SELECT {quoted} FROM staging')
            conn.unregister("staging")
        if "fact_entity_day" in _tables(conn):  # loaded around save_extractions: build the trend facts
            from sinowatch.warehouse.extraction import refresh_trend_facts

            refresh_trend_facts(conn)
    finally:
        conn.close()
    return path


def _tables(conn) -> set[str]:  # type: ignore[no-untyped-def]
    return {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def _columns(conn, table: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()]
