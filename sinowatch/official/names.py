"""Listed names -> watchlist ids, on evidence a compliance analyst would accept. Pure, no I/O.

A screening-list name (or a firm named in a Federal Register document) resolves to a watchlist
company only when the whole name is accounted for:

    [place ...] BRAND [place | descriptor | alias of the same firm | alias of a unit of it ...] [legal suffix ...]

* BRAND is a name alias of one watched company (its ``name``, ``aliases`` and ``aliases_zh``;
  products, tickers and aliases that need context are left out: "Blackwell Trading" is not
  Nvidia, "曙光" alone is a common word);
* a place is one of :data:`PLACES` (Chinese provinces and cities, regions, countries), before or
  after the brand, or in parentheses ("Inspur (Beijing) ...");
* a descriptor is one of :data:`DESCRIPTORS`, the closed list of generic corporate words that
  a firm's own units carry ("Technologies", "Electronic Information Industry", "Cloud Computing",
  "Semiconductor", "Intelligent Technology", "科技", "电子信息产业", "云计算" ...);
* a legal suffix is one of :data:`LEGAL` ("Co., Ltd.", "Inc.", "有限公司", "股份有限公司" ...);
* a unit: when the watchlist makes one company the parent of another (kunlunxin -> baidu), the
  parent's brand followed by the unit's alias resolves to the unit ("Baidu Kunlunxin Technology").

Any other word makes the name a different firm that merely shares the brand ("Huawei Marine
Networks", "Inspur Real Estate", "北方华创置业"): it resolves to nothing. So does a
parenthesised part that is neither places and descriptors nor another name of the same firm, and
a name whose alternative names resolve to two different firms. Precision first: a rule is never
attached to the wrong firm; an unresolved Chinese name goes to the discovery candidates instead.

Text and names are compared as symbols: a run of Latin letters and digits is one symbol, a
Chinese character is one symbol, after NFKC and case folding; punctuation separates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SYMBOL = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
_PARENS = re.compile(r"\(([^()]*)\)|（([^（）]*)）")

Phrase = tuple[str, ...]


def symbols(text: str) -> Phrase:
    """NFKC, case-folded symbols of a text: Latin/digit runs and single Chinese characters."""
    return tuple(_SYMBOL.findall(unicodedata.normalize("NFKC", text).casefold()))


def _phrases(items: Iterable[str]) -> frozenset[Phrase]:
    return frozenset(p for p in (symbols(i) for i in items) if p)


#: places a firm's unit is named after (Chinese provinces and large cities in pinyin and in Chinese,
#: with 省/市; Hong Kong, Macau, Taiwan; regions and the countries where Chinese firms have units)
PLACES: frozenset[Phrase] = _phrases([
    "china", "prc", "hong kong", "hongkong", "hk", "macau", "macao", "taiwan", "taipei", "hsinchu",
    "beijing", "shanghai", "tianjin", "chongqing", "shenzhen", "guangzhou", "hangzhou", "hefei", "chengdu", "wuhan",
    "jinan", "nanjing", "suzhou", "wuxi", "xian", "xi an", "qingdao", "xiamen", "changsha", "zhengzhou", "shenyang",
    "dalian", "dongguan", "zhuhai", "foshan", "ningbo", "wenzhou", "fuzhou", "kunming", "guiyang", "nanchang",
    "changchun", "harbin", "shijiazhuang", "taiyuan", "nanning", "haikou", "lanzhou", "urumqi", "hohhot", "xining",
    "yinchuan", "lhasa", "changzhou", "hefei", "yantai", "zibo", "tangshan", "baotou", "mianyang", "xiangtan",
    "guangdong", "zhejiang", "jiangsu", "shandong", "sichuan", "hubei", "hunan", "henan", "hebei", "anhui", "fujian",
    "jiangxi", "liaoning", "jilin", "heilongjiang", "shaanxi", "shanxi", "gansu", "qinghai", "yunnan", "guizhou",
    "hainan", "guangxi", "inner mongolia", "ningxia", "xinjiang", "tibet",
    "asia", "asia pacific", "europe", "middle east", "africa", "north america", "latin america",
    "singapore", "japan", "korea", "south korea", "india", "pakistan", "malaysia", "thailand", "vietnam", "indonesia",
    "philippines", "germany", "france", "netherlands", "united kingdom", "uk", "ireland", "italy", "spain",
    "sweden", "finland", "russia", "turkey", "israel", "uae", "dubai", "saudi arabia", "egypt", "south africa",
    "nigeria", "kenya", "kazakhstan", "brazil", "mexico", "canada", "australia", "united states", "usa", "america",
    "中国", "香港", "澳门", "台湾", "台北", "新竹",
    "北京", "上海", "天津", "重庆", "深圳", "广州", "杭州", "合肥", "成都", "武汉", "济南", "南京", "苏州", "无锡", "西安",
    "青岛", "厦门", "长沙", "郑州", "沈阳", "大连", "东莞", "珠海", "佛山", "宁波", "温州", "福州", "昆明", "贵阳", "南昌",
    "长春", "哈尔滨", "石家庄", "太原", "南宁", "海口", "兰州", "乌鲁木齐", "呼和浩特", "西宁", "银川", "拉萨", "常州",
    "烟台", "淄博", "唐山", "包头", "绵阳", "湘潭",
    "广东", "浙江", "江苏", "山东", "四川", "湖北", "湖南", "河南", "河北", "安徽", "福建", "江西", "辽宁", "吉林",
    "黑龙江", "陕西", "山西", "甘肃", "青海", "云南", "贵州", "海南", "广西", "内蒙古", "宁夏", "新疆", "西藏",
    *(f"{c}{s}" for c in ("北京", "上海", "天津", "重庆", "深圳", "广州", "杭州", "合肥", "成都", "武汉", "济南", "南京",
                         "苏州", "无锡", "西安", "青岛", "厦门", "长沙", "郑州", "沈阳", "大连", "东莞", "珠海")
      for s in ("市",)),
    *(f"{p}省" for p in ("广东", "浙江", "江苏", "山东", "四川", "湖北", "湖南", "河南", "河北", "安徽", "福建",
                        "江西", "辽宁", "吉林", "黑龙江", "陕西", "山西", "甘肃", "青海", "云南", "贵州", "海南")),
])

#: generic corporate descriptors: the words a technology firm's own units carry. A closed list,
#: written from the dev split's screening-list names and general corporate naming (never from the
#: test or holdout records). A word not here ("Marine", "Networks", "Real Estate", "Hotel",
#: "Trading", "Investment", "Logistics", "置业", "酒店") makes the name another business.
DESCRIPTORS: frozenset[Phrase] = _phrases([
    # English
    "technology", "technologies", "tech", "technological", "science", "sciences", "scientific",
    "information", "info", "electronic", "electronics", "industry", "industries", "industrial",
    "intelligent", "intelligence", "ai", "artificial intelligence", "cloud", "computing", "computer", "computers",
    "semiconductor", "semiconductors", "microelectronics", "microelectronic", "integrated circuit",
    "integrated circuits", "ic", "chip", "chips", "software", "digital", "data", "system", "systems", "solutions",
    "services", "device", "devices", "research", "research institute", "research and development", "r d", "innovation", "group", "holding", "holdings",
    "international", "global", "enterprise", "enterprises", "branch", "branch office",
    # Chinese
    "科技", "技术", "信息", "信息技术", "信息产业", "电子", "电子信息", "电子信息产业", "产业", "工业", "智能", "人工智能",
    "云", "云计算", "计算", "计算机", "半导体", "微电子", "集成电路", "芯片", "软件", "数字", "数据", "系统", "研究院",
    "研究所", "研发", "创新", "服务", "集团", "控股", "国际", "分公司",
])

#: legal suffixes (and the words of "Co., Ltd.")
LEGAL: frozenset[Phrase] = _phrases([
    "co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "llc", "plc", "gmbh", "ag",
    "bv", "b v", "pte", "pty", "kk", "sa", "s a", "jsc", "joint stock", "joint stock company", "shares",
    "有限公司", "有限责任公司", "股份有限公司", "股份公司", "公司", "股份",
])
_AND = ("and",)


def _is_cjk(phrase: Phrase) -> bool:
    return any(re.match(f"[{_CJK}]", s) for s in phrase)


def _match_at(syms: Phrase, i: int, lexicon: frozenset[Phrase], max_len: int) -> list[int]:
    """Lengths of the lexicon's phrases that occur at position ``i``, longest first."""
    return [n for n in range(min(max_len, len(syms) - i), 0, -1) if syms[i:i + n] in lexicon]


