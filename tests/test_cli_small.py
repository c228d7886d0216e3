"""Small CLI behaviours: choices validated (a typo is an error, not an empty table), `candidates`
says when NER is off, run summaries say "seen again", readable stats in logs."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from sinowatch.config import parse_config
from sinowatch.errors import ConfigError


@pytest.fixture(scope="module")
def run(tmp_path_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("cli")
    (tmp / "sinowatch.toml").write_text('[warehouse]\npath = "w.duckdb"\n')
    env = dict(os.environ, SINOWATCH_CONFIG=str(tmp / "sinowatch.toml"))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "sinowatch.cli", "--db", str(tmp / "w.duckdb"), *args],
                              capture_output=True, text=True, cwd=tmp,
                              env=env, timeout=120)

    assert run("init").returncode == 0
    return run


def test_events_type_typo_is_an_error(run) -> None:  # type: ignore[no-untyped-def]
    res = run("events", "--type", "entitylist")
    assert res.returncode == 2 and "unknown event type 'entitylist'" in res.stderr and "entity_list" in res.stderr
    assert run("events", "--type", "entity_list").returncode == 0


def test_candidates_says_ner_is_off(run) -> None:  # type: ignore[no-untyped-def]
    res = run("candidates")
    assert res.returncode == 0 and "NER is off" in res.stderr and "use_ner = true" in res.stderr


def test_alert_rule_choices_are_checked() -> None:
    with pytest.raises(ConfigError, match="'event_types' has 'entitylist'"):
        parse_config('[[alerts.rules]]\nname = "r"\nevent_types = ["entitylist"]\n')
    with pytest.raises(ConfigError, match="'kinds' has 'firm'"):
        parse_config('[[alerts.rules]]\nname = "r"\nkinds = ["firm"]\n')
    with pytest.raises(ConfigError, match="report.plotly_js"):
        parse_config('[report]\nplotly_js = "remote"\n')


def test_run_summary_says_seen_again(capsys) -> None:
    from sinowatch.cli import print_run_summary
    from sinowatch.records import FeedOutcome, RunReport

    rep = RunReport(run_id="r1", started_at=datetime.now(UTC), updated_articles=306,
                    feeds=[FeedOutcome(feed="f", url="u", ok=True, updated_articles=306)])
    print_run_summary(rep)
    out = capsys.readouterr().out
    assert "seen again 306" in out and "updated" not in out


def test_send_stats_print_readably() -> None:
    from sinowatch.alerts import SendStats

    text = str(SendStats(sent=3, digests=1, pending=2, errors=["x"]))
    assert text == "sent 3 alert(s) in 1 digest(s), failed 0, pending 2, 1 problem(s)"
    assert "SendStats(" not in text


def test_demo_engine_typo_is_refused_before_writing(tmp_path) -> None:
    res = subprocess.run([sys.executable, "-m", "sinowatch.cli", "demo", "--out", str(tmp_path / "d"), "--engine",
                          "prefekt"], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert res.returncode == 2 and "use prefect or plain" in res.stderr
    assert not (tmp_path / "d").exists()


def test_events_roles_column_says_what_is_unknown() -> None:
    from sinowatch.cli_trends import roles

    assert roles("BIS", ["Inspur", "Sugon"]) == "BIS -> Inspur, Sugon"
    assert roles(None, ["Inspur"]) == "? -> Inspur" and roles("BIS", []) == "BIS -> (none named)"
    assert roles(None, None) == ""
