"""The alerts stage's entry points, used by the pipeline, the Prefect flows and the CLI.

- :func:`make_on_batch` - the extraction stage calls the returned function with each batch,
  *inside* the transaction that saves the batch's extraction rows, so alerts are queued exactly
  when their cause is stored (transactional outbox).
- :func:`send_pending` - one digest per rule from the outbox, sent, then marked.
- :func:`preview` - the next digests as .eml/.html files; sends and marks nothing.

Delivery is at-least-once (docs/alerts.md): rows are marked 'sending' with the digest's
deterministic Message-ID before the SMTP conversation and 'sent' right after the server accepts.
A crash in between leaves them 'sending'; the next run resends exactly that digest with the same
Message-ID, so receivers and MTAs that dedupe on Message-ID show it once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

from sinowatch import faults
from sinowatch.alerts import OutboxAlert, SendStats
from sinowatch.alerts.channels import Notifier, open_channels
from sinowatch.alerts.email import address, build_digest, message_id, render, subject
from sinowatch.alerts.per_action import key_candidates, one_per_action, record_candidates, with_actions
from sinowatch.alerts.rules import event_matches, match_batch, names_status
from sinowatch.alerts.smtp import Mailer, SmtpMailer
from sinowatch.config import AlertRule, Config
from sinowatch.errors import AlertError
from sinowatch.records import Document, Extraction
from sinowatch.warehouse import alerts as outbox_db
from sinowatch.warehouse import deliveries
from sinowatch.warehouse.db import Connection

log = logging.getLogger(__name__)

OnBatch = Callable[[Connection, Sequence[Document], Sequence[Extraction]], int]


def make_on_batch(config: Config) -> OnBatch:
    """A callback for ``extract_pending(..., on_batch=...)``: matches the batch's events against
    the configured rules and queues outbox rows (one per rule and story cluster, never twice).
    Returns how many were queued. It runs in the caller's transaction and opens none itself.
    Articles published more than ``alerts.max_age_days`` ago never alert: a backfill or the
    first run over an old archive must not mail months of news."""
    rules = list(config.alerts.rules) if config.alerts.enabled else []
    max_age = timedelta(days=config.alerts.max_age_days) if config.alerts.max_age_days > 0 else None
    # rules that name "background" among their statuses ask for mentions in passing, per story
    wants_background = {r.name for r in rules if names_status(r, "background")}

    def on_batch(conn: Connection, docs: Sequence[Document], extractions: Sequence[Extraction]) -> int:
        if not rules or not extractions:
            return 0
        now = datetime.now(UTC)
        metas = outbox_db.article_meta(conn, [e.id for e in extractions])
        if max_age is not None:
            metas = {k: m for k, m in metas.items() if m.published is None or now - m.published <= max_age}
        candidates = key_candidates(conn, match_batch(rules, extractions, metas), wants_background=wants_background)
        return outbox_db.queue(conn, candidates, now)

    return on_batch


def make_on_record(config: Config) -> Callable[[Connection, str], int]:
    """A callback for the official-records stage: queues the alerts of an action that a record
    started (the first alert: first seen in the record) or joined (an update), in its transaction."""
    rules = list(config.alerts.rules) if config.alerts.enabled else []

    def on_record(conn: Connection, action_id: str) -> int:
        if not rules:
            return 0
        return outbox_db.queue(conn, record_candidates(conn, rules, action_id), datetime.now(UTC))

    return on_record


@dataclass
class Digest:
    """One email to send: a rule, its alerts, and the message built for them."""

    rule: AlertRule
    alerts: list[OutboxAlert]
    message: EmailMessage
    message_id: str
    resend: bool = False  # a digest whose earlier send has an unknown outcome

    @property
    def alert_ids(self) -> list[str]:
        return [a.alert_id for a in self.alerts]


def report_url(config: Config) -> str | None:
    base = config.alerts.report_base_url.strip()
    if not base:
        return None
    return base.rstrip("/") + "/" + Path(config.report.out).name


def plan_digests(config: Config, conn: Connection, *, now: datetime) -> tuple[list[Digest], list[str]]:
    """The digests the next send would send, and the problems that hold some alerts back.

    Per rule: alerts left 'sending' by an interrupted run go out again as exactly the digest they
    were in (same Message-ID); all 'pending' alerts of the rule form one new digest."""
    rules = {r.name: r for r in config.alerts.rules}
    groups: dict[tuple[str, str], list[OutboxAlert]] = {}
    problems: list[str] = []
    orphans: dict[str, int] = {}
    for a in outbox_db.outbox(conn):
        if a.rule not in rules:
            orphans[a.rule] = orphans.get(a.rule, 0) + 1
            continue
        key = (a.rule, a.message_id or "") if a.status == "sending" else (a.rule, "")
        groups.setdefault(key, []).append(a)
    for name, n in orphans.items():
        problems.append(f"{n} alert(s) of rule {name!r} wait: no such rule in the config any more")
    digests = []
    sender = config.alerts.smtp.sender
    for (name, stored_id), alerts in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] == "")):
        rule = rules[name]
        alerts = with_actions(conn, alerts)
        try:
            msg = build_digest(rule, one_per_action(alerts), sender=sender, now=now, config_source=config.source,
                               report_url=report_url(config))
        except AlertError as e:
            problems.append(f"rule {name!r}: {e}")
            continue
        mid = stored_id or message_id([a.alert_id for a in alerts], sender)
        if msg["Message-ID"] != mid:
            msg.replace_header("Message-ID", mid)
        digests.append(Digest(rule=rule, alerts=alerts, message=msg, message_id=mid, resend=bool(stored_id)))
    return digests, problems


def _open_count(conn: Connection) -> int:
    return len(outbox_db.outbox(conn))


def send_pending(
    config: Config,
    conn: Connection,
    *,
    dry_run: bool = False,
    mailer: Mailer | None = None,
    notifiers: Mapping[str, Notifier] | None = None,
    now: datetime | None = None,
) -> SendStats:
    """Send one digest per rule for the pending alerts and mark them.

    A digest the server accepted is marked sent (time, SMTP response) at once, in its own
    transaction. A failed send (server down, refusing, timing out) leaves its alerts pending with
    the error and one more try; after ``alerts.max_tries`` they are marked failed. Configuration
    problems (no password in the environment, a bad recipient) consume no tries. ``dry_run``
    sends and marks nothing and reports what is pending. With ``alerts.feed_out`` set, the Atom
    feed of recent alerts is rewritten after every (non-dry) send, even when nothing was pending."""
    now = now or datetime.now(UTC)
    stats = SendStats()
    if not config.alerts.enabled:
        stats.pending = _open_count(conn)
        return stats
    hours = config.alerts.requeue_failed_after_hours
    if hours > 0 and not dry_run:  # the policy: failed alerts get another round after a while
        stats.requeued = outbox_db.requeue(conn, failed_only=True, tried_before=now - timedelta(hours=hours))
    digests, problems = plan_digests(config, conn, now=now)
    stats.errors.extend(problems)
    if dry_run:
        stats.pending = _open_count(conn)
        stats.failed_total = outbox_db.failed_count(conn)
        return stats
    _deliver(config, conn, digests, stats, mailer=mailer, notifiers=notifiers, now=now)
    stats.pending = _open_count(conn)
    stats.failed_total = outbox_db.failed_count(conn)
    if config.alerts.feed_out:  # rewritten every run, so entries also age out of the window
        try:
            write_alerts_feed(config, conn, config.resolve(config.alerts.feed_out))
        except OSError as e:  # the alerts are sent; a feed that cannot be written must not fail the run
            stats.errors.append(f"alerts feed {config.alerts.feed_out}: {e}")
    return stats


def _deliver(config: Config, conn: Connection, digests: list[Digest], stats: SendStats, *,
             mailer: Mailer | None, notifiers: Mapping[str, Notifier] | None, now: datetime) -> None:
    """Send each digest to its rule's email recipients and channels, and mark its alerts."""
    if not digests:
        return
    if mailer is None and any(d.rule.recipients for d in digests):
        mailer = SmtpMailer(config.alerts.smtp)  # AlertError here: a config problem, no tries used
    if notifiers is None:
        names = {c for d in digests for c in d.rule.channels}
        notifiers = open_channels(config.alerts.channels, names, timeout=config.alerts.smtp.timeout) if names else {}
    sender = address(config.alerts.smtp.sender, "alerts.smtp.sender").addr_spec
    for d in digests:
        ids = d.alert_ids
        outbox_db.mark_sending(conn, ids, d.message_id, now)
        faults.point("alert_sending")
        done = deliveries.delivered(conn, ids)
        recipients = [address(r, "recipient").addr_spec for r in d.rule.recipients]  # checked by plan_digests
        responses: list[str] = []
        errors: list[str] = []
        for target in (["email"] if d.rule.recipients else []) + list(d.rule.channels):
            todo = [a for a in d.alerts if (a.alert_id, target) not in done]
            if not todo:
                continue
            try:
                if target == "email":
                    assert mailer is not None
                    msg = d.message if len(todo) == len(d.alerts) else _sub_digest(config, d.rule, todo, now)
                    response = mailer.send(msg, sender=sender, recipients=recipients)
                else:
                    title, body = channel_message(config, d.rule, todo, now)
                    response = notifiers[target].notify(title, body)
                faults.point("alert_sent")
            except AlertError as e:
                errors.append(str(e))
                log.warning("rule %s: digest %s not delivered to %s: %s", d.rule.name, d.message_id, target, e)
                continue
            deliveries.record(conn, [a.alert_id for a in todo], target, response, datetime.now(UTC))
            responses.append(response if target == "email" else f"{target}: {response}")
        if errors:
            newly_failed = outbox_db.record_failure(conn, ids, "; ".join(errors), config.alerts.max_tries, now)
            stats.failed += newly_failed
            stats.errors.append(f"rule {d.rule.name!r}: {len(ids)} alert(s) not sent: {'; '.join(errors)}")
            continue
        outbox_db.mark_sent(conn, ids, d.message_id, "; ".join(responses) or "already delivered", datetime.now(UTC))
        faults.point("alert_marked")
        stats.sent += len(ids)
        stats.digests += 1