@dataclass
class NameIndex:
    """Watched companies' name aliases (English and Chinese) as symbol phrases, and the parent
    relation of the watchlist (unit -> firm)."""

    aliases: dict[Phrase, str]  # alias symbols -> entity id (an alias of two firms is left out)
    parents: dict[str, str | None] = field(default_factory=dict)
    _max: int = field(default=1, init=False, repr=False)
    _by_entity: dict[str, set[Phrase]] = field(default_factory=dict, init=False, repr=False)
    _children: dict[str, set[str]] = field(default_factory=dict, init=False, repr=False)
    _first: set[str] = field(default_factory=set, init=False, repr=False)

    def __post_init__(self) -> None:
        self._max = max([len(p) for p in (*self.aliases, *PLACES, *DESCRIPTORS, *LEGAL)], default=1)
        for p, eid in self.aliases.items():
            self._by_entity.setdefault(eid, set()).add(p)
        for child, parent in self.parents.items():
            if parent:
                self._children.setdefault(parent, set()).add(child)
        self._first = {p[0] for p in self.aliases}

    @classmethod
    def from_watchlist(cls, watchlist: Any, kinds: Sequence[str] = ("company",)) -> NameIndex:
        seen: dict[Phrase, set[str]] = {}
        parents: dict[str, str | None] = {}
        for e in watchlist.entities.values():
            if e.kind not in kinds:
                continue
            parents[e.id] = e.parent
            texts = [e.name, *(a.text for a in e.aliases if not a.context and a.source in ("aliases", "aliases_zh"))]
            for text in texts:
                p = symbols(text)
                while p and (p[-1],) in LEGAL:  # "Nvidia Corp" is the brand "Nvidia" + a legal suffix
                    p = p[:-1]
                if not p or (len("".join(p)) < 2 if _is_cjk(p) else len(" ".join(p)) < 3):
                    continue
                seen.setdefault(p, set()).add(e.id)
        return cls({p: next(iter(ids)) for p, ids in seen.items() if len(ids) == 1}, parents)

    # ------------------------------------------------------------------------------- one name
    def resolve_name(self, name: str) -> str | None:
        """The watchlist id one listed name stands for, or None (see the module's docstring)."""
        inner = [a or b for a, b in _PARENS.findall(name)]
        main = _PARENS.sub(" ", name)
        found = self._parse(symbols(main))
        if found is None:
            return None
        for part in inner:
            ps = symbols(part)
            if not ps or self._descriptive(ps) or self._parse(ps) == found:
                continue  # "(Beijing)", "(Group)", or another name of the same firm
            return None
        return found

    def resolve(self, *names: str) -> tuple[str, ...]:
        """Watchlist ids of a listed entry (its name and alternative names): one id, or none when
        nothing resolves or the names resolve to two different firms."""
        found = {r for r in (self.resolve_name(n) for n in names) if r is not None}
        return (found.pop(),) if len(found) == 1 else ()

    def _descriptive(self, syms: Phrase) -> bool:
        """Only places, descriptors and legal suffixes."""
        @cache
        def ok(i: int) -> bool:
            if i == len(syms):
                return True
            return any(ok(i + n) for lex in (PLACES, DESCRIPTORS, LEGAL) for n in _match_at(syms, i, lex, self._max))
        return ok(0)

    def namesake_of(self, *names: str) -> str | None:
        """The watched firm whose brand an unresolved listed name carries ("Inspur Real Estate"
        -> inspur), for the run's notes; None when the name resolves or carries no brand."""
        if self.resolve(*names):
            return None
        for name in names:
            brands: set[str] = set()
            self._parse(symbols(_PARENS.sub(" ", name)), brands)
            if brands:
                return sorted(brands)[0]
        return None

    def _parse(self, syms: Phrase, brands: set[str] | None = None) -> str | None:
        """[place ...] BRAND tail: the one firm every complete parse names, else None (``brands``
        collects the brands found at the start, whatever their tail)."""
        if syms[:1] == ("the",):
            syms = syms[1:]
        starts, frontier = {0}, [0]
        while frontier:  # positions reachable over leading places
            i = frontier.pop()
            for n in _match_at(syms, i, PLACES, self._max):
                if i + n not in starts:
                    starts.add(i + n)
                    frontier.append(i + n)
        results: set[str] = set()
        for s in sorted(starts):
            if s >= len(syms) or syms[s] not in self._first:
                continue
            for n in range(min(self._max, len(syms) - s), 0, -1):
                eid = self.aliases.get(syms[s:s + n])
                if eid is not None:
                    results |= self._tail(syms, s + n, eid)
                    if brands is not None:
                        brands.add(eid)
        return results.pop() if len(results) == 1 else None

    def _tail(self, syms: Phrase, start: int, eid: str) -> set[str]:
        """What the rest of the name makes of the brand ``eid``: {eid}, {unit} or {} (another firm)."""
        own = frozenset(self._by_entity.get(eid, ()))
        units = {p: c for c in self._children.get(eid, ()) for p in self._by_entity.get(c, ())}
        unit_lex = frozenset(units)

        @cache
        def rest(i: int) -> frozenset[str]:
            if i == len(syms):
                return frozenset({eid})
            out: set[str] = set()
            for lex in (PLACES, DESCRIPTORS, LEGAL, own):
                for n in _match_at(syms, i, lex, self._max):
                    out |= rest(i + n)
            for n in _match_at(syms, i, unit_lex, self._max):
                # the unit is what the name stands for, whatever the rest adds
                out |= {units[syms[i:i + n]] for _ in rest(i + n)}
            if syms[i:i + 1] == _AND and _match_at(syms, i + 1, DESCRIPTORS, self._max):
                out |= rest(i + 1)  # "Research and Development"-like pairs of descriptors
            return frozenset(out)

        got = rest(start)
        units_found = got - {eid}
        if units_found:
            return set(units_found) if len(units_found) == 1 else set()
        return set(got)

    # ------------------------------------------------------------------------------- in a text
    def firms_in_text(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(watchlist ids, namesakes) of the firms a Federal Register title or abstract names.

        Each capitalised occurrence of an English alias is grown into the name around it:
        leftwards over places, rightwards over capitalised words that are not the Register's
        own vocabulary (:data:`TEXT_STOP`: "Entity List", "License", "Affiliates" ...), across a
        comma or full stop only into a legal suffix ("Co., Ltd."). The grown name must resolve
        by :meth:`resolve_name`; a brand used as a modifier ("Huawei-linked") names nothing. A
        brand whose grown name does not resolve is a namesake
        ("Huawei Marine Networks"); a document naming a namesake never targets that brand's firm
        by any bare mention either (it may be about the namesake only)."""
        toks = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[A-Za-z0-9]+", unicodedata.normalize(
            "NFKC", text))]
        norm = [t.casefold() for t, _, _ in toks]
        found: set[str] = set()
        contested: set[str] = set()
        namesakes: list[str] = []
        i = 0
        src = unicodedata.normalize("NFKC", text)
        while i < len(toks):
            hit = next(((n, self.aliases[tuple(norm[i:i + n])]) for n in range(min(self._max, len(toks) - i), 0, -1)
                        if tuple(norm[i:i + n]) in self.aliases), None)
            if hit is None or not (toks[i][0][0].isupper() or toks[i][0][0].isdigit()):
                i += 1
                continue
            n, eid = hit
            lo, hi = i, i + n
            while lo > 0 and _gap(src, toks[lo - 1], toks[lo]) == "space":
                place = [k for k in range(max(0, lo - 3), lo)
                         if tuple(norm[k:lo]) in PLACES and toks[k][0][0].isupper()]
                if not place:
                    break
                lo = place[0]
            while hi < len(toks):
                gap = _gap(src, toks[hi - 1], toks[hi])
                word = toks[hi][0]
                legal = (norm[hi],) in LEGAL
                if not (gap == "space" or (gap == "punct" and legal)):
                    break
                if not (word[0].isupper() or word[0].isdigit()) or norm[hi] in TEXT_STOP:
                    break
                hi += 1
            span = src[toks[lo][1]:toks[hi - 1][2]]
            if re.match(r"-[a-z]", src[toks[hi - 1][2]:toks[hi - 1][2] + 2]):
                i = hi  # "Huawei-linked", "Inspur-backed": a modifier of another firm, not the firm named
                continue
            got = self.resolve_name(span)
            if got is None:
                contested.add(eid)
                namesakes.append(span)
            else:
                found.add(got)
            i = hi
        return tuple(sorted(found - contested)), tuple(namesakes)


#: capitalised words of Federal Register titles and abstracts that end a firm's name in running text
TEXT_STOP: frozenset[str] = frozenset("""
entity entities list lists license licenses licence licences licensing exception exceptions rule rules affiliate
affiliates subsidiary subsidiaries unit units addition additions adding revision revisions removal removals
amendment amendments amending export exports exporting administration regulations regulation ear foreign direct
product products item items control controls requirement requirements policy policies final interim notice
order orders denial denying temporary person persons bureau bis department commerce federal register under
destination destinations end user users military and or of the to in on for by with from as at its their
""".split())


def _gap(text: str, a: tuple[str, int, int], b: tuple[str, int, int]) -> str:
    """What separates two tokens: "space" (whitespace only), "punct" (a comma or full stop, with
    spaces) or "other"."""
    between = text[a[2]:b[1]]
    if between.strip() == "":
        return "space"
    if between.strip() in {",", ".", ".,", ",."}:
        return "punct"
    return "other"
