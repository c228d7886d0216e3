"""MOFCOM announcements: the parser on recorded pages (tests/data/official/mofcom, written from
public announcements: see its README), and the stage over loopback HTTP into a real DuckDB
warehouse (incremental, loud on broken pages, names resolved, links to China's actions only)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from sinowatch.errors import ParseError
from sinowatch.official.mofcom import MofcomAnnouncement, parse_announcement, parse_list_page
from sinowatch.official.stage import fetch_official
from tests import configs
from tests.actions.conftest import NOW, article, event, ex, save

DATA = Path(__file__).resolve().parents[1] / "data" / "official" / "mofcom"
PAGES = sorted(p.relative_to(DATA).as_posix() for p in DATA.glob("art/*/*.html"))
BROKEN = {"art/2024/art_0d9b7a2e5c3f1e44.html", "art/2023/art_1f6e3b8a0c9d5e27.html"}
TECHINSIGHTS = "art/2025/art_3b0f6a9e2c714d85.html"
WATCHLIST = """
entities:
  - id: techinsights
    kind: company
    name: TechInsights
    country: CA
    aliases: [TechInsights]
"""


def _page(rel: str) -> MofcomAnnouncement:
    return parse_announcement((DATA / rel).read_bytes(), f"http://mofcom.test/zcfb/{rel}")


def test_the_recorded_announcements_parse() -> None:
    got = {a.announcement_id: a for a in (_page(p) for p in PAGES if p not in BROKEN)}
    assert sorted(got) == ["mofcom-2023-23", "mofcom-2024-46", "mofcom-2025-1", "mofcom-2025-50", "mofcom-2025-51",
                           "uel-2023-1", "uel-2025-7", "uel-2025-8"]
    uel = got["uel-2023-1"]
    assert (uel.number, uel.kind, uel.event_type, uel.published) == (
        "不可靠实体清单工作机制公告〔2023〕1号", "uel_addition", "entity_list", date(2023, 2, 16))
    assert [(n.zh, n.en) for n in uel.names] == [("洛克希德·马丁公司", "Lockheed Martin Corporation"),
                                                 ("雷神导弹与防务公司", "Raytheon Missiles & Defense")]
    assert any("罚款" in m for m in uel.measures) and uel.effective == date(2023, 2, 16)
    gage = got["mofcom-2023-23"]
    assert (gage.kind, gage.event_type, gage.effective, gage.items) == (
        "export_control_items", "export_control", date(2023, 8, 1), ("gallium", "germanium"))
    assert gage.names == ()  # items, not entities; "铟镓砷" in the item table is not an indium control
    us = got["mofcom-2024-46"]
    assert us.countries == ("US",) and {"gallium", "germanium", "antimony", "superhard materials"} <= set(us.items)
    control = got["mofcom-2025-1"]
    assert (control.kind, control.event_type, control.declared, len(control.names)) == (
        "control_list_addition", "entity_list", 28, 8)
    assert control.names[4].zh == "波音防务、空间与安全集团"  # a name with 、 on its own numbered line stays whole
    assert control.notes() == ["商务部公告2025年第1号 lists 8 of the 28 entities its text counts"]
    dumping = got["mofcom-2025-50"]
    assert (dumping.kind, dumping.event_type, dumping.effective, dumping.items) == (
        "antidumping_investigation", "investigation", date(2025, 9, 13), ("analog chips",))
    assert got["mofcom-2025-51"].kind == "antidiscrimination_investigation"
    suspension = got["uel-2025-8"]  # its title names 第7号; its own number is the line of the text
    assert (suspension.kind, suspension.status, suspension.effective, suspension.refers_to) == (
        "uel_suspension", "reversed", date(2025, 11, 10), ("uel-2025-7",))


def test_a_removal_is_told_from_an_addition() -> None:
    body = (DATA / TECHINSIGHTS).read_text(encoding="utf-8").replace("列入", "移出")
    a = parse_announcement(body.encode(), "http://mofcom.test/removal.html")
    assert (a.kind, a.event_type, a.status) == ("uel_removal", "entity_list", "reversed")
    assert a.names[0].en == "TechInsights Inc."


def test_a_gbk_page_with_a_bare_number_and_a_signature_on_one_line() -> None:
    """Older pages: declared gb2312 (read as GB18030), the number line without 商务部, the signing
    body and the date on one line."""
    text = (DATA / "art/2024/art_6c3a1e9f0b2d4a78.html").read_text(encoding="utf-8")
    text = text.replace('charset="utf-8"', 'charset="gb2312"').replace(">商务部公告2024年第46号<", ">公告2024年第46号<")
    text = text.replace('<meta name="PubDate" content="2024-12-03 12:00">', "")
    text = text.replace("<p style=\"text-align:right\">商务部</p>\n<p style=\"text-align:right\">2024年12月3日</p>",
                        "<p>商务部 2024年12月3日</p>")
    assert "<p>商务部 2024年12月3日</p>" in text
    a = parse_announcement(text.encode("gb18030"), "http://mofcom.test/old.html")
    assert (a.announcement_id, a.number, a.published) == ("mofcom-2024-46", "公告2024年第46号", date(2024, 12, 3))
    assert "镓" in " ".join(a.measures)


@pytest.mark.parametrize("rel, missing", [
    ("art/2024/art_0d9b7a2e5c3f1e44.html", ["no date", "no named entity"]),
    ("art/2023/art_1f6e3b8a0c9d5e27.html", ["no announcement number", "no known kind"])])
def test_a_broken_page_is_a_one_line_error_naming_the_url_and_what_is_missing(rel: str, missing: list[str]) -> None:
    with pytest.raises(ParseError) as e:
        _page(rel)
    msg = str(e.value)
    assert msg.startswith(f"http://mofcom.test/zcfb/{rel}: ") and "\n" not in msg
    assert all(m in msg for m in missing)


def test_the_list_page_gives_announcements_not_press_answers() -> None:
    links = parse_list_page((DATA / "list.html").read_bytes(), "http://mofcom.test/zcfb/index.html")
    assert len(links) == 10 and not any("答记者问" in link.title for link in links)
    assert links[0].url == "http://mofcom.test/zcfb/art/2025/art_7e51c2d0a1f94b3c.html"
    assert links[0].listed == date(2025, 11, 5)
    with pytest.raises(ParseError, match="no announcement"):
        parse_list_page(b"<html><body><a href='/x'>news</a></body></html>", "http://mofcom.test/other")


def _serve(server) -> str:  # type: ignore[no-untyped-def]
    server.routes["/mofcom/zcfb/index.html"] = (DATA / "list.html").read_bytes()
    for p in PAGES:
        server.routes[f"/mofcom/zcfb/{p}"] = (DATA / p).read_bytes()
    return server.url("/mofcom/zcfb/index.html")


def _config(tmp_path, server):  # type: ignore[no-untyped-def]
    return configs.make_config(tmp_path, [{"name": "mofcom", "url": _serve(server), "kind": "mofcom"}])


def _watchlist(tmp_path):  # type: ignore[no-untyped-def]
    from sinowatch.extractors.watchlist import load_watchlist

    extra = tmp_path / "extra.yaml"
    extra.write_text(WATCHLIST, encoding="utf-8")
    return load_watchlist([extra])


def _days(d: date, hour: int = 9) -> float:
    """An article date as conftest's ``article`` takes it: days from its NOW."""
    return (datetime(d.year, d.month, d.day, hour, tzinfo=UTC) - NOW).total_seconds() / 86400


