"""Fetch + parse: sinowatch's fetch (httpx, size cap, redirects re-checked) and parse_feed (feedparser,
HTML cleaning, canonical URLs, language, MinHash) over the corpus feeds served on loopback, against
plain ``feedparser.parse`` of the same bytes, in articles per second."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Section, Sizes, ratio
from bench.corpus import serve


def run(section: Section, sizes: Sizes, corpus: Path) -> None:
    import feedparser

    from sinowatch.config import FetchConfig
    from sinowatch.ingest.fetch import fetch, make_client
    from sinowatch.ingest.parse import parse_feed
    from sinowatch.records import Feed

    files = sorted((corpus / "feeds").glob("*.xml"))
    settings = FetchConfig(allow_private=True, max_entries=1_000_000)
    now = datetime.now(UTC)
    with serve(corpus / "feeds") as base, make_client(settings) as client:
        feeds = [Feed(name=f.stem, url=f"{base}/{f.name}") for f in files]
        bodies: list[bytes] = []
        n_sw = 0
        t0 = time.perf_counter()
        fetch_s = 0.0
        for feed in feeds:
            t = time.perf_counter()
            res = fetch(feed.url, client=client, settings=settings, feed=feed.name)
            fetch_s += time.perf_counter() - t
            if not res.ok:
                raise RuntimeError(f"fetch of {feed.url} failed: {res.error}")
            bodies.append(res.body)
            parsed = parse_feed(res.body, feed=feed, fetched_at=now, content_type=res.content_type,
                                base_url=res.final_url, max_entries=settings.max_entries)
            n_sw += len(parsed.articles)
        sw_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_plain = sum(len(feedparser.parse(b).entries) for b in bodies)
    plain_s = time.perf_counter() - t0
    if n_plain != n_sw:
        section.notes.append(f"feedparser saw {n_plain} entries, sinowatch kept {n_sw} articles")
    sw_rate, plain_rate = n_sw / sw_s, n_plain / plain_s
    mb = sum(len(b) for b in bodies) / 1e6
    section.add("fetch + parse (sinowatch)", sw_rate, "articles/s", "feedparser.parse, same bytes", plain_rate,
                ratio(sw_rate, plain_rate), "sinowatch rate / plain rate",
                note=f"{n_sw} articles, {len(bodies)} feeds, {mb:.1f} MB; HTTP share {100 * fetch_s / sw_s:.0f}%")
    section.extra.update({"articles": n_sw, "feeds": len(bodies), "mb": round(mb, 1), "sinowatch_s": round(sw_s, 2),
                          "fetch_s": round(fetch_s, 2), "feedparser_s": round(plain_s, 2)})
