"""`sinowatch actions`, `action ID`, `official`, `eval-actions`: help, filters, JSON shape, errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sinowatch.cli import app
from tests.actions.conftest import article, event, ex, save

runner = CliRunner()


def _seed(tmp_path):  # type: ignore[no-untyped-def]
    from sinowatch.warehouse.db import connect

    from tests.actions.conftest import ENTITIES

    db = tmp_path / "w.duckdb"
    conn = connect(db)
    conn.executemany("INSERT INTO entities (entity, kind, name, country, parent, watchlist_version) VALUES (?, ?, ?, ?, ?, 'w1')", ENTITIES)
    save(conn, [article("en1", "Commerce adds six Inspur units"),
                article("zh1", "美国商务部将浪潮集团六家子公司列入实体清单", days=0.2, language="zh", feed="caixin"),
                article("smic", "SMIC probe", days=1)],
         [ex("en1", event()), ex("zh1", event(), lang="zh"),
          ex("smic", event("investigation", targets=("smic",), actor="mofcom", status="proposed"))])
    conn.close()
    return str(db)


def test_every_new_command_has_help() -> None:
    for cmd in ("actions", "action", "official", "eval-actions"):
        res = runner.invoke(app, [cmd, "--help"])
        assert res.exit_code == 0 and len(res.output) > 100, cmd


def test_actions_json_filters_and_detail(tmp_path) -> None:
    db = _seed(tmp_path)
    res = runner.invoke(app, ["--db", db, "actions", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert len(rows) == 2
    inspur = next(r for r in rows if r["type"] == "entity_list")
    assert {k: inspur[k] for k in ("status", "actor", "targets", "reports", "languages", "official")} == {
        "status": "enacted", "actor": "us-commerce", "targets": ["inspur"], "reports": 2, "languages": ["en", "zh"],
        "official": None}
    res = runner.invoke(app, ["--db", db, "actions", "--type", "investigation", "--status", "proposed", "-f", "json"])
    assert [json.loads(x)["targets"] for x in res.output.splitlines()] == [["smic"]]
    res = runner.invoke(app, ["--db", db, "actions", "--status", "done"])
    assert res.exit_code != 0 and "proposed" in res.output
    res = runner.invoke(app, ["--db", db, "action", inspur["id"]])
    assert res.exit_code == 0 and "us-commerce -> inspur" in res.output and "caixin" in res.output
    res = runner.invoke(app, ["--db", db, "action", "act-nope"])
    assert res.exit_code == 1 and "sinowatch actions" in res.output


def test_eval_actions_takes_the_holdout_split(tmp_path) -> None:
    from tests.actions.test_evaluate import _art

    path = tmp_path / "articles.jsonl"
    rows = [_art("h1", "en", "2025-03-25", "act-h", ["inspur"], split="holdout"),
            _art("h2", "zh", "2025-03-26", "act-h", ["inspur"], split="holdout"),
            _art("d1", "en", "2025-03-25", "act-d", ["sugon"])]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    none = tmp_path / "no-records.jsonl"
    res = runner.invoke(app, ["eval-actions", "--articles", str(path), "--records", str(none), "--split", "holdout"])
    assert res.exit_code == 0, res.output
    assert "split holdout: 2 articles, 2 gold events in 1 gold actions" in res.output
    bad = runner.invoke(app, ["eval-actions", "--articles", str(path), "--split", "train"])
    assert bad.exit_code != 0 and "holdout" in bad.output
