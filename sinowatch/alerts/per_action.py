"""Alerts per rule and action (docs/alerts.md, "One alert per action").

The rules still match events (rules.py); this module turns the matches of events that belong to
an action into outbox rows keyed by the action, in the same transaction (the fold has run just
before, in the same transaction, so every saved event already has its action):

- the first match of an action for a rule queues ``action:<id>:<status>``: one alert per rule,
  action and status, so a status change (proposed -> enacted -> reversed) alerts again and nothing
  else does;
- a later report of an action whose alert was already SENT queues one update row
  ``action:<id>:update:<message id of the last digest>``: at most one update per action per
  digest, shown as "N more reports; rule published: citation";
- a report of an action whose alert is still pending adds nothing: the pending alert is rendered
  with the action as it is at send time;
- a background mention ("was added to the Entity List in 2019") never alerts, except for a rule
  whose ``statuses`` ask for ``background`` (then once per rule and story).

Events without an action (no target and no actor) keep the per-story key. The outbox's guarantees
(unique key, ON CONFLICT DO NOTHING, the sending/sent marks) are unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sinowatch.alerts import CandidateAlert, OutboxAlert
from sinowatch.alerts.rules import alert_id
from sinowatch.config import AlertRule
from sinowatch.warehouse.db import Connection

PREFIX = "action:"


def _report_actions(conn: Connection, pairs: Sequence[tuple[str, int]]) -> dict[tuple[str, int], tuple[str, str | None,
                                                                                                      str | None]]:
    """(article_key, seq) -> (action_id, the report's status, the action's status)."""
    if not pairs:
        return {}
    rows = conn.execute("""
        SELECT r.article_key, r.seq, r.action_id, r.status, a.status
        FROM action_reports r JOIN actions a USING (action_id)
        WHERE list_contains(?, r.article_key)""", [sorted({k for k, _ in pairs})]).fetchall()
    return {(k, s): (aid, rs, st) for k, s, aid, rs, st in rows}


def _existing(conn: Connection, rule: str, action_id: str) -> list[tuple[str, str, str | None]]:
    """(cluster key, status, message_id) of the rule's outbox rows for the action, newest first."""
    return conn.execute(
        "SELECT cluster_id, status, message_id FROM alerts WHERE rule = ? AND starts_with(cluster_id, ?) "
        "ORDER BY coalesce(sent_at, created_at) DESC", [rule, f"{PREFIX}{action_id}:"]).fetchall()


def _key(conn: Connection, rule: str, action_id: str, key: str) -> str | None:
    """The outbox key for a new report of the action: ``key`` (action and status) when that was
    never queued for the rule; else an update after the last sent digest; None when a row of the
    action still waits (it will show this report when it is sent) or nothing was sent yet."""
    rows = _existing(conn, rule, action_id)
    if not any(k == key for k, _, _ in rows):
        return key
    if any(st in ("pending", "sending") for _, st, _ in rows):
        return None
    sent = [m for _, st, m in rows if st == "sent" and m]
    return f"{PREFIX}{action_id}:update:{sent[0]}" if sent else None


def key_candidates(conn: Connection, candidates: Sequence[CandidateAlert], *,
                   wants_background: frozenset[str] | set[str] = frozenset()) -> list[CandidateAlert]:
    """Re-key the batch's candidates by action (see the module's docstring); one per key. Each
    candidate carries its event's ``seq``, so its action report is found by (article, seq). A
    background mention alerts only for the rules in ``wants_background`` (rules whose
    ``statuses`` name it), keyed by its story as before actions."""
    seqs = {n: (c.article_key, c.seq) for n, c in enumerate(candidates) if c.seq is not None}
    actions = _report_actions(conn, list(seqs.values()))
    out: dict[str, CandidateAlert] = {}
    for n, c in enumerate(candidates):
        found = actions.get(seqs[n]) if n in seqs else None
        if found is None:
            out.setdefault(c.alert_id, c)
            continue
        action_id, report_status, action_status = found
        if report_status == "background":
            if c.rule in wants_background:
                out.setdefault(c.alert_id, c)
            continue
        found_key = _key(conn, c.rule, action_id, f"{PREFIX}{action_id}:{action_status or 'none'}")
        if found_key is None:
            continue
        key = found_key
        cand = dataclasses.replace(c, cluster_id=key, alert_id=alert_id(c.rule, key))
        prev = out.get(cand.alert_id)
        if prev is None or cand.confidence > prev.confidence:
            out[cand.alert_id] = cand
    return list(out.values())


