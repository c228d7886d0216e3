"""Warehouse side of official records (migration 0012): Federal Register documents, screening-list
snapshots, entries and diffs, and the links from records to actions. Plain rows in and out; every
writer runs in the caller's transaction."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sinowatch.warehouse.db import Connection


def last_fr_date(conn: Connection, feed: str) -> date | None:
    row = conn.execute("SELECT max(publication_date) FROM fr_documents WHERE feed = ?", [feed]).fetchall()
    return row[0][0] if row and row[0][0] is not None else None


def upsert_fr_documents(conn: Connection, feed: str, docs: Sequence[Any], fetched_at: datetime) -> int:
    """Insert the documents not stored yet (keyed on document_number); returns how many were new."""
    new = 0
    for d in docs:
        known = conn.execute("SELECT 1 FROM fr_documents WHERE document_number = ?", [d.document_number]).fetchall()
        if known:
            continue
        conn.execute("INSERT INTO fr_documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [d.document_number, d.citation, d.title, d.abstract, d.action, d.doc_type, d.publication_date,
                      d.effective_on, d.html_url, d.pdf_url, d.raw_text_url, d.cfr_references, list(d.agencies),
                      feed, fetched_at])
        new += 1
    return new


def unlinked_fr_documents(conn: Connection, since: date) -> list[tuple[Any, ...]]:
    """(document_number, citation, title, abstract, publication_date, effective_on, html_url,
    agencies, action, doc_type) of the documents published since ``since`` that no action links
    to yet."""
    return conn.execute("""
        SELECT document_number, citation, title, abstract, publication_date, effective_on, html_url,
               coalesce(agencies, []), action, doc_type FROM fr_documents
        WHERE publication_date >= ? AND document_number NOT IN (
            SELECT record_id FROM action_records WHERE record_kind = 'federal_register')
        ORDER BY publication_date, document_number""", [since]).fetchall()


def csl_targets_for_citation(conn: Connection, citation: str) -> list[str]:
    """Watchlist ids of the screening-list entries that cite this Federal Register notice (a
    notice field may cite two: "83 FR 54519, 84 FR 22963")."""
    m = re.fullmatch(r"\s*(\d{2,3})\s*FR\s*(\d{3,6})\s*", citation)
    if m is None:
        rows = conn.execute("""
            SELECT DISTINCT unnest(entities) FROM csl_entries
            WHERE replace(federal_register_notice, ' ', '') = replace(?, ' ', '')""", [citation]).fetchall()
    else:
        rows = conn.execute("""
            SELECT DISTINCT unnest(entities) FROM csl_entries
            WHERE regexp_matches(federal_register_notice, ?)""",
                            [rf"(^|[^0-9]){m.group(1)}\s*FR\s*{m.group(2)}([^0-9]|$)"]).fetchall()
    return sorted(r[0] for r in rows)


def snapshot_known(conn: Connection, snapshot_id: str) -> bool:
    return bool(conn.execute("SELECT 1 FROM csl_snapshots WHERE snapshot_id = ?", [snapshot_id]).fetchall())


def has_snapshot(conn: Connection, feed: str) -> bool:
    return bool(conn.execute("SELECT 1 FROM csl_snapshots WHERE feed = ? LIMIT 1", [feed]).fetchall())


def current_entries(conn: Connection, feed: str) -> dict[str, tuple[Any, ...]]:
    """entry_key -> the stored row of every entry in the feed's latest state."""
    cols = ("entry_key", "source", "name", "alt_names", "addresses", "countries", "programs",
            "federal_register_notice", "start_date", "license_requirement", "license_policy", "source_list_url")
    rows = conn.execute(f"SELECT {', '.join(cols)} FROM csl_entries WHERE feed = ?", [feed]).fetchall()
    return {r[0]: r for r in rows}


def store_snapshot(conn: Connection, feed: str, snapshot_id: str, fetched_at: datetime, entries: Sequence[Any],
                   resolved: dict[str, tuple[str, ...]], changes: Sequence[Any], *, baseline: bool) -> None:
    """The snapshot row, the feed's entries replaced by this snapshot's, and the diff rows."""
    conn.execute("INSERT INTO csl_snapshots VALUES (?, ?, ?, ?, ?)",
                 [snapshot_id, feed, fetched_at, len(entries), baseline])
    conn.execute("DELETE FROM csl_entries WHERE feed = ?", [feed])
    if entries:
        conn.executemany("INSERT INTO csl_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            [feed, e.entry_key, e.source, e.name, list(e.alt_names), e.addresses, list(e.countries), list(e.programs),
             e.federal_register_notice, e.start_date, e.license_requirement, e.license_policy, e.source_list_url,
             list(resolved.get(e.entry_key, ())), e.digest, snapshot_id] for e in entries])
    if changes:
        conn.executemany("INSERT INTO csl_diffs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            [snapshot_id, feed, c.change, c.entry.entry_key, c.entry.source, c.entry.name,
             list(resolved.get(c.entry.entry_key, ())), c.entry.federal_register_notice, c.entry.start_date,
             list(c.fields)] for c in changes])


