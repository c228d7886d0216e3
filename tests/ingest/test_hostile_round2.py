"""Issue #17, round 2: the attacks that got through, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket
import time
from datetime import UTC, datetime

import httpx
import pytest
from sinowatch.warehouse.db import connect

from sinowatch.config import FetchConfig
from sinowatch.errors import UnsafeURLError
from sinowatch.ingest import urls
from sinowatch.ingest.fetch import fetch, make_client
from sinowatch.ingest.parse import parse_feed
from sinowatch.ingest.run import ingest
from sinowatch.records import Feed
from tests import configs

FEED = Feed(name="t", url="http://example.com/feed")
NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)


def rss(items: str, *, decl: str = '<?xml version="1.0" encoding="utf-8"?>', dtd: str = "") -> str:
    return f'{decl}{dtd}<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'


def item(title: str, link: str, text: str = "Some text about chips.") -> str:
    return f"<item><title>{title}</title><link>{link}</link><description>{text}</description></item>"


# -- 1. one deadline from connect to the last byte, headers included --------------------------------

def test_headers_trickled_byte_by_byte_end_at_the_deadline(feed_server):
    s = FetchConfig(timeout=1.0, connect_timeout=1.0, deadline=1.5, retries=3, backoff=0.05, allow_private=True)
    started = time.monotonic()
    with make_client(s) as client:
        res = fetch(feed_server.url("/trickle-headers"), client=client, settings=s, feed="slow")
    took = time.monotonic() - started
    assert not res.ok and "overall deadline of 1.5s" in res.error
    assert res.attempts == 1  # a slow loris is not retried: it would do it again
    # the server would go on for two minutes; the read timeout (1 s) never trips at 0.2 s a byte
    assert took < 15, f"fetch took {took:.1f}s"


# -- 3. conditional GET must not hide a feed that stays broken -------------------------------------

def test_broken_feed_keeps_failing_and_sends_no_validators(feed_server, tmp_path):
    feed_server.cached_routes["/broken.xml"] = b"<rss><channel><title>t</title></channel></rss>"  # no entries
    cfg = configs.make_config(tmp_path, {"broken": feed_server.url("/broken.xml")},
                              fetch={"timeout": 1.0, "connect_timeout": 1.0})
    conn = connect(tmp_path / "w.duckdb")
    try:
        for _ in range(3):
            rep = ingest(cfg, conn)
            assert rep.feeds_failed == 1
        etag, failures = conn.execute("SELECT etag, consecutive_failures FROM feeds WHERE name = 'broken'").fetchone()
    finally:
        conn.close()
    assert etag is None and failures == 3
    sent = [h for path, h in feed_server.requests if path == "/broken.xml"]
    assert len(sent) == 3 and not any("If-None-Match" in h for h in sent)


# -- 4. "not global", checked on the address actually connected to ---------------------------------

@pytest.mark.parametrize("address", ["100.64.0.1", "100.100.100.200", "192.0.0.170", "2002:7f00:1::1",
                                     "::ffff:10.0.0.1", "198.18.0.1", "fd00::1", "169.254.169.254"])
def test_non_global_ranges_are_refused(monkeypatch, address):
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    monkeypatch.setattr(urls.socket, "getaddrinfo",
                        lambda *a, **k: [(family, socket.SOCK_STREAM, 6, "", (address, 80))])
    with pytest.raises(UnsafeURLError, match="not global"):
        urls.check_url("http://metadata.example/latest")


def test_dns_rebinding_is_caught_at_the_socket(feed_server, monkeypatch):
    """The name answers with a public address whenever sinowatch's URL policy asks and with
    127.0.0.1 when the socket connects (the policy asks with ``type=``; ``create_connection``
    passes it positionally): the guard checks the connected socket's peer, so nothing is sent."""
    real = socket.getaddrinfo
    seen = {"policy": 0, "connect": 0}

    def rebinding(host, *args, **kw):  # type: ignore[no-untyped-def]
        if host == "localhost":
            if "type" in kw:
                seen["policy"] += 1
                return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", 80))]
            seen["connect"] += 1
        return real(host, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    s = FetchConfig(timeout=1.0, connect_timeout=1.0, retries=0, allow_private=False)
    port = feed_server.base.rsplit(":", 1)[1]
    with make_client(s) as client:
        res = fetch(f"http://localhost:{port}/feeds/basic.xml", client=client, settings=s, feed="rebind")
    assert seen["policy"] >= 1 and seen["connect"] >= 1  # checked as public, connected to loopback
    assert not res.ok and res.error.startswith("refused:") and "127.0.0.1" in res.error
    assert feed_server.hits["/feeds/basic.xml"] == 0


def test_guard_refuses_loopback_even_without_the_url_check(feed_server):
    s = FetchConfig(timeout=1.0, connect_timeout=1.0, allow_private=False)
    with make_client(s) as client, pytest.raises(UnsafeURLError, match="127.0.0.1"):
        client.get(feed_server.url("/feeds/basic.xml"))  # straight to httpx: no check_url
    assert feed_server.hits["/feeds/basic.xml"] == 0
    allowed = FetchConfig(timeout=1.0, connect_timeout=1.0, allow_private=True)
    with make_client(allowed) as client:
        assert client.get(feed_server.url("/feeds/basic.xml")).status_code == 200


# -- 7. a lone surrogate sinks only itself ---------------------------------------------------------

def test_lone_surrogate_reference_keeps_the_good_entries():
    body = rss(item("Good one", "http://example.com/a")
               + item("Bad &#xD800; one", "http://example.com/b", "x &#xDFFF; &#0; &#x110000; y")
               + item("Good two", "http://example.com/c")).encode()
    parsed = parse_feed(body, feed=FEED, fetched_at=NOW)
    assert parsed.error is None
    titles = [a.title for a in parsed.articles]
    assert titles[0] == "Good one" and titles[-1] == "Good two" and len(titles) == 3
    for a in parsed.articles:
        (a.title + a.text).encode("utf-8")  # no surrogate left to fail the warehouse write


# -- 8. DTDs hidden by the encoding -----------------------------------------------------------------

def _entity_feed(encoding: str) -> bytes:
    dtd = '<!DOCTYPE rss [<!ENTITY big "' + "A" * 10_000 + '">]>'
    body = rss(item("&big;&big;", "http://example.com/a"))
    decl = f'<?xml version="1.0" encoding="{encoding}"?>'
    if encoding == "utf-7":  # "<" as "+ADw-": no "<!ENTITY" in the bytes at all
        return decl.encode() + dtd.encode("utf-7").replace(b"<", b"+ADw-") + body.split("?>", 1)[1].encode("utf-7")
    return (decl + dtd + body.split("?>", 1)[1]).encode(encoding)


@pytest.mark.parametrize("encoding", ["cp037", "utf-7", "cp500", "utf-16"])
def test_dtd_is_refused_whatever_the_encoding(encoding):
    data = _entity_feed(encoding)
    if encoding != "utf-16":  # these hide the DTD from a byte scan
        assert b"<!ENTITY" not in data.replace(b"\x00", b"")
    parsed = parse_feed(data, feed=FEED, fetched_at=NOW)
    assert parsed.articles == [] and parsed.error and parsed.error.startswith("rejected:"), parsed.error


def test_parser_itself_refuses_an_internal_subset():
    """Past the scans (called directly), feedparser's strict parser is defusedxml's and stops."""
    import xml.sax

    from sinowatch.ingest import safexml

    parser = xml.sax.make_parser(["sinowatch.ingest.safexml"])
    assert isinstance(parser, safexml.NoDtdExpatParser)
    with pytest.raises(safexml.REFUSED):
        _parse_with(parser, b"<!DOCTYPE r [<!ELEMENT r ANY>]><r/>")
    # a bare public identifier (RSS 0.91) defines nothing and is still read
    ok = rss(item("Fine", "http://example.com/f"),
             dtd='<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
                 '"http://my.netscape.com/publish/formats/rss-0.91.dtd">').encode()
    parsed = parse_feed(ok, feed=FEED, fetched_at=NOW)
    assert [a.title for a in parsed.articles] == ["Fine"]


def _parse_with(parser, data: bytes) -> None:  # type: ignore[no-untyped-def]
    import io
    import xml.sax

    parser.setContentHandler(xml.sax.ContentHandler())
    source = xml.sax.xmlreader.InputSource()
    source.setByteStream(io.BytesIO(data))
    parser.parse(source)


# -- 11. duplicates noted, skipped entries counted -------------------------------------------------

def test_duplicate_links_in_one_feed_are_noted():
    body = rss(item("One", "http://example.com/a") + item("One again", "http://example.com/a?utm_source=x")
               + item("Two", "http://example.com/b")).encode()
    parsed = parse_feed(body, feed=FEED, fetched_at=NOW)
    assert [a.title for a in parsed.articles] == ["One", "Two"]
    assert parsed.n_skipped == 1 and "same link or GUID as entry 1" in parsed.skipped[0]


def test_skipped_count_covers_every_entry_over_the_cap(feed_server, tmp_path):
    feed_server.routes["/many.xml"] = rss("".join(item(f"T{i}", f"http://example.com/{i}") for i in range(60))).encode()
    cfg = configs.make_config(tmp_path, {"many": feed_server.url("/many.xml")},
                              fetch={"timeout": 2.0, "connect_timeout": 1.0, "max_entries": 10})
    conn = connect(tmp_path / "w.duckdb")
    try:
        rep = ingest(cfg, conn)
        bozo = conn.execute("SELECT bozo FROM fetches WHERE feed = 'many'").fetchone()[0]
    finally:
        conn.close()
    assert rep.new_articles == 10
    assert bozo.startswith("50 entries skipped: entries 11-60: over the 10-entry limit")


def test_fetch_through_a_plain_httpx_client_still_works(feed_server):
    """Callers may pass their own client (no guard): the old per-chunk deadline still applies."""
    s = FetchConfig(timeout=1.0, connect_timeout=1.0, retries=0, allow_private=True)
    with httpx.Client(timeout=2.0) as client:
        res = fetch(feed_server.url("/feeds/basic.xml"), client=client, settings=s, feed="plain")
    assert res.ok and b"<rss" in res.body
