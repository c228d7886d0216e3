"""The `sinowatch` command: a thin layer over the library functions.

Every error of the SinowatchError tree becomes one line on stderr and the error's exit code.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import typer

from sinowatch import __version__
from sinowatch.cli_common import FORMAT_OPTION, AppState, check_format, emit, reader, state, writer
from sinowatch.errors import ConfigError, SinowatchError

app = typer.Typer(
    name="sinowatch",
    help="News monitoring for China's AI industry: ingest feeds, tag firms, chips and policy events, "
    "score sentiment, store it in DuckDB, chart trends and alert on export-control news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sinowatch {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    config: str = typer.Option(None, "--config", "-c", help="Config file (default: $SINOWATCH_CONFIG, "
                               "./sinowatch.toml, or the demo's after `make demo`)"),
    db: str = typer.Option(None, "--db", help="Warehouse file (default: the config's)"),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version"),
) -> None:
    """Global options shared by every command."""
    ctx.obj = AppState(config_path=config, db=db)


@app.command()
def init(
    ctx: typer.Context,
    path: Path = typer.Option(Path("sinowatch.toml"), "--path", help="Where to write the config"),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing config"),
) -> None:
    """Create a config file (from feeds.example.toml's defaults) and the warehouse."""
    from sinowatch.warehouse.migrate import current_version

    st = state(ctx)
    if st.config_path is None and st.db is None:
        if path.exists() and not force:
            typer.echo(f"{path} exists; keeping it (use --force to overwrite)")
        else:
            path.write_text(DEFAULT_CONFIG_TEXT, encoding="utf-8")
            typer.echo(f"wrote {path}: add feeds under [[feeds]] (see feeds.example.toml)")
        st.config_path = str(path)
    with writer(ctx) as conn:
        typer.echo(f"warehouse {st.warehouse_path} is at schema version {current_version(conn)}")


DEFAULT_CONFIG_TEXT = """# sinowatch config. Every key is optional: `sinowatch config` lists them with defaults and help.
[warehouse]
path = "sinowatch.duckdb"

[fetch]
timeout = 20.0
concurrency = 8

# Feeds: copy some from feeds.example.toml.
# [[feeds]]
# name = "bis-federal-register"
# url = "https://www.federalregister.gov/api/v1/documents.rss?conditions%5Bagencies%5D%5B%5D=industry-and-security-bureau"
# language = "en"
# tags = ["policy", "export-controls"]

[[alerts.rules]]
name = "export-controls"
event_types = ["export_control", "entity_list"]
min_confidence = 0.6
recipients = ["analyst@localhost"]

[schedule]
cron = "0 7 * * *"
timezone = "UTC"
"""


@app.command("config")
def show_config(ctx: typer.Context, fmt: str = FORMAT_OPTION) -> None:
    """List every setting with its default and help text, and the file in use."""
    from sinowatch.config import describe_defaults, find_config_path

    st = state(ctx)
    found = find_config_path(st.config_path)
    if fmt == "table":
        typer.echo(f"config file: {found or '(none: defaults)'}; warehouse: {st.warehouse_path}")
    emit(["key", "default", "help"], describe_defaults(), fmt=check_format(fmt), max_width=70)


@app.command()
def ingest(
    ctx: typer.Context,
    feed: list[str] = typer.Option(None, "--feed", help="Only this configured feed (repeatable)"),
    url: str = typer.Option(None, "--url", help="Fetch this ad-hoc feed URL (not saved to the config)"),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow loopback/private addresses"),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any feed failed"),
) -> None:
    """Fetch feeds, parse, deduplicate and load the articles into the warehouse."""
    from sinowatch.ingest.run import ingest as run_ingest
    from sinowatch.records import Feed

    st = state(ctx)
    cfg = st.config
    if allow_private:
        cfg.fetch.allow_private = True
    if url:
        feeds = [Feed(name=f"adhoc:{url[:80]}", url=url)]
    elif feed:
        feeds = [cfg.feed(name) for name in feed]
    else:
        feeds = cfg.enabled_feeds()
        if not feeds:
            raise ConfigError(f"no enabled feeds in {cfg.source or 'the config'}: add [[feeds]] or use --url")
    report = _with_progress(ctx, feeds, lambda on_feed, conn: run_ingest(cfg, conn, feeds=feeds, on_feed=on_feed))
    print_run_summary(report)
    if strict and report.feeds_failed:
        raise typer.Exit(1)