def test_announcements_are_fetched_once_stored_and_broken_pages_reported(tmp_path, conn, feed_server) -> None:
    cfg = _config(tmp_path, feed_server)
    wl = _watchlist(tmp_path)
    now = datetime(2025, 10, 12, tzinfo=UTC)
    first = fetch_official(cfg, conn, watchlist=wl, now=now)
    assert first.announcements == 8
    assert len(first.errors) == 2 and all("not a MOFCOM announcement" in e for e in first.errors)
    assert {e.split(": ")[1] for e in first.errors} == {feed_server.url(f"/mofcom/zcfb/{p}") for p in BROKEN}
    assert feed_server.hits["/mofcom/zcfb/art/2025/art_5d2c9b7e41a03f66.html"] == 0  # the press Q&A
    rows = dict(conn.execute("SELECT announcement_id, targets FROM mofcom_announcements").fetchall())
    assert rows["uel-2025-7"] == ["techinsights"] and rows["mofcom-2025-1"] == []
    names = json.loads(conn.execute("SELECT names FROM mofcom_announcements WHERE announcement_id = 'uel-2023-1'"
                                    ).fetchone()[0])
    assert names[0] == {"zh": "洛克希德·马丁公司", "en": "Lockheed Martin Corporation", "entity": None}  # kept
    assert any("商务部公告2025年第1号 (control_list_addition, 8 name(s)) names no watched firm" in n
               for n in first.notes)
    # the addition of 2025-10-09 names a watched firm and no news reported it: it starts an action;
    # the suspension of 第7号 (it names no one) changes that action's status, history kept
    assert conn.execute("SELECT record_id, citation, targets FROM action_records ORDER BY record_id").fetchall() == [
        ("uel-2025-7", "不可靠实体清单工作机制公告2025年第7号", ["techinsights"]),
        ("uel-2025-8", "不可靠实体清单工作机制公告2025年第8号", ["techinsights"])]
    ((aid, actor, status, event_type),) = conn.execute("SELECT action_id, actor, status, event_type FROM actions"
                                                        ).fetchall()
    assert (actor, status, event_type) == ("mofcom", "reversed", "entity_list")
    assert conn.execute("SELECT status FROM action_history WHERE action_id = ? ORDER BY seen_at", [aid]).fetchall() == [
        ("enacted",), ("reversed",)]

    second = fetch_official(cfg, conn, watchlist=wl, now=now)  # a rerun adds nothing, fetches only what failed
    assert second.announcements == 0 and second.linked == 0 and len(second.errors) == 2
    assert all(feed_server.hits[f"/mofcom/zcfb/{p}"] == (2 if p in BROKEN else 1) for p in PAGES)
    assert conn.execute("SELECT count(*) FROM mofcom_announcements").fetchone()[0] == 8
    assert conn.execute("SELECT count(*) FROM action_records").fetchone()[0] == 2


