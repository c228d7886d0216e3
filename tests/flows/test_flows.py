"""The daily flow against its reference (run_pipeline): same rows, idempotent, failures recorded."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from tests.flows.conftest import make_config
from tests.flows.snapshot import count, snapshot


def run_plain(cfg):  # type: ignore[no-untyped-def]
    from sinowatch.warehouse.db import connect

    from sinowatch.pipeline import run_pipeline

    conn = connect(cfg.warehouse_path)
    try:
        return run_pipeline(cfg, conn)
    finally:
        conn.close()


# ------------------------------------------------------------------ engine hooks
class SlowFirst:
    """A fetch whose first feed (by name) finishes last."""

    def __init__(self) -> None:
        self.finished: list[str] = []

    def __call__(self, feed):  # type: ignore[no-untyped-def]
        import time

        time.sleep(0.3 if feed.name == "a" else 0.0)
        self.finished.append(feed.name)
        if feed.name == "c":
            raise OSError("boom")
        from sinowatch.ingest.parse import ParsedFeed
        from sinowatch.ingest.run import FeedBatch
        from sinowatch.records import FetchResult

        return FeedBatch(feed, FetchResult(feed.name, feed.url, 200, True), ParsedFeed(), datetime.now(UTC))


def _feeds():  # type: ignore[no-untyped-def]
    from sinowatch.records import Feed

    return [Feed("a", "http://a"), Feed("b", "http://b"), Feed("c", "http://c")]


def _check_in_order(mapper) -> None:  # type: ignore[no-untyped-def]
    fetch = SlowFirst()
    out = list(mapper(fetch, _feeds()))
    assert fetch.finished.index("a") > fetch.finished.index("b")  # completion order differs ...
    assert [f.name for f, _ in out] == ["a", "b", "c"]  # ... the results come in feed order
    assert out[0][1].feed.name == "a" and isinstance(out[2][1], OSError)  # a failure comes back, not raised


def test_plain_feed_map_keeps_feed_order() -> None:
    from sinowatch.ingest.run import map_feeds_threads

    _check_in_order(map_feeds_threads(4))


def test_prefect_feed_map_keeps_feed_order(prefect_harness, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from prefect import flow
    from sinowatch.flows import ingest

    monkeypatch.setattr(ingest, "fetch_feed_task", ingest.fetch_feed_task.with_options(retries=0))
    cfg = make_config(Path("."), {})
    cfg.fetch.concurrency = 4

    @flow
    def check() -> None:
        _check_in_order(ingest.prefect_map_feeds(cfg))

    check()


def test_tasks_cache_nothing_and_only_io_retries() -> None:
    from prefect.cache_policies import NO_CACHE
    from sinowatch.flows import daily, extract, ingest

    tasks = [ingest.fetch_feed_task, extract.extract_batch_task]
    for t in tasks:
        assert t.cache_policy is NO_CACHE, t.name
        assert t.persist_result is False, t.name
    assert {t.name for t in tasks if t.retries} == {"fetch-feed"}
    assert ingest.fetch_feed_task.retry_delay_seconds == [2, 5, 15]
    assert daily.IO_RETRIES["retries"] == 2  # the steps the job marks io (send alerts)


def test_config_round_trips_through_flow_parameters(tmp_path, feeds) -> None:
    import json

    import pytest

    from sinowatch.config import config_from_dict, config_to_dict
    from sinowatch.errors import ConfigError

    cfg = make_config(tmp_path, feeds)
    back = config_from_dict(json.loads(json.dumps(config_to_dict(cfg))))
    assert dataclasses.asdict(back) == dataclasses.asdict(cfg)
    assert back.warehouse_path == cfg.warehouse_path
    bad = config_to_dict(cfg)
    bad["fetch"]["concurrency"] = 0  # checked as a config file is
    with pytest.raises(ConfigError, match="concurrency"):
        config_from_dict(bad)


def test_markdown_artefact_lists_counts_failures_and_stories() -> None:
    from sinowatch.flows.report import run_markdown

    from sinowatch.records import FeedOutcome, RunReport

    now = datetime.now(UTC)
    rep = RunReport(run_id="r1", started_at=now, finished_at=now, status="partial", new_articles=5,
                    feeds=[FeedOutcome("a", "u", status=200, ok=True), FeedOutcome("b|x", "u", status=404, error="HTTP 404")],
                    errors=["b|x: HTTP 404"])
    md = run_markdown(rep, [("Nvidia export controls", 3, now)], "/tmp/r.html")
    assert "partial" in md and "articles new 5" in md and "**FAILED**" in md and "b\\|x" in md
    assert "Nvidia export controls | 3" in md and "/tmp/r.html" in md


def test_last_tick_uses_the_schedule_time_zone() -> None:
    from sinowatch.flows.serve import last_tick

    now = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
    assert last_tick("0 7 * * *", "Asia/Shanghai", now) == datetime(2026, 11, 27, 23, 0, tzinfo=UTC)
    assert last_tick("0 7 * * *", "UTC", now) == datetime(2026, 11, 27, 7, 0, tzinfo=UTC)


def test_prefect_env_is_local_and_quiet(tmp_path) -> None:
    from sinowatch.flows.env import prefect_env

    env = prefect_env(tmp_path, startup_timeout=90)
    assert env["DO_NOT_TRACK"] == "1" and env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert env["PREFECT_HOME"] == str(tmp_path / "prefect")
    assert env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] == "90"
    assert env["PREFECT_RESULTS_PERSIST_BY_DEFAULT"] == "false"


def _counts(r):  # type: ignore[no-untyped-def]
    """A RunReport without its ids, times and fetch durations."""
    return {k: v for k, v in dataclasses.asdict(r).items() if k not in ("run_id", "started_at", "finished_at", "feeds")} | {
        "feeds": [dataclasses.replace(f, duration_s=0.0) for f in r.feeds]}


class BadArticle:
    """An extractor that fails on one article (whenever that article is in the batch)."""

    def __init__(self, real, bad: str) -> None:  # type: ignore[no-untyped-def]
        self.real, self.bad = real, bad

    def extract(self, docs, batch_size=None):  # type: ignore[no-untyped-def]
        if any(d.id == self.bad for d in docs):
            raise ValueError("unreadable article")
        return self.real.extract(docs, batch_size=batch_size or len(docs))


class JobWithBadArticle:
    def __init__(self, cfg, bad: str) -> None:  # type: ignore[no-untyped-def]
        self.cfg, self.bad = cfg, bad

    def __call__(self, docs):  # type: ignore[no-untyped-def]
        from sinowatch.extract_stage import extract_batch, get_extractor

        return extract_batch(BadArticle(get_extractor(self.cfg), self.bad), docs, None)


def test_a_bad_article_costs_itself_only_on_both_engines(prefect_harness, tmp_path, feeds) -> None:
    """The same per-article policy on both engines: the bad article is recorded with its key and
    reason and left pending; the rest of its batch is saved; the rows are the same."""
    from prefect import flow
    from sinowatch.flows.extract import prefect_map_batches
    from sinowatch.warehouse.db import connect

    from sinowatch.extract_stage import extract_pending, map_batches_inline
    from sinowatch.ingest.run import ingest

    results = {}
    for name in ("plain", "prefect"):
        cfg = make_config(tmp_path / name, feeds)
        cfg.extraction.batch_size = 2
        conn = connect(cfg.warehouse_path)
        try:
            ingest(cfg, conn)
            bad = conn.execute("SELECT min(article_key) FROM articles").fetchone()[0]
            job = JobWithBadArticle(cfg, bad)
            if name == "plain":
                stats = extract_pending(cfg, conn, job=job, map_batches=map_batches_inline)
            else:
                stats = flow(extract_pending, name="extract-only", validate_parameters=False)(cfg, conn, job=job,
                                                                   map_batches=prefect_map_batches(None, 3))
            pending = conn.execute("SELECT count(*) FROM articles LEFT JOIN extraction_state s USING (article_key) "
                                   "WHERE s.article_key IS NULL").fetchone()[0]
        finally:
            conn.close()
        assert stats.failed == 1 and stats.errors[0].startswith(f"{bad}: ValueError: unreadable article"), stats
        assert stats.articles == 4 and pending == 1
        results[name] = (stats.articles, stats.mentions, stats.events, stats.errors, snapshot(cfg.warehouse_path))
    plain_rows, prefect_rows = results["plain"][-1], results["prefect"][-1]
    for t in ("mentions", "events", "article_entities", "extraction_state"):
        assert plain_rows[t] == prefect_rows[t], t
    assert results["plain"][:4] == results["prefect"][:4]


# ------------------------------------------------------------------ the flow, on the test server
def test_daily_flow_matches_plain_pipeline_and_reruns_add_nothing(prefect_harness, tmp_path, feeds,
                                                                   smtp_server) -> None:
    from sinowatch.flows.daily import run_daily

    plain_cfg = make_config(tmp_path / "plain", feeds)
    flow_cfg = make_config(tmp_path / "flow", feeds)
    plain = run_plain(plain_cfg)
    report = run_daily(flow_cfg)
    assert report.status == plain.status == "ok", report.errors
    assert (report.new_articles, report.clusters) == (plain.new_articles, plain.clusters) == (5, report.clusters)
    assert (report.extracted, report.mentions, report.events) == (plain.extracted, plain.mentions, plain.events)
    assert report.extracted == 5 and report.mentions > 0
    # the same rows in every table, the run record included (all but ids and times)
    assert snapshot(flow_cfg.warehouse_path) == snapshot(plain_cfg.warehouse_path)
    assert _counts(report) == _counts(plain)
    row = count(flow_cfg.warehouse_path, f"SELECT status || '/' || new_articles FROM runs WHERE run_id = '{report.run_id}'")
    assert row == "ok/5"

    before = snapshot(flow_cfg.warehouse_path)
    again = run_daily(flow_cfg)
    # conditional GET: the unchanged feeds answer 304, so nothing is parsed, added or extracted
    assert (again.new_articles, again.extracted, again.status) == (0, 0, "ok")
    after = snapshot(flow_cfg.warehouse_path)
    assert after["articles"] == before["articles"] and after["mentions"] == before["mentions"]
    assert count(flow_cfg.warehouse_path, "SELECT count(*) FROM runs") == 2


def test_daily_flow_sends_alerts_to_smtp(prefect_harness, tmp_path, feeds, smtp_server) -> None:
    from sinowatch.flows.daily import run_daily

    cfg = make_config(tmp_path, feeds, smtp_port=smtp_server.port)
    dry = run_daily(cfg, dry_run=True)
    assert dry.alerts_queued > 0 and dry.alerts_sent == 0 and not smtp_server.received
    report = run_daily(cfg)
    assert report.alerts_sent > 0, report.errors
    assert smtp_server.received and "export" in str(smtp_server.received[0].message).lower()
    assert (tmp_path / "report.html").exists()


def test_failing_feed_is_recorded_and_does_not_stop_the_flow(prefect_harness, tmp_path, feeds, feed_server) -> None:
    from sinowatch.flows.daily import run_daily

    cfg = make_config(tmp_path, {**feeds, "gone": feed_server.url("/feeds/flows_missing.xml")})
    report = run_daily(cfg)
    assert report.status == "partial" and report.feeds_failed == 1 and report.new_articles == 5
    assert any(e.startswith("gone:") for e in report.errors)
    assert count(cfg.warehouse_path, "SELECT status FROM fetches WHERE feed = 'gone'") == 404
    assert count(cfg.warehouse_path, f"SELECT status FROM runs WHERE run_id = '{report.run_id}'") == "partial"


def test_flow_records_artefact(prefect_harness, tmp_path, feeds) -> None:
    from prefect import get_client
    from sinowatch.flows.daily import run_daily

    run_daily(make_config(tmp_path, feeds))
    with get_client(sync_client=True) as client:
        art = client.read_latest_artifacts(limit=5)
    mine = [a for a in art if a.key == "sinowatch-run"]
    assert mine and "Top stories" in str(mine[0].data) and "feeds ok 2" in str(mine[0].data)
