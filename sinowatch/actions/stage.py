"""The actions stage: fold a saved batch's events into actions, in the caller's transaction.

:func:`fold_saved` is the one call the extraction stage makes after ``save_extractions`` (same
transaction, so an action never points at events that were rolled back, and a crash loses both
or neither). A re-extracted article's reports are detached first and folded again, so a rerun
never duplicates a report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sinowatch.actions.embed import Embedder
from sinowatch.actions.fold import (
    GOVERNMENTS,
    SPAN,
    WINDOW,
    Action,
    Report,
    Signals,
    fold,
    index_range,
    signals,
)
from sinowatch.records import Event, Extraction
from sinowatch.warehouse import actions as db
from sinowatch.warehouse.db import Connection

#: entity kinds that are never the target of an act (the instrument or the body acting)
NOT_TARGETS = frozenset({"agency", "policy"})


@dataclass
class FoldStats:
    reports: int = 0
    started: int = 0
    joined: int = 0
    actions: int = 0


def event_targets(event: Event, kinds: Mapping[str, str], countries: Mapping[str, str]) -> tuple[str, ...]:
    """The event's targets; when the extractor named none, the firms (and chips) it involves;
    when it involves none either (a ban on a material, a measure aimed at a country), the acting
    government as "@<country>", so that one government's untargeted measures of one week meet."""
    if event.targets:
        return tuple(dict.fromkeys(event.targets))
    firms = tuple(dict.fromkeys(e for e in event.entities
                                if e != event.actor and kinds.get(e, "company") not in NOT_TARGETS))
    if firms:
        return firms
    country = (countries.get(event.actor) or GOVERNMENTS.get(event.actor)) if event.actor else None
    return (f"@{country}",) if country else ()


def to_action(row: Mapping[str, Any]) -> Action:
    sig = Signals()
    for s in [*(row.get("sentences") or []), *(row.get("citations") or [])]:
        if s:
            sig = sig | signals(s)
    return Action(action_id=row["action_id"], type=row["event_type"], targets=set(row["targets"] or ()),
                  first_seen=row["first_seen"], last_seen=row["last_seen"], status=row["status"],
                  actor=row["actor"], seen=list(row.get("seen") or []), enacted_at=row.get("enacted_at"),
                  signals=sig, sentences=[x for x in row.get("sentences") or [] if x])


def fold_reports(conn: Connection, reports: Sequence[Report], *, detached: set[str] | None = None,
                 window: timedelta = WINDOW, span: timedelta = SPAN, embedder: Embedder | None = None,
                 min_similarity: float | None = None) -> FoldStats:
    """Fold these reports into the stored actions and write the result (caller's transaction)."""
    stats = FoldStats(reports=len(reports))
    wanted: set[tuple[str, str, date, date]] = set()
    for r in reports:
        lo, hi = index_range(r, window)
        wanted.update((r.type, t, lo, hi) for t in r.targets)
    stored = {row["action_id"]: to_action(row) for row in db.candidate_actions(conn, sorted(wanted))}
    by_key: dict[tuple[str, str], list[Action]] = {}
    for act in stored.values():
        for t in act.targets:
            by_key.setdefault((act.type, t), []).append(act)

    def candidates(rep: Report) -> list[Action]:
        found: dict[str, Action] = {}
        for t in rep.targets:
            for a in by_key.get((rep.type, t), ()):
                found[a.action_id] = a
        return list(found.values())

    joins, pool = fold(reports, candidates, db.entity_countries(conn), window=window, span=span,
                       similarity=embedder.similarity if embedder is not None else None,
                       min_similarity=min_similarity)
    rows = [{"action_id": j.action_id, "article_key": j.report.article_key, "seq": j.report.seq,
             "targets": list(j.report.targets), "published": j.report.published, "language": j.report.language,
             "status": j.report.status, "score": j.score, "title": j.report.title, "evidence": j.report.sentence}
            for j in joins]
    touched_ids = {j.action_id for j in joins} | (detached or set())
    started_title = {j.action_id: j.report.title for j in joins if j.started}
    touched = []
    for aid in sorted(touched_ids):
        cur = pool.get(aid) or stored.get(aid)
        if cur is None:  # lost its reports and is not a candidate now: refresh it from what is left
            row = conn.execute("SELECT action_id, event_type, status, actor, targets, first_seen, last_seen, title "
                               "FROM actions WHERE action_id = ?", [aid]).fetchall()
            if not row:
                continue
            touched.append(dict(zip(("action_id", "event_type", "status", "actor", "targets", "first_seen",
                                     "last_seen", "title"), row[0], strict=True)))
            continue
        title = started_title.get(aid, "")
        touched.append({"action_id": aid, "event_type": cur.type, "status": cur.status, "actor": cur.actor,
                        "targets": sorted(cur.targets), "title": title, "first_seen": cur.first_seen,
                        "last_seen": cur.last_seen})
    history = [(j.action_id, j.status_change, j.report.published, j.report.article_key)
               for j in joins if j.status_change]
    stats.actions = db.write_fold(conn, rows, touched, history, datetime.now(UTC))
    stats.started = sum(1 for j in joins if j.started)
    stats.joined = len(joins) - stats.started
    return stats


def fold_saved(conn: Connection, extractions: Sequence[Extraction], *, embedder: Embedder | None = None,
               min_similarity: float | None = None) -> FoldStats:
    """Fold the events of just-saved extractions into actions (caller's transaction); with an
    ``embedder`` (sinowatch.actions.embed) the evidence's similarity ranks the candidates."""
    extractions = list({ex.id: ex for ex in extractions}.values())  # an article twice: the last wins
    keys = [ex.id for ex in extractions]
    detached = db.detach_articles(conn, keys)
    meta = db.article_meta(conn, keys)
    kinds = db.entity_kinds(conn)
    countries = db.entity_countries(conn)
    reports: list[Report] = []
    for ex in extractions:
        m = meta.get(ex.id)
        if m is None:
            continue  # not an article of the warehouse (`sinowatch extract` on stdin)
        published, language, title = m
        for seq, ev in enumerate(ex.events):
            targets = event_targets(ev, kinds, countries)
            if targets:
                reports.append(Report(article_key=ex.id, seq=seq, type=ev.type, targets=targets,
                                      published=published, status=ev.status, actor=ev.actor,
                                      language=language or ex.lang, sentence=ev.sentence, title=title))
    if not reports and not detached:
        return FoldStats()
    return fold_reports(conn, reports, detached=detached, embedder=embedder, min_similarity=min_similarity)