def add_candidates(conn: Connection, names: Sequence[tuple[str, str, str]]) -> None:
    """Unresolved listed names as discovery candidates: (key, name, example)."""
    for key, name, example in names:
        conn.execute("INSERT INTO entity_candidates (article_key, name, example, extractor_version) "
                     "SELECT ?, ?, ?, 'screening-list' WHERE NOT EXISTS ("
                     "SELECT 1 FROM entity_candidates WHERE article_key = ? AND name = ?)", [key, name, example, key, name])


def matching_actions(conn: Connection, event_type: str, targets: Sequence[str], lo: datetime,
                     hi: datetime, *, any_targets: bool = False) -> list[tuple[Any, ...]]:
    """(action_id, actor, targets, act date, status, citations of its records (but a proposed
    rule's: the final rule that enacts it has another), evidence sentences of its reports, the
    statuses of its reports) of the actions of this type sharing a target (or, with ``any_targets``,
    whatever their targets: a record that names no watched firm) whose act date is within [lo, hi].
    The act date is its first enacted (or reversed) report, else its first report: a proposal
    enacted months later is dated by the enactment that a record documents, and a later mention of
    an old act (a background report, which moves last_seen) never makes it a candidate for a new
    record."""
    return conn.execute("""
        WITH cand AS (
            SELECT a.action_id, a.actor, a.targets, a.status,
                   coalesce((SELECT min(r.published) FROM action_reports r WHERE r.action_id = a.action_id
                               AND r.status IN ('enacted', 'reversed')), a.first_seen) AS act_date
            FROM actions a WHERE a.event_type = ? AND (? OR len(list_intersect(a.targets, ?)) > 0))
        SELECT c.action_id, c.actor, c.targets, c.act_date, c.status,
               coalesce((SELECT list(DISTINCT rec.citation) FILTER (WHERE rec.citation IS NOT NULL)
                         FROM action_records rec WHERE rec.action_id = c.action_id
                           AND NOT EXISTS (SELECT 1 FROM fr_documents d
                                           WHERE rec.record_kind = 'federal_register'
                                             AND d.document_number = rec.record_id
                                             AND (lower(d.doc_type) = 'proposed rule'
                                                  OR d.action ILIKE '%proposed rule%'))), []),
               coalesce((SELECT list(r.evidence) FILTER (WHERE r.evidence IS NOT NULL)
                         FROM action_reports r WHERE r.action_id = c.action_id), []),
               coalesce((SELECT list(DISTINCT r.status) FILTER (WHERE r.status IS NOT NULL)
                         FROM action_reports r WHERE r.action_id = c.action_id), [])
        FROM cand c
        WHERE c.act_date BETWEEN ? AND ?
        ORDER BY c.act_date, c.action_id""", [event_type, any_targets, list(targets), lo, hi]).fetchall()


def link_record(conn: Connection, action_id: str, *, kind: str, record_id: str, citation: str | None,
                url: str | None, published: date | None, effective: date | None, title: str | None,
                targets: Sequence[str], now: datetime) -> bool:
    """Attach a record to an action; False when that link exists already."""
    if conn.execute("SELECT 1 FROM action_records WHERE action_id = ? AND record_kind = ? AND record_id = ?",
                    [action_id, kind, record_id]).fetchall():
        return False
    conn.execute("INSERT INTO action_records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [action_id, kind, record_id, citation, url, published, effective, title, list(targets), now])
    return True


def record_action(conn: Connection, kind: str, record_id: str) -> str | None:
    row = conn.execute("SELECT action_id FROM action_records WHERE record_kind = ? AND record_id = ? LIMIT 1",
                       [kind, record_id]).fetchall()
    return row[0][0] if row else None


def unnamed_additions(conn: Connection, since: date) -> list[tuple[Any, ...]]:
    """(notice, list code, start date, names) of the screening-list additions since ``since`` whose
    names resolved to no watched firm, grouped by their Federal Register notice, with the actions
    that hold a Federal Register record of that citation, for groups no action links to yet."""
    return conn.execute("""
        SELECT d.federal_register_notice, d.source, min(d.start_date), list(DISTINCT d.name ORDER BY d.name),
               coalesce((SELECT list(DISTINCT r.action_id ORDER BY r.action_id) FROM action_records r
                         WHERE r.record_kind = 'federal_register'
                           AND replace(r.citation, ' ', '') = replace(d.federal_register_notice, ' ', '')), [])
        FROM csl_diffs d
        WHERE d.change = 'added' AND len(d.entities) = 0 AND d.federal_register_notice IS NOT NULL
          AND coalesce(d.start_date, ?) >= ?
          AND d.federal_register_notice NOT IN (SELECT record_id FROM action_records WHERE record_kind = 'screening_list')
        GROUP BY d.federal_register_notice, d.source
        ORDER BY 3, 1""", [since, since]).fetchall()