def test_an_announcement_joins_chinas_action_never_a_us_one(tmp_path, conn, feed_server) -> None:
    conn.execute("INSERT INTO entities (entity, kind, name, country, watchlist_version) "
                 "VALUES ('techinsights', 'company', 'TechInsights', 'CA', 'w1')")
    day = _days(date(2025, 10, 9))
    save(conn, [article("zh1", "商务部将TechInsights列入不可靠实体清单", days=day, language="zh", feed="caixin"),
                article("en1", "China puts TechInsights on unreliable entity list", days=day + 0.2),
                article("us1", "Commerce adds TechInsights unit to Entity List", days=day + 0.1, feed="wire")],
         [ex("zh1", event(targets=("techinsights",), actor="mofcom",
                          sentence="商务部将TechInsights列入不可靠实体清单。"), lang="zh"),
          ex("en1", event(targets=("techinsights",), actor="mofcom",
                          sentence="China's commerce ministry put TechInsights on its unreliable entity list.")),
          ex("us1", event(targets=("techinsights",), actor="us-commerce"))])
    acts = dict(conn.execute("SELECT actor, action_id FROM actions").fetchall())
    assert set(acts) == {"mofcom", "us-commerce"}  # two acts: the fold keeps governments apart
    stats = fetch_official(_config(tmp_path, feed_server), conn, watchlist=_watchlist(tmp_path),
                           now=datetime(2025, 10, 12, tzinfo=UTC))
    assert (stats.linked, stats.started, stats.ambiguous) == (2, 0, 0)  # the addition, then its suspension
    assert conn.execute("SELECT action_id, record_id FROM action_records ORDER BY record_id").fetchall() == [
        (acts["mofcom"], "uel-2025-7"), (acts["mofcom"], "uel-2025-8")]
    from sinowatch.warehouse.actions import action_detail

    act = action_detail(conn, acts["mofcom"])  # what `sinowatch action ID` and `actions --format json` show
    assert act is not None and act["languages"] == ["en", "zh"] and act["status"] == "reversed"
    assert (act["official"]["kind"], act["official"]["citation"], act["official"]["effective"]) == (
        "mofcom", "不可靠实体清单工作机制公告2025年第7号", date(2025, 10, 9))
    assert act["official"]["url"].endswith(TECHINSIGHTS)
    assert [h["status"] for h in act["history"]] == ["enacted", "reversed"]
    assert action_detail(conn, acts["us-commerce"])["official"] is None  # type: ignore[index]


