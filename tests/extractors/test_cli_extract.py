"""`sinowatch extract` as a user runs it: a real subprocess on a small file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-c", "from sinowatch.cli import main; main()"]


@pytest.fixture(scope="module")
def run_extract(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("cli")
    lines = [
        json.dumps({"id": "a1", "title": "BIS adds SMIC units to Entity List",
                    "text": "The Bureau of Industry and Security added SMIC units to the Entity List."}),
        "{not json",
        json.dumps({"id": "a2", "title": "寒武纪股价大涨", "text": "寒武纪股价盘中大涨，市值突破6000亿元。", "lang": "zh"}),
        json.dumps({"title": "no id"}),
        "",
        json.dumps({"id": 3, "title": "Weather", "text": "It rained in Paris.", "url": "https://example.com/x",
                    "published": "2026-01-02T03:04:05Z"}),
    ]
    path = folder / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env_cwd = folder  # no config file there: defaults
    res = subprocess.run([*CLI, "extract", str(path), "--batch-size", "2", "--no-sentiment"], capture_output=True,
                         text=True, cwd=env_cwd, timeout=120)
    return res


def test_output_order_schema_and_bad_lines(run_extract) -> None:  # type: ignore[no-untyped-def]
    res = run_extract
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a1", "a2", "3"]
    assert "line 2" in res.stderr and "line 4" in res.stderr
    assert res.returncode == 1
    for o in out:
        assert set(o) == {"id", "lang", "mentions", "entities", "events", "sentiment"}
        assert o["sentiment"] is None
        for m in o["mentions"]:
            assert set(m) == {"entity", "kind", "text", "field", "start", "end", "sentence", "sentiment"}
            assert m["field"] in ("title", "text") and m["sentiment"] is None
        for r in o["entities"]:
            assert set(r) == {"entity", "kind", "count", "sentiment"}
        for e in o["events"]:
            assert set(e) == {"type", "confidence", "sentence", "entities", "actor", "targets", "status"}
            assert isinstance(e["confidence"], float)
    a1, a2, a3 = out
    assert {r["entity"] for r in a1["entities"]} == {"bis", "smic", "entity-list"}
    ev = [e for e in a1["events"] if e["type"] == "entity_list"]
    assert ev and ev[0]["actor"] == "bis" and ev[0]["targets"] == ["smic"] and ev[0]["status"] == "enacted"
    assert a2["lang"] == "zh" and {r["entity"] for r in a2["entities"]} == {"cambricon"}
    assert {e["type"] for e in a2["events"]} == {"market_move"}
    assert a3["mentions"] == [] and a3["events"] == []
    # offsets index into the field
    m = a1["mentions"][0]
    assert "BIS adds SMIC units to Entity List"[m["start"]:m["end"]] == m["text"]


def test_stdin(tmp_path: Path) -> None:
    line = json.dumps({"id": "s", "title": "", "text": "Tencent raised capex."}) + "\n"
    res = subprocess.run([*CLI, "extract", "-", "--no-sentiment"], input=line, capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert res.returncode == 0, res.stderr
    (o,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert o["entities"] == [{"entity": "tencent", "kind": "company", "count": 1, "sentiment": None}]


def test_every_extraction_command_has_help() -> None:
    import typer.main

    from sinowatch.cli import app

    group = typer.main.get_command(app)
    for name in ("extract", "eval", "candidates", "reextract"):
        cmd = group.commands[name]  # type: ignore[attr-defined]
        assert cmd.help, name
        for p in cmd.params:
            if p.name in ("ctx",) or getattr(p, "param_type_name", "") == "argument":
                continue
            assert getattr(p, "help", None), (name, p.name)


def _sentiment_model_installed() -> bool:
    from sinowatch.config import Config
    from sinowatch.errors import ModelError
    from sinowatch.scoring import load_model

    try:
        load_model(Config())
    except ModelError:
        return False
    return True


def test_status_actor_targets_and_sentiment_on_every_event(tmp_path: Path) -> None:
    if not _sentiment_model_installed():
        pytest.skip("the sentiment model is not installed (models/sentiment/artifact)")
    lines = [json.dumps({"id": "w", "title": "US weighs adding more Inspur units to Entity List",
                         "text": "Washington is weighing adding more Inspur units to the Entity List, people "
                                 "familiar with the matter said. Inspur shares fell 4%.",
                         "published": "2026-11-30"}),
             json.dumps({"id": "z", "lang": "zh", "title": "浪潮回应",
                         "text": "浪潮信息表示，公司已被列入美国实体清单，目前经营正常。"})]
    res = subprocess.run([*CLI, "extract", "-"], input="\n".join(lines) + "\n", capture_output=True, text=True,
                         cwd=tmp_path, timeout=300)
    assert res.returncode == 0, res.stderr
    w, z = [json.loads(x) for x in res.stdout.splitlines()]
    (ev,) = [e for e in w["events"] if e["type"] == "entity_list" and e["sentence"].startswith("US weighs")]
    assert (ev["status"], ev["actor"], ev["targets"]) == ("proposed", "us-gov", ["inspur"])
    (bg,) = [e for e in z["events"] if e["type"] == "entity_list"]
    assert (bg["status"], bg["actor"], bg["targets"]) == ("background", "us-gov", ["inspur"])
    for o in (w, z):
        assert o["sentiment"]["label"] in ("positive", "negative", "neutral")
        assert all(r["sentiment"] is not None for r in o["entities"])
        assert all(m["sentiment"] is not None for m in o["mentions"])
    # --no-sentiment leaves them null, the events unchanged
    res = subprocess.run([*CLI, "extract", "-", "--no-sentiment"], input=lines[1] + "\n", capture_output=True,
                         text=True, cwd=tmp_path, timeout=120)
    (z2,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert z2["sentiment"] is None and z2["events"] == z["events"]
