"""Watchlist discovery: organisations the statistical NER finds that the watchlist does not know.

Runs only in pipelines that have an ``ner`` component (``[extraction] use_ner = true``). An ORG
entity counts as a candidate when it overlaps no watchlist mention and its text has China, AI or
chip context; candidates are stored per article (``entity_candidates``) so ``sinowatch candidates``
can rank them with counts and example sentences, and a user can grow the watchlist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from sinowatch.extractors.matcher import DEFAULT_SPANS_KEY, doc_text, hits, sentence_bounds
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_CONTEXT = (r"\bchin(a|ese)\b|\bbeijing\b|\bshanghai\b|\bshenzhen\b|\bhangzhou\b|\bhong kong\b|\bai\b|"
                   r"artificial intelligence|\bchips?\b|semiconductor|\bgpus?\b|\bmodels?\b|\bfoundry\b")
_JUNK = re.compile(r"^(the |a |an )|^\W+$|^\d|['’]s$")
_STOP = {"ai", "china", "chinese", "us", "u.s.", "government", "ministry", "state", "reuters", "bloomberg",
         "company", "group", "board", "congress", "senate", "white house", "eu", "gpu", "gpus", "llm", "api"}


class CandidateFinder:
    """Writes ``doc._.sw_candidates`` (stored in ``doc.user_data``): a list of (name, sentence) for unknown ORG entities."""

    def __init__(self, nlp: Language, name: str = "sinowatch_discovery", *, spans_key: str = DEFAULT_SPANS_KEY,
                 labels: Iterable[str] = ("ORG",), context: str = DEFAULT_CONTEXT, min_length: int = 3) -> None:
        self.name = name
        self.spans_key = spans_key
        self.labels = set(labels)
        self.context = re.compile(context, re.IGNORECASE)
        self.min_length = min_length

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[str, str]] = []
        ents = [e for e in doc.ents if e.label_ in self.labels]
        if ents:
            text = doc_text(doc)
            if self.context.search(text):
                known = {i for h in hits(doc) for i in range(h[0], h[1])}
                sents = sentence_bounds(doc)
                for ent in ents:
                    if any(i in known for i in range(ent.start, ent.end)):
                        continue
                    name = " ".join(text[ent.start_char:ent.end_char].split())
                    if len(name) < self.min_length or name.lower() in _STOP or _JUNK.search(name.lower()):
                        continue
                    sent = next((text[a:b] for s, e, a, b in sents if s <= ent.start < e), "")
                    found.append((name, sent.strip()))
        doc.user_data["sw_candidates"] = found  # read as doc._.sw_candidates
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        import srsly

        Path(path).mkdir(parents=True, exist_ok=True)
        srsly.write_json(Path(path) / "cfg", {"labels": sorted(self.labels), "context": self.context.pattern})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> CandidateFinder:
        import srsly

        cfg = srsly.read_json(Path(path) / "cfg")
        self.labels = set(cfg["labels"])
        self.context = re.compile(cfg["context"], re.IGNORECASE)
        return self
