"""Fetching against a real HTTP server on 127.0.0.1 that misbehaves on purpose."""

from __future__ import annotations

import pytest

from sinowatch.config import FetchConfig
from sinowatch.errors import UnsafeURLError
from sinowatch.ingest.fetch import fetch, make_client, parse_retry_after
from sinowatch.ingest.urls import canonical_url, check_url


def settings(**kw) -> FetchConfig:
    s = FetchConfig(timeout=1.0, connect_timeout=1.0, retries=2, backoff=0.05, allow_private=True, max_bytes=2_000_000)
    for k, v in kw.items():
        setattr(s, k, v)
    return s


def get(server, path, **kw):
    s = settings(**kw)
    with make_client(s) as client:
        return fetch(server.url(path), client=client, settings=s, feed="t", sleep=lambda _s: None)


def test_ok_sets_user_agent_and_validators(feed_server):
    res = get(feed_server, "/feeds/basic.xml")
    assert res.ok and res.status == 200 and b"<rss" in res.body
    assert res.etag and res.last_modified
    ua = feed_server.requests[-1][1]["User-Agent"]
    assert ua.startswith("sinowatch/")


def test_conditional_get_304_costs_nothing(feed_server):
    first = get(feed_server, "/feeds/basic.xml")
    s = settings()
    with make_client(s) as client:
        again = fetch(feed_server.url("/feeds/basic.xml"), client=client, settings=s, etag=first.etag,
                      last_modified=first.last_modified)
    assert again.ok and again.not_modified and again.status == 304 and again.body == b""
    assert feed_server.requests[-1][1]["If-None-Match"] == first.etag


def test_redirect_chain_followed_and_loop_detected(feed_server):
    res = get(feed_server, "/redirect/3")
    assert res.ok and res.final_url.endswith("/feeds/basic.xml")
    too_many = get(feed_server, "/redirect/9", max_redirects=5)
    assert not too_many.ok and "redirects" in too_many.error
    loop = get(feed_server, "/loop/a")
    assert not loop.ok and "loop" in loop.error


def test_404_is_recorded_without_retry(feed_server):
    res = get(feed_server, "/nope")
    assert not res.ok and res.status == 404 and "404" in res.error
    assert feed_server.hits["/nope"] == 1


def test_500_then_200_is_retried(feed_server):
    res = get(feed_server, "/500-then-200")
    assert res.ok and res.attempts == 2


def test_persistent_500_gives_up_after_retries(feed_server):
    res = get(feed_server, "/always-500", retries=2)
    assert not res.ok and res.status == 500 and "after 3 tries" in res.error
    assert feed_server.hits["/always-500"] == 3


def test_429_honours_retry_after(feed_server):
    waits: list[float] = []
    s = settings(backoff=0.01)
    with make_client(s) as client:
        res = fetch(feed_server.url("/429-then-200"), client=client, settings=s, sleep=waits.append)
    assert res.ok and waits == [1.0]


def test_timeout_is_recorded(feed_server):
    res = get(feed_server, "/slow", timeout=0.3, retries=1)
    assert not res.ok and "timeout" in res.error


def test_endless_body_is_cut_at_the_cap(feed_server):
    res = get(feed_server, "/endless", max_bytes=300_000)
    assert not res.ok and "cap" in res.error


def test_gzip_is_decoded(feed_server):
    res = get(feed_server, "/gzip")
    assert res.ok and res.body.startswith(b"<?xml")


def test_private_addresses_refused_by_default(feed_server):
    res = get(feed_server, "/feeds/basic.xml", allow_private=False)
    assert not res.ok and "private or loopback" in res.error
    assert feed_server.hits["/feeds/basic.xml"] == 0


@pytest.mark.parametrize("url", ["ftp://x.example.com/f", "gopher://a/b", "javascript:alert(1)", "file:///etc/passwd"])
def test_only_http_schemes(url):
    with pytest.raises(UnsafeURLError):
        check_url(url)


def test_file_urls_need_allow_file(tmp_path):
    f = tmp_path / "f.xml"
    f.write_bytes(b"<rss/>")
    s = settings(allow_file=False)
    with make_client(s) as client:
        assert not fetch(f.as_uri(), client=client, settings=s).ok
        s.allow_file = True
        assert fetch(f.as_uri(), client=client, settings=s).body == b"<rss/>"


def test_canonical_url():
    assert (
        canonical_url("HTTPS://News.Example.COM:443/a/b?utm_source=x&b=2&a=1&fbclid=z&gclid=q#frag")
        == "https://news.example.com/a/b?a=1&b=2"
    )
    assert canonical_url("http://example.com:8080") == "http://example.com:8080/"
    assert canonical_url("mailto:a@b.c") == "" and canonical_url("not a url") == ""


def test_retry_after_formats():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 - 10) == pytest.approx(10.0)
    assert parse_retry_after("garbage") is None
