"""The official-records stage: fetch the feeds of kind ``federal_register`` and ``screening_list``
(and ``mofcom``: ``mofcom_stage.py``), store what is new, and link each record to the action it
documents.

- Federal Register: incremental by publication date (the last date stored is the next query's
  ``conditions[publication_date][gte]``; documents are keyed on their number, so the overlap day
  adds nothing twice), following ``next_page_url``.
- Consolidated Screening List: each download is a snapshot (keyed on its content hash: the same
  file twice is one snapshot), diffed against the feed's previous entries into added / removed /
  changed per list. The feed's first snapshot is a baseline: stored, diffed against nothing,
  linked to nothing, so it never floods the alerts.
- Linking, precision first (``sinowatch.official.linking``): a record joins the action that agrees
  with it on type, firms, date and actor, the best one by documented rules; when two agree
  equally it joins none and the stats say so. Firms come from the listed names resolved on
  evidence (``sinowatch.official.names``: the exact alias, or a known-subsidiary pattern; "Huawei
  Marine Networks" is not Huawei), and for a Federal Register document from the screening-list
  entries that cite it and the firms its title or abstract names. The record's act (its kind and
  whether it is proposed: ``sinowatch.official.acts``) must be the act the reports describe. A
  recent screening-list addition with firms and no agreeing action starts one (first seen from
  the record); any other record without an agreeing action is left unlinked (a Federal Register
  document is tried again on later runs). A record without a resolved firm is
  never linked: a rule is never attached to a firm it does not name. Unresolved Chinese names go
  to the discovery candidates. Additions to lists that are not BIS's (SDN, NS-CMIC ...) are stored
  and diffed but not linked.

One feed's failure is recorded in the stats with its reason and never stops the others.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sinowatch.actions.fold import GOVERNMENTS
from sinowatch.config import Config, FeedConfig
from sinowatch.errors import SinowatchError
from sinowatch.official.acts import CSL_ADDITION, RecordAct, record_act_fr
from sinowatch.official.linking import (
    FEW_DAYS,
    LIST_TYPES,
    RECORD_GAP,
    Candidate,
    choose,
    choose_unnamed,
    citation_keys,
    is_bis_document,
    other_destination,
    starts_action,
    unique_record,
)
from sinowatch.official.names import NameIndex
from sinowatch.official.records import (
    CslEntry,
    FrDocument,
    diff,
    fr_url,
    is_chinese,
    parse_csl,
    parse_fr_page,
)
from sinowatch.warehouse import actions as adb
from sinowatch.warehouse import official as odb
from sinowatch.warehouse.db import Connection, transaction

OFFICIAL_KINDS = ("federal_register", "screening_list", "mofcom")
MAX_PAGES = 50
#: the government whose records each kind holds (actor agreement)
RECORD_ACTOR = "bis"
OnRecord = Callable[[Connection, str], int]


@dataclass
class OfficialStats:
    documents: int = 0
    announcements: int = 0  # MOFCOM (mofcom_stage.py)
    snapshots: int = 0
    added: int = 0
    removed: int = 0
    changed: int = 0
    linked: int = 0
    started: int = 0
    candidates: int = 0
    ambiguous: int = 0
    unmatched: int = 0  # records with firms that agree with no action and start none (not additions)
    uncorroborated: int = 0  # records whose agreeing act lies over FEW_DAYS away, uncorroborated
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    alerts: int = 0

    def lines(self) -> list[str]:
        out = [f"official records: {self.documents} new Federal Register document(s), {self.announcements} new MOFCOM "
               f"announcement(s), {self.snapshots} screening-list "
               f"snapshot(s) (+{self.added} -{self.removed} ~{self.changed}), {self.linked} link(s) to actions "
               f"({self.started} action(s) first seen in a record), {self.ambiguous} record(s) left unlinked as "
               f"ambiguous, {self.unmatched} left unlinked as matching no reported act, {self.uncorroborated} as "
               f"uncorroborated (an agreeing act over {FEW_DAYS.days} days away), {self.candidates} unresolved Chinese name(s) sent to discovery, {self.alerts} alert(s) "
               "queued"]
        out += [f"  {n}" for n in self.notes]
        out += [f"  error: {e}" for e in self.errors]
        return out


def official_feeds(config: Config, only: Sequence[str] | None = None) -> list[FeedConfig]:
    feeds = [f for f in config.feeds if f.enabled and f.kind in OFFICIAL_KINDS]
    if only:
        unknown = set(only) - {f.name for f in feeds}
        if unknown:
            raise SinowatchError(f"no enabled official feed named {', '.join(sorted(unknown))} "
                                 "(official feeds have kind = \"federal_register\", \"screening_list\" or \"mofcom\")")
        feeds = [f for f in feeds if f.name in only]
    return feeds


def _get(config: Config, client: Any, url: str, feed: str) -> bytes:
    from sinowatch.ingest.fetch import fetch

    res = fetch(url, client=client, settings=config.fetch, feed=feed)
    if not res.ok:
        raise SinowatchError(f"{feed}: {url[:120]}: {res.error or res.status}")
    return res.body


def fetch_official(config: Config, conn: Connection, *, only: Sequence[str] | None = None,
                   watchlist: Any = None, now: datetime | None = None, link_days: int = 60,
                   on_record: OnRecord | None = None) -> OfficialStats:
    """Fetch every official feed (or ``only`` these), store and link; one transaction per feed.
    ``on_record(conn, action_id)`` runs in that transaction for each action a new record started
    or joined (the alerts outbox: ``sinowatch.alerts.stage.make_on_record``)."""
    from sinowatch.extractors.watchlist import load_watchlist
    from sinowatch.ingest.fetch import make_client

    now = now or datetime.now(UTC)
    stats = OfficialStats()
    wl = watchlist or load_watchlist([config.resolve(p) for p in config.extraction.watchlist])
    names = NameIndex.from_watchlist(wl)
    with make_client(config.fetch) as client:
        for feed in official_feeds(config, only):
            try:
                if feed.kind == "federal_register":
                    docs = []
                    url: str | None = fr_url(feed.url, since=odb.last_fr_date(conn, feed.name))
                    pages = 0
                    while url and pages < MAX_PAGES:
                        page, url, problems = parse_fr_page(_get(config, client, url, feed.name))
                        docs += page
                        pages += 1
                        stats.notes += [f"{feed.name}: skipped {p}" for p in problems]
                    with transaction(conn):
                        stats.documents += odb.upsert_fr_documents(conn, feed.name, docs, now)
                    stats.notes += [f"{feed.name}: {d.document_number} is not a BIS document "
                                    f"({', '.join(d.agencies) or 'no agency given'}): stored, never linked"
                                    for d in docs if not is_bis_document(d.agencies)]
                    stats.notes += [f"{feed.name}: {d.document_number} corrects an earlier document: stored, never linked"
                                    for d in docs if is_bis_document(d.agencies) and d.is_correction]
                elif feed.kind == "mofcom":
                    from sinowatch.official.mofcom_stage import take_mofcom

                    take_mofcom(config, conn, client, feed, names, stats, now)
                else:
                    body = _get(config, client, feed.url, feed.name)
                    with transaction(conn):
                        take_snapshot(conn, feed.name, body, names, stats, now, on_record=on_record)
            except SinowatchError as e:
                stats.errors.append(f"{feed.name}: {e}")
    # after every feed: a document's targets may come from screening-list entries fetched after it
    with transaction(conn):
        link_fr_documents(conn, names, stats, now, days=link_days, on_record=on_record)
        link_unnamed_additions(conn, stats, now, days=link_days, on_record=on_record)
        if any(f.kind == "mofcom" for f in official_feeds(config, only)):
            from sinowatch.official.mofcom_stage import link_mofcom

            link_mofcom(conn, stats, now, days=link_days, on_record=on_record)
    return stats


def _entry_from_row(r: tuple[Any, ...]) -> CslEntry:
    return CslEntry(entry_key=r[0], source=r[1], name=r[2], alt_names=tuple(r[3] or ()), addresses=r[4],
                    countries=tuple(r[5] or ()), programs=tuple(r[6] or ()), federal_register_notice=r[7],
                    start_date=r[8], license_requirement=r[9], license_policy=r[10], source_list_url=r[11])


def take_snapshot(conn: Connection, feed: str, body: bytes, names: NameIndex, stats: OfficialStats,
                  now: datetime, *, on_record: OnRecord | None = None) -> None:
    """Store one screening-list download as a snapshot, diff it, and turn the additions to BIS's
    lists into records linked to actions (caller's transaction)."""
    snapshot_id = hashlib.sha1(body).hexdigest()[:20]
    if odb.snapshot_known(conn, snapshot_id):
        stats.notes.append(f"{feed}: unchanged since snapshot {snapshot_id}")
        return
    entries, problems = parse_csl(body)
    stats.notes += [f"{feed}: skipped {p}" for p in problems]
    baseline = not odb.has_snapshot(conn, feed)
    previous = {k: _entry_from_row(r) for k, r in odb.current_entries(conn, feed).items()}
    changes = [] if baseline else diff(previous, entries)
    resolved = {e.entry_key: names.resolve(e.name, *e.alt_names) for e in entries}
    resolved.update({c.entry.entry_key: names.resolve(c.entry.name, *c.entry.alt_names) for c in changes})
    odb.store_snapshot(conn, feed, snapshot_id, now, entries, resolved, changes, baseline=baseline)
    stats.snapshots += 1
    if baseline:
        stats.notes.append(f"{feed}: first snapshot ({len(entries)} entries) stored as the baseline: no alerts")
        return
    stats.added += sum(1 for c in changes if c.change == "added")
    stats.removed += sum(1 for c in changes if c.change == "removed")
    stats.changed += sum(1 for c in changes if c.change == "changed")
    groups: dict[tuple[str, date | None, str], list[CslEntry]] = {}
    unresolved = []
    other_lists: set[str] = set()
    for c in changes:
        if c.change != "added":
            continue
        event_type = LIST_TYPES.get(c.entry.source)
        if event_type is None and resolved.get(c.entry.entry_key):
            other_lists.add(c.entry.source)
        elif resolved.get(c.entry.entry_key) and event_type is not None:
            groups.setdefault((c.entry.federal_register_notice or c.entry.entry_key, c.entry.start_date, event_type),
                              []).append(c.entry)
        else:
            brand = names.namesake_of(c.entry.name, *c.entry.alt_names)
            if brand is not None:
                stats.notes.append(f"{feed}: {c.entry.name!r} carries the brand of {brand} but names another "
                                   "business (see docs/views.md#actions): not linked")
        if not resolved.get(c.entry.entry_key) and is_chinese(c.entry):
            unresolved.append((f"csl:{c.entry.entry_key}", c.entry.name,
                               f"{c.entry.source} addition {c.entry.federal_register_notice or ''}".strip()))
    odb.add_candidates(conn, unresolved)
    stats.candidates += len(unresolved)
    if other_lists:
        stats.notes.append(f"{feed}: additions of watched firms to {', '.join(sorted(other_lists))} stored, not linked "
                           "(not a BIS list: no event type stands for them)")
    for (notice, start, event_type), group in sorted(groups.items(), key=lambda kv: (str(kv[0][1]), kv[0][0])):
        targets = sorted({t for e in group for t in resolved[e.entry_key]})
        when = start or now.date()
        title = additions_title(group[0].source, [e.name for e in group])
        attach(conn, event_type, targets, when, kind="screening_list", record_id=notice,
               citation=group[0].federal_register_notice, url=group[0].source_list_url, effective=start,
               title=title, stats=stats, now=now, act=CSL_ADDITION, on_record=on_record)


def additions_title(source: str, names: Sequence[str]) -> str:
    """The title of a screening-list addition group: its list and first three names."""
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return f"{source} additions: " + "; ".join(names[:3]) + more


def _us(conn: Connection) -> set[str | None]:
    countries = adb.entity_countries(conn)
    return {None, *(a for a, c in countries.items() if c == "US"), *(g for g, c in GOVERNMENTS.items() if c == "US")}


def attach(conn: Connection, event_type: str, targets: Sequence[str], when: date, *, kind: str, record_id: str,
           citation: str | None, url: str | None, effective: date | None, title: str, stats: OfficialStats,
           now: datetime, act: RecordAct | None, on_record: OnRecord | None = None,
           document_number: str | None = None, actors: set[str | None] | None = None,
           record_actor: str = RECORD_ACTOR, record_status: str = "enacted",
           accept: Callable[[Candidate], bool] | None = None) -> str | None:
    """Link a record to the action that agrees with it best (``sinowatch.official.linking``), or,
    for a recent screening-list addition, start one from it; returns the action id, or None when
    the record names no firm, agrees with no action and may not start one, or the evidence is
    ambiguous (noted in the stats). ``act`` is the act the record documents (its kind and whether
    it is proposed: ``sinowatch.official.acts``); None for a record whose caller checks its content
    itself and that may start an action (MOFCOM: ``mofcom_stage.py``). ``on_record(conn,
    action_id)`` runs for the action the record started or joined (the alerts outbox). A US record
    by default; another government's passes the ``actors`` its actions may have, the
    ``record_actor`` and ``record_status`` of an action it starts, and ``accept``, a further
    condition on candidates."""
    if not targets:
        return None
    existing = odb.record_action(conn, kind, record_id)
    if existing is not None:
        return existing
    cands = [c for c in _candidates(conn, event_type, targets, when) if accept is None or accept(c)]
    choice = choose(cands, targets=targets, when=when, citation=citation, actors=_us(conn) if actors is None else actors,
                    document_number=document_number, act=act, effective=effective)
    if choice.is_ambiguous:
        stats.ambiguous += 1
        stats.notes.append(f"{kind} {record_id}{f' ({citation})' if citation and citation != record_id else ''}: "
                           f"not linked, {len(choice.ambiguous)} actions agree with it equally "
                           f"({', '.join(choice.ambiguous)}); see `sinowatch action ID`")
        return None
    if choice.action_id is not None:
        action_id = choice.action_id
    elif act is None or (starts_action(act, kind, when=when, today=now.date()) and not choice.uncorroborated):
        action_id = "act-" + hashlib.sha1(f"record\n{kind}\n{record_id}".encode()).hexdigest()[:12]
        stats.started += 1
    elif choice.uncorroborated:
        stats.uncorroborated += 1
        stats.notes.append(f"{kind} {record_id}: not linked, its act agrees with "
                           f"{', '.join(choice.uncorroborated)} but lies over {FEW_DAYS.days} days away and no "
                           "report states its citation or date; see `sinowatch action ID`")
        return None
    else:
        stats.unmatched += 1
        return None
    return _join(conn, action_id, event_type=event_type, targets=targets, when=when, kind=kind, record_id=record_id,
                 citation=citation, url=url, effective=effective, title=title, stats=stats, now=now,
                 on_record=on_record, record_actor=record_actor, record_status=record_status)


def _candidates(conn: Connection, event_type: str, targets: Sequence[str], when: date) -> list[Candidate]:
    """The actions of ``event_type`` sharing a target with the record (any action of the type when
    ``targets`` is empty: a record that names no watched firm) whose act is dated up to RECORD_GAP
    before the record (a rule published days after the news) or after it (news of a listing found
    in the list first)."""
    t0 = datetime.combine(when, time(12), tzinfo=UTC)
    return [Candidate(action_id=r[0], actor=r[1], targets=tuple(r[2]), act_date=r[3], status=r[4],
                      citations=frozenset(k for c in r[5] for k in citation_keys(c)), evidence=tuple(r[6]),
                      event_type=event_type, statuses=frozenset({*r[7], *([r[4]] if r[4] else [])}))
            for r in odb.matching_actions(conn, event_type, targets, t0 - RECORD_GAP, t0 + RECORD_GAP,
                                          any_targets=not targets)]


def _join(conn: Connection, action_id: str, *, event_type: str, targets: Sequence[str], when: date, kind: str,
          record_id: str, citation: str | None, url: str | None, effective: date | None, title: str,
          stats: OfficialStats, now: datetime, on_record: OnRecord | None, record_actor: str = RECORD_ACTOR,
          record_status: str = "enacted") -> str:
    """Store the link of a record to ``action_id`` (an existing action, or a new one the record
    starts), refresh the action and queue its alert."""
    t0 = datetime.combine(when, time(12), tzinfo=UTC)
    odb.link_record(conn, action_id, kind=kind, record_id=record_id, citation=citation, url=url, published=when,
                    effective=effective, title=title, targets=targets, now=datetime.now(UTC))
    stats.linked += 1
    row = conn.execute("SELECT status, actor, targets, title FROM actions WHERE action_id = ?", [action_id]).fetchall()
    status, actor, old_targets, old_title = row[0] if row else (record_status, record_actor, [], title)
    touched = {"action_id": action_id, "event_type": event_type, "status": status or "enacted",
               "actor": actor or record_actor, "targets": sorted(set(old_targets) | set(targets)),
               "title": old_title, "first_seen": t0, "last_seen": t0}
    history: list[tuple[str, str, datetime, str | None]] = [] if row else [(action_id, record_status, t0, None)]
    refresh_action(conn, touched, history, now)
    if on_record is not None:
        stats.alerts += on_record(conn, action_id)
    return action_id


def refresh_action(conn: Connection, touched: dict[str, Any], history: list[tuple[str, str, datetime, str | None]],
                   now: datetime) -> None:
    """Write an action a record touched (its row, and ``history`` of status changes) through the
    fold's writer, as the news path does (used by this stage and the MOFCOM stage)."""
    from sinowatch.warehouse.actions import write_fold

    write_fold(conn, [], [touched], history, now)


def document_targets(conn: Connection, names: NameIndex, citation: str | None, text: str,
                     notes: list[str] | None = None) -> list[str]:
    """A document's targets: the firms of the screening-list entries that cite it, and the
    firms its title or abstract names (``NameIndex.firms_in_text``: a namesake such as "Huawei
    Marine Networks" is not Huawei, and is added to ``notes``)."""
    found = set(odb.csl_targets_for_citation(conn, citation)) if citation else set()
    firms, namesakes = names.firms_in_text(text)
    if notes is not None and namesakes:
        notes.append(f"names {'; '.join(repr(n) for n in namesakes)}: a namesake of a watched firm, not that firm")
    return sorted(found | set(firms))


def link_fr_documents(conn: Connection, names: NameIndex, stats: OfficialStats, now: datetime,
                      days: int = 60, on_record: OnRecord | None = None) -> None:
    """Link the recent Federal Register documents that no action links to yet (caller's transaction)."""

    unnamed: list[tuple[FrDocument, RecordAct]] = []
    for (number, citation, title, abstract, published, effective, url, agencies, action,
         doc_type) in odb.unlinked_fr_documents(conn, now.date() - timedelta(days=days)):
        if not is_bis_document(agencies):
            continue  # another agency's act (rule 0 of sinowatch.official.linking): stored, never linked
        doc = FrDocument(document_number=number, citation=citation, title=title, abstract=abstract, action=action,
                         doc_type=doc_type, publication_date=published, effective_on=effective, html_url=url,
                         pdf_url=None, raw_text_url=None, cfr_references=json.dumps([]), agencies=tuple(agencies))
        if doc.is_correction:
            continue  # corrects an earlier document: not an act of its own (rule 0)
        said: list[str] = []
        targets = document_targets(conn, names, citation, f"{title}. {abstract or ''}", said)
        stats.notes += [f"federal_register {number}: {n}" for n in said]
        act = record_act_fr(title, abstract, action, doc_type)
        if not targets:
            unnamed.append((doc, act))
            continue
        attach(conn, doc.event_type, targets, published, kind="federal_register", record_id=number,
               citation=citation, url=url, effective=effective, title=title, stats=stats, now=now,
               on_record=on_record, document_number=number, act=act)
    _link_unnamed(conn, unnamed, stats, now, on_record)


def _link_unnamed(conn: Connection, docs: Sequence[tuple[FrDocument, RecordAct]], stats: OfficialStats, now: datetime,
                  on_record: OnRecord | None) -> None:
    """Link the BIS documents that name no watched firm by rule 2' of ``sinowatch.official.linking``
    (a stated US actor, one agreeing action, one record per action), after the others."""
    actors: set[str | None] = {a for a in _us(conn) if a is not None}
    picks: dict[str, list[tuple[FrDocument, Candidate]]] = {}
    for doc, act in docs:
        if other_destination(f"{doc.title}. {doc.abstract or ''}"):
            stats.notes.append(f"federal_register {doc.document_number}: names no watched firm and states no "
                               "Chinese destination: stored, not linked")
            continue
        cands = _candidates(conn, doc.event_type, [], doc.publication_date)
        choice = choose_unnamed(cands, event_type=doc.event_type, when=doc.publication_date, citation=doc.citation,
                                actors=actors, act=act, document_number=doc.document_number,
                                effective=doc.effective_on)
        if choice.is_ambiguous:
            stats.ambiguous += 1
            stats.notes.append(f"federal_register {doc.document_number}: names no watched firm and "
                               f"{len(choice.ambiguous)} actions agree with it equally ({', '.join(choice.ambiguous)}): "
                               "not linked")
        elif choice.action_id is not None:
            picks.setdefault(choice.action_id, []).append(
                (doc, next(c for c in cands if c.action_id == choice.action_id)))
        elif choice.uncorroborated:
            stats.uncorroborated += 1
            stats.notes.append(f"federal_register {doc.document_number}: not linked, its act agrees with "
                               f"{', '.join(choice.uncorroborated)} but lies over {FEW_DAYS.days} days away and no "
                               "report states its citation or date")
    for action_id, chosen in picks.items():
        best = unique_record([(d.citation, d.document_number, d.title) for d, _ in chosen], chosen[0][1])
        if best is None:
            stats.ambiguous += len(chosen)
            stats.notes.append(f"federal_register {', '.join(d.document_number for d, _ in chosen)}: name no watched "
                               f"firm and agree equally with {action_id}: none linked")
            continue
        doc = chosen[best][0]
        _join(conn, action_id, event_type=doc.event_type, targets=[], when=doc.publication_date,
              kind="federal_register", record_id=doc.document_number, citation=doc.citation, url=doc.html_url,
              effective=doc.effective_on, title=doc.title, stats=stats, now=now, on_record=on_record)


def link_unnamed_additions(conn: Connection, stats: OfficialStats, now: datetime, days: int = 60,
                           on_record: OnRecord | None = None) -> None:
    """A screening-list addition group that names no watched firm joins an action only by its
    notice: the one action that holds the Federal Register rule it cites (rule a of
    ``sinowatch.official.linking``; the rule itself joined by rule 2'). It starts no action."""
    for notice, source, start, listed, holders in odb.unnamed_additions(conn, now.date() - timedelta(days=days)):
        event_type = LIST_TYPES.get(source)
        if event_type is None or len(holders) != 1:
            continue
        action_id = holders[0]
        row = conn.execute("SELECT event_type FROM actions WHERE action_id = ?", [action_id]).fetchone()
        if row is None or row[0] != event_type:
            continue
        title = additions_title(source, listed)
        _join(conn, action_id, event_type=event_type, targets=[], when=start or now.date(), kind="screening_list",
              record_id=notice, citation=notice, url=None, effective=start, title=title, stats=stats, now=now,
              on_record=on_record)


def run_official_stage(config: Config, conn: Connection, report: Any,
                       on_record: OnRecord | None = None) -> OfficialStats | None:
    """The main job's official-records step (after extraction, before alerts are sent): fetch the
    official feeds, link, and call ``on_record`` (the orchestration passes the alert outbox's) for
    each action a record started or joined; failures are recorded in the run's report."""
    if not official_feeds(config):
        return None
    stats = fetch_official(config, conn, on_record=on_record)
    report.alerts_queued += stats.alerts
    if stats.errors:
        report.errors.extend(f"official {e}" for e in stats.errors)
        report.status = "partial"
    return stats
