"""Policy knowledge from the extracted events, combined with the sentiment model's label.

GUIDELINE.md's policy cases are largely a function of what the event extractor already finds: a
firm that is a **target** of a restrictive act (``export_control``, ``entity_list``, ``tariff``,
``investigation``) that is proposed or enacted takes bad news; one whose restriction is
**reversed** (lifted, waived, removed from a list) takes good news; the **actor** (the regulator
or government) is merely acting, so it is neutral. A past act mentioned as background says
nothing about today's news and is left to the model. With ``growth`` on, a firm that an act of
growth (an investment, a model release, a chip launch; proposed or enacted) names as target
takes good news too (GUIDELINE.md: pledges, launches and funding are not neutral). With
``bodies_neutral`` on, a government, an agency or a named policy instrument (watchlist kinds
:data:`BODY_KINDS`, and the ``actor_only`` governments) is neutral whatever the events say
(GUIDELINE.md: "the regulator itself is usually neutral (it acts, it is not affected)"; every
government, agency and policy pair of the training and validation files is labelled neutral).
With ``moves`` on, a firm that a ``market_move`` event names as target takes the direction its
sentence states ("shares rose 8%", "股价大涨" good; "fell", "暴跌" bad; both or neither: no vote).

The encoder has to infer these implied effects from wording ("requires licences for" is not a
negative word), and often does not. :func:`adjust` therefore overrides the model's label with the
event's stance for a mention that the events of its context name as target or actor, unless
the model is confident of the opposite (its score ``P(pos) - P(neg)`` at least ``keep_margin``
the other way: "Chinese chipmakers shrug off curbs as output rises" stays positive), and only for
events whose confidence is at least ``min_confidence``. An entity with contradicting stances in
one context (target of a new curb and of a reversal) keeps the model's label.

The rule's parameters are chosen on validation rows (MODEL_CARD.md, "Event layer"); the
pipeline (``aggregate.apply_sentiment``) and ``eval-sentiment`` both call :func:`adjust`, so the
reported figures are what the warehouse gets. Pure: records in, records out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sinowatch.records import POLICY_TYPES, Event, Sentiment

#: acts of growth: an investment (pledge, funding, stake), a model release, a chip launch
GROWTH_TYPES = ("investment", "model_release", "chip_launch")
#: watchlist kinds of the bodies that act rather than take news (``bodies_neutral``); ``government``
#: is what the evaluation calls an ``actor_only`` entity (no warehouse row is scored for one)
BODY_KINDS = frozenset({"agency", "policy", "government"})
#: the direction a market move's sentence states (``moves``)
_UP = re.compile(r"\b(rose|rise[sn]?|rising|jump\w*|surg\w*|soar\w*|climb\w*|gain\w*|rall(y|ied|ies)|higher|"
                 r"record high|all-time high|beat\w* estimates|doubl\w*|grew)\b|上涨|大涨|涨停|走强|走高|收涨|拉升|"
                 r"创(历史)?新高|增长|涨超|飙升", re.I)
_DOWN = re.compile(r"\b(fell|fall(s|ing)?|drop\w*|slid|slide[sn]?|sliding|plung\w*|tumbl\w*|sank|sink\w*|slump\w*|"
                   r"lost|los(es|ing)|lower|record low|wip\w* .{0,20} off|miss\w* estimates|declin\w*|shrank)\b|"
                   r"下跌|大跌|暴跌|跌停|走弱|走低|收跌|下滑|下降|跌超|亏损|蒸发", re.I)


def direction(sentence: str) -> str | None:
    """positive / negative when a market move's sentence states one direction only."""
    up, down = bool(_UP.search(sentence)), bool(_DOWN.search(sentence))
    return "positive" if up and not down else "negative" if down and not up else None


#: the score an overridden label gets at least (away from 0), so entity roll-ups (|score| >= 0.2)
#: follow the label
OVERRIDE_SCORE = 0.5


