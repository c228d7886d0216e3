"""Warehouse side of MOFCOM announcements (migration 0019): store parsed announcements, the URLs
already read, and the announcements not linked to an action yet. Plain rows in and out; every
writer runs in the caller's transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sinowatch.warehouse.db import Connection


def known_urls(conn: Connection, urls: Sequence[str]) -> set[str]:
    """The URLs among ``urls`` whose announcement is stored (a rerun does not fetch them again)."""
    if not urls:
        return set()
    rows = conn.execute("SELECT DISTINCT u FROM (SELECT unnest(list_prepend(url, also_urls)) AS u "
                        "FROM mofcom_announcements) WHERE list_contains(?, u)", [list(urls)]).fetchall()
    return {r[0] for r in rows}


def insert_announcement(conn: Connection, a: Any, *, names: Sequence[dict[str, Any]], targets: Sequence[str],
                        feed: str, fetched_at: datetime) -> bool:
    """Store one parsed announcement (``sinowatch.official.mofcom.MofcomAnnouncement``) unless its
    number is stored already (the same announcement on two list pages: its URL joins ``also_urls``);
    True when new."""
    if conn.execute("SELECT 1 FROM mofcom_announcements WHERE announcement_id = ?", [a.announcement_id]).fetchall():
        conn.execute("UPDATE mofcom_announcements SET also_urls = list_append(also_urls, ?) "
                     "WHERE announcement_id = ? AND url <> ? AND NOT list_contains(also_urls, ?)",
                     [a.url, a.announcement_id, a.url, a.url])
        return False
    conn.execute("INSERT INTO mofcom_announcements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [a.announcement_id, a.number, a.title, a.kind, a.event_type, a.status, a.published, a.effective,
                  json.dumps(list(names), ensure_ascii=False), list(targets), list(a.items), list(a.measures),
                  list(a.countries), list(a.refers_to), a.url, [], feed, fetched_at])
    return True


def targets_of(conn: Connection, ids: Sequence[str]) -> list[str]:
    """The watchlist ids named by the stored announcements ``ids`` (what a suspension suspends)."""
    if not ids:
        return []
    rows = conn.execute("SELECT DISTINCT unnest(targets) FROM mofcom_announcements WHERE list_contains(?, "
                        "announcement_id)", [list(ids)]).fetchall()
    return sorted(r[0] for r in rows)


def actions_of(conn: Connection, ids: Sequence[str]) -> list[str]:
    """The actions that hold the MOFCOM announcements ``ids`` as their record."""
    if not ids:
        return []
    return [r[0] for r in conn.execute("SELECT DISTINCT action_id FROM action_records WHERE record_kind = 'mofcom' "
                                       "AND list_contains(?, record_id) ORDER BY action_id", [list(ids)]).fetchall()]


def unlinked_announcements(conn: Connection, since: date) -> list[tuple[Any, ...]]:
    """(announcement_id, number, title, kind, event_type, status, published, effective, targets,
    refers_to, url) of the announcements published since ``since`` that no action links to yet,
    oldest first."""
    return conn.execute("""
        SELECT announcement_id, number, title, kind, event_type, status, published, effective, targets, refers_to, url
        FROM mofcom_announcements
        WHERE published >= ? AND announcement_id NOT IN (
            SELECT record_id FROM action_records WHERE record_kind = 'mofcom')
        ORDER BY published, announcement_id""", [since]).fetchall()
