"""Feed bytes -> normalised articles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sinowatch.ingest.parse import parse_feed
from sinowatch.records import Feed
from sinowatch.text import clean_html, clean_text, detect_language
from tests.conftest import TEST_DATA

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
FEED = Feed(name="wire", url="https://chipwire.example.com/rss")


def parse(name: str, **kw):
    return parse_feed((TEST_DATA / "feeds" / name).read_bytes(), feed=FEED, fetched_at=NOW, **kw)


def test_basic_feed_normalised():
    out = parse("basic.xml")
    assert out.error is None and out.entries == 3 and len(out.articles) == 3
    a = out.articles[0]
    assert a.url == "https://chipwire.example.com/2026/11/us-tightens-ai-chip-controls"
    assert a.guid == "chipwire-1001" and a.authors == ("Jane Doe",)
    assert "export controls" in a.text and "<" not in a.text and "alert(1)" not in a.text
    assert "Department’s" in a.text  # entity decoded
    assert a.published == datetime(2026, 11, 25, 14, 30, tzinfo=UTC) and not a.published_is_fetch_time
    assert a.language == "en" and a.fetched_at == NOW and a.minhash
    # +0800 converted to UTC
    assert out.articles[1].published == datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
    # no date: fetch time, flagged; tracking params gone, real ones kept
    c = out.articles[2]
    assert c.published == NOW and c.published_is_fetch_time
    assert c.url == "https://chipwire.example.com/2026/11/cambricon-record-revenue?id=7"


def test_keys_are_stable_and_distinct():
    a, b = parse("basic.xml"), parse("basic.xml")
    assert [x.key for x in a.articles] == [x.key for x in b.articles]
    assert len({x.key for x in a.articles}) == 3


def test_chinese_atom_feed():
    out = parse("chinese.xml")
    assert [a.language for a in out.articles] == ["zh", "zh"]
    assert out.articles[0].title == "商务部宣布对部分美国企业实施出口管制"
    assert out.articles[0].published == datetime(2026, 11, 26, 0, 0, tzinfo=UTC)


def test_hostile_entries_are_cleaned_bounded_or_skipped():
    out = parse("hostile.xml")
    titles = [a.title for a in out.articles]
    assert len(out.articles) == 3 and len(out.skipped) == 1 and "neither title nor text" in out.skipped[0]
    first = out.articles[0]
    assert "<script" not in first.title and "\n" not in first.title and "onerror" not in first.title
    assert "\u202e" not in first.text and "\x07" not in first.text and "<iframe" not in first.text
    assert first.published == NOW and first.published_is_fetch_time  # year 9999 refused
    linkless = out.articles[1]
    assert linkless.url.startswith("urn:sinowatch:") and linkless.title.startswith("An entry without a link")
    assert any(t == "Year 200 date" for t in titles)
    year200 = [a for a in out.articles if a.title == "Year 200 date"][0]
    assert year200.published_is_fetch_time


def test_xml_bombs_and_xxe_rejected():
    for name in ("billion_laughs.xml", "xxe.xml"):
        out = parse(name)
        assert out.articles == [] and out.error and out.error.startswith("rejected")


def test_html_page_is_a_recorded_failure():
    body = b"<!DOCTYPE html><html><head><title>Hi</title></head><body><p>x</p></body></html>"
    out = parse_feed(body, feed=FEED, fetched_at=NOW, content_type="text/html")
    assert out.articles == [] and "HTML page" in out.error


def test_entry_limit_counts_the_rest():
    items = "".join(f"<item><title>t{i}</title><link>https://e.example.com/{i}</link></item>" for i in range(30))
    body = f"<rss version='2.0'><channel><title>x</title>{items}</channel></rss>".encode()
    out = parse_feed(body, feed=FEED, fetched_at=NOW, max_entries=10)
    assert len(out.articles) == 10 and "over the 10-entry limit" in out.skipped[-1]


def test_huge_title_is_bounded():
    big = "Nvidia " * 800_000  # ~5.6 MB
    body = f"<rss version='2.0'><channel><title>x</title><item><title>{big}</title><link>https://e.example.com/1</link></item></channel></rss>".encode()
    out = parse_feed(body, feed=FEED, fetched_at=NOW)
    assert len(out.articles[0].title) <= 1001


def test_text_helpers():
    assert clean_html("<p>a&amp;b</p><script>x()</script><p>c</p>") == "a&b\nc"
    assert clean_text("a\x00b\u202ec  d") == "a b c d"
    assert detect_language("美国商务部周二宣布新的出口管制规则，限制向中国出口人工智能芯片。") == "zh"
    assert detect_language("The U.S. Commerce Department said on Tuesday that it would widen rules.") == "en"
    assert detect_language("Die Bundesregierung hat am Dienstag neue Regeln beschlossen", "de") == "de"
    assert detect_language("华为发布新的AI芯片 Ascend 950 路线图和量产计划") == "zh"


def test_future_dates_capped_at_one_day():
    tomorrow = (NOW + timedelta(hours=12)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    far = (NOW + timedelta(days=3)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    body = (f"<rss version='2.0'><channel><title>x</title>"
            f"<item><title>a</title><link>https://e.example.com/a</link><pubDate>{tomorrow}</pubDate></item>"
            f"<item><title>b</title><link>https://e.example.com/b</link><pubDate>{far}</pubDate></item>"
            f"</channel></rss>").encode()
    a, b = parse_feed(body, feed=FEED, fetched_at=NOW).articles
    assert not a.published_is_fetch_time and b.published_is_fetch_time and b.published == NOW