def _with_progress(ctx: typer.Context, feeds: list, body):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with writer(ctx) as conn:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      transient=False, disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("feeds", total=len(feeds))

            def on_feed(outcome) -> None:  # type: ignore[no-untyped-def]
                progress.update(task, advance=1, description=f"feeds ({outcome.feed})")

            return body(on_feed, conn)


def print_run_summary(report) -> None:  # type: ignore[no-untyped-def]
    rows = [
        [o.feed, "ok" if o.ok else "FAILED", o.status, o.entries, o.new_articles, o.updated_articles,
         f"{o.duration_s:.2f}s", o.error or (f"bozo: {o.bozo}" if o.bozo else "")]
        for o in report.feeds
    ]
    emit(["feed", "result", "http", "entries", "new", "seen again", "time", "note"], rows, title=f"run {report.run_id}")
    typer.echo(
        f"feeds ok {report.feeds_ok}, failed {report.feeds_failed}; articles new {report.new_articles}, "
        f"seen again {report.updated_articles}; new story clusters {report.clusters}"
        + (f"; extracted {report.extracted}, mentions {report.mentions}, events {report.events}" if report.extracted else "")
        + (f"; alerts queued {report.alerts_queued}, sent {report.alerts_sent}" if report.alerts_queued or report.alerts_sent else "")
    )
    if report.feeds_failed:
        typer.echo(f"{report.feeds_failed} feed(s) failed; see the table above and `sinowatch status`", err=True)


@app.command()
def sql(
    ctx: typer.Context,
    query: str = typer.Argument(None, help="SQL to run (read-only); `-` reads it from stdin", show_default=False),
    file: Path = typer.Option(None, "--file", help="Read the SQL from this file (e.g. warehouse/queries/*.sql)"),
    fmt: str = FORMAT_OPTION,
    csv_out: bool = typer.Option(False, "--csv", help="Same as --format csv", hidden=True),
    json_out: bool = typer.Option(False, "--json", help="Same as --format json", hidden=True),
    allow_external: bool = typer.Option(False, "--allow-external", help="Allow reading/writing other files (COPY, ATTACH)"),
) -> None:
    """Run a read-only SQL query against the warehouse: an argument, `--file PATH`, or `-` for stdin.

    A query file that starts with a `--` comment works with --file or stdin
    (`sinowatch sql - < query.sql`). A failing query exits with code 6."""
    from sinowatch.warehouse.db import query as run_query

    fmt = "csv" if csv_out else "json" if json_out else check_format(fmt)
    text = read_query(query, file)
    with reader(ctx, allow_external=allow_external) as conn:
        result = run_query(conn, text)
    if result is not None:
        emit(result[0], result[1], fmt=fmt)


def read_query(query: str | None, file: Path | None) -> str:
    """The SQL from exactly one of: the argument, ``--file``, or stdin (``-``)."""
    if (query is not None) == (file is not None):
        raise typer.BadParameter("give the SQL as an argument, `-` (stdin) or --file PATH (exactly one)",
                                 param_hint="QUERY / --file")
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise typer.BadParameter(f"cannot read {file}: {getattr(e, 'strerror', None) or e}",
                                     param_hint="--file") from None
    elif query == "-":
        text = sys.stdin.read()
    else:
        text = query or ""
    if not text.strip():
        raise typer.BadParameter("the SQL is empty", param_hint="QUERY / --file")
    return text


@app.command()
def status(ctx: typer.Context) -> None:
    """Last runs, failing feeds, alert backlog and table counts."""
    from sinowatch.warehouse.status import status_report

    with reader(ctx) as conn:
        rep = status_report(conn)
    typer.echo(f"warehouse: {state(ctx).warehouse_path}")
    emit(list(rep.runs_columns), rep.runs, title="last runs")
    if rep.failing_feeds:
        emit(["feed", "last error", "failures in a row", "last ok"], rep.failing_feeds, title="failing feeds")
    else:
        typer.echo("no failing feeds")
    emit(["table", "rows"], rep.counts, title="counts")
    for title, cols, rows in rep.extra:
        emit(cols, rows, title=title)
    for note in rep.notes:
        typer.echo(f"warning: {note}", err=True)


