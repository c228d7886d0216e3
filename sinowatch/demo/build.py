"""Render the bundled demo corpus (articles.yaml + feeds.yaml) into feed files.

Dates are relative to ``now`` so the demo always looks current: an item with
``days_ago=d, hour=h`` is published on the UTC calendar day ``now - d days`` at
``h:MM`` UTC (minute derived from the item id). Items dated today at an hour that
has not come yet are pulled back to an earlier hour today, so nothing is ever in
the future. Output is deterministic for a given ``now``.

Besides the ten good feeds, two broken ones are written:

* ``broken-xml.xml``: an RSS 2.0 document that is not well-formed (a bare ``&`` in
  the first item's title and the file truncated in the middle of the third
  item). feedparser reports ``bozo=1``; its loose parser recovers the two complete items
  and (feedparser 6.0.x) also the truncated third one, with an empty summary.
* ``html-page.xml``: an HTML error page where a feed was expected; feedparser
  reports ``bozo=1`` and zero entries.

Stdlib + PyYAML only.
"""

from __future__ import annotations

import sys
import zlib
from datetime import UTC, date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import yaml

DEMO_DIR = Path(__file__).resolve().parent
ARTICLES_PATH = DEMO_DIR / "articles.yaml"
FEEDS_PATH = DEMO_DIR / "feeds.yaml"

CST = timezone(timedelta(hours=8), "CST")  # Beijing time, used by Chinese Atom feeds

# Built-in items for the broken RSS feed (not part of articles.yaml). The first two are
# complete and salvageable; the third is cut off mid-description by the truncation.
BROKEN_ITEMS: list[dict[str, Any]] = [
    {
        "id": "semidaily-hua-hong-capex",
        "days_ago": 1,
        "hour": 6,
        "title": "Hua Hong lifts capex guidance as Wuxi fab ramps & utilisation tops 100%",
        "summary": "Hua Hong Semiconductor raised its capital expenditure guidance for the year as its second "
        "Wuxi 12-inch fab ramps faster than planned. Utilisation exceeded 100% in the quarter.",
    },
    {
        "id": "semidaily-amec-orders",
        "days_ago": 3,
        "hour": 9,
        "title": "AMEC reports record etch tool orders from memory makers",
        "summary": "AMEC said new orders for its etch tools hit a record in the quarter, led by Chinese DRAM "
        "and NAND makers. The company expects deliveries to rise next year.",
    },
    {
        "id": "semidaily-smic-beijing",
        "days_ago": 4,
        "hour": 11,
        "title": "SMIC's Beijing joint venture adds 10,000 wafers of monthly capacity",
        "summary": "SMIC's Beijing joint venture has added about 10,000 wafers per month of 28nm capacity, "
        "according to people familiar with the matter. The expansion was funded in part by the",
    },
]


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_feeds() -> list[dict]:
    return _load_yaml(FEEDS_PATH)["feeds"]


def load_articles() -> list[dict]:
    return _load_yaml(ARTICLES_PATH)["articles"]


def _normalise_now(now: datetime | None) -> datetime:
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return now.astimezone(UTC).replace(microsecond=0)


def item_datetime(item_id: str, days_ago: int, hour: int, now: datetime) -> datetime:
    """Publication time (aware, UTC) of an item; never after ``now``."""
    minute = zlib.crc32(item_id.encode("utf-8")) % 60
    day: date = (now - timedelta(days=days_ago)).date()
    if days_ago == 0 and (hour, minute) > (now.hour, now.minute):
        hour = hour % (now.hour + 1)
        if hour == now.hour:
            minute = min(minute, now.minute)
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def _rfc822(dt: datetime) -> str:
    return format_datetime(dt.astimezone(UTC), usegmt=True)


def _rfc3339(dt: datetime, tz: timezone = UTC) -> str:
    s = dt.astimezone(tz).isoformat()
    return s.replace("+00:00", "Z")


