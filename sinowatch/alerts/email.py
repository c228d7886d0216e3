"""One digest email per rule: a plain-text part and an HTML part, UTF-8, safe against hostile
feed values.

Everything shown comes from feeds and is untrusted:

- the HTML part is rendered by Jinja2 with autoescaping on, so a title such as
  ``<script>`` or ``<img onerror=...>`` arrives as text; links are only ever http(s) URLs (a
  ``javascript:`` link from a feed is shown as text, not linked);
- header values (the subject holds the top story's title) have CR, LF and every other control
  character replaced before they reach the header, so a feed title cannot add headers; they are
  also cut to a sane length. The email library then RFC 2047-encodes non-ASCII (Chinese) text.
- the Message-ID is derived from the digest's alert ids, so a resend of the same digest carries
  the same Message-ID and receivers can drop the duplicate (see docs/alerts.md).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sinowatch.alerts import EntityRef, OutboxAlert, Source
from sinowatch.config import AlertRule
from sinowatch.errors import AlertError

TEMPLATES = Path(__file__).parent / "templates"
MAX_SUBJECT_TITLE = 120
MAX_TITLE = 300
MAX_SENTENCE = 1000
# CR, LF, NUL and the rest of C0/C1, plus the Unicode line/paragraph separators.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_DOMAIN_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")


def one_line(value: str | None, max_chars: int) -> str:
    """Control characters (CR/LF included) become spaces, runs of spaces one, cut at max_chars."""
    text = " ".join(_CONTROL_RE.sub(" ", value or "").split())
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "\u2026"


def header_value(value: str | None, max_chars: int = 200) -> str:
    """A value that is safe to put in a header: one line, no control characters, bounded."""
    return one_line(value, max_chars)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL without whitespace or control characters, else None."""
    if not url or _CONTROL_RE.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def address(value: str, what: str) -> Address:
    """Parse a configured address; a CR/LF or a malformed address is a one-line AlertError."""
    if not value or _CONTROL_RE.search(value):
        raise AlertError(f"{what} {value!r} is not a valid email address")
    try:
        addr = Address(addr_spec=value.strip())
    except (ValueError, IndexError) as e:
        raise AlertError(f"{what} {value!r} is not a valid email address: {e}") from None
    if not addr.username or not addr.domain:
        raise AlertError(f"{what} {value!r} is not a valid email address")
    return addr


def message_id(alert_ids: Sequence[str], sender: str) -> str:
    """Deterministic Message-ID of the digest holding exactly these alerts."""
    digest = hashlib.sha256("\n".join(sorted(alert_ids)).encode()).hexdigest()[:32]
    domain = sender.rpartition("@")[2]
    if not _DOMAIN_RE.match(domain) or "." not in domain:
        domain = "sinowatch.invalid"
    return f"<sinowatch.{digest}@{domain}>"


@dataclass(frozen=True)
class Highlighted:
    before: str
    trigger: str
    after: str


def highlight(sentence: str, trigger: str | None) -> Highlighted:
    """Split the evidence sentence around the first occurrence of the trigger (case-insensitive)."""
    sentence = one_line(sentence, MAX_SENTENCE)
    trigger = one_line(trigger, 200)
    m = re.search(re.escape(trigger), sentence, re.I) if trigger else None
    if m:
        return Highlighted(sentence[: m.start()], m.group(0), sentence[m.end() :])
    return Highlighted(sentence, "", "")


