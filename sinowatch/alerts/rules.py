"""Matching extraction events against alert rules -> candidate alerts. Pure functions, no I/O.

A rule (``[[alerts.rules]]`` in the config, :class:`sinowatch.config.AlertRule`) matches an event
when every filter it sets holds; an empty list means "any":

- ``event_types``: the event's type is one of them;
- ``min_confidence``: the event's confidence is at least this;
- ``statuses``: the event's status is one of them (an event without a status passes; the bundled
  rule leaves out ``background``, so a past listing mentioned as context never alerts);
- the event involves at least one watchlist entity (its ``entities``, ``actor`` or ``targets``);
- ``entities``: one of the involved entities is one of these watchlist ids (case-insensitive);
- ``kinds``: one of the involved entities is of one of these kinds (company, chip, ...);
- ``languages``: the article's language is one of them;
- ``feeds``: the article appeared in one of these feeds (syndicated copies count).

One story is one alert: candidates are keyed by (rule, story cluster), see :func:`alert_id`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from sinowatch.alerts import ArticleMeta, CandidateAlert, EntityRef
from sinowatch.config import AlertRule
from sinowatch.records import Event, Extraction


def alert_id(rule: str, cluster_id: str) -> str:
    """Deterministic id of the one alert a rule may raise for a story cluster."""
    return hashlib.sha1(f"{rule}\n{cluster_id}".encode()).hexdigest()[:20]


def involved_entities(event: Event) -> tuple[str, ...]:
    """The watchlist ids an event involves: its entities, actor and targets, first seen first."""
    ids = [*event.entities, *([event.actor] if event.actor else []), *event.targets]
    return tuple(dict.fromkeys(i for i in ids if i))


def _norm(values: Iterable[str]) -> set[str]:
    return {v.strip().casefold() for v in values if v and v.strip()}


def names_status(rule: AlertRule, status: str) -> bool:
    """Whether the rule's ``statuses`` name ``status`` explicitly (an empty list names none)."""
    return status.casefold() in _norm(rule.statuses or ())


def event_matches(
    rule: AlertRule,
    event: Event,
    *,
    language: str | None,
    feeds: Sequence[str],
    kinds: Mapping[str, str],
) -> bool:
    """Whether ``rule`` matches ``event`` of an article in ``language`` seen in ``feeds``.
    ``kinds`` maps watchlist ids to their kind."""
    if rule.event_types and event.type.casefold() not in _norm(rule.event_types):
        return False
    if event.confidence < rule.min_confidence:
        return False
    if rule.statuses and event.status and event.status.casefold() not in _norm(rule.statuses):
        return False
    ids = involved_entities(event)
    if not ids:
        return False
    if rule.entities and not (_norm(ids) & _norm(rule.entities)):
        return False
    if rule.kinds and not ({(kinds.get(i) or "").casefold() for i in ids} & _norm(rule.kinds)):
        return False
    if rule.languages and (language or "").casefold() not in _norm(rule.languages):
        return False
    if rule.feeds and not (_norm(feeds) & _norm(rule.feeds)):
        return False
    return True


def entity_kinds(extraction: Extraction) -> dict[str, str]:
    """watchlist id -> kind, from the extraction's rollups and mentions."""
    kinds = {m.entity: m.kind for m in extraction.mentions}
    kinds.update({r.entity: r.kind for r in extraction.entities})
    return kinds


def _entity_refs(event: Event, extraction: Extraction, kinds: Mapping[str, str]) -> tuple[EntityRef, ...]:
    rollups = {r.entity: r for r in extraction.entities}
    refs = []
    for i in involved_entities(event):
        sent = rollups[i].sentiment if i in rollups else None
        refs.append(
            EntityRef(
                id=i,
                kind=kinds.get(i),
                sentiment=sent.label if sent else None,
                score=round(float(sent.score), 3) if sent else None,
            )
        )
    return tuple(refs)


def match_extraction(rules: Sequence[AlertRule], extraction: Extraction, meta: ArticleMeta) -> list[CandidateAlert]:
    """Every (rule, event) match of one article, at most one per rule: its most confident event."""
    kinds = entity_kinds(extraction)
    language = meta.language or extraction.lang
    feeds = tuple(dict.fromkeys([meta.feed, *meta.feeds]))
    out: list[CandidateAlert] = []
    for rule in rules:
        best: Event | None = None
        best_seq = 0
        for seq, ev in enumerate(extraction.events):
            if event_matches(rule, ev, language=language, feeds=feeds, kinds=kinds):
                if best is None or ev.confidence > best.confidence:
                    best, best_seq = ev, seq
        if best is not None:
            out.append(
                CandidateAlert(
                    alert_id=alert_id(rule.name, meta.cluster_id),
                    rule=rule.name,
                    cluster_id=meta.cluster_id,
                    article_key=meta.key,
                    event_type=best.type,
                    confidence=float(best.confidence),
                    sentence=best.sentence,
                    trigger=best.trigger,
                    entities=_entity_refs(best, extraction, kinds),
                    status=best.status,
                    actor=best.actor,
                    targets=tuple(best.targets),
                    seq=best_seq,
                )
            )
    return out


def match_batch(
    rules: Sequence[AlertRule], extractions: Sequence[Extraction], metas: Mapping[str, ArticleMeta]
) -> list[CandidateAlert]:
    """Candidates of a batch, one per (rule, cluster): copies of one story in the same batch are
    one alert (the most confident match wins; the first article on ties). Extractions whose
    article is not in ``metas`` (not in the warehouse) cannot alert and are skipped."""
    best: dict[str, CandidateAlert] = {}
    for ex in extractions:
        meta = metas.get(ex.id)
        if meta is None:
            continue
        for cand in match_extraction(rules, ex, meta):
            prev = best.get(cand.alert_id)
            if prev is None or cand.confidence > prev.confidence:
                best[cand.alert_id] = cand
    return list(best.values())
