"""Slow: building the wheel prints no setuptools warnings, and the wheel carries the data files
(migrations, queries, templates, the sentiment model)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_builds_without_setuptools_warnings(tmp_path) -> None:
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation",
                          "-w", str(tmp_path), "-v"], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    noisy = [line for line in (res.stdout + res.stderr).splitlines()
             if "Warning" in line and ("setuptools" in line or "BuildBackend" in line)]
    assert noisy == [], "\n".join(noisy[:20])
    (wheel,) = tmp_path.glob("sinowatch-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("sinowatch/warehouse/migrations/0001_core.sql", "sinowatch/warehouse/queries/data_range.sql",
                   "sinowatch/alerts/templates/digest.html", "sinowatch/report/templates/report.html.j2",
                   "sinowatch/models/sentiment/artifact/config.json", "sinowatch/models/watchlist.yaml"):
        assert needed in names, needed
    # the event classifier is an ensemble since round 14: its members' files sit in sub-folders
    import json

    events = json.loads(zipfile.ZipFile(wheel).read("sinowatch/models/events/artifact/config.json"))
    for member in events.get("members", []):
        for name in ("model.int8.onnx", "tokenizer.json", "config.json"):
            assert f"sinowatch/models/events/artifact/members/{member}/{name}" in names, (member, name)
    # the sentiment model routes Chinese pairs to a sub-folder's model since round 15
    sentiment = json.loads(zipfile.ZipFile(wheel).read("sinowatch/models/sentiment/artifact/config.json"))
    for sub in sentiment.get("routes", {}).values():
        for name in ("model.int8.onnx", "tokenizer.json", "config.json"):
            assert f"sinowatch/models/sentiment/artifact/{sub}/{name}" in names, (sub, name)
