"""`sinowatch demo`: render the bundled demo feeds with dates relative to now and write a config
that points at them (local files, so the demo needs no network)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import tomli_w

from sinowatch.demo.build import build_demo


def write_demo(out: Path, *, now: datetime) -> Path:
    out = out.resolve()
    feeds_dir = out / "feeds"
    feeds_dir.mkdir(parents=True, exist_ok=True)
    feeds = build_demo(feeds_dir, now=now)
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
