"""CLI commands over the trend views: `trends`, `events`, `report` and `export`.

Registered by `sinowatch.cli` through :func:`register`. A thin layer over
``sinowatch.warehouse.trends`` and ``sinowatch.report.build``; duckdb and plotly are imported
inside the commands so that ``sinowatch --help`` stays fast. None of these commands writes the
warehouse: all open it read-only.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import typer

from sinowatch.cli_common import FORMAT_OPTION, check_format, emit, reader, state

KINDS = ("company", "chip", "policy", "agency")


def _signed(v: float | int | None, fmt: str = "{:+d}") -> str:
    return "" if v is None else fmt.format(v)


def roles(actor: str | None, targets: list[str] | None) -> str:
    """'actor -> targets' as the alert digests write it: '?' for an unknown actor, '(none named)'
    for no target, '' when the event names neither."""
    if not actor and not targets:
        return ""
    return f"{actor or '?'} -> {', '.join(targets or []) or '(none named)'}"


def _widen(columns: int) -> None:
    """Piped tables (CI logs, notes) would be folded at rich's default 80 columns; a terminal keeps
    its own width."""
    if not sys.stdout.isatty():
        cur = os.environ.get("COLUMNS", "")
        os.environ["COLUMNS"] = str(max(columns, int(cur) if cur.isdigit() else 0))


def register(app: typer.Typer) -> None:
    """Add ``trends``, ``events``, ``report`` and ``export`` to ``app``."""

    @app.command()
    def trends(
        ctx: typer.Context,
        entity: list[str] = typer.Option(None, "--entity", "-e", help="Only this watchlist id (repeatable)"),
        kind: str = typer.Option(None, "--kind", "-k", help="Only this kind: company, chip, policy or agency"),
        days: int = typer.Option(30, "--days", "-d", min=1, help="Period length in days; compared with the period before"),
        history: int = typer.Option(None, "--history", min=1,
                                    help="Days drawn in the sparkline (default: the config's report.days, 120)"),
        top: int = typer.Option(25, "--top", min=1, help="Most entities shown (by stories in the period)"),
        fmt: str = FORMAT_OPTION,
    ) -> None:
        """Mentions per entity: stories in the last N days, change against the N days before,
        sentiment and its change, and a sparkline of daily stories."""
        from sinowatch.warehouse.trends import data_range, sparkline
        from sinowatch.warehouse.trends import trends as compute

        fmt = check_format(fmt)
        if kind is not None and kind not in KINDS:
            raise typer.BadParameter(f"use one of {', '.join(KINDS)}", param_hint="--kind")
        hist = history or state(ctx).config.report.days
        with reader(ctx) as conn:
            rng = data_range(conn)
            rows = compute(conn, days=days, entities=entity or None, kind=kind, history=hist, top=top)
        if fmt == "table":
            cols = ["entity", "kind", "stories", "prev", "change", "sentiment", "sent. change",
                    f"weekly stories, {hist}d"]
            out = [[r.entity, r.kind, r.stories, r.prev_stories,
                    _signed(r.change) + (f" ({r.change_pct:+.0f}%)" if r.change_pct is not None else ""),
                    _signed(r.sentiment, "{:+.2f}"), _signed(r.sentiment_change, "{:+.2f}"),
                    sparkline(r.series, bucket=7)] for r in rows]
            _widen(120)
        else:
            cols = ["entity", "name", "kind", "stories", "prev_stories", "change", "change_pct", "articles",
                    "sentiment", "sentiment_change", "positive", "negative", "daily_stories"]
            out = [[r.entity, r.name, r.kind, r.stories, r.prev_stories, r.change, r.change_pct, r.articles,
                    r.sentiment, r.sentiment_change, r.positive, r.negative, list(r.series)] for r in rows]
        title = None
        if rng.last_day is not None:
            title = f"last {days} days to {rng.last_day} vs the {days} before (data {rng.first_day} .. {rng.last_day})"
        emit(cols, out, fmt=fmt, title=title, max_width=40)
        if not rows and fmt == "table":
            typer.echo("no mentions in this period (run `sinowatch extract` or widen --days)", err=True)

    @app.command()
    def events(
        ctx: typer.Context,
        type_: list[str] = typer.Option(None, "--type", "-t",
                                        help="Only this event type, e.g. export_control, entity_list (repeatable)"),
        since: str = typer.Option(None, "--since", help="Only events on or after this date (YYYY-MM-DD)"),
        limit: int = typer.Option(50, "--limit", "-n", min=1, help="Most events shown (newest first)"),
        fmt: str = FORMAT_OPTION,
    ) -> None:
        """The event timeline: date, type, status (proposed, enacted, reversed, background), actor -> targets,
        evidence sentence and link."""
        from sinowatch.warehouse.trends import events as timeline

        fmt = check_format(fmt)
        from sinowatch.records import EVENT_TYPES

        unknown = [t for t in type_ or [] if t not in EVENT_TYPES]
        if unknown:
            raise typer.BadParameter(f"unknown event type {unknown[0]!r}; use one of {', '.join(EVENT_TYPES)}",
                                     param_hint="--type")
        since_d = None
        if since:
            try:
                since_d = date.fromisoformat(since)
            except ValueError:
                raise typer.BadParameter("use YYYY-MM-DD", param_hint="--since") from None
        with reader(ctx) as conn:
            cols, rows = timeline(conn, types=type_ or None, since=since_d, limit=limit)
        if fmt == "table":
            _widen(160)
            keep = ["day", "event_type", "status", "actor -> targets", "confidence", "evidence", "link"]
            emit(keep, [[r["day"], r["event_type"], r["status"], roles(r["actor"], r["targets"]), r["confidence"],
                         r["evidence"], r["link"]] for r in (dict(zip(cols, row, strict=True)) for row in rows)],
                 fmt=fmt, title="event timeline", max_width=60)
        else:
            emit(cols, rows, fmt=fmt)

    @app.command()
    def report(
        ctx: typer.Context,
        days: int = typer.Option(None, "--days", "-d", min=1, help="Days covered (default: the config's report.days)"),
        out: Path = typer.Option(None, "--out", "-o", help="HTML file to write (default: the config's report.out)"),
        plotly_js: str = typer.Option(None, "--plotly-js", help="inline (self-contained, ~5 MB), file (small report "
                                      "+ plotly-*.min.js beside it) or cdn (default: the config's report.plotly_js)"),
    ) -> None:
        """Write the self-contained HTML report: movers, charts, events, spikes, export-control stories."""
        from sinowatch.report.build import write_report

        st = state(ctx)
        cfg = st.config
        target = out if out is not None else cfg.resolve(cfg.report.out)
        if plotly_js is not None and plotly_js not in ("inline", "file", "cdn"):
            raise typer.BadParameter("use inline, file or cdn", param_hint="--plotly-js")
        with reader(ctx) as conn:
            path = write_report(cfg, conn, target, days=days, plotly_js=plotly_js)
        typer.echo(f"wrote {path}")

    @app.command()
    def export(
        ctx: typer.Context,
        parquet: Path = typer.Option(..., "--parquet", help="Folder to write Parquet files into"),
        table: list[str] = typer.Option(None, "--table", help="Only this table (repeatable; default: all)"),
    ) -> None:
        """Export the warehouse tables as Parquet, dated tables partitioned by month (Hive layout)."""
        from sinowatch.warehouse.trends import export_parquet

        with reader(ctx, allow_external=True) as conn:
            done = export_parquet(conn, parquet, tables=table or None)
        emit(["table", "rows", "layout", "path"],
             [[t.table, t.rows, "month=YYYY-MM/" if t.partitioned else "one file", str(t.path)] for t in done],
             title=f"exported to {parquet}", max_width=80)
