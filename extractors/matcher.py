"""The watchlist matcher: a spaCy component that tags watchlist hits and resolves each to its id.

One PhraseMatcher on LOWER finds every candidate; each hit is then checked against its alias's
rules, cheapest first:

* word boundaries on characters (the Chinese pipeline tokenises per character, so "H20" must not
  fire inside "H200", nor "Kimi" inside "Kimiko");
* case: a ``case_sensitive`` alias must match exactly (or in upper case when the text is
  shouting, as some wire headlines are) - "Entity List" is a policy, "entity list" is not;
* ``not_before`` / ``not_after``: regexes on the text right after / before the hit ("CAC 40",
  "Micron-scale", "India's Department of Commerce");
* ``veto``: regexes that reject the hit when they occur within ``window`` tokens of it;
* ``context``: regexes of which one must occur within ``window`` tokens, unless the same entity
  is already confirmed by an unconditional alias in the same text ("Moonshot AI ... Moonshot").

A wrong tag costs an analyst more than a missed one, so ambiguous aliases carry rules and the
default is to drop a hit that fails them. Accepted hits go to ``doc.spans[spans_key]`` with the
kind as label and the entity id as ``span.id_``; overlapping hits keep the longest
("Ascend 910B" the chip, not "Ascend" the product line).

Patterns are stored as JSONL with to_disk/from_disk (one row per alias, see
``Watchlist.patterns``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

PATTERNS_FILE = "patterns.jsonl"
DEFAULT_SPANS_KEY = "sw_mentions"


@dataclass(frozen=True)
class _Rule:
    id: str
    kind: str
    text: str
    case_sensitive: bool
    context: re.Pattern[str] | None
    veto: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    actor_only: bool = False

    @property
    def conditional(self) -> bool:
        return self.context is not None


def _any(rxs: Sequence[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{r})" for r in rxs), flags) if rxs else None


def _char_class(c: str) -> str | None:
    """'L' for a Latin-script letter, 'D' for a digit, None otherwise (Han, punctuation, space)."""
    if c.isdigit() and c.isascii():
        return "D"
    if c.isalpha() and ord(c) < 0x2E80:
        return "L"
    return None


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ASCII_UPPER = re.compile(r"[A-Z]")


def _shouting(text: str) -> bool:
    """Mostly upper-case ASCII letters (at least 12 of them): a shouting wire headline."""
    letters = len(_ASCII_LETTER.findall(text))
    return letters >= 12 and len(_ASCII_UPPER.findall(text)) / letters > 0.8


class WatchlistMatcher:
    """Tags watchlist aliases in ``doc.spans[spans_key]``, each span labelled with the entity kind
    and carrying the entity id in ``span.id_``."""

    def __init__(self, nlp: Language, name: str = "sinowatch_watchlist", *, spans_key: str = DEFAULT_SPANS_KEY,
                 window: int = 25) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.window = window
        self._patterns: list[dict[str, Any]] = []
        self._rules: list[_Rule] = []
        self._rule_of_match: dict[int, _Rule] = {}  # PhraseMatcher match id -> rule
        self._actor_only: set[str] = set()  # ids of governments: event actors, never mentions
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")

    # ---------------------------------------------------------------- patterns
    @property
    def patterns(self) -> list[dict[str, Any]]:
        return list(self._patterns)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add alias rows (see ``Watchlist.patterns``): id, kind, text and optional rules."""
        rows = list(patterns)
        texts = [str(p["text"]) for p in rows]
        # pattern docs are built with the pipeline's own tokenizer, so they split like the texts
        docs = list(self.nlp.tokenizer.pipe(texts))  # type: ignore[union-attr]
        for p, doc in zip(rows, docs, strict=True):
            if len(doc) == 0:
                continue
            key = str(len(self._rules))
            rule = _Rule(
                id=p["id"], kind=p["kind"], text=str(p["text"]), case_sensitive=bool(p.get("case_sensitive")),
                context=_any(p.get("context") or ()), veto=_any(p.get("veto") or ()),
                not_before=_any(p.get("not_before") or (), 0), not_after=_any(p.get("not_after") or (), 0),
                actor_only=bool(p.get("actor_only")),
            )
            if rule.actor_only:
                self._actor_only.add(rule.id)
            self._rules.append(rule)
            self._rule_of_match[self.nlp.vocab.strings.add(key)] = rule
            self._patterns.append(dict(p))
            self.matcher.add(key, [doc])

    def clear(self) -> None:
        self._patterns, self._rules, self._rule_of_match = [], [], {}
        self._actor_only = set()
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")

    # ---------------------------------------------------------------- matching
    def __call__(self, doc: Doc) -> Doc:
        hits = self.find_hits(doc)
        if self._actor_only and hits:
            # governments ("Beijing", "美方") only ever name an event's actor: kept apart from the
            # mentions, after overlaps were resolved ("China's commerce ministry" is MOFCOM)
            doc.user_data["sw_actor_hits"] = [h for h in hits if h[4] in self._actor_only]
            hits = [h for h in hits if h[4] not in self._actor_only]
        doc.user_data["sw_hits"] = hits
        if hits:  # a doc without hits gets no span group (building an empty one costs as much)
            doc.spans[self.spans_key] = [Span(doc, s, e, label=kind, span_id=eid) for s, e, _, _, eid, kind in hits]
        return doc

    def find(self, doc: Doc) -> list[Span]:
        return [Span(doc, s, e, label=kind, span_id=eid) for s, e, _, _, eid, kind in self.find_hits(doc)]

    def find_hits(self, doc: Doc) -> list[tuple[int, int, int, int, str, str]]:
        """Accepted hits as (start token, end token, start char, end char, entity id, kind),
        longest first among overlaps, in text order."""
        matches = self.matcher(doc)
        if not matches:
            return []
        text = doc_text(doc)
        shouting: bool | None = None
        accepted: list[tuple[int, int, int, int, _Rule]] = []
        pending: list[tuple[int, int, int, int, _Rule]] = []
        for key, start, end in matches:
            rule = self._rule_of_match[key]
            last = doc[end - 1]
            s_char, e_char = doc[start].idx, last.idx + len(last)
            surface = text[s_char:e_char]
            if s_char > 0:
                before = _char_class(text[s_char - 1])
                if before is not None and before == _char_class(surface[0]):
                    continue
            if e_char < len(text):
                after = _char_class(text[e_char])
                if after is not None and after == _char_class(surface[-1]):
                    continue
            if rule.case_sensitive and surface != rule.text:
                if shouting is None:
                    shouting = _shouting(text)
                if not (shouting and surface == rule.text.upper()):
                    continue
            if rule.not_before is not None and rule.not_before.search(text[e_char:e_char + 40]):
                continue
            if rule.not_after is not None and rule.not_after.search(text[max(0, s_char - 40):s_char]):
                continue
            if rule.veto is not None and rule.veto.search(self._window(doc, start, end)):
                continue
            (pending if rule.conditional else accepted).append((start, end, s_char, e_char, rule))
        if pending:
            confirmed = {hit[4].id for hit in accepted}
            for hit in pending:
                start, end, _, _, rule = hit
                if rule.id in confirmed or (rule.context is not None
                                            and rule.context.search(self._window(doc, start, end))):
                    accepted.append(hit)
        # overlaps: keep the longest (then the earliest), like spacy.util.filter_spans
        accepted.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken: set[int] = set()
        kept: list[tuple[int, int, int, int, str, str]] = []
        for s, e, s_char, e_char, r in accepted:
            if any(i in taken for i in range(s, e)):
                continue
            taken.update(range(s, e))
            kept.append((s, e, s_char, e_char, r.id, r.kind))
        kept.sort()
        return kept

    def _window(self, doc: Doc, start: int, end: int) -> str:
        a, b = max(0, start - self.window), min(len(doc), end + self.window)
        last = doc[b - 1]
        return doc_text(doc)[doc[a].idx:last.idx + len(last)]

    # ---------------------------------------------------------------- serialisation
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        import srsly

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / PATTERNS_FILE, self._patterns)
        srsly.write_json(path / "cfg", {"spans_key": self.spans_key, "window": self.window})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> WatchlistMatcher:
        import srsly

        path = Path(path)
        cfg = srsly.read_json(path / "cfg") if (path / "cfg").exists() else {}
        self.spans_key = cfg.get("spans_key", self.spans_key)
        self.window = cfg.get("window", self.window)
        self.clear()
        self.add_patterns(srsly.read_jsonl(path / PATTERNS_FILE))
        return self


