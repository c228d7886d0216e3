"""`sinowatch sql` from a file and stdin (queries that start with a `--` comment), the shared
--format option, and the exit code of a failing query."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

QUERIES = Path(__file__).resolve().parents[1] / "warehouse" / "queries"


@pytest.fixture(scope="module")
def run(tmp_path_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("sql")
    (tmp / "none.toml").write_text("")
    env = dict(os.environ, SINOWATCH_CONFIG=str(tmp / "none.toml"))

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "sinowatch.cli", "--db", str(tmp / "w.duckdb"), *args],
                              capture_output=True, text=True, env=env, input=stdin, timeout=120, cwd=tmp)

    assert run("init").returncode == 0
    return run


def test_cookbook_file_with_leading_comment(run) -> None:  # type: ignore[no-untyped-def]
    path = QUERIES / "cookbook_02_mentioned_more_this_week.sql"
    assert path.read_text().lstrip().startswith("--")
    res = run("sql", "--file", str(path), "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[0].count(",") >= 1  # a CSV header, no rows on an empty warehouse
    piped = run("sql", "-", "--format", "csv", stdin=path.read_text())
    assert piped.returncode == 0 and piped.stdout == res.stdout


def test_format_option_and_old_flags(run) -> None:  # type: ignore[no-untyped-def]
    q = "select 1 as a, 'x' as b"
    assert json.loads(run("sql", q, "--format", "json").stdout) == {"a": 1, "b": "x"}
    assert run("sql", q, "-f", "csv").stdout.splitlines() == ["a,b", "1,x"]
    assert run("sql", q, "--json").stdout.strip() == '{"a": 1, "b": "x"}'
    bad = run("sql", q, "--format", "xml")
    assert bad.returncode == 2 and "use table, csv or json" in bad.stderr


def test_errors_and_exit_codes(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    res = run("sql", "select * from no_such_table")
    assert res.returncode == 6 and res.stderr.count("\n") == 1 and "query failed" in res.stderr
    both = run("sql", "select 1", "--file", str(QUERIES / "data_range.sql"))
    assert both.returncode == 2 and "exactly one" in both.stderr
    assert run("sql").returncode == 2
    missing = run("sql", "--file", str(tmp_path / "nope.sql"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    assert run("sql", "-", stdin="  \n").returncode == 2
