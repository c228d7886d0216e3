"""`sinowatch trends`, `events` and `export --parquet` as a user runs them (subprocess, --db)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.trends.synthetic import SPIKE_DAY

SINOWATCH = [sys.executable, "-m", "sinowatch.cli"]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SINOWATCH, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def test_trends_table_has_counts_change_sentiment_and_sparkline(trend_db, tmp_path):
    r = run_cli("--db", str(trend_db), "trends", "--days", "30", "--kind", "company", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "cambricon" in r.stdout and "huawei" in r.stdout and "nvidia-h20" not in r.stdout
    assert "+8 (+267%)" in r.stdout  # cambricon: 11 stories against 3
    assert any(ch in r.stdout for ch in "▁▂▃▄▅▆▇█")


def test_trends_json_filters_by_entity(trend_db, tmp_path):
    r = run_cli("--db", str(trend_db), "trends", "-e", "alibaba", "-e", "smic", "--format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert {row["entity"] for row in rows} == {"alibaba", "smic"}
    ali = next(row for row in rows if row["entity"] == "alibaba")
    assert ali["sentiment"] < 0 < ali["sentiment"] - ali["sentiment_change"]
    assert len(ali["daily_stories"]) == 120


def test_trends_rejects_an_unknown_kind(trend_db, tmp_path):
    r = run_cli("--db", str(trend_db), "trends", "--kind", "fruit", cwd=tmp_path)
    assert r.returncode != 0 and "--kind" in r.stderr


def test_events_timeline_filters(trend_db, tmp_path):
    r = run_cli("--db", str(trend_db), "events", "--type", "entity_list", "--format", "csv", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("day,event_type,status,actor,targets") and len(lines) == 2
    assert "Cambricon" in lines[1] and ",enacted," in lines[1]
    r = run_cli("--db", str(trend_db), "events", "--type", "entity_list", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "status" in r.stdout and "actor -> targets" in r.stdout
    assert "enacted" in r.stdout and "Bureau of Industry and Security" in r.stdout and "-> Cambricon" in r.stdout
    r = run_cli("--db", str(trend_db), "events", "--since", str(SPIKE_DAY), cwd=tmp_path)
    assert r.returncode == 0 and "export_control" in r.stdout
    r = run_cli("--db", str(trend_db), "events", "--since", "yesterday", cwd=tmp_path)
    assert r.returncode != 0 and "YYYY-MM-DD" in r.stderr


def test_missing_warehouse_is_one_line(tmp_path):
    r = run_cli("--db", str(tmp_path / "none.duckdb"), "trends", cwd=tmp_path)
    assert r.returncode != 0 and "Traceback" not in r.stderr and "no warehouse" in r.stderr


def test_export_parquet_partitions_by_month(trend_db, tmp_path):
    out = tmp_path / "pq"
    r = run_cli("--db", str(trend_db), "export", "--parquet", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    months = sorted(p.name for p in (out / "articles").iterdir())
    assert months == ["month=2026-07", "month=2026-08", "month=2026-09", "month=2026-10", "month=2026-11"]
    assert (out / "entities.parquet").is_file()
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM read_parquet('{out}/articles/**/*.parquet', hive_partitioning = true)"
                    ).fetchone()[0]
    src = duckdb.connect(str(trend_db), read_only=True)
    assert n == src.execute("SELECT count(*) FROM articles").fetchone()[0]
    # events carry their article's month; pandas reads the partitioned folder directly
    import pandas as pd

    ev = pd.read_parquet(out / "events")
    assert len(ev) == src.execute("SELECT count(*) FROM events").fetchone()[0]
    assert set(ev["month"].astype(str)) <= {m.split("=")[1] for m in months}
    # a second export replaces the first rather than failing or duplicating
    r = run_cli("--db", str(trend_db), "export", "--parquet", str(out), "--table", "events", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert len(pd.read_parquet(out / "events")) == len(ev)


def test_every_command_has_help(tmp_path):
    for cmd in ("trends", "events", "report", "export"):
        r = run_cli(cmd, "--help", cwd=tmp_path)
        assert r.returncode == 0 and len(r.stdout) > 200, cmd