class TextKeepingTokenizer:
    """Wraps a tokenizer so each doc keeps its input text in ``doc.user_data["sw_text"]``: spaCy's
    ``doc.text`` re-joins every token on each access, which costs as much as tokenising."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        doc = self.inner(text)
        doc.user_data["sw_text"] = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def doc_text(doc: Doc) -> str:
    """The doc's text, built at most once per doc (see TextKeepingTokenizer)."""
    text = doc.user_data.get("sw_text")
    if text is None:
        text = doc.user_data["sw_text"] = doc.text
    return text  # type: ignore[no-any-return]


def hits(doc: Doc) -> list[tuple[int, int, int, int, str, str]]:
    """The matcher's accepted hits (see ``WatchlistMatcher.find_hits``)."""
    return doc.user_data.get("sw_hits") or []


#: the longest "sentence" a mention or an event carries: text without sentence punctuation (one
#: 94 KB paragraph) was one sentence, stored in full with every mention - 329 MB of output for one
#: article. Longer sentences are cut into windows of at most this many characters at token
#: boundaries (a single longer token is clipped).
MAX_SENTENCE_CHARS = 400


def actor_hits(doc: Doc) -> list[tuple[int, int, int, int, str, str]]:
    """Hits of ``actor_only`` entities (governments), apart from :func:`hits`."""
    return doc.user_data.get("sw_actor_hits") or []