@dataclass(frozen=True)
class EventRule:
    """Parameters of the event layer (see the module docstring)."""

    min_confidence: float = 0.8
    #: the model keeps its label when its score is at least this far on the side opposite the
    #: event's stance (for a neutral stance: when |score| is at least this)
    keep_margin: float = 0.5
    #: the actor of a restrictive act is neutral
    actors_neutral: bool = True
    #: a target of an act of growth (:data:`GROWTH_TYPES`, proposed or enacted) takes good news
    growth: bool = False
    #: governments, agencies and policy instruments (:data:`BODY_KINDS`) are neutral
    bodies_neutral: bool = False
    #: a target of a market move takes its stated direction (:func:`direction`)
    moves: bool = False

    @property
    def tag(self) -> str:
        """A short stamp of the parameters, for the version of rows scored with the layer."""
        return (f"ev{self.min_confidence:g}k{self.keep_margin:g}{'a' if self.actors_neutral else ''}"
                f"{'g' if self.growth else ''}{'n' if self.bodies_neutral else ''}{'m' if self.moves else ''}")


#: the setting chosen on validation (MODEL_CARD.md, "Event layer"); ``sentiment.policy_events``
#: switches it on in the pipeline and ``eval-sentiment`` reports with it
SHIPPED_RULE = EventRule(min_confidence=0.9, keep_margin=2.0, actors_neutral=False, growth=True, bodies_neutral=True,
                         moves=True)


def stance(entity: str, events: Sequence[Event], rule: EventRule, kind: str | None = None) -> str | None:
    """The label ``events`` imply for ``entity`` (an entity id of watchlist ``kind``), or None when
    they imply none or contradict each other."""
    if rule.bodies_neutral and kind in BODY_KINDS:
        return "neutral"
    votes: set[str] = set()
    for ev in events:
        if ev.confidence < rule.min_confidence:
            continue
        if ev.type == "market_move":
            if rule.moves and entity in ev.targets and ev.status == "enacted":
                way = direction(ev.sentence)
                if way is not None:
                    votes.add(way)
            continue
        if ev.type in GROWTH_TYPES:
            if rule.growth and entity in ev.targets and ev.status in ("proposed", "enacted"):
                votes.add("positive")
            continue
        if ev.type not in POLICY_TYPES:
            continue
        if entity in ev.targets:
            if ev.status in ("proposed", "enacted"):
                votes.add("negative")
            elif ev.status == "reversed":
                votes.add("positive")
        elif rule.actors_neutral and ev.actor == entity:
            votes.add("neutral")
    return votes.pop() if len(votes) == 1 else None


def combine(model: Sentiment, implied: str | None, rule: EventRule) -> Sentiment:
    """The model's sentiment, overridden by the ``implied`` label unless the model is confident of
    the opposite (``rule.keep_margin``)."""
    if implied is None or implied == model.label:
        return model
    s = model.score
    if implied == "negative":
        return model if s >= rule.keep_margin else Sentiment("negative", min(s, -OVERRIDE_SCORE))
    if implied == "positive":
        return model if s <= -rule.keep_margin else Sentiment("positive", max(s, OVERRIDE_SCORE))
    return model if abs(s) >= rule.keep_margin else Sentiment("neutral", 0.0)


def adjust(model: Sentiment, entity: str, events: Sequence[Event], rule: EventRule,
           kind: str | None = None) -> Sentiment:
    """:func:`combine` of the model's sentiment with the :func:`stance` of ``events`` on ``entity``
    (of watchlist ``kind``)."""
    return combine(model, stance(entity, events, rule, kind), rule)


def context_events(events: Sequence[Event], field: str, sentence: str) -> list[Event]:
    """The events of a mention's context: the headline's, and for a body mention those of its
    own sentence (the model reads ``headline | sentence``)."""
    out = [e for e in events if e.field == "title"]
    if field != "title":
        out += [e for e in events if e.field != "title" and e.sentence.strip() == sentence.strip()]
    return out