def _host(site: str) -> str:
    return site.split("://", 1)[-1].rstrip("/")


def _has_html(text: str) -> bool:
    return "<" in text or "&" in text


def _render_rss(feed: dict, items: list[dict], now: datetime) -> str:
    site = feed["site"].rstrip("/")
    lang = "zh-cn" if feed["language"] == "zh" else "en-us"
    # Two RSS styles: dc:creator + permalink guids vs <author> + opaque guids + CDATA HTML.
    dc_style = feed["name"] in {"chipwire", "kr-tech", "asiamarkets"}
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"<title>{escape(feed['title'])}</title>",
        f"<link>{escape(site)}/</link>",
        f"<description>{escape(feed['title'])} - demo feed</description>",
        f"<language>{lang}</language>",
        f"<lastBuildDate>{_rfc822(now)}</lastBuildDate>",
        f'<atom:link href={quoteattr(site + "/feed.xml")} rel="self" type="application/rss+xml"/>',
    ]
    for it in items:
        url = site + it["link"]
        out.append("<item>")
        out.append(f"<title>{escape(it['title'])}</title>")
        out.append(f"<link>{escape(url)}</link>")
        if dc_style:
            out.append(f'<guid isPermaLink="true">{escape(url)}</guid>')
        else:
            out.append(f'<guid isPermaLink="false">{escape(_host(site))}:{escape(it["id"])}</guid>')
        out.append(f"<pubDate>{_rfc822(it['_dt'])}</pubDate>")
        for name in it.get("authors") or []:
            if dc_style:
                out.append(f"<dc:creator>{escape(name)}</dc:creator>")
            else:
                out.append(f"<author>{escape('newsdesk@' + _host(site) + ' (' + name + ')')}</author>")
        summary = it["summary"]
        if not dc_style and _has_html(summary) and "]]>" not in summary:
            out.append(f"<description><![CDATA[{summary}]]></description>")
        else:
            out.append(f"<description>{escape(summary)}</description>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def _render_atom(feed: dict, items: list[dict], now: datetime) -> str:
    site = feed["site"].rstrip("/")
    tz = CST if feed["language"] == "zh" else UTC
    lang = "zh-CN" if feed["language"] == "zh" else "en"
    updated = max((it["_dt"] for it in items), default=now)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"<id>tag:{escape(_host(site))},2024:feed</id>",
        f"<title>{escape(feed['title'])}</title>",
        f"<updated>{_rfc3339(updated, tz)}</updated>",
        f'<link rel="alternate" type="text/html" href={quoteattr(site + "/")}/>',
        f'<link rel="self" type="application/atom+xml" href={quoteattr(site + "/atom.xml")}/>',
    ]
    for it in items:
        dt = it["_dt"]
        # Some entries were revised a few hours after publication (never past now).
        upd = dt + timedelta(hours=2) if zlib.crc32(it["id"].encode()) % 5 == 0 else dt
        upd = min(upd, now)
        out.append("<entry>")
        out.append(f"<id>tag:{escape(_host(site))},2024:{escape(it['id'])}</id>")
        out.append(f"<title>{escape(it['title'])}</title>")
        out.append(f'<link rel="alternate" type="text/html" href={quoteattr(site + it["link"])}/>')
        out.append(f"<published>{_rfc3339(dt, tz)}</published>")
        out.append(f"<updated>{_rfc3339(upd, tz)}</updated>")
        for name in it.get("authors") or []:
            out.append(f"<author><name>{escape(name)}</name></author>")
        kind = "html" if _has_html(it["summary"]) else "text"
        out.append(f'<summary type="{kind}">{escape(it["summary"])}</summary>')
        out.append("</entry>")
    out += ["</feed>", ""]
    return "\n".join(out)


