"""The one way tests build a config: :func:`config_data` (a config file's tables, for loopback feeds
and SMTP), then either :func:`make_config` (a checked :class:`Config` in this process) or
:func:`write_config` (the same tables as a TOML file, for a real ``sinowatch`` process). Both go
through the code a user's file goes through, so a test config is checked like one."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

from sinowatch.config import AlertRule, Config, config_from_dict

#: what every test config starts from: loopback allowed, short timeouts, no sentiment model (its
#: load time adds nothing to what these tests check), the warehouse and report in the folder
BASE: dict[str, Any] = {
    "warehouse": {"path": "w.duckdb", "lock_timeout": 5.0},
    "fetch": {"allow_private": True, "retries": 0, "timeout": 5.0, "connect_timeout": 2.0},
    "sentiment": {"enabled": False},
    "report": {"out": "report.html"},
}


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``over``'s keys set, tables merged key by key (as a user's file overrides)."""
    out = copy.deepcopy(base)
    for k, v in over.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else copy.deepcopy(v)
    return out


def config_data(feeds: dict[str, str] | list[dict[str, Any]] | None = None, *, smtp_port: int | None = None, language: str | None = None,
                rules: list[dict[str, Any] | AlertRule] | None = None, **tables: dict[str, Any]) -> dict[str, Any]:
    """The tables of a test config: ``feeds`` (name -> URL, each with ``language`` when given; or
    whole ``[[feeds]]`` tables, for other keys such as ``kind``),
    alerts to the SMTP server on ``smtp_port`` (alerts off without one) with ``rules`` (tables or
    :class:`AlertRule` records; default: one export-control rule), and any other ``tables`` merged
    over :data:`BASE`."""
    data = merge(BASE, {})
    tables_of_feeds = [{"name": n, "url": u} for n, u in feeds.items()] if isinstance(feeds, dict) else feeds or []
    data["feeds"] = [{**f, **({"language": language} if language else {})} for f in tables_of_feeds]
    if smtp_port is None:
        data["alerts"] = {"enabled": False}
    else:
        # the fixture feeds carry fixed dates, so the age limit (a week by default) is off here: tests of the
        # limit set it themselves (tests/alerts/test_with_extraction_tables.py)
        data["alerts"] = {"max_age_days": 0, "smtp": {"host": "127.0.0.1", "port": smtp_port, "timeout": 5.0,
                                                      "sender": "alerts@sinowatch.example.com"}}
    if rules is None:
        rules = [{"name": "export-controls", "recipients": ["analyst@example.com"], "min_confidence": 0.0}]
    data["alerts"]["rules"] = [dataclasses.asdict(r) if isinstance(r, AlertRule) else r for r in rules]
    return merge(data, tables)


def make_config(folder: Path, feeds: dict[str, str] | list[dict[str, Any]] | None = None, **kwargs: Any) -> Config:
    """A checked config whose relative paths (warehouse, report) resolve in ``folder``."""
    return config_from_dict({**config_data(feeds, **kwargs), "base_dir": str(folder),
                             "source": str(Path(folder) / "sinowatch.toml")})


def write_config(folder: Path, feeds: dict[str, str] | list[dict[str, Any]] | None = None, **kwargs: Any) -> Path:
    """The same config as a file ``folder/sinowatch.toml`` (checked by loading it back)."""
    import tomli_w

    from sinowatch.config import load_config

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sinowatch.toml"
    path.write_text(tomli_w.dumps(config_data(feeds, **kwargs)), encoding="utf-8")
    load_config(path)
    return path
