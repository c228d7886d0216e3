"""`sinowatch demo`: render the bundled demo feeds with dates relative to now and write a config
that points at them (local files, so the demo needs no network)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

import tomli_w

from sinowatch.demo.build import build_demo


def write_demo(out: Path, *, now: datetime) -> Path:
    out = out.resolve()
    feeds_dir = out / "feeds"
    feeds_dir.mkdir(parents=True, exist_ok=True)
    feeds = build_demo(feeds_dir, now=now)
    feeds += write_records(out / "records", now=now)
    config = {
        "warehouse": {"path": "sinowatch.duckdb"},
        "fetch": {"allow_file": True, "concurrency": 4},
        "feeds": feeds,
        "alerts": {
            # mailpit's SMTP port (docker/compose.yaml publishes it on 127.0.0.1); 8025 is its web UI
            "smtp": {"host": "127.0.0.1", "port": 1025},
            "rules": [
                {"name": "export-controls", "event_types": ["export_control", "entity_list"],
                 "min_confidence": 0.6, "recipients": ["compliance@example.com"]},
                {"name": "smic-huawei-investor", "event_types": [], "entities": ["smic", "huawei"],
                 "min_confidence": 0.6, "recipients": ["investor@example.com"]},
            ],
        },
        "report": {"days": 120, "out": "report.html"},
    }
    path = out / "sinowatch.toml"
    path.write_text("# Written by `sinowatch demo`; safe to edit, rewritten by the next `make demo`.\n"
                    + tomli_w.dumps(config), encoding="utf-8")
    return path


_DAYS_AGO = re.compile(r'"@days_ago:(\d+)"')


def write_records(out: Path, *, now: datetime) -> list[dict[str, object]]:
    """The demo's official records (sinowatch/demo/records/*.json) with dates relative to now, and
    the feeds that read them: a Federal Register documents page and a screening-list snapshot
    (the first snapshot is the baseline; its Inspur entries give the designation's rule its firms)."""
    out.mkdir(parents=True, exist_ok=True)
    today = now.astimezone(UTC).date()
    feeds: list[dict[str, object]] = []
    for name, kind in (("federal_register", "federal_register"), ("screening_list", "screening_list")):
        text = (resources.files("sinowatch.demo") / "records" / f"{name}.json").read_text(encoding="utf-8")
        text = _DAYS_AGO.sub(lambda m: f'"{(today - timedelta(days=int(m.group(1)))).isoformat()}"', text)
        path = out / f"{name}.json"
        path.write_text(text, encoding="utf-8")
        feeds.append({"name": f"demo-{name.replace('_', '-')}", "url": path.as_uri(), "kind": kind, "tags": ["official"]})
    return feeds