def _render_broken_rss(feed: dict, now: datetime) -> str:
    site = feed["site"].rstrip("/")
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0">',
        "<channel>",
        f"<title>{escape(feed['title'])}</title>",
        f"<link>{site}/</link>",
        "<description>Semiconductor news</description>",
    ]
    for n, it in enumerate(BROKEN_ITEMS):
        dt = item_datetime(it["id"], it["days_ago"], it["hour"], now)
        # Malformation 1: the first title carries a raw, unescaped "&".
        title = it["title"] if n == 0 else escape(it["title"])
        out += [
            "<item>",
            f"<title>{title}</title>",
            f"<link>{site}/news/{it['id']}</link>",
            f'<guid isPermaLink="false">{_host(site)}:{it["id"]}</guid>',
            f"<pubDate>{_rfc822(dt)}</pubDate>",
            f"<description>{escape(it['summary'])}",
        ]
        if n < len(BROKEN_ITEMS) - 1:
            out[-1] += "</description>"
            out.append("</item>")
    # Malformation 2: truncated here - no </description>, </item>, </channel>, </rss>.
    return "\n".join(out)


def _render_html_page(feed: dict, now: datetime) -> str:
    site = feed["site"].rstrip("/")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TechPulse - Page moved</title>
<link rel="stylesheet" href="{site}/static/site.css">
</head>
<body>
<header><nav><a href="{site}/">Home</a> | <a href="{site}/ai">AI</a> | <a href="{site}/chips">Chips</a></nav></header>
<main>
<h1>This page has moved</h1>
<p>Our RSS feed is being rebuilt. Please visit <a href="{site}/news">our news page</a> for the latest
stories on AI chips, export controls and China's technology sector.</p>
<p>&copy; {now.year} TechPulse Media</p>
</main>
</body>
</html>
"""


def build_demo(out_dir: Path, *, now: datetime | None = None) -> list[dict]:
    """Write every demo feed to ``out_dir/<name>.xml``; return feed config dicts.

    Each returned dict has ``name``, ``url`` (``file://`` absolute path), ``language``,
    ``tags``, ``enabled`` and ``full_text`` (always False: the demo is offline).
    """
    now = _normalise_now(now)
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    articles = load_articles()
    configs: list[dict] = []
    for feed in load_feeds():
        name, fmt = feed["name"], feed["format"]
        if fmt in ("rss", "atom"):
            items = []
            for a in articles:
                if a["feed"] != name:
                    continue
                it = dict(a)
                it["_dt"] = item_datetime(a["id"], int(a["days_ago"]), int(a["hour"]), now)
                items.append(it)
            items.sort(key=lambda it: (it["_dt"], it["id"]), reverse=True)  # newest first
            text = _render_rss(feed, items, now) if fmt == "rss" else _render_atom(feed, items, now)
        elif fmt == "broken-rss":
            text = _render_broken_rss(feed, now)
        elif fmt == "html":
            text = _render_html_page(feed, now)
        else:
            raise ValueError(f"unknown feed format {fmt!r} for feed {name!r}")
        path = out_dir / f"{name}.xml"
        path.write_text(text, encoding="utf-8")
        configs.append(
            {
                "name": name,
                "url": path.as_uri(),
                "language": feed["language"],
                "tags": list(feed.get("tags") or []),
                "enabled": True,
                "full_text": False,
            }
        )
    return configs


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} OUT_DIR", file=sys.stderr)
        return 2
    configs = build_demo(Path(argv[1]))
    articles = load_articles()
    counts: dict[str, int] = {}
    for a in articles:
        counts[a["feed"]] = counts.get(a["feed"], 0) + 1
    for c in configs:
        n = counts.get(c["name"], len(BROKEN_ITEMS) if c["name"] == "broken-xml" else 0)
        print(f"{c['name']:<14} {c['language']}  {n:>4}  {c['url']}")
    zh = sum(1 for a in articles if a["feed"] in {f["name"] for f in load_feeds() if f["language"] == "zh"})
    synd = sum(1 for a in articles if a.get("syndicated_from"))
    print(f"total {len(articles)} items ({len(articles) - zh} en, {zh} zh), {synd} syndicated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
