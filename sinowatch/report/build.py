"""The HTML report: one self-contained file (plotly.js inlined once, no CDN, works offline).

Sections: top movers, sentiment turns, stories and sentiment per top entity, share of voice, the
event timeline, spikes, and the latest export-control stories with links. Numbers come from the
warehouse views through ``sinowatch.warehouse.trends``; every value from feeds goes through Jinja's
autoescape (titles also through ``html.escape`` before they reach Plotly hover labels), and links
are kept only when they are http(s).
"""

from __future__ import annotations

import html
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sinowatch.config import Config
from sinowatch.warehouse import trends as tw
from sinowatch.warehouse.extraction import display_names

MOVER_DAYS = 14  # movers: the last 14 days against the 14 before
TOP_ENTITIES = 6  # entities charted one by one
TOP_FIRMS_SOV = 8  # firms named in the share-of-voice chart; the rest are "other firms"
PLOT_CONFIG = {"displaylogo": False, "responsive": True}
#: Latin faces first, then CJK fallbacks (macOS, Windows, Noto/WenQuanYi on Linux), so Chinese
#: names and titles never render as boxes; the same stack is in the report's and the emails' CSS.
FONT_STACK = ('system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", '
              '"Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", '
              '"WenQuanYi Zen Hei", sans-serif')
FONT = {"family": FONT_STACK.replace('"', ""), "size": 13}
#: one colour per named firm in the share-of-voice chart (Tableau 10 without its grey); the
#: remainder, "other firms", is a light grey no firm colour is near
FIRM_COLOURS = ("#4C78A8", "#F58518", "#E45756", "#72B7B2", "#54A24B", "#EECA3B", "#B279A2", "#FF9DA6", "#9D755D")
OTHER_FIRMS_COLOUR = "#D0D0D0"
PLOTLY_JS_MODES = ("inline", "file", "cdn")


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    html: str


def safe_url(url: Any) -> str | None:
    """The URL if it is http(s), else None (a feed's ``javascript:`` link must never be a link)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    return u if u.lower().startswith(("http://", "https://")) else None


def _fig_html(fig: Any, div_id: str) -> str:
    return str(fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id, config=PLOT_CONFIG))


def _layout(fig: Any, *, height: int, title: str | None = None) -> None:
    fig.update_layout(height=height, margin={"l": 60, "r": 30, "t": 50 if title else 20, "b": 40},
                      font=FONT, template="plotly_white", title=title,
                      legend={"orientation": "h", "y": -0.12})


def _entity_charts(conn: Any, entities: list[tuple[str, str]], days: int) -> Chart | None:
    """Small multiples: daily stories (bars) and 7-day rolling sentiment (line) per top entity."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    if not entities:
        return None
    rows = tw.named_dicts(conn, "report_weekly_mentions", days=days, entities=[e for e, _ in entities])
    by_entity: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_entity.setdefault(r["entity"], []).append(r)
    fig = make_subplots(rows=len(entities), cols=1, shared_xaxes=True, vertical_spacing=0.04,
                        subplot_titles=[name for _, name in entities],
                        specs=[[{"secondary_y": True}] for _ in entities])
    for i, (entity, name) in enumerate(entities, start=1):
        data = by_entity.get(entity, [])
        x = [r["day"].isoformat() for r in data]
        fig.add_trace(go.Bar(x=x, y=[r["stories"] for r in data], name="stories per day",
                             marker_color="#4C78A8", showlegend=i == 1, legendgroup="stories",
                             hovertemplate=f"{html.escape(name)}<br>%{{x}}: %{{y}} stories<extra></extra>"),
                      row=i, col=1, secondary_y=False)
        fig.add_trace(go.Scatter(x=x, y=[None if r["rolling_7d"] is None else round(r["rolling_7d"], 3) for r in data],
                                 name="sentiment, 7-day mean", mode="lines", connectgaps=False,
                                 line={"color": "#E45756", "width": 2}, showlegend=i == 1, legendgroup="sent",
                                 hovertemplate=f"{html.escape(name)}<br>%{{x}}: sentiment %{{y:+.2f}}<extra></extra>"),
                      row=i, col=1, secondary_y=True)
        fig.update_yaxes(title_text="stories", row=i, col=1, secondary_y=False, rangemode="tozero")
        fig.update_yaxes(title_text="sentiment", row=i, col=1, secondary_y=True, range=[-1.05, 1.05],
                         tickvals=[-1, -0.5, 0, 0.5, 1], zeroline=True, showgrid=False)
    _layout(fig, height=120 + 190 * len(entities))
    return Chart("chart-entities", "Stories and sentiment per top entity", _fig_html(fig, "chart-entities"))


