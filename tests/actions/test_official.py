"""Official records over loopback HTTP: Federal Register pages (incremental, paged), screening-list
snapshots (baseline, diff, additions -> records linked to the news action), name resolution."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from sinowatch.config import Config
from sinowatch.official.names import NameIndex
from sinowatch.official.records import fr_url, parse_csl
from sinowatch.official.stage import fetch_official
from tests import configs
from tests.actions.conftest import NOW, article, event, ex, save

DATA = Path(__file__).resolve().parents[1] / "data" / "official"


def _config(tmp_path, server, **kwargs) -> Config:  # type: ignore[no-untyped-def]
    """Official sources and a news feed on the test server (tests/configs.py; alerts on, with the
    SMTP server and rules in ``kwargs`` where a test sends)."""
    cfg = configs.make_config(tmp_path, [
        {"name": "fr-bis", "url": server.url("/fr/documents.json"), "kind": "federal_register"},
        {"name": "csl", "url": server.url("/csl/consolidated.json"), "kind": "screening_list"},
        {"name": "news", "url": server.url("/feeds/basic.xml")}], **configs.merge({"alerts": {"enabled": True}}, kwargs))
    page1 = (DATA / "fr_page1.json").read_text().replace('"NEXT"', json.dumps(server.url("/fr/page2.json")))
    server.routes["/fr/documents.json"] = page1.encode()
    server.routes["/fr/page2.json"] = (DATA / "fr_page2.json").read_bytes()
    server.routes["/csl/consolidated.json"] = (DATA / "csl_1.json").read_bytes()
    return cfg


def _watchlist():  # type: ignore[no-untyped-def]
    from sinowatch.extractors.watchlist import load_watchlist

    return load_watchlist()


def test_names_resolve_through_aliases_and_never_inside_a_name() -> None:
    names = NameIndex.from_watchlist(_watchlist())
    assert names.resolve("Inspur (Beijing) Electronic Information Industry Co., Ltd.") == ("inspur",)
    assert names.resolve("Inspur (Taiwan) Co., Ltd.") == ("inspur",)
    assert names.resolve("Beijing Zhongke Xinyuan Computing Technology Co., Ltd.") == ()
    assert names.resolve("Global Inspur Trading") == ()  # a word inside a name is not the firm


def test_fr_query_is_incremental_and_keeps_the_documented_fields() -> None:
    url = fr_url("https://www.federalregister.gov/api/v1/documents.json", since=date(2026, 11, 20))
    assert "conditions%5Bpublication_date%5D%5Bgte%5D=2026-11-20" in url
    assert "conditions%5Bagencies%5D%5B%5D=industry-and-security-bureau" in url
    for f in ("document_number", "citation", "effective_on", "raw_text_url", "cfr_references"):
        assert f"fields%5B%5D={f}" in url


def test_screening_list_baseline_diff_and_links(tmp_path, conn, feed_server) -> None:
    cfg = _config(tmp_path, feed_server)
    wl = _watchlist()
    save(conn, [article("en1", "Commerce adds six Inspur Group units to Entity List"),
                article("zh1", "美国商务部将浪潮集团六家子公司列入实体清单", days=0.3, language="zh", feed="caixin")],
         [ex("en1", event()), ex("zh1", event(sentence="美国商务部将浪潮集团六家子公司列入实体清单。"), lang="zh")])
    now = NOW + timedelta(days=5)
    first = fetch_official(cfg, conn, watchlist=wl, now=now)
    assert first.errors == [] and first.documents == 2 and first.snapshots == 1
    assert "skipped result 1" in " ".join(first.notes)  # the broken row is named, the rest kept
    assert (first.added, first.linked) == (0, 0)  # baseline: nothing alerts
    assert conn.execute("SELECT count(*) FROM action_records").fetchone()[0] == 0

    feed_server.routes["/csl/consolidated.json"] = (DATA / "csl_2.json").read_bytes()
    second = fetch_official(cfg, conn, watchlist=wl, now=now)
    assert second.errors == []
    assert (second.added, second.removed, second.changed) == (4, 1, 1)
    assert second.documents == 0  # incremental: the documents are known
    assert second.candidates == 1  # the unresolved Chinese name
    (action,) = conn.execute("SELECT action_id, n_reports, languages FROM actions").fetchall()
    assert action[1:] == (2, ["en", "zh"])
    recs = conn.execute("SELECT record_kind, record_id, citation, targets FROM action_records ORDER BY record_kind"
                        ).fetchall()
    assert recs == [("federal_register", "2026-21001", "91 FR 50101", ["inspur"]),
                    ("screening_list", "91 FR 50101", "91 FR 50101", ["inspur"])]
    assert conn.execute("SELECT name FROM entity_candidates WHERE extractor_version = 'screening-list'").fetchall() == [
        ("Beijing Zhongke Xinyuan Computing Technology Co., Ltd.",)]
    diffs = dict(conn.execute("SELECT change, count(*) FROM csl_diffs GROUP BY change").fetchall())
    assert diffs == {"added": 4, "removed": 1, "changed": 1}
    third = fetch_official(cfg, conn, watchlist=wl, now=now)  # the same file again: nothing new
    assert (third.snapshots, third.linked) == (0, 0)
    assert conn.execute("SELECT count(*) FROM action_records").fetchone()[0] == 2


def test_a_record_without_news_starts_an_action_and_news_joins_it(tmp_path, conn, feed_server) -> None:
    cfg = _config(tmp_path, feed_server)
    wl = _watchlist()
    now = NOW + timedelta(days=1)
    fetch_official(cfg, conn, watchlist=wl, now=now)
    feed_server.routes["/csl/consolidated.json"] = (DATA / "csl_2.json").read_bytes()
    stats = fetch_official(cfg, conn, watchlist=wl, now=now)
    assert stats.started == 1
    (aid, n, status, actor) = conn.execute("SELECT action_id, n_reports, status, actor FROM actions").fetchone()
    assert (n, status, actor) == (0, "enacted", "bis")
    save(conn, [article("late", "Inspur units blacklisted", days=1)], [ex("late", event())])
    assert conn.execute("SELECT action_id, n_reports FROM actions").fetchall() == [(aid, 1)]


def test_broken_official_feed_is_reported_and_the_others_still_run(tmp_path, conn, feed_server) -> None:
    cfg = _config(tmp_path, feed_server)
    feed_server.routes["/fr/documents.json"] = b"<html>not json</html>"
    stats = fetch_official(cfg, conn, watchlist=_watchlist(), now=NOW)
    assert len(stats.errors) == 1 and "not JSON" in stats.errors[0]
    assert stats.snapshots == 1


def test_parse_csl_list_codes() -> None:
    entries, problems = parse_csl((DATA / "csl_1.json").read_bytes())
    assert sorted(e.source for e in entries) == ["EL", "EL", "SDN"]
    assert problems == []


def test_an_empty_first_snapshot_is_a_baseline_too(tmp_path, conn, feed_server) -> None:
    cfg = _config(tmp_path, feed_server)
    feed_server.routes["/csl/consolidated.json"] = b'{"results": []}'
    first = fetch_official(cfg, conn, watchlist=_watchlist(), now=NOW, only=["csl"])
    assert first.errors == [] and first.snapshots == 1
    feed_server.routes["/csl/consolidated.json"] = (DATA / "csl_1.json").read_bytes()
    second = fetch_official(cfg, conn, watchlist=_watchlist(), now=NOW, only=["csl"])
    assert second.added == 3


def test_a_record_never_joins_an_old_act_that_a_recent_article_mentioned(tmp_path, conn, feed_server) -> None:
    """A 2019 designation mentioned in passing in 2020 (background) stays a 2019 act: the 2020
    record joins the 2020 act, not the old one whose last report is recent."""

    from sinowatch.official.acts import CSL_ADDITION
    from sinowatch.official.stage import OfficialStats, attach

    old, new = NOW - timedelta(days=400), NOW
    save(conn, [article("old", "Huawei added to Entity List", days=-400),
                article("new", "Commerce adds Huawei affiliates", days=-2),
                article("bg", "Huawei, listed last year, ...", days=-3)],
         [ex("old", event(targets=("huawei",))), ex("new", event(targets=("huawei",))),
          ex("bg", event(targets=("huawei",), status="background", sentence="Huawei, listed in 2019."))])
    ids = dict(conn.execute("SELECT article_key, action_id FROM action_reports").fetchall())
    assert ids["bg"] == ids["old"] != ids["new"]
    got = attach(conn, "entity_list", ["huawei"], new.date(), kind="screening_list", record_id="85 FR 1",
                 citation="85 FR 1", url=None, effective=None, title="t", stats=OfficialStats(), now=NOW,
                 act=CSL_ADDITION)
    assert got == ids["new"] and old.date() < new.date()
