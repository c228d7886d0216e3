"""MOFCOM announcements as typed rows: the list page's links and one announcement page parsed.
Pure functions, no I/O (the stage that fetches, stores and links them: ``mofcom_stage.py``).

China's Ministry of Commerce publishes its acts as HTML pages, in Chinese, with no feed or
machine-readable list: a list page (``政策发布``, the unreliable-entity-list working mechanism's
page, the Bureau of Industry Security, Import and Export Control's page) of links with dates, and
one page per announcement carrying the ``ArticleTitle`` / ``PubDate`` meta tags, an ``<h1>`` title
and the text in ``div#zoom`` (``div.art-con``, ``div.TRS_Editor`` on older pages). What is read:

- the **number** as published: ``商务部公告2025年第1号``, ``商务部 海关总署公告2023年第23号``,
  ``不可靠实体清单工作机制公告〔2023〕1号`` (the announcement's own number is the line of the text
  that is only a number, else the number the title starts with; other numbers in the text are
  the announcements it refers to, e.g. the one whose measures it suspends);
- the **date**: the signature date at the foot of the text (``2025年1月2日``), else ``PubDate``;
- the **kind** (:data:`KINDS`), from the title, else the text: additions to, removals from and
  suspensions of the unreliable entity list (不可靠实体清单) and of the export-control control
  list (出口管制管控名单), export controls on items (镓、锗, 两用物项 ...), anti-dumping (反倾销),
  anti-discrimination (反歧视) and countervailing (反补贴) investigations;
- the **named entities** of list kinds: each ``中文名（English name）``, inline or one per numbered
  line (a numbered line of a Chinese organisation name alone is kept too), and the count the text
  states (``28家``) when the page lists fewer;
- the **effective date** (``自2023年8月1日起``; ``自公布之日起`` is the announcement's date),
  the **measures** (the lines that prohibit, fine, suspend ...) and the **items** (a closed list,
  :data:`ITEMS`, read from the title and the measures).

Strict and loud: a page without a number, a date or a known kind, or a list announcement naming no
entity, raises :class:`ParseError` naming the URL and every missing part.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from sinowatch.errors import ParseError

#: kind -> (event type of the taxonomy, status of the act)
KINDS: dict[str, tuple[str, str]] = {
    "uel_addition": ("entity_list", "enacted"),
    "uel_removal": ("entity_list", "reversed"),
    "uel_suspension": ("entity_list", "reversed"),
    "control_list_addition": ("entity_list", "enacted"),
    "control_list_removal": ("entity_list", "reversed"),
    "control_list_suspension": ("entity_list", "reversed"),
    "export_control_items": ("export_control", "enacted"),
    "export_control_suspension": ("export_control", "reversed"),
    "antidumping_investigation": ("investigation", "enacted"),
    "antidiscrimination_investigation": ("investigation", "enacted"),
    "countervailing_investigation": ("investigation", "enacted"),
}
#: kinds that name the entities they act on (a page of one of them naming none does not parse)
LIST_KINDS = frozenset({"uel_addition", "uel_removal", "control_list_addition", "control_list_removal"})

#: items of export controls and investigations, as MOFCOM names them (read from the title and the
#: measures, never from the item tables: "铟镓砷" is a gallium item, not an indium control)
ITEMS: dict[str, str] = {
    "镓": "gallium", "锗": "germanium", "锑": "antimony", "超硬材料": "superhard materials", "石墨": "graphite",
    "稀土": "rare earths", "钨": "tungsten", "碲": "tellurium", "铋": "bismuth", "钼": "molybdenum", "铟": "indium",
    "锂电池": "lithium batteries", "无人机": "drones", "模拟芯片": "analog chips", "集成电路": "integrated circuits",
    "两用物项": "dual-use items", "光刻": "lithography",
}
#: countries an announcement's title names (its object: "对美国出口管制", "14家外国实体")
COUNTRIES: dict[str, str] = {"美国": "US", "加拿大": "CA", "日本": "JP", "荷兰": "NL", "欧盟": "EU", "英国": "GB",
                             "德国": "DE", "法国": "FR", "韩国": "KR", "澳大利亚": "AU", "印度": "IN"}

_NUMBER = re.compile(r"(不可靠实体清单工作机制公告|商务部[^，。；,;\n]{0,16}?公告|公告)\s*[〔\[(]?\s*(\d{4})\s*[〕\])]?\s*年?"
                     r"\s*第?\s*(\d{1,3})\s*号")
_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SIGNED = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_FROM_DATE = re.compile(r"自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起")
_FROM_PUBLICATION = re.compile(r"自(?:本公告)?(?:公布|发布)之日起")
_COUNT = re.compile(r"(\d{1,4})\s*家")
_PAIR = re.compile(r"\(([^()]*[A-Za-z][^()]*)\)")
_ALIAS_NOTE = re.compile(r"\s*(以下简称|以下称|下称|简称|英文名称?|英文)")
_ORDINAL_LINE = re.compile(r"^\s*(?:\d{1,3}\s*[.、]|\(\d{1,3}\))\s*")
_ORG = re.compile(r"(公司|集团|研究院|研究所|大学|中心|实验室|机构|协会)$")
_MEASURE = re.compile(r"禁止|不得|不予|罚款|处以|暂停|停止|更严格|取消")
_SEPARATORS = "、，,：:；;。"
_NOT_AN_ANNOUNCEMENT = re.compile(r"答记者问|解读|新闻发布会|图解")
_BLOCK = ("p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "table", "ul", "ol")


@dataclass(frozen=True)
class ListedLink:
    """One announcement link of a list page."""

    url: str
    title: str
    listed: date | None  # the date the list page shows beside it


@dataclass(frozen=True)
class ListedName:
    """An entity an announcement names: its Chinese name and the English name in parentheses."""

    zh: str | None
    en: str | None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.en, self.zh) if n)


@dataclass(frozen=True)
class MofcomAnnouncement:
    announcement_id: str  # series-year-number: "mofcom-2025-1", "uel-2023-1"
    number: str  # as published (NFKC): "商务部公告2025年第1号"
    title: str
    kind: str  # a key of KINDS
    published: date
    effective: date | None
    names: tuple[ListedName, ...]
    items: tuple[str, ...]
    measures: tuple[str, ...]
    countries: tuple[str, ...]
    refers_to: tuple[str, ...]  # ids of the announcements it names besides itself
    declared: int | None  # the number of entities the text says it lists ("28家"), when it says
    url: str

    @property
    def event_type(self) -> str:
        return KINDS[self.kind][0]

    @property
    def status(self) -> str:
        return KINDS[self.kind][1]

    def notes(self) -> list[str]:
        """What a reader should know about the page (parsed, but not all there)."""
        if self.kind in LIST_KINDS and self.declared and self.declared > len(self.names):
            return [f"{self.number} lists {len(self.names)} of the {self.declared} entities its text counts"]
        return []


def _decode(body: bytes) -> str:
    head = body[:2048].decode("ascii", "ignore")
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", head)
    declared = m.group(1).lower() if m else ""
    declared = "gb18030" if declared in ("gb2312", "gbk", "x-gbk") else declared  # a superset: no character lost
    for enc in ((declared,) if declared else ()) + ("utf-8", "gb18030"):
        try:
            return body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", "replace")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _doc(body: bytes, url: str):  # type: ignore[no-untyped-def]
    import lxml.html
    from lxml.etree import ParserError

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", _decode(body))  # lxml takes no declaration in decoded text
    if not text.strip():
        raise ParseError(f"{url}: empty page")
    try:
        return lxml.html.document_fromstring(text)
    except (ParserError, ValueError) as e:
        raise ParseError(f"{url}: not HTML ({e})") from None


def _date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _cn_date(text: str) -> date | None:
    m = _CN_DATE.search(text)
    return _date(*m.groups()) if m else None


def parse_list_page(body: bytes, base_url: str) -> list[ListedLink]:
    """The announcement links of a list page, in page order: anchors whose text (or title) names
    a 公告, not a press Q&A or an explainer (答记者问, 解读), each with the date the page shows
    beside it. A page with no such link raises ParseError (the feed URL is not a list page)."""
    doc = _doc(body, base_url)
    out: list[ListedLink] = []
    seen: set[str] = set()
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        title = _norm(a.get("title") or a.text_content() or "")
        if not href or href.startswith(("javascript:", "#", "mailto:")) or "公告" not in title:
            continue
        if _NOT_AN_ANNOUNCEMENT.search(title):
            continue
        url = urljoin(base_url, href)
        if url in seen:
            continue
        seen.add(url)
        parent = a.getparent()
        around = _norm(parent.text_content()) if parent is not None else ""
        m = _ISO_DATE.search(around.replace(title, " ")) or None
        listed = _date(*m.groups()) if m else _cn_date(around.replace(title, " "))
        out.append(ListedLink(url=url, title=title, listed=listed))
    if not out:
        raise ParseError(f"{base_url}: no announcement (公告) links on the page; is this a MOFCOM list page?")
    return out


def _lines(doc) -> list[str]:  # type: ignore[no-untyped-def]
    node = None
    for xpath in ("//div[@id='zoom']", "//div[contains(@class, 'art-con')]", "//div[contains(@class, 'TRS_Editor')]",
                  "//body"):
        found = doc.xpath(xpath)
        if found:
            node = found[0]
            break
    if node is None:
        return []
    for el in node.iter(*_BLOCK):
        el.tail = "\n" + (el.tail or "")
    return [line for line in (_norm(s) for s in node.text_content().split("\n")) if line]


def _meta(doc, name: str) -> str:  # type: ignore[no-untyped-def]
    for el in doc.xpath(f"//meta[@name='{name}']"):
        if (el.get("content") or "").strip():
            return _norm(el.get("content"))
    return ""


def _number_id(m: re.Match[str]) -> tuple[str, str]:
    series = "uel" if m.group(1).startswith("不可靠") else "mofcom"  # a bare 公告 on a MOFCOM page is MOFCOM's
    return f"{series}-{m.group(2)}-{int(m.group(3))}", _norm(m.group(0))


def classify(text: str) -> str | None:
    """The kind of an announcement from its title (or text), or None."""
    uel = "不可靠实体清单" in text
    control_list = "管控名单" in text
    if "暂停" in text and ("措施" in text or "实施" in text):
        return "uel_suspension" if uel else "control_list_suspension" if control_list else "export_control_suspension"
    if uel or control_list:
        prefix = "uel" if uel else "control_list"
        if "移出" in text:
            return f"{prefix}_removal"
        if "列入" in text or "纳入" in text:
            return f"{prefix}_addition"
    if "反倾销" in text:
        return "antidumping_investigation"
    if "反歧视" in text:
        return "antidiscrimination_investigation"
    if "反补贴" in text:
        return "countervailing_investigation"
    if "出口管制" in text and ("物项" in text or "技术" in text):
        return "export_control_items"
    return None


def _names(lines: list[str]) -> tuple[ListedName, ...]:
    out: list[ListedName] = []
    seen: set[tuple[str | None, str | None]] = set()
    for line in lines:
        # "（以下简称TechInsights）" is a short name for the one just named, not another entity
        pairs = [m for m in _PAIR.finditer(line) if not _ALIAS_NOTE.match(m.group(1))]
        for m in pairs:
            pre = line[:m.start()]
            if len(pairs) == 1 and _ORDINAL_LINE.match(line):  # one per numbered line: the whole name
                zh = _ORDINAL_LINE.sub("", pre).strip()
            else:  # inline: back to the separator before it ("A公司（A）、B公司（B）")
                zh = _ORDINAL_LINE.sub("", pre[max(pre.rfind(s) for s in _SEPARATORS) + 1:]).strip()
            zh = re.sub(r"^.*?(?:决定将|将)", "", zh) if re.search("将", zh) else zh
            zh = zh.rsplit("的", 1)[-1].strip()
            en = m.group(1).strip()
            key = (zh or None, en or None)
            if key not in seen and (zh or en):
                seen.add(key)
                out.append(ListedName(zh=zh or None, en=en or None))
        if not pairs and _ORDINAL_LINE.match(line):
            name = _ORDINAL_LINE.sub("", line).rstrip("；;。.").strip()
            if _ORG.search(name) and len(name) <= 60 and (name, None) not in seen:
                seen.add((name, None))
                out.append(ListedName(zh=name, en=None))
    return tuple(out)


def _missing(url: str, missing: list[str]) -> ParseError:
    return ParseError(f"{url}: not a MOFCOM announcement sinowatch can read: no {', no '.join(missing)}")


def parse_announcement(body: bytes, url: str) -> MofcomAnnouncement:
    """One announcement page -> a typed row; ParseError naming the URL and what is missing."""
    doc = _doc(body, url)
    lines = _lines(doc)
    h1 = doc.xpath("//h1")
    title = _meta(doc, "ArticleTitle") or (_norm(h1[0].text_content()) if h1 else "") or re.sub(
        r"_[^_]*$", "", _norm(doc.findtext(".//title") or ""))
    own = next((m for m in (_NUMBER.fullmatch(line) for line in lines) if m), None)
    if own is None:
        own = _NUMBER.match(title)
    text = "\n".join(lines)
    # the signature date: a line that is only a date, else a date ending one of the last lines ("商务部 2025年1月2日")
    signature = next((d for d in (_date(*m.groups()) for m in (_CN_DATE.fullmatch(line) for line in reversed(lines))
                                  if m) if d), None) or next(
        (d for d in (_date(*m.groups()) for m in (_SIGNED.search(line) for line in reversed(lines[-3:])) if m)
         if d), None)
    pub_meta = _ISO_DATE.search(_meta(doc, "PubDate"))
    published = signature or (_date(*pub_meta.groups()) if pub_meta else None)
    kind = classify(title) or classify(text)
    missing = []
    if own is None:
        missing.append("announcement number (商务部公告YYYY年第N号 / 不可靠实体清单工作机制公告)")
    if published is None:
        missing.append("date (the signature date or the PubDate meta tag)")
    if not title:
        missing.append("title")
    if kind is None:
        missing.append("known kind (unreliable entity list, control list, export control on items, investigation)")
    names = _names(lines) if kind in LIST_KINDS else ()
    if kind in LIST_KINDS and not names:
        missing.append("named entity (中文名（English name）)")
    if missing or own is None or published is None or kind is None:
        raise _missing(url, missing)
    announcement_id, number = _number_id(own)
    refers = tuple(dict.fromkeys(i for i in (_number_id(m)[0] for m in _NUMBER.finditer(f"{title}\n{text}"))
                                 if i != announcement_id))
    effective = None
    m = _FROM_DATE.search(text)
    if m:
        effective = _cn_date(m.group(1))
    elif _FROM_PUBLICATION.search(text):
        effective = published
    measures = tuple(line[:200] for line in lines if _MEASURE.search(line) and not _NUMBER.fullmatch(line))[:10]
    scope = " ".join((title, *measures))
    items = tuple(v for k, v in ITEMS.items() if k in scope)
    countries = tuple(dict.fromkeys(v for k, v in COUNTRIES.items() if k in title))
    count = _COUNT.search(title) or _COUNT.search(text)
    return MofcomAnnouncement(
        announcement_id=announcement_id, number=number, title=title, kind=kind, published=published,
        effective=effective, names=names, items=items, measures=measures, countries=countries, refers_to=refers,
        declared=int(count.group(1)) if count else None, url=url)
