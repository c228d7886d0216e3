"""The MOFCOM part of the official-records stage: feeds of kind ``mofcom`` (a MOFCOM list page of
announcements) are read, each new announcement page is fetched, parsed
(``sinowatch.official.mofcom``), stored and linked to the action it documents.

- Incremental: an announcement is keyed on its number (``mofcom-2025-1``, ``uel-2023-1``) and its
  page is fetched once; a rerun reads the list page and fetches nothing else. Only the list's
  first page is read (the latest announcements), at most :data:`MAX_PAGES` new pages a run.
- Like the Federal Register documents (no baseline: they are dated acts), announcements published
  within the link window (60 days before the run, ``sinowatch official``'s default) are linked;
  older ones are stored for the record (``mofcom_announcements``) and never alert.
- Strict and loud: a page that does not parse (or cannot be fetched) is an error of the run naming
  its URL and what was missing; it is not stored, so the next run tries it again; the other pages
  go on.
- Names: each ``中文名（English name）`` resolves to a watchlist id through the screening list's
  resolver (``sinowatch.official.names``: the whole name accounted for, namesakes not); every name
  is kept in ``names`` with its id or null. A removal or a suspension that names no one takes the
  firms of the announcements it refers to ("暂停实施...公告2025年第7号所列措施").
- Linking, by the rules of ``sinowatch.official.linking`` with China's side: the action's type is
  the announcement's (list changes ``entity_list``, export controls ``export_control``, probes
  ``investigation``), it shares a firm, its act lies within ``RECORD_GAP`` of the announcement's
  date, its actor is MOFCOM, the Chinese government or unknown (:data:`MOFCOM_ACTORS`: never a BIS
  or other US act), and a removal or suspension joins only an action whose status is ``reversed``.
  An announcement naming no watched firm (most name US defence firms, or only items) is stored and
  never linked. With firms and no agreeing action it starts one (actor ``mofcom``). A removal or
  suspension of an announcement already linked to an action changes that action's status to
  ``reversed`` (its history keeps the enactment: one action per act), before any other rule.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sinowatch.config import Config, FeedConfig
from sinowatch.errors import SinowatchError
from sinowatch.official.mofcom import MofcomAnnouncement, parse_announcement, parse_list_page
from sinowatch.official.names import NameIndex
from sinowatch.warehouse import mofcom as mdb
from sinowatch.warehouse.db import Connection, transaction

if TYPE_CHECKING:
    from sinowatch.official.linking import Candidate
    from sinowatch.official.stage import OfficialStats, OnRecord

#: actors of the actions a MOFCOM record may join (None: the reports name no actor)
MOFCOM_ACTORS: frozenset[str | None] = frozenset({None, "mofcom", "cn-gov"})
#: the actor of an action first seen in a MOFCOM record
RECORD_ACTOR = "mofcom"
#: new announcement pages fetched per feed and run (a first run reads the whole list page)
MAX_PAGES = 40


def _fetch(config: Config, client: Any, url: str, feed: str) -> bytes:
    from sinowatch.ingest.fetch import fetch

    res = fetch(url, client=client, settings=config.fetch, feed=feed)
    if not res.ok:
        raise SinowatchError(f"{url[:160]}: {res.error or res.status}")
    return res.body


def resolve(a: MofcomAnnouncement, names: NameIndex) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """(names as stored: zh, en and the watchlist id or None; the ids; notes on namesakes)."""
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    for n in a.names:
        ids = names.resolve(*n.names)
        rows.append({"zh": n.zh, "en": n.en, "entity": ids[0] if ids else None})
        brand = None if ids else names.namesake_of(*n.names)
        if brand is not None:
            notes.append(f"{a.number}: {n.en or n.zh!r} carries the brand of {brand} but names another business: "
                         "not that firm")
    return rows, sorted({r["entity"] for r in rows if r["entity"]}), notes


def take_mofcom(config: Config, conn: Connection, client: Any, feed: FeedConfig, names: NameIndex,
                stats: OfficialStats, now: datetime) -> None:
    """Read one MOFCOM list page, fetch and parse the announcements not stored yet, store them (one
    transaction). A list page that cannot be fetched or read raises SinowatchError (the feed's
    error); a page that fails is added to ``stats.errors`` and the others go on."""
    links = parse_list_page(_fetch(config, client, feed.url, feed.name), feed.url)
    known = mdb.known_urls(conn, [link.url for link in links])
    todo = [link for link in links if link.url not in known]
    if len(todo) > MAX_PAGES:
        stats.notes.append(f"{feed.name}: {len(todo)} new announcement pages; the first {MAX_PAGES} read now, "
                           "the rest on the next run")
        todo = todo[:MAX_PAGES]
    parsed: list[MofcomAnnouncement] = []
    for link in todo:
        try:
            parsed.append(parse_announcement(_fetch(config, client, link.url, feed.name), link.url))
        except SinowatchError as e:
            stats.errors.append(f"{feed.name}: {e} (listed as {link.title[:60]!r}); other pages go on")
    with transaction(conn):
        for a in parsed:
            rows, targets, said = resolve(a, names)
            if not mdb.insert_announcement(conn, a, names=rows, targets=targets, feed=feed.name, fetched_at=now):
                continue
            stats.announcements += 1
            stats.notes += [f"{feed.name}: {n}" for n in (*a.notes(), *said)]
            if not targets and not (a.refers_to and a.status == "reversed"):
                what = f"{len(a.names)} name(s)" if a.names else ", ".join(a.items) or "no entity"
                stats.notes.append(f"{feed.name}: {a.number} ({a.kind}, {what}) names no watched firm: stored, "
                                   "not linked")


def _reverse(conn: Connection, action_id: str, *, record_id: str, citation: str, url: str, published: date,
             effective: date | None, title: str, targets: list[str], stats: OfficialStats, now: datetime,
             on_record: OnRecord | None) -> None:
    """Attach a removal or suspension to the action that holds the announcement it undoes, and
    record the status change there (its history keeps the enactment)."""
    from sinowatch.official.stage import refresh_action
    from sinowatch.warehouse import official as odb

    t0 = datetime.combine(published, time(12), tzinfo=UTC)
    odb.link_record(conn, action_id, kind="mofcom", record_id=record_id, citation=citation, url=url,
                    published=published, effective=effective, title=title, targets=targets, now=datetime.now(UTC))
    event_type, actor, old_targets, old_title = conn.execute(
        "SELECT event_type, actor, targets, title FROM actions WHERE action_id = ?", [action_id]).fetchall()[0]
    refresh_action(conn, {"action_id": action_id, "event_type": event_type, "status": "reversed", "actor": actor,
                    "targets": sorted(set(old_targets) | set(targets)), "title": old_title, "first_seen": t0,
                    "last_seen": t0}, [(action_id, "reversed", t0, None)], now)
    stats.linked += 1
    if on_record is not None:
        stats.alerts += on_record(conn, action_id)


def _reversed_only(c: Candidate) -> bool:
    return c.status == "reversed"


def link_mofcom(conn: Connection, stats: OfficialStats, now: datetime, *, days: int = 60,
                on_record: OnRecord | None = None) -> None:
    """Link the announcements of the last ``days`` that no action links to yet (caller's
    transaction)."""
    from sinowatch.official.stage import attach

    for (aid, number, title, _kind, event_type, status, published, effective, targets, refers_to,
         url) in mdb.unlinked_announcements(conn, now.date() - timedelta(days=days)):
        firms = list(targets) or (mdb.targets_of(conn, refers_to) if status == "reversed" else [])
        if not firms:
            continue
        held = mdb.actions_of(conn, refers_to) if status == "reversed" else []
        if len(held) == 1:  # a removal or suspension of an act on record: that act's status changes
            _reverse(conn, held[0], record_id=aid, citation=number, url=url, published=published,
                     effective=effective, title=title, targets=firms, stats=stats, now=now, on_record=on_record)
            continue
        attach(conn, event_type, firms, published, kind="mofcom", record_id=aid, citation=number, url=url,
               effective=effective, title=title, stats=stats, now=now, act=None, on_record=on_record,
               actors=set(MOFCOM_ACTORS), record_actor=RECORD_ACTOR, record_status=status,
               accept=_reversed_only if status == "reversed" else None)

