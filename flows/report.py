"""The run's markdown artefact in Prefect (counts, failures, top stories)."""

from __future__ import annotations

from datetime import datetime

from sinowatch.warehouse.db import Connection

from sinowatch.records import RunReport


def top_stories(conn: Connection, since: datetime, limit: int = 10) -> list[tuple[str, int, datetime | None]]:
    """The run's biggest story clusters: (title, articles, first published)."""
    return [
        (t, n, p)
        for t, n, p in conn.execute(
            "SELECT title, n_articles, first_published FROM story_clusters WHERE updated_at >= ? "
            "ORDER BY n_articles DESC, first_published DESC LIMIT ?",
            [since, limit],
        ).fetchall()
    ]


def _md(s: object) -> str:
    return str(s if s is not None else "").replace("|", "\\|").replace("\n", " ")


def run_markdown(report: RunReport, stories: list[tuple[str, int, datetime | None]],
                 report_path: str | None = None) -> str:
    """The markdown of the run's artefact."""
    took = (report.finished_at - report.started_at).total_seconds() if report.finished_at else 0.0
    lines = [
        f"# sinowatch run {report.run_id}: {report.status}",
        "",
        f"{took:.1f} s; feeds ok {report.feeds_ok}, failed {report.feeds_failed}; "
        f"articles new {report.new_articles}, seen again {report.updated_articles}; new story clusters {report.clusters}; "
        f"extracted {report.extracted}, mentions {report.mentions}, events {report.events}; "
        f"alerts queued {report.alerts_queued}, sent {report.alerts_sent}.",
        "",
        "## Feeds",
        "",
        "| feed | result | http | entries | new | seen again | time | note |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for o in report.feeds:
        lines.append(
            f"| {_md(o.feed)} | {'ok' if o.ok else '**FAILED**'} | {_md(o.status)} | {o.entries} | {o.new_articles} "
            f"| {o.updated_articles} | {o.duration_s:.2f}s | {_md(o.error or (f'bozo: {o.bozo}' if o.bozo else ''))} |"
        )
    lines += ["", "## Failures", ""]
    lines += [f"- {_md(e)}" for e in report.errors] or ["none"]
    lines += ["", "## Top stories", ""]
    if stories:
        lines += ["| story | articles | first published |", "|---|---|---|"]
        lines += [f"| {_md(t)} | {n} | {p:%Y-%m-%d %H:%M} |" if p else f"| {_md(t)} | {n} | |" for t, n, p in stories]
    else:
        lines.append("no new or updated stories")
    if report_path:
        lines += ["", f"Report: `{report_path}`"]
    return "\n".join(lines) + "\n"
