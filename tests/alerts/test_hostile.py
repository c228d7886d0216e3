"""Hostile feed values: script tags, event-handler attributes, CR/LF header injection, very long
titles and javascript: links produce a safe email."""

from __future__ import annotations

from datetime import UTC, datetime

from sinowatch.alerts.email import header_value, highlight, safe_url
from sinowatch.alerts.stage import send_pending
from sinowatch.ingest.parse import parse_feed
from sinowatch.records import Feed
from tests.alerts.conftest import article, export_event, extraction, load, make_config, queue

HOSTILE = ("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;lt;img src=x onerror=alert(2)&amp;gt; SMIC added"
           "&#13;&#10;Bcc: victim@example.com&#13;&#10;X-Evil: 1 " + "very long " * 600)
RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hostile</title><link>https://hostile.example.com/</link>
<item><title>{HOSTILE}</title><link>https://hostile.example.com/a?x=1&amp;y="2"</link>
<description>BIS added SMIC to the Entity List.</description><pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>""".encode()


def _check_safe(msg) -> None:  # type: ignore[no-untyped-def]
    # headers: one line each, no injected headers, bounded subject
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert "\r" not in str(msg["Subject"]) and "\n" not in str(msg["Subject"])
    assert len(str(msg["Subject"])) <= 250
    assert sorted(a.addr_spec for a in msg["To"].addresses) == ["compliance@example.com", "cto@example.com"]
    html = msg.get_body(("html",)).get_content()
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    text = msg.get_body(("plain",)).get_content()
    assert "<script>alert(1)</script>" in text  # plain text shows it as text


def test_hostile_feed_item_through_the_parser_gives_a_safe_email(tmp_path, conn, smtp_server) -> None:
    parsed = parse_feed(RSS, feed=Feed(name="hostile", url="https://hostile.example.com/rss"),
                        fetched_at=datetime.now(UTC))
    assert parsed.articles, parsed.error
    art = parsed.articles[0].with_(cluster_id="hostile-story")
    assert "<script>" in art.title  # the entity-decoded title really is hostile
    cfg = make_config(tmp_path, smtp_server.port)
    load(conn, [art])
    assert queue(conn, cfg, [art], [extraction(art.key, export_event("smic"))]) == 1
    assert send_pending(cfg, conn).sent == 1
    msg = smtp_server.received[0].message
    _check_safe(msg)
    html = msg.get_body(("html",)).get_content()
    assert 'href="https://hostile.example.com/a?x=1&amp;y=%222%22"' in html or 'y=&#34;2&#34;' in html


def test_raw_crlf_and_markup_stored_in_the_warehouse_are_still_safe(tmp_path, conn, smtp_server) -> None:
    """Defence in depth: even a title the parser never cleaned cannot inject headers or markup."""
    title = "<script>alert(1)</script><img src=x onerror=alert(2)>\r\nBcc: victim@example.com\r\nX-Evil: 1\n\n" + "x" * 5000
    art = article("raw", title, url="javascript:alert(3)", cluster="raw-story")
    cfg = make_config(tmp_path, smtp_server.port)
    load(conn, [art])
    ev = export_event("smic", sentence='Evidence <b onmouseover="alert(4)">here</b>', trigger="<b")
    queue(conn, cfg, [art], [extraction("raw", ev)])
    assert send_pending(cfg, conn).sent == 1
    data = smtp_server.received[0].data
    assert b"\nBcc:" not in data and b"\nX-Evil:" not in data
    msg = smtp_server.received[0].message
    _check_safe(msg)
    html = msg.get_body(("html",)).get_content()
    assert 'href="javascript' not in html
    assert " onmouseover=&#34;alert(4)&#34;&gt;here&lt;/b&gt;" in html and "<b " not in html
    assert "<mark>&lt;b</mark>" in html


def test_header_value_and_safe_url_units() -> None:
    assert header_value("a\r\nBcc: x@y\u2028z\x00", 100) == "a Bcc: x@y z"
    assert len(header_value("y" * 1000, 50)) == 50
    assert safe_url("https://ok.example.com/a") == "https://ok.example.com/a"
    for bad in ("javascript:alert(1)", "data:text/html,x", "https://a.example.com/\r\nx", "//no-scheme", "urn:sinowatch:1"):
        assert safe_url(bad) is None
    h = highlight("Regulators ADDED Huawei to a list", "added")
    assert (h.before, h.trigger, h.after) == ("Regulators ", "ADDED", " Huawei to a list")
    assert highlight("no trigger here", "absent").trigger == ""
