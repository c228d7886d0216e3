"""A deterministic benchmark corpus: N realistic articles as feeds (RSS 2.0 and Atom) and JSON lines.

    python -m bench.corpus --n 20000 --seed 1 --out DIR

Writes ``DIR/articles.jsonl`` (one article a line: id, feed, url, title, text, lang, published,
syndicated_from) and ``DIR/feeds/<feed>.xml``; ``serve(DIR/feeds)`` serves them on loopback.

What makes it look like this beat's news:
* each article tells one story: sentences of one or two items of the bundled demo corpus
  (sinowatch/demo/articles.yaml: Chinese AI firms, chips, export controls), stock business-news
  sentences with the same two watchlist firms in their slots, and filler sentences of words drawn by
  their frequency in the demo corpus (unrelated articles then share almost no word 3-grams, as in
  real news; words that alone trigger an event are left out). The extractor finds ~6.5 mentions of
  ~4 entities per article (~1 per 55 words); the event detector still fires ~5 events per article;
* bodies are log-normal in length (English median ~350 words, 60-1,500; Chinese median ~550
  characters), published over 120 days ending 2026-11-27, 15% Chinese;
* 5% are syndicated near-duplicates of an earlier article on another feed (same body, one
  sentence trimmed, title lightly edited, new URL) - what the dedup stage must cluster.
Deterministic: the same ``n`` and ``seed`` give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import cache
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sinowatch" / "demo" / "articles.yaml"
WATCHLIST = ROOT / "models" / "watchlist.yaml"
END = datetime(2026, 11, 27, 23, 0, tzinfo=UTC)
DAYS = 120
ZH_SHARE = 0.15
DUP_SHARE = 0.05
N_FEEDS_EN, N_FEEDS_ZH = 32, 8

EN_FILLER = [
    "Shares of {firm} rose {pct}% in {city} trading after the announcement.",
    "{firm} declined to comment on the report.",
    "Analysts at {bank} said the move could lift {firm}'s revenue by {pct}% next year.",
    "The company said demand for its {chip}-based servers remained strong in the quarter.",
    "People familiar with the matter said {firm} had been in talks with {firm2} for several months.",
    "The deal is expected to close in the first half of next year, subject to regulatory approval.",
    "{firm2} has been building its own accelerators to reduce reliance on imported chips.",
    "The Commerce Department did not respond to a request for comment.",
    "Chinese cloud providers have been stockpiling {chip} chips ahead of possible new restrictions.",
    "{firm} said its latest model matched leading U.S. systems on several reasoning benchmarks.",
    "The startup raised about {num} billion yuan in its latest funding round, according to filings.",
    "Industry executives said the rules would take months to implement.",
    "{firm}'s chief executive told investors the company would keep spending on AI infrastructure.",
    "The ministry said it would continue to support domestic semiconductor makers.",
    "Revenue grew {pct}% from a year earlier, beating analyst estimates.",
    "The shipments were routed through distributors in Singapore and Malaysia, the filing said.",
    "Researchers noted that training costs had fallen sharply over the past year.",
    "The company plans to open-source a smaller version of the model.",
    "Its data centres in {city} run mostly on {chip} accelerators, the person said.",
    "Beijing has urged local governments to prioritise domestically designed processors.",
    "The announcement came days after {firm2} unveiled a rival product.",
    "A spokesperson for {firm} said the company complies with all applicable laws.",
    "Some customers have switched to {firm2}'s chips after the latest round of controls.",
    "The price war among Chinese model developers has squeezed margins across the sector.",
]
ZH_FILLER = [
    "{firm}股价在{city}交易中上涨{pct}%。",
    "{firm}对此未予置评。",
    "分析人士认为，此举将推动{firm}明年收入增长约{pct}%。",
    "知情人士称，{firm}与{firm2}已接触数月。",
    "业内人士表示，相关配套政策预计将陆续出台。",
    "公司表示，基于{chip}的服务器需求保持强劲。",
    "{firm2}正加快自研芯片，以降低对进口芯片的依赖。",
    "该公司计划开源一个较小版本的模型。",
    "本轮融资金额约为{num}亿元，投资方包括多家国资基金。",
    "工信部表示，将继续支持国产半导体企业发展。",
]
EN_NEUTRAL = [
    "The figures were not audited and may be revised.",
    "Demand for computing power has grown faster than supply for most of the year.",
    "The broader market was little changed on the day.",
    "Officials said further details would be published in the coming weeks.",
    "The report did not say how many units were involved.",
    "Investors have been watching the sector closely since the start of the year.",
    "The comment period runs until the end of next month.",
    "Several smaller suppliers said they had not yet been contacted by regulators.",
    "Costs for memory and advanced packaging have risen sharply.",
    "The plan also covers power supply and cooling for new data centres.",
    "It was not immediately clear how the change would affect existing contracts.",
    "Both sides have said they want to keep talking.",
    "Prices for rented computing capacity have fallen by about a third since spring.",
    "The government has set up several funds to finance the effort.",
    "Universities and research institutes are expected to take part in the programme.",
    "Trading volumes were about twice the three-month average.",
    "Executives said they expect the shortage to ease by the middle of next year.",
    "The changes take effect thirty days after publication.",
    "Critics said the measures were too broad and would hurt exporters.",
    "Local media reported the news earlier on Tuesday.",
]
ZH_NEUTRAL = [
    "相关数据尚未经过审计，可能会有所调整。",
    "今年以来，算力需求增长明显快于供给。",
    "当日大盘整体变化不大。",
    "有关部门表示，具体细则将在近期公布。",
    "业内普遍关注这一领域的后续进展。",
    "多家中小供应商表示尚未收到相关通知。",
    "存储和先进封装成本明显上升。",
    "该计划还涉及新建数据中心的电力和散热配套。",
]
# Words that alone trigger an event or a mention (found by running the extractor over each demo
# word): kept out of the word-salad sentences so that those add length, not extraction findings.
TRIGGER_WORDS = frozenset("""
administration agreed agreement alliance backdoors blacklisted blacklisting buy buying capex contract curbs
customer deal debut dies duties earnings ecosystem funding government indictment inquiries inspections invest
invested investigating investigation investing investment investments joint levies listing merger ministry
national partner partnered probe producing province purchases regulator regulators regulatory roadmap scrutiny
signals signed significant smuggled smuggling stake strategic summoned supply tariff tariffs venture
""".split())
CITIES = ["Hong Kong", "Shanghai", "Shenzhen", "New York", "Taipei", "Seoul"]
CITIES_ZH = ["香港", "上海", "深圳", "纽约"]
BANKS = ["Morgan Stanley", "Bernstein", "Jefferies", "CLSA", "Citi", "Nomura"]
EN_TITLE_TAILS = ["", " - report", " (update)", ", sources say", ": what we know"]


@dataclass(frozen=True)
class Pools:
    en_sentences: tuple[tuple[str, ...], ...]  # per demo article
    zh_sentences: tuple[tuple[str, ...], ...]
    en_titles: tuple[str, ...]
    zh_titles: tuple[str, ...]
    firms: tuple[str, ...]
    firms_zh: tuple[str, ...]
    chips: tuple[str, ...]
    en_vocab: tuple[tuple[str, ...], tuple[int, ...]]  # lowercase words of the demo corpus, counts
    zh_vocab: tuple[tuple[str, ...], tuple[int, ...]]  # Han characters of the Chinese items, counts


_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z]+(?![A-Za-z])")
_EN_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
_ZH_SPLIT = re.compile(r"(?<=[。！？])")


@cache
def pools() -> Pools:
    demo = yaml.safe_load(DEMO.read_text(encoding="utf-8"))["articles"]
    wl = yaml.safe_load(WATCHLIST.read_text(encoding="utf-8"))["entities"]
    en_s: list[str] = []
    zh_s: list[str] = []
    en_t: list[str] = []
    zh_t: list[str] = []
    words: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for a in demo:
        text = _TAG.sub(" ", a.get("summary") or "")
        han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        if han > len(text) * 0.3:
            chars.update(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
            zh_s.append(tuple(s.strip() for s in _ZH_SPLIT.split(text) if len(s.strip()) > 8))
            zh_t.append(a["title"])
        else:
            en_s.append(tuple(s.strip() for s in _EN_SPLIT.split(" ".join(text.split())) if len(s.split()) > 4))
            words.update(w for w in _WORD.findall(text) if w not in TRIGGER_WORDS)
            en_t.append(a["title"])
    def first(aliases: list[Any]) -> str:  # an alias is a string or a table with rules (text: ...)
        a = aliases[0]
        return str(a["text"] if isinstance(a, dict) else a)

    firms = [first(x["aliases"]) for x in wl if x.get("kind") == "company" and x.get("aliases")]
    firms_zh = [first(x["aliases_zh"]) for x in wl if x.get("kind") == "company" and x.get("aliases_zh")]
    chips = [first(x["aliases"]) for x in wl if x.get("kind") == "chip" and x.get("aliases")]
    return Pools(tuple(x for x in en_s if x), tuple(x for x in zh_s if x), tuple(en_t), tuple(zh_t), tuple(firms), tuple(firms_zh or ["华为"]),
                 tuple(chips or ["Ascend 910B"]), (tuple(words), tuple(words.values())),
                 (tuple(chars), tuple(chars.values())))


def _salad(rng: random.Random, zh: bool, p: Pools) -> str:
    """A sentence of words (characters) drawn by their frequency in the demo corpus: unrelated
    articles share almost no word 3-grams, as in real news, and no capitalised name (no entity)."""
    vocab, weights = p.zh_vocab if zh else p.en_vocab
    if zh:
        return "".join(rng.choices(vocab, weights, k=rng.randint(14, 40))) + "。"
    w = rng.choices(vocab, weights, k=rng.randint(10, 28))
    return " ".join([w[0].capitalize(), *w[1:]]) + "."


def _fill(rng: random.Random, template: str, zh: bool, p: Pools, cast: list[str]) -> str:
    return template.format(firm=cast[0], firm2=cast[-1], chip=rng.choice(p.chips),
                           pct=rng.randint(2, 40), num=rng.randint(2, 90),
                           city=rng.choice(CITIES_ZH if zh else CITIES), bank=rng.choice(BANKS))


def _body(rng: random.Random, zh: bool, p: Pools) -> list[list[str]]:
    """Paragraphs of sentences, log-normal in length."""
    if zh:
        target = int(min(3000, max(120, rng.lognormvariate(math.log(550), 0.5))))
        size = len
    else:
        target = int(min(1500, max(60, rng.lognormvariate(math.log(330), 0.55))))
        size = lambda s: len(s.split())  # noqa: E731
    # one story: the sentences of one or two demo items, the same two firms in the filler slots,
    # stock sentences, and sentences that name nobody with words drawn by corpus frequency
    topic = [s for item in rng.sample(p.zh_sentences if zh else p.en_sentences, 2) for s in item]
    cast = rng.sample(p.firms_zh if zh else p.firms, 2)
    filler, neutral = (ZH_FILLER, ZH_NEUTRAL) if zh else (EN_FILLER, EN_NEUTRAL)
    paras: list[list[str]] = []
    total = 0
    while total < target:
        para = []
        for _ in range(rng.randint(2, 4)):
            r = rng.random()
            if r < 0.12:
                s = rng.choice(topic)
            elif r < 0.25:
                s = _fill(rng, rng.choice(filler), zh, p, cast)
            elif r < 0.3:
                s = rng.choice(neutral)
            else:
                s = _salad(rng, zh, p)
            para.append(s)
            total += size(s)
        paras.append(para)
    return paras


def generate(n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """``n`` article dicts in publication order (deterministic for ``seed``)."""
    rng = random.Random(seed)
    p = pools()
    feeds_en = [f"bench-en-{i:02d}" for i in range(N_FEEDS_EN)]
    feeds_zh = [f"bench-zh-{i:02d}" for i in range(N_FEEDS_ZH)]
    start = END - timedelta(days=DAYS)
    step = DAYS * 86400 / max(1, n)
    recent: list[dict[str, Any]] = []
    for i in range(n):
        published = start + timedelta(seconds=i * step + rng.uniform(0, step))
        if recent and rng.random() < DUP_SHARE:
            orig = rng.choice(recent[-2000:])
            zh = orig["lang"] == "zh"
            paras = [list(x) for x in orig["_paras"]]
            longest = max(range(len(paras)), key=lambda j: len(paras[j]))
            if len(paras[longest]) > 1:
                paras[longest].pop(rng.randrange(len(paras[longest])))
            title = orig["title"] + ("" if zh else rng.choice(EN_TITLE_TAILS[1:]))
            pool = feeds_zh if zh else feeds_en
            feed = rng.choice([f for f in pool if f != orig["feed"]])
            dup_of = orig["id"]
        else:
            zh = rng.random() < ZH_SHARE
            paras = _body(rng, zh, p)
            base = rng.choice(p.zh_titles if zh else p.en_titles)
            title = base if zh else base + rng.choice(EN_TITLE_TAILS)
            feed = rng.choice(feeds_zh if zh else feeds_en)
            dup_of = None
        aid = f"a{seed}-{i:07d}"
        art = {
            "id": aid, "feed": feed, "url": f"https://{feed}.example.com/news/{aid}", "title": title,
            "text": "\n\n".join(("" if zh else " ").join(x) for x in paras), "lang": "zh" if zh else "en",
            "published": published.isoformat(), "syndicated_from": dup_of, "_paras": paras,
        }
        recent.append(art)
        if len(recent) > 4000:
            del recent[:2000]
        yield art


def _rss(feed: str, items: list[dict[str, Any]]) -> str:
    out = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{feed}</title>'
           f"<link>https://{feed}.example.com/</link><description>bench feed</description>"]
    for a in items:
        html = "".join(f"<p>{escape(p)}</p>" for p in a["text"].split("\n\n"))
        when = format_datetime(datetime.fromisoformat(a["published"]))
        out.append(f"<item><title>{escape(a['title'])}</title><link>{escape(a['url'])}</link>"
                   f'<guid isPermaLink="true">{escape(a["url"])}</guid><pubDate>{when}</pubDate>'
                   f"<description>{escape(html)}</description></item>")
    out.append("</channel></rss>\n")
    return "".join(out)


def _atom(feed: str, items: list[dict[str, Any]]) -> str:
    out = [f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
           f"<title>{feed}</title><id>https://{feed}.example.com/</id><updated>{END.isoformat()}</updated>"]
    for a in items:
        html = "".join(f"<p>{escape(p)}</p>" for p in a["text"].split("\n\n"))
        out.append(f"<entry><title>{escape(a['title'])}</title><link href=\"{escape(a['url'])}\"/>"
                   f"<id>{escape(a['url'])}</id><updated>{a['published']}</updated>"
                   f"<published>{a['published']}</published><content type=\"html\">{escape(html)}</content></entry>")
    out.append("</feed>\n")
    return "".join(out)


def write_corpus(n: int, seed: int, out: Path) -> dict[str, Any]:
    """Write articles.jsonl and feeds/*.xml under ``out``; returns a summary (counts, bytes)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "feeds").mkdir(exist_ok=True)
    by_feed: dict[str, list[dict[str, Any]]] = {}
    n_dup = n_zh = 0
    with (out / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for a in generate(n, seed):
            a = {k: v for k, v in a.items() if k != "_paras"}
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
            by_feed.setdefault(a["feed"], []).append(a)
            n_dup += a["syndicated_from"] is not None
            n_zh += a["lang"] == "zh"
    total = 0
    for i, (feed, items) in enumerate(sorted(by_feed.items())):
        text = _atom(feed, items) if i % 4 == 3 else _rss(feed, items)
        data = text.encode("utf-8")
        (out / "feeds" / f"{feed}.xml").write_bytes(data)
        total += len(data)
    summary = {"n": n, "seed": seed, "feeds": len(by_feed), "syndicated": n_dup, "zh": n_zh, "feed_bytes": total}
    (out / "summary.json").write_text(json.dumps(summary))
    return summary


def ensure_corpus(n: int, seed: int, out: Path) -> dict[str, Any]:
    """The corpus at ``out``, written unless a matching one is already there."""
    summary = out / "summary.json"
    if summary.exists():
        s = json.loads(summary.read_text())
        if s.get("n") == n and s.get("seed") == seed:
            return s
    return write_corpus(n, seed, out)


def read_articles(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    out = []
    with (path / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line))
            if limit is not None and len(out) >= limit:
                break
    return out


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) for the duration; yields the base URL."""
    handler = lambda *a, **kw: _Quiet(*a, directory=str(folder), **kw)  # noqa: E731
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write the benchmark corpus (feeds + JSON lines).")
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    print(json.dumps(write_corpus(args.n, args.seed, args.out)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
