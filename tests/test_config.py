"""Config: defaults in one table, a user's file overrides only what it sets, errors name the key."""

from __future__ import annotations

import pytest

from sinowatch.config import Config, describe_defaults, load_config, parse_config
from sinowatch.errors import ConfigError


def test_defaults_have_help_text():
    rows = describe_defaults()
    assert len(rows) > 40
    assert all(help_text for _key, _default, help_text in rows)
    assert ("fetch.timeout", "20.0") in [(k, d) for k, d, _ in rows]


def test_file_overrides_only_its_keys(tmp_path):
    cfg = parse_config('[fetch]\ntimeout = 5\n[[feeds]]\nname = "a"\nurl = "https://a.example.com/rss"\n',
                       source="x.toml", base_dir=tmp_path)
    assert cfg.fetch.timeout == 5.0 and cfg.fetch.retries == Config().fetch.retries
    assert [f.name for f in cfg.enabled_feeds()] == ["a"]
    assert cfg.warehouse_path == tmp_path / "sinowatch.duckdb"
    assert cfg.alerts.rules[0].event_types == ["export_control", "entity_list"]


@pytest.mark.parametrize(
    "text,needle",
    [
        ("[fetch]\ntimeot = 5\n", "unknown key 'fetch.timeot'"),
        ("[fetch]\ntimeout = 'soon'\n", "'fetch.timeout' must be float"),
        ("[fetch]\nretries = true\n", "'fetch.retries' must be an integer"),
        ("[[feeds]]\nname = 'a'\n", "needs both name and url"),
        ("[[feeds]]\nname='a'\nurl='u'\n[[feeds]]\nname='a'\nurl='v'\n", "used twice"),
        ("[alerts.smtp]\nsecurity = 'tls'\n", "none, starttls or ssl"),
        ("wat = [", "not valid TOML"),
    ],
)
def test_errors_are_one_line_and_name_key_and_file(text, needle):
    with pytest.raises(ConfigError) as e:
        parse_config(text, source="my.toml")
    msg = str(e.value)
    assert needle in msg and msg.startswith("my.toml") and "\n" not in msg.strip()


def test_env_var_and_missing_file(tmp_path, monkeypatch):
    p = tmp_path / "c.toml"
    p.write_text("[fetch]\nconcurrency = 3\n")
    monkeypatch.setenv("SINOWATCH_CONFIG", str(p))
    assert load_config().fetch.concurrency == 3
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_feeds_example_is_a_valid_config():
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "feeds.example.toml"
    cfg = load_config(path)
    assert len(cfg.feeds) >= 12
    assert {f.language for f in cfg.feeds} >= {"en", "zh"}
    assert any("federalregister.gov" in f.url and "industry-and-security" in f.url for f in cfg.feeds)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("[fetch]\ntimeout = -1\n", "'fetch.timeout' must be greater than 0, got -1.0"),
        ("[fetch]\nconnect_timeout = 0\n", "'fetch.connect_timeout' must be greater than 0"),
        ("[fetch]\ndeadline = 0\n", "'fetch.deadline' must be greater than 0"),
        ("[fetch]\nmax_entries = -5\n", "'fetch.max_entries' must be at least 1, got -5"),
        ("[fetch]\nbackoff = -0.5\n", "'fetch.backoff' must be at least 0, got -0.5"),
        ("[fetch]\nretries = -1\n", "'fetch.retries' must be at least 0"),
        ("[fetch]\ntimeout = nan\n", "'fetch.timeout' must be a finite number"),
        ("[fetch]\nmax_retry_after = inf\n", "'fetch.max_retry_after' must be a finite number"),
        ("[alerts]\nmax_tries = 0\n", "'alerts.max_tries' must be at least 1"),
        ("[alerts.smtp]\nport = 70000\n", "'alerts.smtp.port' must be at most 65535"),
        ("[[alerts.rules]]\nname = 'r'\nmin_confidence = 1.5\n", "'alerts.rules[0].min_confidence' must be at most 1"),
        ("[extraction]\nbatch_size = 0\n", "'extraction.batch_size' must be at least 1"),
        ("[warehouse]\nlock_timeout = -3\n", "'warehouse.lock_timeout' must be at least 0"),
        ("[warehouse]\nquery_temp_limit = 'lots'\n", "'warehouse.query_temp_limit' must be a size"),
    ],
)
def test_out_of_range_values_are_refused_at_load(text, needle):
    """Issue #17: a negative timeout, max_entries or backoff made every feed fail at run time with
    exit 0; now the file is refused when it is loaded, naming the key and the file."""
    with pytest.raises(ConfigError) as e:
        parse_config(text, source="my.toml")
    msg = str(e.value)
    assert msg.startswith("my.toml: ") and needle in msg and "\n" not in msg


def test_range_edges_are_accepted():
    cfg = parse_config("[fetch]\nbackoff = 0\nretries = 0\nmax_redirects = 0\n[alerts]\nmax_age_days = 0\n"
                       "requeue_failed_after_hours = 0\n[warehouse]\nlock_timeout = 0\n", source="x.toml")
    assert cfg.fetch.backoff == 0.0 and cfg.alerts.requeue_failed_after_hours == 0.0