def _share_chart(conn: Any, days: int, names: dict[str, str]) -> Chart | None:
    import plotly.graph_objects as go

    rows = tw.named_dicts(conn, "report_share_of_voice", days=days, top=TOP_FIRMS_SOV)
    if not rows:
        return None
    firms = sorted({r["firm"] for r in rows}, key=lambda f: (f == "other firms", f))
    fig = go.Figure()
    named = 0
    for firm in firms:
        data = [r for r in rows if r["firm"] == firm]
        if firm == "other firms":
            colour = OTHER_FIRMS_COLOUR
        else:
            colour, named = FIRM_COLOURS[named % len(FIRM_COLOURS)], named + 1
        label = html.escape(names.get(firm, firm))
        fig.add_trace(go.Bar(x=[r["week"].isoformat() for r in data], y=[round(100 * r["share"], 1) for r in data],
                             name=label, customdata=[r["articles"] for r in data], marker_color=colour,
                             hovertemplate=f"{label}<br>week of %{{x}}: %{{y}}%"
                                           " (%{customdata} articles)<extra></extra>"))
    fig.update_layout(barmode="stack", yaxis={"title": "% of firm mentions", "range": [0, 100]},
                      xaxis={"title": "week"})
    _layout(fig, height=420)
    # the legend to the right of the plot: below it, it covered the x axis title
    fig.update_layout(legend={"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"},
                      margin={"r": 200})
    return Chart("chart-share", "Share of voice among the watched firms (weekly)", _fig_html(fig, "chart-share"))


def _event_chart(events: list[dict[str, Any]]) -> Chart | None:
    import plotly.graph_objects as go

    if not events:
        return None
    fig = go.Figure()
    for etype in sorted({e["event_type"] for e in events}):
        data = [e for e in events if e["event_type"] == etype]
        text = [html.escape(f"{e['title'][:90]} | {e['actor'] or '?'} -> {', '.join(e['targets'] or []) or '-'}")
                for e in data]
        fig.add_trace(go.Scatter(x=[e["day"].isoformat() for e in data], y=[etype] * len(data), mode="markers",
                                 name=etype, text=text, marker={"size": [8 + 10 * float(e["confidence"] or 0) for e in data],
                                                               "opacity": 0.75},
                                 hovertemplate="%{x}<br>%{text}<extra>" + etype + "</extra>"))
    _layout(fig, height=120 + 40 * len({e["event_type"] for e in events}))
    fig.update_layout(showlegend=False, xaxis={"title": "published"})
    return Chart("chart-events", "Events by type over time", _fig_html(fig, "chart-events"))


def build_context(config: Config, conn: Any, *, days: int) -> dict[str, Any]:
    """Everything the template shows, as plain values (no HTML except the Plotly fragments)."""
    rng = tw.data_range(conn)
    ctx: dict[str, Any] = {"days": days, "range": rng, "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                           "charts": [], "movers": [], "turns": [], "events": [], "spikes": [], "export_stories": [], "actions": [],
                           "mover_days": MOVER_DAYS}
    if rng.last_day is None:
        return ctx
    ctx["period_start"] = max(rng.first_day or rng.last_day, rng.last_day - timedelta(days=days - 1))
    history = min(days, 120)
    shown = display_names(conn)  # "DeepSeek (深度求索)" where the watchlist has a Chinese name
    by_english = {d.split(" (", 1)[0]: d for d in shown.values()}  # share of voice names firms in English
    movers = tw.trends(conn, days=MOVER_DAYS, history=history)
    ctx["movers"] = [dict(vars(r), name=shown.get(r.entity, r.name), spark=tw.sparkline(r.series, bucket=7))
                     for r in sorted(movers, key=lambda r: (-abs(r.change), -r.stories, r.entity))[:12]]
    turns = [r for r in movers if r.sentiment_change is not None]
    ctx["turns"] = [dict(vars(r), name=shown.get(r.entity, r.name))
                    for r in sorted(turns, key=lambda r: (-abs(r.sentiment_change or 0), r.entity))[:8]]
    top = tw.trends(conn, days=days, history=history, top=TOP_ENTITIES)
    events = tw.named_dicts(conn, "events_timeline", types=[], since=rng.last_day - timedelta(days=days - 1),
                            limit=2000)
    for e in events:
        e["link"] = safe_url(e["link"])
    ctx["events"] = events[:40]
    ctx["events_total"] = len(events)
    ctx["spikes"] = [dict(r, name=shown.get(r["entity"], r["name"]))
                     for r in tw.named_dicts(conn, "report_spikes", days=days)]
    stories = tw.named_dicts(conn, "report_export_control_stories", days=days, limit=15)
    for s in stories:
        s["link"] = safe_url(s["link"])
    ctx["export_stories"] = stories
    ctx["actions"] = _actions(conn, since=rng.last_day - timedelta(days=days - 1))
    charts = [_entity_charts(conn, [(r.entity, shown.get(r.entity, r.name)) for r in top], days),
              _share_chart(conn, days, by_english), _event_chart(events)]
    ctx["charts"] = [c for c in charts if c is not None]
    return ctx


