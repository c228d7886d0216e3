"""CLI commands for alerts: `sinowatch alerts rules | preview | send`.

Registered by `sinowatch.cli` with ``cli_alerts.register(app)``. A thin layer over
``sinowatch.alerts.stage``; duckdb, jinja2 and smtplib are imported only inside the commands.
"""

from __future__ import annotations

from pathlib import Path

import typer

from sinowatch.cli_common import FORMAT_OPTION, check_format, emit, reader, state, writer


def register(app: typer.Typer) -> None:
    """Add the ``alerts`` group to ``app``."""
    alerts_app = typer.Typer(help="Export-control alerts: rules, digest preview and sending.", no_args_is_help=True)

    @alerts_app.command("rules")
    def rules(
        ctx: typer.Context,
        days: int = typer.Option(7, "--days", help="Count matches of articles published in the last N days."),
        fmt: str = FORMAT_OPTION,
    ) -> None:
        """List the alert rules and how many events and stories each matched recently."""
        from sinowatch.alerts.stage import rules_summary

        st = state(ctx)
        cfg = st.config
        if st.warehouse_path.exists():
            with reader(ctx) as conn:
                summary = rules_summary(cfg, conn, days=days)
        else:
            summary = rules_summary(cfg, None, days=days)

        def filters(r) -> str:  # type: ignore[no-untyped-def]
            parts = [f"{k}={','.join(v)}" for k, v in (("types", r.event_types), ("entities", r.entities),
                     ("kinds", r.kinds), ("statuses", r.statuses), ("lang", r.languages), ("feeds", r.feeds)) if v]
            return "; ".join([*parts, f"conf>={r.min_confidence:g}"])

        def na(v: int | None) -> object:
            return "n/a" if v is None else v

        rows = [
            [s.rule.name, filters(s.rule), ", ".join([*s.rule.recipients, *(f"channel:{c}" for c in s.rule.channels)]),
             na(s.matched_events), na(s.matched_stories),
             s.queued, s.pending, s.sent, s.failed]
            for s in summary
        ]
        emit(["rule", "filters", "recipients", f"events {days}d", f"stories {days}d", f"alerts {days}d",
              "pending", "sent", "failed"], rows, fmt=check_format(fmt), title="alert rules", max_width=40)

    @alerts_app.command("preview")
    def preview_cmd(
        ctx: typer.Context,
        out: Path = typer.Option(..., "--out", help="Folder for the .eml and .html files of the next digests."),
    ) -> None:
        """Write the next digests to files without sending or marking anything."""
        from sinowatch.alerts.stage import preview

        with reader(ctx) as conn:
            paths = preview(state(ctx).config, conn, out)
        if not paths:
            typer.echo("nothing pending: no digest to preview")
        for p in paths:
            typer.echo(str(p))

    @alerts_app.command("send")
    def send_cmd(
        ctx: typer.Context,
        dry_run: bool = typer.Option(False, "--dry-run", help="Send and mark nothing; report what is pending."),
    ) -> None:
        """Send one digest per rule for the pending alerts; failures stay pending for the next run."""
        from sinowatch.alerts.stage import send_pending

        with writer(ctx) as conn:
            stats = send_pending(state(ctx).config, conn, dry_run=dry_run)
        verb = "would send" if dry_run else "sent"
        typer.echo(f"{verb}: {stats.pending if dry_run else stats.sent} alert(s)"
                   + ("" if dry_run else f" in {stats.digests} digest(s); failed {stats.failed}; "
                      f"still pending {stats.pending}"))
        if stats.requeued:
            typer.echo(f"re-queued {stats.requeued} failed alert(s) (alerts.requeue_failed_after_hours)")
        for err in stats.errors:
            typer.echo(f"warning: {err}", err=True)
        if stats.failed_total:
            typer.echo(f"warning: {stats.failed_total} alert(s) failed for good (alerts.max_tries used up) and are "
                       "not sent; re-queue them with `sinowatch alerts requeue`", err=True)
        if stats.errors and not dry_run:
            raise typer.Exit(1)

    @alerts_app.command("feed")
    def feed_cmd(
        ctx: typer.Context,
        out: Path = typer.Option(..., "--out", help="Atom file to write, e.g. alerts.xml (replaced atomically)."),
        days: int = typer.Option(None, "--days", help="Alerts queued in the last N days [default: alerts.feed_days]."),
        rule: str = typer.Option(None, "--rule", help="Only this rule's alerts (default: every rule)."),
    ) -> None:
        """Write an Atom feed of recent alerts (one entry per rule and story) for feed readers."""
        from sinowatch.alerts.stage import write_alerts_feed

        with reader(ctx) as conn:
            n = write_alerts_feed(state(ctx).config, conn, out, days=days, rule=rule)
        typer.echo(f"{out}: {n} alert(s)")

    @alerts_app.command("requeue")
    def requeue_cmd(
        ctx: typer.Context,
        rule: list[str] = typer.Option(None, "--rule", help="Only this rule's alerts (repeatable)"),
        failed: bool = typer.Option(False, "--failed", help="Only the failed alerts (default: the failed ones and "
                                    "the pending ones that already used tries)"),
    ) -> None:
        """Put alerts back in the queue with their tries reset, e.g. after an SMTP outage that used
        up alerts.max_tries; the next `alerts send` (or run) sends them."""
        from sinowatch.warehouse.alerts import requeue

        cfg = state(ctx).config
        known = {r.name for r in cfg.alerts.rules}
        unknown = [r for r in rule or [] if r not in known]
        if unknown:
            raise typer.BadParameter(f"no rule named {', '.join(unknown)} (rules: {', '.join(sorted(known))})",
                                     param_hint="--rule")
        with writer(ctx) as conn:
            n = requeue(conn, rules=rule or (), failed_only=failed)
        typer.echo(f"re-queued {n} alert(s); `sinowatch alerts send` sends them")

    app.add_typer(alerts_app, name="alerts")