@pytest.mark.parametrize("news_status, joins", [("reversed", True), ("enacted", False)])
def test_a_suspension_without_the_act_on_record_joins_only_a_reversal(tmp_path, conn, feed_server, news_status: str,
                                                                      joins: bool) -> None:
    """The addition is older than the link window, so no action holds it: the suspension takes the
    addition's firms (stored) and joins the news of the suspension (status reversed), never an
    enactment reported the same day (it starts its own action instead)."""
    wl = _watchlist(tmp_path)
    cfg = _config(tmp_path, feed_server)
    conn.execute("INSERT INTO entities (entity, kind, name, country, watchlist_version) "
                 "VALUES ('techinsights', 'company', 'TechInsights', 'CA', 'w1')")
    save(conn, [article("news", "商务部对TechInsights的措施", days=_days(date(2025, 11, 5), hour=21), language="zh",
                        feed="caixin")],
         [ex("news", event(targets=("techinsights",), actor="mofcom", status=news_status,
                           sentence="商务部决定暂停实施对TechInsights等实体的措施。"), lang="zh")])
    (news,) = conn.execute("SELECT action_id FROM actions").fetchone()
    stats = fetch_official(cfg, conn, watchlist=wl, now=datetime(2026, 1, 2, tzinfo=UTC))
    ((rec, aid),) = conn.execute("SELECT record_id, action_id FROM action_records").fetchall()
    assert rec == "uel-2025-8" and (aid == news) is joins and stats.started == (0 if joins else 1)
    assert conn.execute("SELECT status FROM actions WHERE action_id = ?", [aid]).fetchone()[0] == "reversed"


def test_old_announcements_are_stored_not_linked(tmp_path, conn, feed_server) -> None:
    stats = fetch_official(_config(tmp_path, feed_server), conn, watchlist=_watchlist(tmp_path),
                           now=datetime(2026, 6, 1, tzinfo=UTC))
    assert stats.announcements == 8 and stats.linked == 0 and stats.alerts == 0
    assert conn.execute("SELECT count(*) FROM action_records").fetchone()[0] == 0


def test_sinowatch_official_reads_a_mofcom_feed_and_names_the_broken_pages(tmp_path, feed_server) -> None:
    from typer.testing import CliRunner

    from sinowatch.cli import app

    extra = tmp_path / "extra.yaml"
    extra.write_text(WATCHLIST, encoding="utf-8")
    cfg = configs.write_config(tmp_path, [{"name": "mofcom", "url": _serve(feed_server), "kind": "mofcom"}],
                               extraction={"watchlist": [str(extra)]})
    runner = CliRunner()
    first = runner.invoke(app, ["--config", str(cfg), "official", "--feed", "mofcom"])
    assert first.exit_code == 1, first.output  # two pages did not parse: named, the rest stored
    assert "8 new MOFCOM announcement(s)" in first.output
    broken = [line for line in first.output.splitlines() if "error: mofcom:" in line]
    assert len(broken) == 2 and all("not a MOFCOM announcement sinowatch can read: no " in b for b in broken)
    again = runner.invoke(app, ["--config", str(cfg), "official"])
    assert "0 new MOFCOM announcement(s)" in again.output and again.exit_code == 1
    res = runner.invoke(app, ["--config", str(cfg), "sql", "select count(*) as n from mofcom_announcements",
                              "--format", "csv"])
    assert res.exit_code == 0 and res.output.split() == ["n", "8"]


def test_a_mofcom_record_alerts_once_per_action(tmp_path, conn, feed_server) -> None:
    from sinowatch.alerts.stage import make_on_record

    cfg = configs.make_config(tmp_path, [{"name": "mofcom", "url": _serve(feed_server), "kind": "mofcom"}],
                              alerts={"enabled": True})
    wl = _watchlist(tmp_path)
    now = datetime(2025, 10, 12, tzinfo=UTC)
    first = fetch_official(cfg, conn, watchlist=wl, now=now, on_record=make_on_record(cfg))
    # the addition starts an action (its first alert); the suspension changes its status (alerts again)
    got = conn.execute("SELECT cluster_id, event_type FROM alerts ORDER BY cluster_id").fetchall()
    aid = conn.execute("SELECT action_id FROM actions").fetchone()[0]
    assert first.alerts == 2 and got == [(f"action:{aid}:enacted", "entity_list"), (f"action:{aid}:reversed",
                                                                                    "entity_list")]
    again = fetch_official(cfg, conn, watchlist=wl, now=now, on_record=make_on_record(cfg))
    assert again.alerts == 0 and conn.execute("SELECT count(*) FROM alerts").fetchone()[0] == 2


