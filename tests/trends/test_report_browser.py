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


POLISH_PROBE = """JSON.stringify((() => {
  const box = el => { if (!el) return null; const r = el.getBoundingClientRect();
                      return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  const share = document.getElementById('chart-share');
  return {
    headings: Array.from(document.querySelectorAll('h2')).map(h => h.textContent.trim()),
    legend: box(share.querySelector('.legend')),
    xtitle: box(share.querySelector('.xtitle')),
    chart: box(share),
    traces: share.data.map(t => ({name: t.name, color: t.marker.color})),
    charts: Array.from(document.querySelectorAll('.js-plotly-plot')).map(el => el.id),
  };
})())"""


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _distance(a: str, b: str) -> float:
    return sum((x - y) ** 2 for x, y in zip(_rgb(a), _rgb(b), strict=True)) ** 0.5


def _overlap(a: dict, b: dict) -> bool:  # type: ignore[type-arg]
    return not (a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"])


@pytest.mark.slow
def test_report_polish_in_chromium(chromium, conn, tmp_path, monkeypatch):
    """Screenshot checks of the issues seen in the browser: the share-of-voice legend no longer
    covers the x axis title, "other firms" is a colour no firm is near, one "Event timeline"."""
    import json

    from sinowatch.report import build

    monkeypatch.setattr(build, "TOP_FIRMS_SOV", 3)  # so that "other firms" is in the chart
    page = write_report(Config(), conn, tmp_path / "report.html")
    shot = ARTIFACTS / "report-polish.png"
    result = inspect_page(chromium, page, probe=POLISH_PROBE, screenshot=shot, user_data=tmp_path / "profile",
                          height=2600)
    assert result.console_errors == []
    data = json.loads(result.value)
    assert data["headings"].count("Event timeline") == 1, data["headings"]
    assert data["legend"] and data["xtitle"]
    assert not _overlap(data["legend"], data["xtitle"]), (data["legend"], data["xtitle"])
    assert data["legend"]["right"] <= data["chart"]["right"] + 1  # the legend is not cut off
    colours = {t["name"]: t["color"] for t in data["traces"]}
    other = colours.pop("other firms")
    assert len(colours) == 3
    assert min(_distance(other, c) for c in colours.values()) > 80, colours
    assert len(set(colours.values())) == len(colours)
    assert shot.stat().st_size > 20_000


@pytest.mark.slow
def test_small_report_variant_draws_offline(chromium, conn, tmp_path):
    """report.plotly_js = "file": a small HTML file plus plotly.js beside it, charts still drawn
    from disk (no network)."""
    import json

    page = write_report(Config(), conn, tmp_path / "small" / "report.html", plotly_js="file")
    assert page.stat().st_size < 1_000_000
    assert len(list(page.parent.glob("plotly-*.min.js"))) == 1
    result = inspect_page(chromium, page, probe=PROBE, screenshot=ARTIFACTS / "report-small.png",
                          user_data=tmp_path / "profile")
    assert result.console_errors == []
    data = json.loads(result.value)
    assert data["plotly"] == "object" and len(data["charts"]) == 3
    assert all(c["svgs"] >= 1 and c["traces"] >= 1 for c in data["charts"])