def write_alerts_feed(config: Config, conn: Connection, out: Path, *, days: int | None = None,
                      rule: str | None = None) -> int:
    """Write the Atom feed of alerts queued in the last ``days`` (default ``alerts.feed_days``);
    returns the number of entries."""
    from sinowatch.alerts.feed import ALL_STATUSES, write_feed

    if rule is not None and rule not in {r.name for r in config.alerts.rules}:
        names = ", ".join(r.name for r in config.alerts.rules) or "none configured"
        raise AlertError(f"no alert rule named {rule!r} (rules: {names})")
    alerts = outbox_db.outbox(conn, ALL_STATUSES)
    return write_feed(out, alerts, days=config.alerts.feed_days if days is None else days, rule=rule)


def _sub_digest(config: Config, rule: AlertRule, alerts: list[OutboxAlert], now: datetime) -> EmailMessage:
    """The digest of the alerts a channel still lacks (after another channel failed)."""
    return build_digest(rule, one_per_action(alerts), sender=config.alerts.smtp.sender, now=now,
                        config_source=config.source, report_url=report_url(config))


def channel_message(config: Config, rule: AlertRule, alerts: list[OutboxAlert], now: datetime) -> tuple[str, str]:
    """Title and plain-text body of a digest for an Apprise channel: the email's subject and text."""
    shown = one_per_action(alerts)
    text, _html = render(rule, shown, config_source=config.source, report_url=report_url(config), now=now)
    return subject(rule.name, shown), text


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")[:60] or "rule"


