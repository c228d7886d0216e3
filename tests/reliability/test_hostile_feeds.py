"""Hostile and broken feeds through the real ingest stage (loopback HTTP, DuckDB file): XML attacks
are rejected with the reason and reach nothing - no local file in any article, no request to the
URL they point at - and odd values are stored cleaned and bounded, or skipped with a reason."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest
from sinowatch.warehouse.db import connect

from sinowatch.config import Config
from sinowatch.ingest.run import ingest
from sinowatch.text import MAX_TEXT_CHARS, MAX_TITLE_CHARS
from tests import configs
from tests.reliability.conftest import FlakyServer

SECRET = "TOPSECRET-3f9a-local-file-content"
LEAK = "LEAKED-FROM-LOOPBACK"


def doc(doctype: str, ref: str = "&e;", *, prefix: str = "", encoding: str = "utf-8") -> str:
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n{prefix}{doctype}\n<rss version="2.0"><channel><title>t</title>'
            f"<item><title>Hello {ref}</title><link>https://a.example.com/1</link>"
            f"<description>body {ref}</description></item></channel></rss>")


def attacks(secret: Path, server: FlakyServer) -> dict[str, bytes]:
    laughs = ('<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefgh", "bcdefghi", strict=True))
              + "]>")
    base = {
        "billion-laughs": doc(laughs, "&i;"),
        "quadratic-blowup": doc(f'<!DOCTYPE rss [<!ENTITY e "{"A" * 50_000}">]>', "&e;" * 5_000),
        "xxe-local-file": doc(f'<!DOCTYPE rss [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'),
        "xxe-url": doc(f'<!DOCTYPE rss [<!ENTITY e SYSTEM "{server.url("/leak")}">]>'),
        "parameter-entity": doc(f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "{server.url("/dtd")}"> %p;]>', "&leak;"),
        "external-dtd": doc(f'<!DOCTYPE rss SYSTEM "{server.url("/dtd")}">', "&leak;"),
    }
    out = {k: v.encode() for k, v in base.items()}
    # the same attacks after 70 KB of comments (a scanner that only reads the start misses them) and in UTF-16
    pad = "<!--" + "p" * 70_000 + "-->"
    for k, v in base.items():
        out[k + "/after-70KB"] = v.replace("?>\n", "?>\n" + pad, 1).encode()
        out[k + "/utf-16"] = v.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16")
    return out


# not rejected (no entity can be declared this way), but nothing may be fetched or expanded
HARMLESS = {
    "public-dtd": doc('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "{dtd}">', "&leak;"),
    "xinclude": doc("", '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{file}" parse="text"/>'),
    "huge-attribute": doc("", "x").replace("<item>", '<item x="' + "A" * 3_000_000 + '">'),
}


def _config(tmp_path: Path, feeds: dict[str, str]) -> Config:
    return configs.make_config(tmp_path, feeds, fetch={"concurrency": 2})


@pytest.fixture
def server():  # type: ignore[no-untyped-def]
    s = FlakyServer()
    s.routes["/leak"] = LEAK.encode()
    s.routes["/dtd"] = f'<!ENTITY leak "{LEAK}">'.encode()
    s.start()
    try:
        yield s
    finally:
        s.stop()


def test_xml_attacks_are_rejected_and_reach_nothing(tmp_path, server) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    bodies = attacks(secret, server)
    for name, text in HARMLESS.items():
        bodies[name] = text.format(dtd=server.url("/dtd"), file=secret.as_uri()).encode()
    feeds = {}
    for name, body in bodies.items():
        server.routes[f"/attack/{name}"] = body
        feeds[name] = server.url(f"/attack/{name}")
    conn = connect(tmp_path / "w.duckdb")
    started = time.monotonic()
    report = ingest(_config(tmp_path, feeds), conn)
    assert time.monotonic() - started < 60
    assert len(report.feeds) == len(bodies) == 21
    by = {o.feed: o for o in report.feeds}
    for name in bodies:
        if name in HARMLESS:
            continue
        assert not by[name].ok and by[name].error.startswith("rejected"), (name, by[name].error)
    rows = conn.execute("SELECT feed, ok, error FROM fetches").fetchall()
    assert {f for f, ok, err in rows if not ok and err.startswith("rejected")} == set(bodies) - set(HARMLESS)
    # no request reached what the attacks point at; nothing was expanded or read into an article
    assert server.hits["/leak"] == 0 and server.hits["/dtd"] == 0
    everything = conn.execute("SELECT string_agg(title || ' ' || text || ' ' || url, ' ') FROM articles").fetchone()[0] or ""
    assert SECRET not in everything and LEAK not in everything
    assert conn.execute("SELECT max(length(text)) FROM articles").fetchone()[0] < 10_000


def _items(n: int, make) -> str:  # type: ignore[no-untyped-def]
    return "".join(make(i) for i in range(n))


def test_odd_values_are_cleaned_bounded_or_skipped_with_a_reason(tmp_path, server) -> None:  # type: ignore[no-untyped-def]
    big_title = "Nvidia " * 750_000  # ~5 MB
    odd = {
        "huge-title": f"<rss version='2.0'><channel><title>x</title><item><title>{big_title}</title>"
                      "<link>https://e.example.com/big</link><description>d</description></item></channel></rss>".encode(),
        "10000-entries": ("<rss version='2.0'><channel><title>x</title>" + _items(10_000, lambda i:
                          f"<item><title>Story {i}</title><link>https://many.example.com/{i}</link></item>")
                          + "</channel></rss>").encode(),
        "controls-and-rtl": ("<rss version='2.0'><channel><title>x</title><item><title>A\x07B\u202eC\u200fD \ufeffE"
                             "</title><link>https://e.example.com/ctl</link><description>x&#0;y&#x1;z \u2066iso\u2069"
                             "</description></item></channel></rss>").encode("utf-8"),
        "invalid-utf8": (b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>x</title><item>"
                         b"<title>Bad \xff\xfe bytes \xc3\x28 here</title><link>https://e.example.com/bad</link>"
                         b"</item></channel></rss>"),
        "mixed-encodings": ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>x</title><item>"
                            "<title>华为 UTF-8 title</title><link>https://e.example.com/mixed</link><description>"
                            ).encode() + "café GBK 芯片".encode("gbk") + "latin-1 é".encode("latin-1")
                            + b"</description></item></channel></rss>",
        "dates": (b"<rss version='2.0'><channel><title>x</title>"
                  b"<item><title>Year 200</title><link>https://e.example.com/y200</link><pubDate>Mon, 01 Jan 0200 00:00:00 GMT</pubDate></item>"
                  b"<item><title>Year 9999</title><link>https://e.example.com/y9999</link><pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate></item>"
                  b"<item><title>Negative tz</title><link>https://e.example.com/neg</link><pubDate>Wed, 25 Nov 2026 20:00:00 -1100</pubDate></item>"
                  b"<item><title>Garbage date</title><link>https://e.example.com/garbage</link><pubDate>not a date</pubDate></item>"
                  b"</channel></rss>"),
        "no-link-no-title": (b"<rss version='2.0'><channel><title>x</title>"
                             b"<item><description>Only a body, no link and no title</description></item>"
                             b"<item><link>https://e.example.com/nothing</link></item>"
                             b"</channel></rss>"),
    }
    feeds = {}
    for name, body in odd.items():
        server.routes[f"/odd/{name}"] = body
        feeds[name] = server.url(f"/odd/{name}")
    conn = connect(tmp_path / "w.duckdb")
    report = ingest(_config(tmp_path, feeds), conn)
    by = {o.feed: o for o in report.feeds}
    assert all(o.ok for o in report.feeds), {o.feed: o.error for o in report.feeds if not o.ok}
    q = conn.execute

    # bounded
    assert q("SELECT max(length(title)) FROM articles").fetchone()[0] <= MAX_TITLE_CHARS + 1
    assert q("SELECT max(length(text)) FROM articles").fetchone()[0] <= MAX_TEXT_CHARS + 1
    # 10,000 entries: the first fetch.max_entries (5000) stored, the rest skipped with the reason recorded
    assert by["10000-entries"].entries == 10_000 and by["10000-entries"].new_articles == 5_000
    note = q("SELECT bozo FROM fetches WHERE feed = '10000-entries'").fetchone()[0]
    assert "over the 5000-entry limit" in note
    # no control, NUL or bidi characters stored
    bad = q("SELECT title, text FROM articles WHERE regexp_matches(title || text, '[\\x00-\\x08\\x0b-\\x1f\\x7f\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}\\x{feff}]')").fetchall()
    assert bad == []
    ctl = q("SELECT title FROM articles WHERE url = 'https://e.example.com/ctl'").fetchone()[0]
    assert ctl.replace(" ", "").startswith("AB") and "E" in ctl
    # invalid UTF-8 and mixed encodings: stored as valid text (replacement characters at worst)
    for url in ("https://e.example.com/bad", "https://e.example.com/mixed"):
        title, text = q("SELECT title, text FROM articles WHERE url = ?", [url]).fetchone()
        title.encode("utf-8")
        text.encode("utf-8")
    assert "华为" in q("SELECT title FROM articles WHERE url = 'https://e.example.com/mixed'").fetchone()[0]
    # dates: impossible ones replaced by the fetch time and flagged; a negative offset kept as the instant
    dates = dict(q("SELECT title, published_is_fetch_time FROM articles WHERE feed = 'dates'").fetchall())
    assert dates["Year 200"] and dates["Year 9999"] and dates["Garbage date"]
    assert not dates["Negative tz"], dates
    neg = q("SELECT epoch(published) FROM articles WHERE title = 'Negative tz'").fetchone()[0]
    assert neg == 1795676400  # 2026-11-26 07:00 UTC
    # an entry without link or title is stored under a stable URN; one with neither title nor text is skipped
    urn = q("SELECT url, title FROM articles WHERE feed = 'no-link-no-title'").fetchall()
    assert len(urn) == 1 and urn[0][0].startswith("urn:sinowatch:") and urn[0][1].startswith("Only a body")
    assert "neither title nor text" in q("SELECT bozo FROM fetches WHERE feed = 'no-link-no-title'").fetchone()[0]
    conn.close()
    # the whole warehouse still passes the data-quality rules
    from tests.reliability.conftest import check_invariants

    check_invariants(tmp_path / "w.duckdb")
    duckdb.connect(str(tmp_path / "w.duckdb")).close()
