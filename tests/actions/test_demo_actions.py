"""The bundled demo: the Inspur designation is one action with its English and Chinese reports and
its official record, and the export-controls digest shows it once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest


@pytest.mark.slow
def test_demo_shows_the_inspur_designation_as_one_action(tmp_path) -> None:
    from sinowatch.warehouse.actions import list_actions
    from sinowatch.warehouse.db import connect

    from sinowatch.alerts.stage import preview
    from sinowatch.config import load_config
    from sinowatch.demo_setup import write_demo
    from sinowatch.pipeline import run_pipeline

    cfg = load_config(write_demo(tmp_path, now=datetime.now(UTC)))
    conn = connect(cfg.warehouse_path)
    try:
        run_pipeline(cfg, conn, dry_run=True)
        designations = [a for a in list_actions(conn, event_type="entity_list")
                        if "inspur" in a["targets"] and a["official"]]
        assert len(designations) == 1
        act = designations[0]
        assert act["languages"] == ["en", "zh"] and act["reports"] >= 6 and act["outlets"] >= 5
        assert act["official"]["citation"] == "91 FR 90417" and act["actor"] in ("us-commerce", "bis", "us-gov")
        paths = preview(cfg, conn, tmp_path / "preview")
        text = next(p for p in paths if p.name.endswith("export-controls.html")).read_text(encoding="utf-8")
        assert text.count(f"Action {act['id']}") == 1 and "91 FR 90417" in text
    finally:
        conn.close()