def _when(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d %H:%M UTC") if dt else "time unknown"


def _entity_label(e: EntityRef) -> str:
    label = one_line(e.name or e.id, 100)
    bits = [e.kind] if e.kind else []
    if e.sentiment:
        bits.append(f"{e.sentiment} {e.score:+.2f}" if e.score is not None else e.sentiment)
    return f"{label} ({'; '.join(bits)})" if bits else label


def _source_view(s: Source) -> dict[str, Any]:
    return {"feed": one_line(s.feed, 100), "title": one_line(s.title, MAX_TITLE), "url": safe_url(s.url),
            "raw_url": one_line(s.url, 500), "when": _when(s.published)}


def _action_view(act: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the digest shows of an action: status, actor -> targets, the official record, the
    first report, the reports per language and outlet, and an update's news (per_action.py)."""
    if not act:
        return None
    rec = act.get("official") or {}
    reports = act.get("reports_list") or []
    first = reports[0] if reports else None
    update = act.get("update")
    return {
        "id": one_line(act["id"], 40), "status": one_line(act.get("status") or "unknown", 20),
        "actor": one_line(act.get("actor") or "?", 60),
        "targets": one_line(", ".join(act.get("targets") or []) or "?", 300),
        "reports": act.get("reports") or 0, "languages": one_line(", ".join(act.get("languages") or []), 40),
        "official": {"citation": one_line(rec.get("citation") or rec.get("id"), 60),
                     "title": one_line(rec.get("title"), MAX_TITLE), "url": safe_url(rec.get("url")),
                     "effective": str(rec["effective"]) if rec.get("effective") else "",
                     "published": str(rec["published"]) if rec.get("published") else ""} if rec else None,
        "first": {"title": one_line(first["title"], MAX_TITLE), "feed": one_line(first["feed"], 100),
                  "url": safe_url(first["url"]), "when": _when(first["published"])} if first else None,
        "coverage": [{"language": one_line(c["language"], 10), "feed": one_line(c["feed"], 100),
                      "reports": c["reports"], "url": safe_url(c["first_url"])} for c in act.get("coverage") or []],
        "news": {"reports": update["reports"], "records": [one_line(r, 60) for r in update["records"]]}
        if update else None,
    }


def roles_line(a: OutboxAlert) -> str:
    """'actor -> targets' by display name ("U.S. Department of Commerce -> Inspur Group"); '' when
    the event names neither. An unknown actor shows as '?', no target as '(none named)'."""
    if not a.actor and not a.targets:
        return ""
    names = {e.id: e.name or e.id for e in a.entities}
    actor = one_line(names.get(a.actor, a.actor) if a.actor else "?", 100)
    targets = ", ".join(one_line(names.get(t, t), 100) for t in a.targets) or "(none named)"
    return f"{actor} -> {targets}"


def _story_view(a: OutboxAlert) -> dict[str, Any]:
    return {
        "action": _action_view(a.action),
        **_source_view(a.article),
        "status": one_line(a.event_status, 20) if a.event_status else "",
        "roles": roles_line(a),
        "event": a.event_type.replace("_", " "),
        "event_type": a.event_type,
        "confidence": f"{a.confidence:.2f}",
        "entities": [_entity_label(e) for e in a.entities],
        "evidence": highlight(a.sentence, a.trigger),
        "others": [_source_view(s) for s in a.other_sources],
        "language": a.language,
    }


def subject(rule: str, alerts: Sequence[OutboxAlert]) -> str:
    n = len(alerts)
    top = one_line(alerts[0].article.title, MAX_SUBJECT_TITLE) if alerts else ""
    more = f" (+{n - 1} more)" if n > 1 else ""
    return header_value(f"[sinowatch] {rule}: {n} new {'story' if n == 1 else 'stories'} - {top}{more}", 250)


def _env(html: bool) -> Any:
    import jinja2  # only when rendering

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=html,  # every {{ value }} in the HTML part is escaped
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render(rule: AlertRule, alerts: Sequence[OutboxAlert], *, config_source: str = "",
           report_url: str | None = None, now: datetime) -> tuple[str, str]:
    """(text, html) bodies of the digest."""
    ctx = {
        "rule": one_line(rule.name, 100),
        "count": len(alerts),
        "stories": [_story_view(a) for a in alerts],
        "report_url": safe_url(report_url),
        "config_file": Path(config_source).name if config_source else "the sinowatch config file",
        "generated": _when(now),
    }
    text = _env(False).get_template("digest.txt").render(**ctx)
    html = _env(True).get_template("digest.html").render(**ctx)
    return text, html


def build_digest(rule: AlertRule, alerts: Sequence[OutboxAlert], *, sender: str, now: datetime,
                 config_source: str = "", report_url: str | None = None) -> EmailMessage:
    """The MIME digest (multipart/alternative: text/plain + text/html, UTF-8) for ``alerts``."""
    if not alerts:
        raise AlertError(f"rule {rule.name!r}: nothing to put in a digest")
    if not rule.recipients and not rule.channels:
        raise AlertError(f"rule {rule.name!r} has no recipients and no channels "
                         "(set recipients = [...] or channels = [...] in [[alerts.rules]])")
    to = [address(r, f"rule {rule.name!r}: recipient") for r in rule.recipients]
    frm = address(sender, "alerts.smtp.sender")
    text, html = render(rule, alerts, config_source=config_source, report_url=report_url, now=now)
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = subject(rule.name, alerts)
    msg["From"] = Address(display_name="sinowatch alerts", username=frm.username, domain=frm.domain)
    if to:  # a rule with only Apprise channels still gets a message (its text is what they send)
        msg["To"] = to
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = message_id([a.alert_id for a in alerts], sender)
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Sinowatch-Rule"] = header_value(rule.name, 100)
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    return msg