def sentence_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """(start token, end token, start char, end char) of each sentence, at most
    :data:`MAX_SENTENCE_CHARS` characters each, computed once per doc and cached in
    ``doc.user_data`` (the matcher, events and discovery all need them)."""
    cached = doc.user_data.get("sw_sents")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out: list[tuple[int, int, int, int]] = []
    for sp in (doc.sents if len(doc) else ()):
        if sp.end_char - sp.start_char <= MAX_SENTENCE_CHARS:
            out.append((sp.start, sp.end, sp.start_char, sp.end_char))
        else:
            out.extend(_windows(doc, sp.start, sp.end, sp.end_char))
    doc.user_data["sw_sents"] = out
    return out


def _windows(doc: Doc, start: int, end: int, end_char: int) -> list[tuple[int, int, int, int]]:
    """A long sentence as windows of at most MAX_SENTENCE_CHARS characters, at token boundaries."""
    out: list[tuple[int, int, int, int]] = []
    first = start
    for i in range(start + 1, end):
        tok = doc[i]
        if tok.idx + len(tok) - doc[first].idx > MAX_SENTENCE_CHARS:
            prev = doc[i - 1]
            out.append((first, i, doc[first].idx, min(prev.idx + len(prev), doc[first].idx + MAX_SENTENCE_CHARS)))
            first = i
    s_char = doc[first].idx
    out.append((first, end, s_char, min(end_char, s_char + MAX_SENTENCE_CHARS)))
    return out


def mention_spans(doc: Doc, spans_key: str = DEFAULT_SPANS_KEY) -> list[Span]:
    return list(doc.spans[spans_key]) if spans_key in doc.spans else []
