"""The trend views on the synthetic warehouse find what was planted in it."""

from __future__ import annotations

from datetime import timedelta

from sinowatch.warehouse import trends as tw

from tests.trends.synthetic import DAYS, END, SPIKE_DAY, START, TURN_DAY

VIEWS = ["daily_mentions", "daily_sentiment", "share_of_voice", "event_timeline", "co_mentions",
         "spike_scores", "spikes"]


def test_views_exist_and_answer(conn):
    for view in VIEWS:
        n = conn.execute(f"SELECT count(*) FROM {view}").fetchone()[0]
        assert n > 0, view


def test_daily_mentions_is_dense_over_the_data_range(conn):
    first, last, days, entities = conn.execute(
        "SELECT min(day), max(day), count(DISTINCT day), count(DISTINCT entity) FROM daily_mentions").fetchone()
    assert (first, last, days) == (START, END, DAYS)
    assert conn.execute("SELECT count(*) FROM daily_mentions").fetchone()[0] == days * entities


def test_the_planted_spike_is_the_only_spike(conn):
    rows = conn.execute("SELECT entity, day, stories, robust_z FROM spikes").fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [("cambricon", SPIKE_DAY, 6)]
    assert rows[0][3] >= 3


def test_spike_scores_baseline_excludes_the_day_itself(conn):
    med, mad, days = conn.execute(
        "SELECT baseline_median, baseline_mad, baseline_days FROM spike_scores WHERE entity = 'cambricon' AND day = ?",
        [SPIKE_DAY]).fetchone()
    assert (med, mad, days) == (0.0, 0.0, 28)


def test_the_sentiment_turn_shows_in_the_rolling_mean(conn):
    before = conn.execute("SELECT rolling_7d FROM daily_sentiment WHERE entity = 'alibaba' AND day = ?",
                          [TURN_DAY - timedelta(days=1)]).fetchone()[0]
    after = conn.execute("SELECT rolling_7d FROM daily_sentiment WHERE entity = 'alibaba' AND day = ?",
                         [TURN_DAY + timedelta(days=8)]).fetchone()[0]
    assert before > 0.4 and after < -0.3
    (row,) = [r for r in tw.trends(conn, days=30) if r.entity == "alibaba"]
    assert row.sentiment < -0.3 and row.sentiment_change < -0.8


def test_trends_rank_and_compare_periods(conn):
    rows = tw.trends(conn, days=30, kind="company")
    assert {r.kind for r in rows} == {"company"}
    cam = next(r for r in rows if r.entity == "cambricon")
    assert cam.stories - cam.prev_stories == cam.change and cam.change >= 6
    assert len(cam.series) == 120 and cam.series[-11] == 6
    only = tw.trends(conn, days=7, entities=["smic", "nvidia-h20"])
    assert {r.entity for r in only} == {"smic", "nvidia-h20"}


def test_share_of_voice_sums_to_one_per_week(conn):
    sums = conn.execute("SELECT week, sum(share) FROM share_of_voice GROUP BY week").fetchall()
    assert sums and all(abs(s - 1.0) < 1e-9 for _, s in sums)
    assert conn.execute("SELECT count(*) FROM share_of_voice WHERE entity = 'nvidia-h20'").fetchone()[0] == 0


def test_event_timeline_names_actor_and_targets(conn):
    cols, rows = tw.events(conn, types=["entity_list"])
    (row,) = [dict(zip(cols, r, strict=True)) for r in rows]
    assert row["actor"] == "Bureau of Industry and Security" and row["targets"] == ["Cambricon"]
    assert row["status"] == "enacted"  # migration 0015
    statuses = conn.execute("SELECT status, count(*) FROM event_timeline GROUP BY ALL ORDER BY ALL").fetchall()
    assert statuses == conn.execute("SELECT status, count(*) FROM events GROUP BY ALL ORDER BY ALL").fetchall()
    assert {s for s, _ in statuses} == {"enacted", "proposed", None}
    assert row["link"].startswith("https://") and row["evidence"]
    cols, rows = tw.events(conn, since=END - timedelta(days=7))
    assert rows and all(r[0] >= END - timedelta(days=7) for r in rows)


def test_co_mentions_are_ordered_pairs(conn):
    pairs = conn.execute("SELECT entity_a, entity_b, sum(articles) FROM co_mentions GROUP BY ALL").fetchall()
    assert all(a < b for a, b, _ in pairs)
    assert ("huawei", "smic") in {(a, b) for a, b, _ in pairs}


def test_sparkline():
    line = tw.sparkline([0, 1, 2, 3, 4, 5, 6, 7])
    assert line[0] == " " and line[-1] == "█" and list(line[1:]) == sorted(line[1:]) and len(set(line)) == 8
    assert tw.sparkline([1] * 15, bucket=7) == "██"  # the leading partial day is dropped
    assert tw.sparkline([0, 0]) == "  " and tw.sparkline([]) == ""
    assert len(tw.sparkline(list(range(120)), width=30)) == 30
