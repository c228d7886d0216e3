"""An Atom feed (RFC 4287) of recent alerts, for analysts who live in feed readers.

`sinowatch alerts feed --out FILE` writes it; with ``alerts.feed_out`` set, every send (each run)
rewrites it. One entry per alert (one rule, one story), newest first:

- ``id`` is ``urn:sinowatch:alert:<alert_id>``: the alert id is a hash of rule and story cluster,
  so an entry keeps its id across runs and rebuilds and a reader never shows it twice;
- ``updated``/``published`` are when the alert was queued (stable across runs);
- the link is the article (http(s) only), the categories are the rule, the event type and its
  status (scheme ``urn:sinowatch:event-status``); the content is the evidence: type, status,
  confidence, "who: actor -> targets" (display names), sentence, trigger, entities and the story's
  other sources.

Feed values are untrusted: the XML is built with ElementTree (escaped), control characters that
XML 1.0 forbids are removed, and the HTML content is escaped text inside ``type="html"``.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sinowatch.alerts import OutboxAlert
from sinowatch.alerts.email import one_line, roles_line, safe_url

ATOM = "http://www.w3.org/2005/Atom"
ALL_STATUSES = ("pending", "sending", "sent", "failed")
MAX_ENTRIES = 500
#: the scheme of an entry's status category (proposed, enacted, reversed, background)
STATUS_SCHEME = "urn:sinowatch:event-status"


def _iso(t: datetime | None) -> str:
    t = t or datetime(1970, 1, 1, tzinfo=UTC)
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _content(a: OutboxAlert) -> str:
    ents = ", ".join(
        html.escape(e.name or e.id) + (f" ({html.escape(e.sentiment)})" if e.sentiment else "") for e in a.entities
    )
    status = f", <b>{html.escape(one_line(a.event_status, 20))}</b>" if a.event_status else ""
    parts = [
        f"<p><b>{html.escape(a.event_type)}</b>{status} (confidence {a.confidence:.2f}), rule "
        f"<i>{html.escape(a.rule)}</i></p>",
    ]
    roles = roles_line(a)
    if roles:
        parts.append(f"<p>who: {html.escape(roles)}</p>")
    parts.append(f"<blockquote>{html.escape(one_line(a.sentence, 1000))}</blockquote>")
    if a.trigger:
        parts.append(f"<p>trigger: {html.escape(one_line(a.trigger, 200))}</p>")
    if ents:
        parts.append(f"<p>entities: {ents}</p>")
    src = f"{html.escape(a.article.feed)}"
    parts.append(f"<p>source: {src}</p>")
    if a.other_sources:
        items = []
        for s in a.other_sources[:20]:
            url = safe_url(s.url)
            title = html.escape(one_line(s.title or s.feed, 200))
            items.append(f'<li>{html.escape(s.feed)}: <a href="{html.escape(url)}">{title}</a></li>' if url
                         else f"<li>{html.escape(s.feed)}: {title}</li>")
        parts.append("<p>also reported by:</p><ul>" + "".join(items) + "</ul>")
    return "".join(parts)


def build_feed(alerts: Sequence[OutboxAlert], *, now: datetime, rule: str | None = None,
               self_url: str | None = None) -> bytes:
    """The Atom document for ``alerts`` (newest first); ``rule`` names the feed when it holds one rule."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    ordered = sorted(alerts, key=lambda a: (a.created_at or now, a.alert_id), reverse=True)[:MAX_ENTRIES]
    sub(feed, "id", f"urn:sinowatch:alerts:{rule or 'all'}")
    sub(feed, "title", f"sinowatch alerts: {rule}" if rule else "sinowatch alerts")
    sub(feed, "updated", _iso(ordered[0].created_at if ordered else now))
    sub(sub(feed, "author"), "name", "sinowatch")
    sub(feed, "generator", "sinowatch")
    if self_url:
        sub(feed, "link", rel="self", href=self_url)
    for a in ordered:
        entry = sub(feed, "entry")
        sub(entry, "id", f"urn:sinowatch:alert:{a.alert_id}")
        sub(entry, "title", one_line(a.article.title, 300) or "(untitled)")
        sub(entry, "updated", _iso(a.created_at))
        sub(entry, "published", _iso(a.article.published or a.created_at))
        url = safe_url(a.article.url)
        if url:
            sub(entry, "link", rel="alternate", href=url)
        sub(entry, "category", term=a.rule, label=f"rule: {a.rule}")
        sub(entry, "category", term=a.event_type)
        if a.event_status:
            sub(entry, "category", term=one_line(a.event_status, 20), scheme=STATUS_SCHEME,
                label=f"status: {one_line(a.event_status, 20)}")
        sub(entry, "summary", one_line(a.sentence, 300))
        sub(entry, "content", _content(a), type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def recent(alerts: Sequence[OutboxAlert], *, days: int, now: datetime, rule: str | None = None) -> list[OutboxAlert]:
    """Alerts queued in the last ``days`` (all when ``days`` <= 0), of ``rule`` when given."""
    since = now - timedelta(days=days) if days > 0 else None
    return [a for a in alerts if (rule is None or a.rule == rule)
            and (since is None or a.created_at is None or a.created_at >= since)]


def write_feed(path: Path, alerts: Sequence[OutboxAlert], *, days: int, now: datetime | None = None,
               rule: str | None = None) -> int:
    """Write the feed atomically (a reader never sees half a file); returns the entry count."""
    now = now or datetime.now(UTC)
    chosen = recent(alerts, days=days, now=now, rule=rule)
    data = build_feed(chosen, now=now, rule=rule)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return min(len(chosen), MAX_ENTRIES)
