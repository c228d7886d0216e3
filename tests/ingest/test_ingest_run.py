"""The ingest stage end to end: real HTTP server, real DuckDB file, real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from sinowatch.warehouse.db import connect

from sinowatch.config import Config
from sinowatch.ingest.run import ingest
from tests import configs

REPO = Path(__file__).resolve().parents[2]

# Data-quality rules, declared once and checked in SQL (each query returns the offending rows).
QUALITY_RULES = {
    "unique article key": "SELECT article_key FROM articles GROUP BY article_key HAVING count(*) > 1",
    "non-null canonical URL": "SELECT article_key FROM articles WHERE url IS NULL OR url = ''",
    "published at most a day ahead": "SELECT article_key FROM articles WHERE published > fetched_at + INTERVAL 1 DAY",
    "every article in a cluster": "SELECT a.article_key FROM articles a LEFT JOIN story_clusters c USING (cluster_id) WHERE c.cluster_id IS NULL",
    "fetch rows name known feeds": "SELECT f.feed FROM fetches f LEFT JOIN feeds USING (feed) WHERE feeds.name IS NULL",
}


def check_quality(conn) -> None:
    for rule, query in QUALITY_RULES.items():
        bad = conn.execute(query.replace("USING (feed)", "ON f.feed = feeds.name")).fetchall()
        assert bad == [], f"data-quality rule broken: {rule}: {bad[:5]}"


def make_config(server, tmp_path: Path, feeds: dict[str, str]) -> Config:
    """Feeds at paths of the test server (tests/configs.py), with short timeouts and one retry."""
    return configs.make_config(tmp_path, {n: server.url(p) for n, p in feeds.items()},
                               fetch={"timeout": 1.0, "connect_timeout": 1.0, "retries": 1, "backoff": 0.05})


def snapshot(conn) -> list[tuple]:
    return conn.execute(
        "SELECT article_key, url, title, text, published, language, cluster_id, feeds FROM articles ORDER BY article_key"
    ).fetchall()


def test_broken_feeds_never_stop_the_others(feed_server, tmp_path):
    cfg = make_config(feed_server, tmp_path, {
        "good": "/feeds/basic.xml", "zh": "/feeds/chinese.xml", "missing": "/404", "html": "/html",
        "bomb": "/feeds/billion_laughs.xml", "flaky": "/500-then-200", "lying": "/lying-charset",
    })
    conn = connect(tmp_path / "w.duckdb")
    rep = ingest(cfg, conn)
    by = {o.feed: o for o in rep.feeds}
    # feeds load in name order: 'flaky' (the same items as 'good') comes first and adds them
    assert [o.feed for o in rep.feeds] == sorted(by)
    assert by["flaky"].ok and by["flaky"].new_articles == 3
    assert by["good"].ok and (by["good"].new_articles, by["good"].updated_articles) == (0, 3)
    assert by["zh"].ok
    assert not by["missing"].ok and by["missing"].status == 404
    assert not by["html"].ok and "HTML page" in by["html"].error
    assert not by["bomb"].ok and "rejected" in by["bomb"].error
    assert by["lying"].ok  # the XML declaration wins over a lying HTTP charset, or it is recorded
    assert rep.status == "partial" and rep.feeds_failed == 3
    rows = conn.execute("SELECT feed, ok, status, error, duration_s, n_bytes FROM fetches ORDER BY feed").fetchall()
    assert len(rows) == 7 and all(r[4] is not None for r in rows)
    zh_titles = [r[0] for r in conn.execute("SELECT title FROM articles WHERE language = 'zh'").fetchall()]
    assert "华为发布昇腾950芯片路线图" in zh_titles
    # 'flaky' serves the same items as 'good': one article, both feeds recorded
    feeds = conn.execute("SELECT feeds FROM articles WHERE guid = 'chipwire-1001'").fetchone()[0]
    assert sorted(feeds) == ["flaky", "good"]
    check_quality(conn)


def test_two_runs_give_the_same_rows_and_304_costs_nothing(feed_server, tmp_path):
    cfg = make_config(feed_server, tmp_path, {"good": "/feeds/basic.xml", "zh": "/feeds/chinese.xml"})
    conn = connect(tmp_path / "w.duckdb")
    first = ingest(cfg, conn)
    before = snapshot(conn)
    second = ingest(cfg, conn)
    assert first.new_articles == 5 and second.new_articles == 0
    assert all(o.not_modified for o in second.feeds)
    assert snapshot(conn) == before
    # without the validators (state lost), the same bytes again: updates, no new rows
    conn.execute("UPDATE feeds SET etag = NULL, last_modified = NULL")
    third = ingest(cfg, conn)
    assert third.new_articles == 0 and third.updated_articles == 5
    assert snapshot(conn) == before
    assert conn.execute("SELECT count(*) FROM runs WHERE status = 'ok'").fetchone()[0] == 3
    check_quality(conn)


def test_second_writer_gets_a_one_line_message(tmp_path):
    db = tmp_path / "w.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        env = dict(os.environ, SINOWATCH_CONFIG=str(tmp_path / "none.toml"))
        (tmp_path / "none.toml").write_text("[warehouse]\nlock_timeout = 1.0\n")
        res = subprocess.run([sys.executable, "-m", "sinowatch.cli", "--db", str(db), "init"],
                             capture_output=True, text=True, env=env, timeout=60)
        assert res.returncode == 5
        assert res.stderr.count("\n") == 1 and "in use by another sinowatch process" in res.stderr
        assert "Traceback" not in res.stderr
    finally:
        holder.kill()
        holder.wait()


def test_killed_mid_load_leaves_a_consistent_warehouse(feed_server, tmp_path):
    """A real process is killed (SIGKILL) while loading; the warehouse opens, its invariants
    hold, and the next run completes to the same rows as an uninterrupted run."""
    n_feeds = 12
    items = "".join(
        f"<item><title>Story {i} about Nvidia export rules number {i}</title><link>https://x.example.com/{i}</link>"
        f"<description>Body {i} " + " ".join(f"word{i}x{j}" for j in range(40)) + "</description></item>"
        for i in range(150)
    )
    for k in range(n_feeds):
        feed_server.routes[f"/big/{k}.xml"] = (
            f"<rss version='2.0'><channel><title>big{k}</title>{items.replace('x.example.com', f'x{k}.example.com')}</channel></rss>"
        ).encode()
    cfg_text = textwrap.dedent("""
        [warehouse]
        path = "w.duckdb"
        [fetch]
        allow_private = true
        concurrency = 2
    """) + "".join(f'[[feeds]]\nname = "big{k}"\nurl = "{feed_server.url(f"/big/{k}.xml")}"\n' for k in range(n_feeds))
    (tmp_path / "sinowatch.toml").write_text(cfg_text)
    env = dict(os.environ, SINOWATCH_CONFIG=str(tmp_path / "sinowatch.toml"))
    cmd = [sys.executable, "-m", "sinowatch.cli", "ingest"]
    db = tmp_path / "w.duckdb"
    killed_with_partial = False
    for delay in (0.8, 1.2, 1.6, 2.0, 2.5):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():
            # opened as sinowatch opens it: a guard left by a kill inside the closing checkpoint
            # (warehouse/db.py) is put back first; a raw duckdb.connect would read the torn file
            c = connect(db, read_only=True)
            if not c.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'articles'").fetchone()[0]:
                c.close()
                continue  # killed before the first migration committed: nothing to check yet
            n = c.execute("SELECT count(*) FROM articles").fetchone()[0]
            assert n % 150 == 0, "a feed was loaded half-way"
            killed_with_partial = killed_with_partial or 0 < n < 150 * n_feeds
            c.close()
            if n:
                break
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    conn = duckdb.connect(str(db))
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 150 * n_feeds
    assert conn.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0] == 0
    check_quality(conn)
    # an uninterrupted run into a fresh warehouse gives the same rows
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "sinowatch.toml").write_text(cfg_text)
    subprocess.run(cmd, env=dict(env, SINOWATCH_CONFIG=str(fresh / "sinowatch.toml")), check=True,
                   capture_output=True, timeout=300)
    other = duckdb.connect(str(fresh / "w.duckdb"))
    q = "SELECT article_key, url, title, text, language FROM articles ORDER BY article_key"
    assert conn.execute(q).fetchall() == other.execute(q).fetchall()
    if not killed_with_partial:
        pytest.skip("the machine was too fast or slow to kill mid-load this time; consistency still checked")


def test_full_text_fetched_with_trafilatura_and_failures_recorded(feed_server, tmp_path):
    page = (
        "<html><head><title>x</title></head><body><nav>Home | World | Tech</nav><article><h1>Huawei ramps "
        "Ascend output</h1>" + "".join(
            f"<p>Paragraph {i}: Huawei is increasing production of its Ascend 910C accelerator with SMIC, "
            f"people familiar with the plan said, as Chinese cloud providers look for alternatives.</p>"
            for i in range(8)) + "</article><footer>Copyright</footer></body></html>"
    ).encode()
    feed_server.routes["/pages/good.html"] = page
    feed = (
        "<rss version='2.0'><channel><title>ft</title>"
        f"<item><title>Good page</title><link>{feed_server.url('/pages/good.html')}</link><description>Short summary.</description></item>"
        f"<item><title>Gone page</title><link>{feed_server.url('/pages/gone.html')}</link><description>Kept summary.</description></item>"
        "</channel></rss>"
    ).encode()
    feed_server.routes["/ft.xml"] = feed
    cfg = make_config(feed_server, tmp_path, {"ft": "/ft.xml"})
    cfg.feeds[0].full_text = True
    conn = connect(tmp_path / "w.duckdb")
    ingest(cfg, conn)
    rows = dict(conn.execute("SELECT title, full_text_status FROM articles").fetchall())
    texts = dict(conn.execute("SELECT title, text FROM articles").fetchall())
    assert rows["Good page"] == "ok" and "Paragraph 7" in texts["Good page"] and "Copyright" not in texts["Good page"]
    assert rows["Gone page"].startswith("failed: HTTP 404") and texts["Gone page"] == "Kept summary."
    # a rerun does not fetch the pages again
    hits = feed_server.hits["/pages/good.html"]
    conn.execute("UPDATE feeds SET etag = NULL, last_modified = NULL")
    ingest(cfg, conn)
    assert feed_server.hits["/pages/good.html"] == hits