def preview(config: Config, conn: Connection, out_dir: Path) -> list[Path]:
    """Write the next digests to ``out_dir`` as ``NN-<rule>.eml`` and ``NN-<rule>.html``
    without sending or marking anything; returns the paths written."""
    digests, problems = plan_digests(config, conn, now=datetime.now(UTC))
    for p in problems:
        log.warning("%s", p)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i, d in enumerate(digests, 1):
        stem = f"{i:02d}-{_slug(d.rule.name)}"
        eml = out_dir / f"{stem}.eml"
        eml.write_bytes(bytes(d.message))
        html_part = d.message.get_body(("html",))
        html = out_dir / f"{stem}.html"
        html.write_text(html_part.get_content() if html_part is not None else "", encoding="utf-8")
        paths += [eml, html]
    return paths


@dataclass(frozen=True)
class RuleSummary:
    rule: AlertRule
    matched_events: int | None  # None: no extraction tables yet
    matched_stories: int | None
    queued: int
    pending: int
    sent: int
    failed: int


def rules_summary(config: Config, conn: Connection | None, *, days: int = 7,
                  now: datetime | None = None) -> list[RuleSummary]:
    """Each rule with its matches in the last ``days`` (articles published since then) and its
    outbox counts."""
    since = (now or datetime.now(UTC)) - timedelta(days=days)
    events = outbox_db.recent_events(conn, since) if conn is not None else None
    counts = outbox_db.rule_counts(conn, since) if conn is not None and _has_outbox(conn) else {}
    out = []
    for rule in config.alerts.rules:
        n_events: int | None = None
        n_stories: int | None = None
        if events is not None:
            stored, kinds = events
            hits = [s for s in stored if event_matches(rule, s.event, language=s.language, feeds=s.feeds, kinds=kinds)]
            n_events, n_stories = len(hits), len({s.cluster_id for s in hits})
        c = counts.get(rule.name, outbox_db.RuleCounts())
        out.append(RuleSummary(rule, n_events, n_stories, c.queued_recent, c.pending, c.sent, c.failed))
    return out


def _has_outbox(conn: Connection) -> bool:
    return bool(conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'alerts'").fetchone()[0])
