"""Fuzzing (hypothesis, bounded in time): the feed-to-article normaliser and the extract CLI's input
reader never raise anything but their documented outcome, and what they return is clean and bounded."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinowatch.cli_extract import parse_line, read_documents
from sinowatch.ingest.parse import normalise_entry, parse_feed
from sinowatch.records import Feed
from sinowatch.text import MAX_TEXT_CHARS, MAX_TITLE_CHARS

NOW = datetime(2026, 11, 28, tzinfo=UTC)
FEED = Feed(name="fuzz", url="https://fuzz.example.com/feed")
BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\ufeff]")
# example counts sized for ~10-20 s in all on a 2-core CI runner; raise them locally to fuzz longer
def FUZZ(n: int):  # type: ignore[no-untyped-def]
    return settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))

text = st.text(st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["", " ", "<script>alert(1)</script>", "&amp;&lt;&#0;&#x202e;", "\u202eevil\u202c", "a\x00b", "日本語 华为", "\r\n\t"]
)
dates = st.sampled_from(["Mon, 01 Jan 0200 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Wed, 25 Nov 2026 20:00:00 -1100",
                         "2026-11-27T10:00:00+08:00", "garbage", "", "0", "-1"]) | text


def _check_article(a) -> None:  # type: ignore[no-untyped-def]
    assert a.title and len(a.title) <= MAX_TITLE_CHARS + 1 and len(a.text) <= MAX_TEXT_CHARS + 1
    assert not BAD_CHARS.search(a.title + a.text) and "\n" not in a.title
    assert a.url.startswith(("http://", "https://", "urn:sinowatch:"))
    assert a.published.tzinfo is not None and a.published <= NOW.replace(year=2026, day=29)
    assert len(a.key) == 20


@FUZZ(600)
@given(st.dictionaries(st.sampled_from(["title", "summary", "description", "link", "id", "author", "language",
                                        "published_parsed", "guidislink", "links", "content", "authors"]),
                       st.one_of(text, st.none(), st.integers(), st.lists(text, max_size=3),
                                 st.lists(st.dictionaries(text, text, max_size=3), max_size=3)), max_size=8))
def test_normalise_entry_never_raises_and_returns_clean_articles(entry) -> None:  # type: ignore[no-untyped-def]
    try:
        article, why = normalise_entry(entry, feed=FEED, fetched_at=NOW, base_url="https://fuzz.example.com/",
                                       feed_language=None)
    except (TypeError, AttributeError, ValueError):
        return  # feedparser never produces these shapes; parse_feed records them as a skipped entry
    assert (article is None) != (why is None)
    if article is not None:
        _check_article(article)


@FUZZ(300)
@given(st.lists(st.tuples(text, text, text, dates), min_size=0, max_size=6),
       st.sampled_from(["rss", "atom"]), st.sampled_from(["utf-8", "utf-16", "iso-8859-1", "gb18030"]),
       st.binary(max_size=40))
def test_parse_feed_never_raises_on_generated_feeds(items, kind, encoding, junk) -> None:  # type: ignore[no-untyped-def]
    if kind == "rss":
        body = "".join(f"<item><title>{escape(t)}</title><link>{escape(link)}</link><description>{escape(d)}"
                       f"</description><pubDate>{escape(when)}</pubDate></item>" for t, d, link, when in items)
        doc = f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>f</title>{body}</channel></rss>'
    else:
        body = "".join(f"<entry><title type='html'>{escape(t)}</title><link href='{escape(link, {chr(39): '&apos;'})}'/>"
                       f"<content type='html'>{escape(d)}</content><updated>{escape(when)}</updated></entry>"
                       for t, d, link, when in items)
        doc = f'<?xml version="1.0" encoding="{encoding}"?><feed xmlns="http://www.w3.org/2005/Atom"><title>f</title>{body}</feed>'
    raw = doc.encode(encoding, "replace")
    for data in (raw, raw[: len(raw) // 2] + junk, junk + raw):  # whole, truncated, garbage in front
        out = parse_feed(data, feed=FEED, fetched_at=NOW)
        assert out.articles or out.error
        for a in out.articles:
            _check_article(a)


@FUZZ(800)
@given(st.binary(max_size=2000))
def test_parse_feed_never_raises_on_random_bytes(data) -> None:  # type: ignore[no-untyped-def]
    out = parse_feed(b"<rss version='2.0'><channel><item><title>" + data, feed=FEED, fetched_at=NOW)
    assert out.articles or out.error
    for a in out.articles:
        _check_article(a)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
                           max_leaves=8)


@FUZZ(400)
@given(st.lists(st.one_of(
    text,  # not JSON at all
    st.dictionaries(st.sampled_from(["id", "title", "text", "lang", "published", "url", "other"]), json_values,
                    max_size=6).map(json.dumps),
    json_values.map(json.dumps),
), max_size=8))
def test_extract_input_reader_skips_bad_lines_with_their_number(lines) -> None:  # type: ignore[no-untyped-def]
    lines = [ln.replace("\n", " ").replace("\r", " ") for ln in lines]
    bad: list[int] = []
    docs = list(read_documents(io.StringIO("\n".join(lines) + "\n"), bad))
    good = [i for i, ln in enumerate(lines, 1) if ln.strip() and i not in bad]
    assert len(docs) == len(good)
    for d in docs:
        assert isinstance(d.id, str) and d.id and isinstance(d.title, str) and isinstance(d.text, str)
        assert d.title or d.text
    for no in bad:
        try:
            parse_line(lines[no - 1])
        except ValueError:
            continue
        raise AssertionError(f"line {no} was reported bad but parses")
