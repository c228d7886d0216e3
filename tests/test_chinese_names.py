"""Chinese names beside the English ones where the watchlist has them: stored by the watchlist
sync (entities.name_zh), shown in the report and in the alert emails."""

from __future__ import annotations

import shutil

import pytest
from sinowatch.extractors.watchlist import chinese_name, load_watchlist

from sinowatch.config import Config


def test_watchlist_chinese_names_are_synced(tmp_path) -> None:
    from sinowatch.warehouse.db import connect, transaction
    from sinowatch.warehouse.extraction import display_names, sync_watchlist

    from sinowatch.extract_stage import watchlist_rows

    wl = load_watchlist()
    assert chinese_name(wl.entities["deepseek"]) == "深度求索"
    conn = connect(tmp_path / "w.duckdb")
    try:
        with transaction(conn):
            sync_watchlist(conn, watchlist_rows(wl), wl.version)
        names = display_names(conn)
    finally:
        conn.close()
    assert names["deepseek"] == "DeepSeek (深度求索)"
    assert names["alibaba"].startswith("Alibaba") and "(阿里巴巴)" in names["alibaba"]
    without = [e.id for e in wl.entities.values() if chinese_name(e) is None]
    assert without and all("(" not in names[i] or names[i] == wl.entities[i].name for i in without)


def test_report_shows_chinese_names(trend_db, tmp_path) -> None:
    from sinowatch.warehouse.db import connect

    from sinowatch.report.build import write_report

    db = tmp_path / "copy.duckdb"
    shutil.copy(trend_db, db)
    conn = connect(db)
    try:
        conn.execute("UPDATE entities SET name_zh = '华为' WHERE entity = 'huawei'")
        html = write_report(Config(), conn, tmp_path / "r.html").read_text(encoding="utf-8")
    finally:
        conn.close()
    assert "Huawei (华为)" in html
    assert "Noto Sans CJK SC" in html and "Microsoft YaHei" in html  # the CJK font stack


def test_digest_shows_chinese_names(tmp_path) -> None:
    from sinowatch.warehouse.db import connect

    from sinowatch.alerts.stage import plan_digests
    from tests.alerts.conftest import NOW, article, export_event, extraction, load, make_config, queue

    conn = connect(tmp_path / "sinowatch.duckdb")
    try:
        conn.execute("INSERT INTO entities (entity, kind, name, country, parent, watchlist_version, name_zh) "
                     "VALUES ('smic', 'company', 'SMIC', 'CN', NULL, 'w1', '中芯国际')")
        cfg = make_config(tmp_path, 1)
        arts = [article("a1", "US adds SMIC to the Entity List")]
        load(conn, arts)
        queue(conn, cfg, arts, [extraction("a1", export_event("smic"))])
        digests, problems = plan_digests(cfg, conn, now=NOW)
    finally:
        conn.close()
    assert not problems
    html = digests[0].message.get_body(("html",)).get_content()
    assert "SMIC (中芯国际)" in html and "Noto Sans CJK SC" in html


@pytest.fixture(scope="module")
def trend_db(tmp_path_factory):  # type: ignore[no-untyped-def]
    from tests.trends.synthetic import build_warehouse

    return build_warehouse(tmp_path_factory.mktemp("trends") / "sinowatch.duckdb")
