"""The CLI: every command has help, start-up stays light, errors are one line."""

from __future__ import annotations

import os
import subprocess
import sys

import typer.core
import typer.main

from sinowatch.cli import app


def _commands(group, prefix: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, prefix + (name,))


def test_every_command_and_option_has_help():
    root = typer.main.get_command(app)
    found = list(_commands(root))
    assert len(found) >= 6
    for path, cmd in found:
        assert (cmd.help or cmd.short_help or "").strip(), f"`sinowatch {' '.join(path)}` has no help text"
        for param in cmd.params:
            if isinstance(param, typer.core.TyperOption) and not param.hidden:
                assert (param.help or "").strip(), f"`sinowatch {' '.join(path)}` option {param.name} has no help"


def test_help_is_fast_and_imports_nothing_heavy():
    code = (
        "import sys, sinowatch.cli as c\n"
        "heavy = [m for m in ('torch', 'transformers', 'spacy', 'prefect', 'duckdb', 'onnxruntime', 'plotly') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
    res = subprocess.run([sys.executable, "-m", "sinowatch.cli", "--help"], capture_output=True, text=True)
    assert res.returncode == 0 and "ingest" in res.stdout


def test_bad_config_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[fetch]\nnope = 1\n")
    res = subprocess.run([sys.executable, "-m", "sinowatch.cli", "--config", str(bad), "ingest"],
                         capture_output=True, text=True, env=dict(os.environ))
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "unknown key 'fetch.nope'" in res.stderr


def test_sql_is_read_only(tmp_path):
    db = tmp_path / "w.duckdb"
    env = dict(os.environ, SINOWATCH_CONFIG=str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    run = lambda *a: subprocess.run([sys.executable, "-m", "sinowatch.cli", "--db", str(db), *a],  # noqa: E731
                                    capture_output=True, text=True, env=env)
    assert run("init").returncode == 0
    ok = run("sql", "select count(*) as n from articles", "--json")
    assert ok.returncode == 0 and ok.stdout.strip() == '{"n": 0}'
    for query in ("delete from articles", "create table x(a int)",
                  f"copy (select 1) to '{tmp_path / 'leak.csv'}'", f"attach '{tmp_path / 'other.duckdb'}' as o"):
        res = run("sql", query)
        assert res.returncode != 0 and "query failed" in res.stderr, query
    assert not (tmp_path / "leak.csv").exists() and not (tmp_path / "other.duckdb").exists()