def record_candidates(conn: Connection, rules: Sequence[AlertRule], action_id: str) -> list[CandidateAlert]:
    """Candidates for an action an official record started or joined: the first alert when no
    rule has alerted on it (first seen in the record), else one update per digest."""
    from sinowatch.alerts import EntityRef

    row = conn.execute("SELECT event_type, status, targets, title FROM actions WHERE action_id = ?",
                       [action_id]).fetchall()
    if not row:
        return []
    event_type, status, targets, title = row[0]
    rec = conn.execute("SELECT citation, title FROM action_records WHERE action_id = ? ORDER BY linked_at DESC LIMIT 1",
                       [action_id]).fetchall()
    sentence = f"Official record: {rec[0][0] or ''} {rec[0][1] or ''}".strip() if rec else title
    kinds = dict(conn.execute("SELECT entity, kind FROM entities").fetchall())
    out = []
    for rule in rules:
        if rule.event_types and event_type not in rule.event_types:
            continue
        if rule.entities and not set(rule.entities) & set(targets):
            continue
        if rule.kinds and not {kinds.get(t) for t in targets} & set(rule.kinds):
            continue
        if rule.languages or rule.feeds:
            continue  # a record has no language or feed: such a rule is about news coverage
        found_key = _key(conn, rule.name, action_id, f"{PREFIX}{action_id}:{status or 'none'}")
        if found_key is None:
            continue
        key = found_key
        out.append(CandidateAlert(alert_id=alert_id(rule.name, key), rule=rule.name, cluster_id=key,
                                  article_key=f"record:{action_id}", event_type=event_type, confidence=1.0,
                                  sentence=sentence, trigger=None,
                                  entities=tuple(EntityRef(id=t, kind=kinds.get(t)) for t in targets)))
    return out


def action_of(alert: OutboxAlert) -> str | None:
    if not alert.cluster_id.startswith(PREFIX):
        return None
    return alert.cluster_id[len(PREFIX):].split(":", 1)[0]


def with_actions(conn: Connection, alerts: Sequence[OutboxAlert]) -> list[OutboxAlert]:
    """The alerts with their action's current view attached (``OutboxAlert.action``); an update
    row also carries what changed since the digest it follows."""
    from sinowatch.warehouse.actions import action_detail

    cache: dict[str, dict[str, Any] | None] = {}
    out = []
    for a in alerts:
        aid = action_of(a)
        if aid is None:
            out.append(a)
            continue
        if aid not in cache:
            cache[aid] = action_detail(conn, aid)
        view = cache[aid]
        if view is None:
            out.append(a)
            continue
        view = dict(view)
        if ":update:" in a.cluster_id:
            view["update"] = _since_last(conn, a, view)
        out.append(dataclasses.replace(a, action=view))
    return out


def _since_last(conn: Connection, alert: OutboxAlert, view: Mapping[str, Any]) -> dict[str, Any]:
    """Reports and records added since the digest this update follows."""
    mid = alert.cluster_id.rsplit(":update:", 1)[1]
    row = conn.execute("SELECT min(sent_at) FROM alerts WHERE message_id = ?", [mid]).fetchall()
    since: datetime | None = row[0][0] if row else None
    if since is None:
        return {"reports": 0, "records": []}
    n = conn.execute("SELECT count(*) FROM action_reports WHERE action_id = ? AND joined_at > ?",
                     [view["id"], since]).fetchall()[0][0]
    recs = [r[0] for r in conn.execute(
        "SELECT coalesce(citation, record_id) FROM action_records WHERE action_id = ? AND linked_at > ?",
        [view["id"], since]).fetchall()]
    return {"reports": n, "records": recs}


def one_per_action(alerts: Sequence[OutboxAlert]) -> list[OutboxAlert]:
    """What a digest shows: one entry per action (its newest alert: a status change, else the
    update), every other alert as it is. The digest still carries and marks all of them."""
    def rank(a: OutboxAlert) -> tuple[bool, float]:
        return ":update:" in a.cluster_id, -(a.created_at.timestamp() if a.created_at else 0.0)

    best: dict[str, OutboxAlert] = {}
    for a in alerts:
        aid = action_of(a)
        if aid is not None and (aid not in best or rank(a) < rank(best[aid])):
            best[aid] = a
    out, shown = [], set()
    for a in alerts:
        aid = action_of(a)
        if aid is None:
            out.append(a)
        elif aid not in shown and best[aid] is a:
            shown.add(aid)
            out.append(a)
    return out
