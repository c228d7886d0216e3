"""Turning feed HTML into clean, bounded plain text, and telling languages apart."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

MAX_TITLE_CHARS = 1_000
MAX_TEXT_CHARS = 100_000

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
     "blockquote", "section", "article", "header", "footer", "pre", "hr", "dd", "dt"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe", "object"})
# C0/C1 controls except tab and newline; bidi overrides/isolates (text direction tricks); BOM
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_NEWLINES_RE = re.compile(r"\s*\n\s*")
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
_EAST_ASIAN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z]+")
_EN_STOPWORDS = frozenset(
    "the of and to in a is that for on with as by at from its it was are be has have said will this "
    "an which or but not their were more than after over into new also".split()
)


class _Stripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(value: str) -> str:
    """Strip tags (dropping script/style), decode entities; block elements become line breaks."""
    if not value:
        return ""
    if "<" not in value and "&" not in value:
        return value
    stripper = _Stripper()
    try:
        stripper.feed(value)
        stripper.close()
    except Exception:  # HTMLParser is lenient; this is belt and braces for hostile input
        return html.unescape(re.sub(r"<[^>]*>", " ", value))
    return "".join(stripper.parts)


def clean_text(value: str, *, max_chars: int = MAX_TEXT_CHARS, single_line: bool = False) -> str:
    """NFC, no control or bidi-override characters, whitespace normalised, bounded length."""
    if not value:
        return ""
    # bound before the heavy work so a 5 MB title costs little
    value = value[: max_chars * 4]
    value = unicodedata.normalize("NFC", value)
    value = _CONTROL_RE.sub(" ", value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _SPACES_RE.sub(" ", value)
    value = " ".join(value.split()) if single_line else _NEWLINES_RE.sub("\n", value).strip()
    if len(value) > max_chars:
        cut = value[:max_chars]
        space = cut.rfind(" ", max_chars - 200)
        value = (cut[:space] if space > 0 else cut).rstrip() + "…"
    return value


def clean_html(value: str, *, max_chars: int = MAX_TEXT_CHARS, single_line: bool = False) -> str:
    return clean_text(html_to_text(value), max_chars=max_chars, single_line=single_line)


def has_east_asian(text: str) -> bool:
    """Whether ``text`` holds a Han, kana or hangul character (one regex search, no counting)."""
    return _EAST_ASIAN_RE.search(text) is not None


def detect_language(text: str, declared: str | None = None) -> str:
    """'zh' when Han characters dominate (and no kana/hangul), 'ja'/'ko' likewise, else the
    declared language, else 'en' when English function words are common, else 'und'."""
    sample = text[:4000]
    words: list[str] | None = None
    if has_east_asian(sample):  # else the script counts are all 0: skip them
        han = len(_CJK_RE.findall(sample))
        kana = len(_KANA_RE.findall(sample))
        hangul = len(_HANGUL_RE.findall(sample))
        words = _LATIN_WORD_RE.findall(sample)
        letters = han + kana + hangul + sum(len(w) for w in words) // 4  # a Latin word ~ one Han char
        if letters and (han + kana + hangul) / letters > 0.3:
            if kana > han * 0.1:
                return "ja"
            if hangul > han:
                return "ko"
            return "zh"
    declared = (declared or "").strip().lower().replace("_", "-")
    if declared:
        base = declared.split("-")[0]
        if base and base != "zh":
            return base
    if words is None:
        words = _LATIN_WORD_RE.findall(sample)
    if words:
        stop = sum(1 for w in words if w.lower() in _EN_STOPWORDS)
        if stop / len(words) > 0.08 or (len(words) < 12 and stop >= 1):
            return "en"
        if not declared:
            return "en" if len(words) < 6 else "und"
    return declared.split("-")[0] if declared else "und"