@app.command()
def demo(
    ctx: typer.Context,
    out: Path = typer.Option(Path(".state/demo"), "--out", help="Folder for the demo feeds, config and warehouse"),
    engine: str = typer.Option("prefect", "--engine", help="prefect (the daily flow) or plain (stage functions)"),
) -> None:
    """Build the bundled demo feeds (dates relative to now) and run the main job on them."""
    from sinowatch.demo_setup import write_demo

    if engine not in ("prefect", "plain"):  # before writing anything
        raise typer.BadParameter("use prefect or plain", param_hint="--engine")

    cfg_path = write_demo(out, now=datetime.now(UTC))
    typer.echo(f"demo config: {cfg_path}")
    st = state(ctx)
    st.config_path, st._config = str(cfg_path), None
    from sinowatch.cli_flows import run_main_job

    # a dry run: the demo has no mail server; the digests are written as files below instead
    print_run_summary(run_main_job(ctx, engine=engine, dry_run=True))
    _demo_epilogue(ctx, out)


def _demo_epilogue(ctx: typer.Context, out: Path) -> None:
    """Show what the demo produced: the alert digests (as files: no mail server needed) and where
    to look next."""
    from sinowatch.alerts.stage import preview

    st = state(ctx)
    with writer(ctx) as conn:
        written = preview(st.config, conn, out / "alerts-preview")
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM story_clusters), "
            "(SELECT count(*) FROM mentions), (SELECT count(*) FROM events)"
        ).fetchone()
    typer.echo(
        f"\ndemo warehouse {st.warehouse_path}: {counts[0]} articles in {counts[1]} stories, "
        f"{counts[2]} mentions, {counts[3]} events"
    )
    if written:
        typer.echo(f"alert digests (a dry run sends no mail; they stay pending): {', '.join(str(p) for p in written)}")
    report = st.config.resolve(st.config.report.out)
    if report.exists():
        typer.echo(f"report: {report}")
    typer.echo(
        "next: .venv/bin/sinowatch trends | events | status | "
        "sql \"select title from articles order by published desc limit 5\""
    )


def _register_stage_commands() -> None:
    """Each stage's commands live beside it; importing them must stay cheap (no heavy imports)."""
    import importlib

    for name in ("cli_extract", "cli_sentiment", "cli_events", "cli_flows", "cli_alerts", "cli_trends", "cli_actions"):
        try:
            module = importlib.import_module(f"sinowatch.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"sinowatch.{name}":
                raise
            continue
        module.register(app)


_register_stage_commands()


def _click() -> Any:
    """The click that typer runs on: typer >= 0.26 bundles its own copy as typer._click (the
    pin in pyproject.toml keeps us there); plain click for an older typer."""
    try:
        import typer._click as bundled

        return bundled
    except ImportError:  # older typer: plain click
        import click

        return click


def _os_error_line(e: OSError) -> str:
    """An OSError as one line that names the file: '/x/report.html: Permission denied'."""
    what = e.strerror or " ".join(str(e).split())[:300] or type(e).__name__
    return f"{e.filename}: {what} (check the path and its permissions)" if e.filename else what


def main() -> None:
    """Run the CLI: every error ends as ONE line on stderr and an exit code, never a traceback.

    SinowatchError -> its exit code; click's usage errors -> 2; Ctrl-C (click turns it into
    ``Abort``; typer exports the class it raises as ``typer.Abort``) -> 130; a file that cannot
    be read or written -> 1 with the path; anything else is a bug -> 1 with its type and message
    (SINOWATCH_DEBUG=1 prints the traceback too)."""
    import os

    click = _click()
    try:
        rv = app(standalone_mode=False)
    except SinowatchError as e:
        typer.echo(f"sinowatch: error: {e}", err=True)
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("sinowatch: interrupted", err=True)
        sys.exit(130)
    except typer.Exit as e:  # raised outside click's own handling (e.g. from a callback)
        sys.exit(e.exit_code)
    except BrokenPipeError:  # `sinowatch sql ... | head`: the reader left; nothing to say
        sys.stderr.close()
        sys.exit(0)
    except OSError as e:
        typer.echo(f"sinowatch: error: {_os_error_line(e)}", err=True)
        sys.exit(1)
    except Exception as e:
        if os.environ.get("SINOWATCH_DEBUG"):
            import traceback

            traceback.print_exc()
        msg = " ".join(str(e).split())[:300]
        typer.echo(f"sinowatch: internal error: {type(e).__name__}: {msg} "
                   "(a bug: please report it; SINOWATCH_DEBUG=1 shows the traceback)", err=True)
        sys.exit(1)
    if rv == 130:  # typer >= 0.26 turns Ctrl-C into Exit(130), which comes back as the return value
        typer.echo("sinowatch: interrupted", err=True)
    sys.exit(rv if isinstance(rv, int) else 0)


if __name__ == "__main__":
    main()
