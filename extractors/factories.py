"""Every spaCy registration of sinowatch in one place: component factories and Doc extensions.

Importing this module registers ``sinowatch_watchlist``, ``sinowatch_events``,
``sinowatch_event_classifier`` and ``sinowatch_discovery`` with spaCy, so ``nlp.add_pipe("sinowatch_events")`` works and saved
pipelines load with ``spacy.load``.
"""

from __future__ import annotations

from sinowatch.extractors.discovery import DEFAULT_CONTEXT, CandidateFinder
from sinowatch.extractors.event_classifier import (
    DEFAULT_ADD_FLOOR,
    DEFAULT_DROP_BELOW,
    DEFAULT_WEAK_RULE,
    EventClassifierComponent,
)
from sinowatch.extractors.events import EventDetector
from sinowatch.extractors.matcher import DEFAULT_SPANS_KEY, WatchlistMatcher
from spacy.language import Language
from spacy.tokens import Doc


def _user_data_getter(key: str):  # type: ignore[no-untyped-def]
    def get(doc: Doc) -> object:
        return doc.user_data.get(key)

    return get


# the components write doc.user_data["sw_events"] / ["sw_candidates"] (a dict write costs far less
# than a doc._ attribute write); doc._.sw_events / doc._.sw_candidates read them
for _ext in ("sw_events", "sw_candidates"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, getter=_user_data_getter(_ext))


@Language.component("sinowatch_decimals")
def join_decimals(doc: Doc) -> Doc:
    """Chinese text is tokenized by character, so the sentencizer ends a sentence at the point of a decimal
    ("征收最高199.88%反倾销税" became "...最高199." and "88%反倾销税..."): a sentence does not start at a digit that
    follows "<digit>." (extract-0.7.27). Runs right after the sentencizer."""
    for i in range(2, len(doc)):
        tok = doc[i]
        if tok.is_sent_start and doc[i - 1].text == "." and doc[i - 2].text[-1:].isdigit() and tok.text[:1].isdigit():
            tok.is_sent_start = False
    return doc


@Language.factory("sinowatch_watchlist", default_config={"spans_key": DEFAULT_SPANS_KEY, "window": 25})
def make_watchlist_matcher(nlp: Language, name: str, *, spans_key: str, window: int) -> WatchlistMatcher:
    return WatchlistMatcher(nlp, name, spans_key=spans_key, window=window)


@Language.factory("sinowatch_events", default_config={"spans_key": DEFAULT_SPANS_KEY, "min_confidence": 0.5})
def make_event_detector(nlp: Language, name: str, *, spans_key: str, min_confidence: float) -> EventDetector:
    return EventDetector(nlp, name, spans_key=spans_key, min_confidence=min_confidence)


@Language.factory("sinowatch_event_classifier",
                  default_config={"add_floor": DEFAULT_ADD_FLOOR, "drop_below": DEFAULT_DROP_BELOW,
                                  "weak_rule": DEFAULT_WEAK_RULE, "batch_size": 64, "candidates": "strict"})
def make_event_classifier(nlp: Language, name: str, *, add_floor: float, drop_below: float,
                          weak_rule: float, batch_size: int, candidates: str) -> EventClassifierComponent:
    """The classifier component; its model is set afterwards (``component.model = ...``)."""
    return EventClassifierComponent(nlp, name, add_floor=add_floor, drop_below=drop_below,
                                    weak_rule=weak_rule, batch_size=batch_size, candidates=candidates)


@Language.factory("sinowatch_discovery",
                  default_config={"spans_key": DEFAULT_SPANS_KEY, "labels": ["ORG"], "context": DEFAULT_CONTEXT})
def make_candidate_finder(nlp: Language, name: str, *, spans_key: str, labels: list[str], context: str) -> CandidateFinder:
    return CandidateFinder(nlp, name, spans_key=spans_key, labels=labels, context=context)
