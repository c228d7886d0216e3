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
