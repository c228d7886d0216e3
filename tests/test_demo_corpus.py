"""The bundled demo corpus (sinowatch/demo): data sanity and rendered feeds."""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import feedparser
import pytest
import yaml

from sinowatch.demo import build as demo

NOW = datetime(2026, 3, 14, 9, 26, 53, tzinfo=UTC)
BROKEN = {"broken-xml", "html-page"}


@pytest.fixture(scope="module")
def corpus() -> dict:
    with demo.ARTICLES_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def articles(corpus) -> list[dict]:
    return corpus["articles"]


@pytest.fixture(scope="module")
def feeds() -> list[dict]:
    return demo.load_feeds()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("demo")
    return out, demo.build_demo(out, now=NOW)


def _ts(st) -> datetime:
    return datetime.fromtimestamp(calendar.timegm(st), tz=UTC)


def test_corpus_size_and_languages(articles, feeds):
    lang = {f["name"]: f["language"] for f in feeds}
    assert len(articles) >= 280
    langs = Counter(lang[a["feed"]] for a in articles)
    assert langs["zh"] >= 50
    assert langs["en"] >= 200
    good = [f for f in feeds if f["name"] not in BROKEN]
    assert len(good) == 10
    assert {f["format"] for f in good} == {"rss", "atom"}
    assert sum(f["language"] == "zh" for f in good) >= 2
    assert {a["feed"] for a in articles} == {f["name"] for f in good}


def test_item_fields(articles):
    for a in articles:
        assert set(a) <= {
            "id",
            "feed",
            "days_ago",
            "hour",
            "title",
            "summary",
            "link",
            "authors",
            "syndicated_from",
        }, a["id"]
        assert 0 <= a["days_ago"] <= 119, a["id"]
        assert 0 <= a["hour"] <= 23, a["id"]
        assert a["title"].strip() and a["summary"].strip(), a["id"]
        assert a["link"].startswith("/"), a["id"]


def test_ids_and_links_unique(articles):
    ids = Counter(a["id"] for a in articles)
    links = Counter(a["link"] for a in articles)
    assert [k for k, n in ids.items() if n > 1] == []
    assert [k for k, n in links.items() if n > 1] == []


def test_syndication_points_at_existing_originals(articles, feeds):
    by_id = {a["id"]: a for a in articles}
    lang = {f["name"]: f["language"] for f in feeds}
    synd = [a for a in articles if a.get("syndicated_from")]
    assert len(synd) >= 20
    for a in synd:
        orig = by_id.get(a["syndicated_from"])
        assert orig is not None, a["id"]
        assert not orig.get("syndicated_from"), a["id"]
        assert orig["feed"] != a["feed"], a["id"]
        assert lang[orig["feed"]] == lang[a["feed"]], a["id"]
        assert abs(orig["days_ago"] - a["days_ago"]) <= 1, a["id"]
        assert a["title"] != orig["title"] or a["summary"] != orig["summary"], a["id"]


def test_traps_and_same_day_pairs(corpus, articles):
    by_id = {a["id"]: a for a in articles}
    assert len(corpus["traps"]) >= 7
    assert all(t in by_id for t in corpus["traps"])
    assert len(corpus["same_day_pairs"]) >= 10
    for x, y in corpus["same_day_pairs"]:
        assert by_id[x]["days_ago"] == by_id[y]["days_ago"]
        assert not by_id[x].get("syndicated_from") and not by_id[y].get("syndicated_from")


def test_export_control_thread_and_spike(articles):
    keys = ("entity list", "export control", "实体清单", "出口管制")
    ec = [a for a in articles if any(k in (a["title"] + " " + a["summary"]).lower() for k in keys)]
    assert len(ec) >= 35
    assert sum(a["days_ago"] < 30 for a in ec) >= 15
    inspur_week = [
        a for a in articles if a["days_ago"] <= 5 and ("Inspur" in a["title"] or "浪潮" in a["title"])
    ]
    assert len(inspur_week) >= 8


