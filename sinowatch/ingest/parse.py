"""Feed bytes -> articles: feedparser, then one normalised Article per entry.

A bozo feed that still yields entries is used and its error recorded; one that yields nothing is a
failure. Feeds that declare XML entities in a DTD are refused before parsing: that is how entity
expansion ("billion laughs") and external entities (XXE) arrive, and real news feeds don't need it.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin

from sinowatch.ingest import safexml
from sinowatch.ingest.dedup import fingerprint, signature
from sinowatch.ingest.safexml import refuse_reason
from sinowatch.ingest.urls import canonical_url
from sinowatch.records import Article, Feed
from sinowatch.text import MAX_TITLE_CHARS, clean_html, detect_language

__all__ = ["ParsedFeed", "normalise_entry", "parse_feed", "refuse_reason"]

_HTML_START_RE = re.compile(rb"^\s*(<!--.*?-->\s*)*(<!DOCTYPE\s+html|<html)", re.I | re.S)
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
MAX_AUTHORS = 20


@dataclass
class ParsedFeed:
    articles: list[Article] = field(default_factory=list)
    entries: int = 0
    bozo: str | None = None
    error: str | None = None  # set when the feed is a failure
    skipped: list[str] = field(default_factory=list)  # "entry N: reason" (or "entries N-M: reason")
    n_skipped: int = 0  # entries skipped in all (one line of ``skipped`` may stand for many)
    feed_link: str | None = None


_UTF8_DECL_RE = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']utf-?8[\"']", re.I)


def _repair_utf8(body: bytes, content_type: str | None) -> bytes:
    """A feed that declares UTF-8 but carries a few invalid bytes (mixed encodings): replace just
    those bytes. Otherwise feedparser re-decodes the whole document as windows-1252 and every
    Chinese character becomes mojibake."""
    charset = (content_type or "").lower().partition("charset=")[2].strip(" \"'")
    if charset not in ("", "utf-8", "utf8") or not _UTF8_DECL_RE.match(body[:200]):
        return body
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("utf-8", "replace").encode("utf-8")
    return body


def article_key(url: str, guid: str | None, feed: str, title: str) -> str:
    """Stable key: canonical URL, else GUID, else feed + title."""
    if url:
        basis = "url:" + url
    elif guid:
        basis = "guid:" + guid.strip()
    else:
        basis = f"feed:{feed}\ntitle:{title}"
    return hashlib.sha1(basis.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _entry_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, OSError, TypeError):
                continue
    return None


def _entry_link(entry: Any, base: str | None) -> str:
    link = entry.get("link") or ""
    if not link:
        for candidate in entry.get("links") or []:
            if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
                link = candidate["href"]
                break
    if not link:
        guid = entry.get("id") or ""
        if entry.get("guidislink") or guid.startswith(("http://", "https://")):
            link = guid
    if link and base:
        link = urljoin(base, link)
    return link


def _entry_text(entry: Any) -> str:
    candidates = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
    candidates.append(entry.get("summary") or "")
    candidates.append(entry.get("description") or "")
    return max(candidates, key=len)


def _entry_authors(entry: Any) -> tuple[str, ...]:
    names: list[str] = []
    for a in entry.get("authors") or []:
        name = a.get("name") if isinstance(a, dict) else None
        if name:
            names.append(name)
    if not names and entry.get("author"):
        names.append(entry["author"])
    cleaned = [clean_html(n, max_chars=200, single_line=True) for n in names]
    return tuple(dict.fromkeys(n for n in cleaned if n))[:MAX_AUTHORS]


def normalise_entry(
    entry: Any, *, feed: Feed, fetched_at: datetime, base_url: str | None, feed_language: str | None
) -> tuple[Article | None, str | None]:
    """One feedparser entry -> (Article, None) or (None, reason it was skipped)."""
    title = clean_html(entry.get("title") or "", max_chars=MAX_TITLE_CHARS, single_line=True)
    text = clean_html(_entry_text(entry))
    link = _entry_link(entry, base_url)
    url = canonical_url(link)
    guid_raw = entry.get("id") or None
    guid = clean_html(guid_raw, max_chars=2000, single_line=True) if guid_raw else None
    if not title and not text:
        return None, "entry has neither title nor text"
    if not title:
        title = clean_html(text, max_chars=120, single_line=True)
    key = article_key(url, guid, feed.name, title)
    published = _entry_time(entry)
    flagged = False
    if published is None or published < EARLIEST or published > fetched_at + timedelta(days=1):
        published, flagged = fetched_at, True
    language = detect_language(f"{title}\n{text}", entry.get("language") or feed.language or feed_language)
    body = f"{title}\n{text}"
    return (
        Article(
            key=key,
            url=url or f"urn:sinowatch:{key}",
            guid=guid,
            feed=feed.name,
            title=title,
            text=text,
            authors=_entry_authors(entry),
            published=published,
            published_is_fetch_time=flagged,
            language=language,
            fetched_at=fetched_at,
            original_url=link or None,
            fingerprint=fingerprint(body),
            minhash=signature(body, language),
        ),
        None,
    )


def parse_feed(
    body: bytes,
    *,
    feed: Feed,
    fetched_at: datetime,
    content_type: str | None = None,
    base_url: str | None = None,
    max_entries: int = 5000,
) -> ParsedFeed:
    """Parse feed bytes into normalised articles; problems are recorded, never raised."""
    import feedparser  # ~0.1 s import, only when ingesting

    out = ParsedFeed()
    if not body.strip():
        out.error = "empty body"
        return out
    reason = refuse_reason(body)
    if reason:
        out.error = reason
        return out
    body = _repair_utf8(body, content_type)
    headers = {"content-type": content_type} if content_type else {}
    data, reason = safexml.decoded(body, headers)
    if reason:
        out.error = reason
        return out
    if data is not body:  # now UTF-8 with a matching declaration: say so, or it is decoded twice
        mime = (content_type or "").partition(";")[0].strip()
        headers = {"content-type": f"{mime}; charset=utf-8"} if mime else {}
    data = safexml.clean_charrefs(data)
    if base_url:
        headers["content-location"] = base_url
    safexml.install()
    try:
        parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    except safexml.REFUSED as e:  # the parser met a DTD that the scans did not see
        out.error = f"rejected: the XML parser refused a DTD ({type(e).__name__}: {str(e)[:120]})"
        return out
    except Exception as e:  # feedparser is meant not to raise; hostile input has made it
        out.error = f"feed parser crashed: {type(e).__name__}: {str(e)[:200]}"
        return out
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        out.bozo = f"{type(exc).__name__}: {str(exc)[:300]}" if exc else "malformed feed"
    entries = parsed.get("entries") or []
    out.entries = len(entries)
    feed_meta = parsed.get("feed") or {}
    out.feed_link = feed_meta.get("link")
    if not entries:
        looks_html = bool(_HTML_START_RE.match(body[:4096])) or "html" in (content_type or "").lower()
        if looks_html:
            out.error = "no entries: this is an HTML page, not a feed (check the feed URL)"
        else:
            out.error = f"no entries ({out.bozo})" if out.bozo else "no entries"
        return out
    feed_language = feed_meta.get("language")
    base = base_url or out.feed_link
    seen_keys: dict[str, int] = {}
    for i, entry in enumerate(entries):
        if i >= max_entries:
            out.skipped.append(f"entries {i + 1}-{len(entries)}: over the {max_entries}-entry limit")
            out.n_skipped += len(entries) - i
            break
        try:
            article, why = normalise_entry(
                entry, feed=feed, fetched_at=fetched_at, base_url=base, feed_language=feed_language
            )
        except Exception as e:  # one hostile entry never loses the rest of the feed
            article, why = None, f"cannot normalise: {type(e).__name__}: {str(e)[:200]}"
        if article is not None and article.key in seen_keys:
            # same link (or GUID) twice in one feed: one article; the repeat is noted, not lost silently
            first = seen_keys[article.key] + 1
            article, why = None, f"same link or GUID as entry {first} (kept that one)"
        if article is None:
            out.skipped.append(f"entry {i + 1}: {why}")
            out.n_skipped += 1
        else:
            seen_keys[article.key] = i
            out.articles.append(article)
    if not out.articles:
        out.error = f"no usable entries ({out.n_skipped} skipped)"
    return out
