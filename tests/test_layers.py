"""The folders are layers: the import-graph check (``python -m tests.layers``) passes, and it does
catch an upward import."""

from __future__ import annotations

import subprocess
import sys

from tests import layers


def test_no_import_points_upward() -> None:
    res = subprocess.run([sys.executable, "-m", "tests.layers"], cwd=layers.REPO, capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stdout[-3000:]
    assert "0 records/config/errors" in res.stdout and "engine: flows/ (Prefect) -> " in res.stdout


def test_every_module_has_a_unit() -> None:
    assert all(layers.unit_of(m) is not None for m in layers.modules())


def test_an_upward_import_is_reported(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "warehouse"
    bad.mkdir()
    (bad / "__init__.py").write_text("")
    (bad / "uses_cli.py").write_text("def f():\n    from sinowatch.cli import app\n    import duckdb\n    return app\n")
    (bad / "raw.py").write_text("import duckdb\n")
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "__init__.py").write_text("from ..warehouse import uses_cli\n")
    (tmp_path / "sinowatch").mkdir()
    (tmp_path / "sinowatch" / "cli.py").write_text("import duckdb\nfrom sinowatch.flows import x\n")
    monkeypatch.setattr(layers, "REPO", tmp_path)
    monkeypatch.setattr(layers, "PACKAGES", {"sinowatch": "sinowatch", "flows": "sinowatch.flows",
                                             "warehouse": "sinowatch.warehouse"})
    _, upward = layers.graph()
    assert any("warehouse/uses_cli.py:2" in u and "sinowatch.cli" in u for u in upward), upward
    assert any("sinowatch/cli.py:1" in u and "duckdb" in u for u in upward), upward
    assert not any("raw.py" in u or "flows/__init__.py" in u for u in upward), upward
    assert len(upward) == 2
