"""The HTML report: self-contained (no network), escaped, and built from the views."""

from __future__ import annotations

import re

from sinowatch.warehouse.db import connect

from sinowatch.config import Config
from sinowatch.report.build import safe_url, write_report
from tests.trends.synthetic import HOSTILE_TITLE


def _report(conn, tmp_path, **kw) -> str:
    path = write_report(Config(), conn, tmp_path / "out" / "report.html", **kw)
    assert path.is_file() and oct(path.stat().st_mode & 0o777) == "0o644"
    return path.read_text(encoding="utf-8")


def test_report_is_self_contained(conn, tmp_path):
    text = _report(conn, tmp_path)
    # no external scripts, styles, fonts or images: it must work offline
    assert not re.search(r"<script[^>]+src=", text, re.I)
    assert not re.search(r"<link[^>]+href=", text, re.I)
    assert not re.search(r"<img[^>]+src=[\"']?https?:", text, re.I)
    assert not re.search(r"url\(\s*[\"']?https?:", text, re.I)
    assert "plotly" in text.lower() and text.count("Plotly.newPlot(") == 3
    # plotly.js is inlined once
    assert text.count("plotly.js v") <= 2 and len(text) > 3_000_000


def test_report_escapes_feed_text(conn, tmp_path):
    text = _report(conn, tmp_path)
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert HOSTILE_TITLE.split("</script>")[1].strip() in text


def test_report_sections(conn, tmp_path):
    text = _report(conn, tmp_path, days=60)
    for section in ('id="movers"', 'id="turns"', 'id="chart-entities"', 'id="chart-share"', 'id="chart-events"',
                    'id="events"', 'id="spikes"', 'id="export-controls"'):
        assert section in text, section
    assert "Cambricon" in text and "(60 days)" in text
    spikes = text[text.index('id="spikes"'):text.index('id="export-controls"')]
    assert "Cambricon" in spikes and "No spikes" not in spikes
    exports = text[text.index('id="export-controls"'):]
    assert 'href="https://news.example.com/' in exports and "Entity List" in exports


def test_only_http_links_survive():
    assert safe_url("https://a.example/x") == "https://a.example/x"
    assert safe_url("javascript:alert(1)") is None and safe_url("urn:sinowatch:abc") is None
    assert safe_url(None) is None


def test_report_on_an_empty_warehouse(tmp_path):
    conn = connect(tmp_path / "empty.duckdb")
    try:
        text = _report(conn, tmp_path)
    finally:
        conn.close()
    assert "holds no articles yet" in text


def test_report_cli_writes_to_out(trend_db, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "r.html"
    r = subprocess.run([sys.executable, "-m", "sinowatch.cli", "--db", str(trend_db), "report", "--days", "30",
                        "--out", str(out)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert out.is_file() and f"wrote {out}" in r.stdout
