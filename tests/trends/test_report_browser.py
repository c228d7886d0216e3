"""The report in headless Chromium: no console errors, every chart drawn with a size, a screenshot
saved as a test artefact (test-artifacts/report.png)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinowatch.config import Config
from sinowatch.report.build import write_report
from tests.trends.browser import ensure_chromium, inspect_page

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

PROBE = """JSON.stringify({
  charts: Array.from(document.querySelectorAll('.js-plotly-plot')).map(el => {
    const r = el.getBoundingClientRect();
    return {id: el.id, width: r.width, height: r.height,
            svgs: el.querySelectorAll('svg.main-svg').length,
            traces: el.querySelectorAll('.trace, .bars .point').length};
  }),
  plotly: typeof window.Plotly,
  title: document.title
})"""


@pytest.fixture(scope="module")
def chromium() -> str:
    path, why = ensure_chromium()
    if path is None:
        pytest.skip(why)
    return path


@pytest.mark.slow
def test_report_renders_in_chromium(chromium, conn, tmp_path):
    import json

    page = write_report(Config(), conn, tmp_path / "report.html")
    shot = ARTIFACTS / "report.png"
    result = inspect_page(chromium, page, probe=PROBE, screenshot=shot, user_data=tmp_path / "profile")
    assert result.console_errors == []
    data = json.loads(result.value)
    assert data["plotly"] == "object"
    charts = {c["id"]: c for c in data["charts"]}
    assert set(charts) == {"chart-entities", "chart-share", "chart-events"}
    for c in charts.values():
        assert c["width"] > 600 and c["height"] > 200 and c["svgs"] >= 1 and c["traces"] >= 1, c
    assert shot.stat().st_size > 20_000


@pytest.mark.slow
def test_the_probe_sees_errors(chromium, tmp_path):
    """The check itself: a page with a failing script and a missing CDN script reports both."""
    page = tmp_path / "bad.html"
    page.write_text("<html><head><script src='https://cdn.invalid/x.js'></script></head>"
                    "<body><script>undefinedFunction()</script></body></html>")
    result = inspect_page(chromium, page, probe="1", screenshot=None, user_data=tmp_path / "profile")
    text = " | ".join(result.console_errors)
    assert "undefinedFunction" in text and "cdn.invalid" in text, text