def test_build_returns_feed_configs(built, feeds):
    out, configs = built
    assert [c["name"] for c in configs] == [f["name"] for f in feeds]
    for c in configs:
        assert set(c) == {"name", "url", "language", "tags", "enabled", "full_text"}
        assert c["url"].startswith("file:///")
        assert c["url"] == (out / f"{c['name']}.xml").resolve().as_uri()
        assert (out / f"{c['name']}.xml").is_file()
        assert c["language"] in {"en", "zh"}
        assert c["enabled"] is True and c["full_text"] is False


def test_good_feeds_parse_cleanly(built, articles, feeds):
    out, _ = built
    counts = Counter(a["feed"] for a in articles)
    fmt = {f["name"]: f["format"] for f in feeds}
    for name, n in counts.items():
        d = feedparser.parse(str(out / f"{name}.xml"))
        assert not d.bozo, (name, d.get("bozo_exception"))
        assert len(d.entries) == n, name
        assert d.version == ("atom10" if fmt[name] == "atom" else "rss20"), name
        for e in d.entries:
            assert e.title and e.link and e.id and e.summary
            assert e.get("published_parsed"), (name, e.id)


def test_dates_within_window_and_not_future(built, articles):
    out, _ = built
    for name in {a["feed"] for a in articles}:
        for e in feedparser.parse(str(out / f"{name}.xml")).entries:
            dt = _ts(e.published_parsed)
            assert NOW - timedelta(days=120) < dt <= NOW, (name, e.id, dt)
            upd = dict.get(e, "updated_parsed")  # plain dict lookup: no feedparser fallback warning
            if upd:
                assert _ts(upd) <= NOW


def test_item_dates_match_days_ago(articles):
    for a in articles:
        dt = demo.item_datetime(a["id"], a["days_ago"], a["hour"], NOW)
        assert dt.date() == (NOW - timedelta(days=a["days_ago"])).date(), a["id"]
        assert dt <= NOW


@pytest.mark.parametrize(
    "now", [datetime(2026, 1, 1, 0, 0, tzinfo=UTC), datetime(2026, 6, 30, 23, 59, tzinfo=UTC)]
)
def test_no_future_dates_at_day_edges(now, articles):
    for a in articles:
        assert demo.item_datetime(a["id"], a["days_ago"], a["hour"], now) <= now


def test_chinese_atom_feed_uses_beijing_offset(built, feeds):
    out, _ = built
    for f in feeds:
        if f["format"] == "atom" and f["language"] == "zh":
            assert "+08:00</published>" in (out / f"{f['name']}.xml").read_text(encoding="utf-8")


def test_html_summaries_survive_as_html(built):
    out, _ = built
    entries = feedparser.parse(str(out / "globalwire.xml")).entries
    html = [e for e in entries if "<p>" in e.summary]
    assert html and all(e.summary_detail.type == "text/html" for e in html)


def test_broken_feeds(built):
    out, _ = built
    d = feedparser.parse(str(out / "broken-xml.xml"))
    assert d.bozo
    titles = [e.title for e in d.entries]
    assert len(titles) >= 2
    assert titles[:2] == [demo.BROKEN_ITEMS[0]["title"], demo.BROKEN_ITEMS[1]["title"]]
    h = feedparser.parse(str(out / "html-page.xml"))
    assert h.bozo
    assert h.entries == []


def test_deterministic_for_fixed_now(built, tmp_path):
    out, configs = built
    configs2 = demo.build_demo(tmp_path, now=NOW)
    assert [c["name"] for c in configs2] == [c["name"] for c in configs]
    for c in configs:
        a = (out / f"{c['name']}.xml").read_bytes()
        b = (tmp_path / f"{c['name']}.xml").read_bytes()
        assert a == b, c["name"]
    # a naive ``now`` is taken as UTC
    naive = tmp_path / "naive"
    demo.build_demo(naive, now=NOW.replace(tzinfo=None))
    assert (naive / "chipwire.xml").read_bytes() == (out / "chipwire.xml").read_bytes()