def _actions(conn: Any, *, since: Any, limit: int = 25) -> list[dict[str, Any]]:
    """The export-control and entity-list actions of the period: one row per real-world act in
    place of its many reports (docs/views.md#actions); none on a warehouse without the tables."""
    from sinowatch.warehouse.actions import list_actions

    try:
        since_ts = datetime.combine(since, datetime.min.time(), tzinfo=UTC)
        rows = [a for t in ("export_control", "entity_list") for a in list_actions(conn, event_type=t, since=since_ts)]
    except Exception:  # an older, read-only warehouse without migration 0011
        return []
    rows.sort(key=lambda a: (a["last_seen"], a["id"]), reverse=True)
    for a in rows:
        off = a.get("official")
        a["official_url"] = safe_url(off.get("url")) if off else None
        a["first_day"] = a["first_seen"].date() if a.get("first_seen") else None
    return rows[:limit]


def plotly_script(mode: str, out_dir: Path | None) -> str:
    """The <script> element that loads plotly.js: ``inline`` (the whole library in the file, ~4.7
    MB, works offline anywhere), ``file`` (plotly-<version>.min.js written once beside the report:
    a small report, offline, the two files travel together) or ``cdn`` (a small report that needs
    the network to draw its charts)."""
    from plotly.offline import get_plotlyjs, get_plotlyjs_version

    if mode not in PLOTLY_JS_MODES:
        from sinowatch.errors import ConfigError

        raise ConfigError(f"report.plotly_js must be one of {', '.join(PLOTLY_JS_MODES)}, got {mode!r}")
    js_version = get_plotlyjs_version()
    if mode == "cdn":
        return f'<script src="https://cdn.plot.ly/plotly-{js_version}.min.js" charset="utf-8"></script>'
    js = get_plotlyjs()
    if mode == "file":
        name = f"plotly-{js_version}.min.js"
        if out_dir is not None:
            target = out_dir / name
            if not target.exists() or target.stat().st_size != len(js.encode("utf-8")):
                out_dir.mkdir(parents=True, exist_ok=True)
                target.write_text(js, encoding="utf-8")
        return f'<script src="{name}" charset="utf-8"></script>'
    # once, inline, in a script element; '</script' cannot occur in it (Plotly does the same)
    return "<script>" + js.replace("</script", "<\\/script") + "</script>"


def render(config: Config, conn: Any, *, days: int, plotly_js: str = "inline", out_dir: Path | None = None) -> str:
    """The report's HTML text."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("sinowatch.report", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["signed"] = lambda v, f="{:+d}": "" if v is None else f.format(v)
    env.filters["isodate"] = lambda v: v.isoformat() if isinstance(v, date) else ("" if v is None else str(v))
    ctx = build_context(config, conn, days=days)
    script = plotly_script(plotly_js, out_dir)
    return env.get_template("report.html.j2").render(**ctx, font_stack=jinja2.utils.markupsafe.Markup(FONT_STACK),
                                                     plotly_script=jinja2.utils.markupsafe.Markup(script))


def write_report(config: Config, conn: Any, out: Path, *, days: int | None = None,
                 plotly_js: str | None = None) -> Path:
    """Render the report over the last ``days`` days (default ``config.report.days``) and write it
    to ``out`` atomically (a reader never sees half a file). Returns the path written.
    ``plotly_js`` (default ``config.report.plotly_js``): see :func:`plotly_script`."""
    days = days or config.report.days
    out = Path(out)
    text = render(config, conn, days=days, plotly_js=plotly_js or config.report.plotly_js, out_dir=out.parent)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide a published report
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