def test_names_resolve_through_the_bundled_watchlist_and_namesakes_are_said() -> None:
    """A page naming watched US firms (a variation of the recorded page: no real announcement named
    them): the whole name resolves, a namesake does not and is named; a short-name note is no entity."""
    from sinowatch.extractors.watchlist import load_watchlist

    from sinowatch.official.mofcom_stage import resolve
    from sinowatch.official.names import NameIndex

    body = (DATA / TECHINSIGHTS).read_text(encoding="utf-8")
    body = body.replace("TechInsights公司（TechInsights Inc.）", "英特尔公司（Intel Corporation）（以下简称Intel）")
    body = body.replace("Dedrone by Axon公司（Dedrone by Axon）", "美光科技有限公司（Micron Technology, Inc.）")
    body = body.replace("Exovera公司（Exovera）", "英特尔房地产公司（Intel Real Estate LLC）")
    a = parse_announcement(body.encode(), "http://mofcom.test/variation.html")
    assert [(n.zh, n.en) for n in a.names] == [("英特尔公司", "Intel Corporation"),
                                               ("美光科技有限公司", "Micron Technology, Inc."),
                                               ("英特尔房地产公司", "Intel Real Estate LLC")]
    rows, targets, notes = resolve(a, NameIndex.from_watchlist(load_watchlist()))
    assert [r["entity"] for r in rows] == ["intel", "micron", None] and targets == ["intel", "micron"]
    assert len(notes) == 1 and "Intel Real Estate LLC" in notes[0] and "brand of intel" in notes[0]


def test_an_announcement_on_two_list_pages_is_stored_once_and_read_once(tmp_path, conn, feed_server) -> None:
    _serve(feed_server)
    page = (DATA / TECHINSIGHTS).read_bytes()
    feed_server.routes["/uel/list.html"] = (
        '<html><body><ul><li><a href="art_1.html">不可靠实体清单工作机制公告2025年第7号</a><span>2025-10-09</span></li>'
        "</ul></body></html>").encode()
    feed_server.routes["/uel/art_1.html"] = page
    cfg = configs.make_config(tmp_path, [{"name": "mofcom", "url": feed_server.url("/mofcom/zcfb/index.html"),
                                          "kind": "mofcom"},
                                         {"name": "uel", "url": feed_server.url("/uel/list.html"), "kind": "mofcom"}])
    now = datetime(2025, 10, 12, tzinfo=UTC)
    wl = _watchlist(tmp_path)
    first = fetch_official(cfg, conn, watchlist=wl, now=now)
    assert first.announcements == 8  # the second page's copy is the same number: stored once
    assert conn.execute("SELECT also_urls FROM mofcom_announcements WHERE announcement_id = 'uel-2025-7'").fetchone()[
        0] == [feed_server.url("/uel/art_1.html")]
    fetch_official(cfg, conn, watchlist=wl, now=now)
    assert feed_server.hits["/uel/art_1.html"] == 1


def test_a_feed_url_that_is_not_a_list_page_is_the_feeds_error_and_the_others_go_on(tmp_path, conn,
                                                                                        feed_server) -> None:
    cfg = configs.make_config(tmp_path, [{"name": "wrong", "url": feed_server.url("/feeds/basic.xml"), "kind": "mofcom"},
                                         {"name": "mofcom", "url": _serve(feed_server), "kind": "mofcom"}])
    stats = fetch_official(cfg, conn, watchlist=_watchlist(tmp_path), now=datetime(2025, 10, 12, tzinfo=UTC))
    wrong = [e for e in stats.errors if e.startswith("wrong: ")]
    assert len(wrong) == 1 and "is this a MOFCOM list page?" in wrong[0]
    assert stats.announcements == 8
