"""Fill the sentiment fields of extractions: per mention, per entity, per article.

* **Mention**: the model scores the pair (mention surface text, the mention's context), with the
  mention marked. The context of a body mention is ``title | sentence`` when the model was trained
  on such contexts (its ``config.json`` has ``"context": "headline | sentence"``, issue #19), else
  the sentence alone (older artefacts were trained on single sentences). Title mentions are scored
  in the title. A mention with no sentence falls back to its whole field (title or text).
* **Events** (``rule``, on in the pipeline by ``sentiment.policy_events``): the mention's label is
  combined with the events of its context, :mod:`~sinowatch.models.sentiment.policy`.
* **Entity** (``EntityRollup``): weighted mean of its mentions' scores, title mentions weighing
  :data:`TITLE_WEIGHT` (2) and body mentions 1; label by :func:`label_of` (|score| >= 0.2).
* **Article** (``Extraction.sentiment``): mean of the title's own score (target ``"overall"``) and the
  count-weighted mean of the entity scores; either alone when the other is missing, and the first
  500 characters of the text (target ``"overall"``) when there is neither title nor entity.

Score = P(positive) - P(negative) in [-1, 1]. Identical (target, context) pairs are scored once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from sinowatch.models.sentiment.data import CONTEXT, with_headline
from sinowatch.models.sentiment.policy import EventRule, adjust, context_events

from sinowatch.records import Document, Extraction, Mention, Sentiment

TITLE_WEIGHT = 2.0
LABEL_THRESHOLD = 0.2
OVERALL = "overall"  # the sentence-level target (see data.SENTENCE_TARGET)


def label_of(score: float, threshold: float = LABEL_THRESHOLD) -> str:
    """Label for an aggregated score: positive >= t, negative <= -t, else neutral."""
    return "positive" if score >= threshold else "negative" if score <= -threshold else "neutral"


def _agg(scores: Sequence[tuple[float, float]]) -> Sentiment | None:
    """Weighted mean of (score, weight) pairs -> Sentiment, or None when empty."""
    total = sum(w for _, w in scores)
    if not scores or total <= 0:
        return None
    s = max(-1.0, min(1.0, sum(x * w for x, w in scores) / total))
    return Sentiment(label=label_of(s), score=s)  # type: ignore[arg-type]


def reads_headline(model: Any) -> bool:
    """Whether ``model`` was trained on ``headline | sentence`` contexts (its config says so)."""
    config = getattr(model, "config", None)
    return isinstance(config, dict) and config.get("context") == CONTEXT


def _mention_context(m: Mention, doc: Document | None, headline: bool = False) -> str:
    if m.sentence.strip():
        if headline and doc is not None and m.field != "title":
            return with_headline(doc.title, m.sentence)
        return m.sentence
    if doc is None:
        return m.text
    return doc.title if m.field == "title" else doc.text[:500]


def _mention_sentiment(model: Sentiment, m: Mention, ex: Extraction, rule: EventRule | None,
                       context: str | None = None) -> Sentiment:
    if rule is None or (not ex.events and not rule.bodies_neutral and not rule.cues):
        return model
    return adjust(model, m.entity, context_events(ex.events, m.field, m.sentence), rule, m.kind,
                  context=context, mention=m.text)


def apply_sentiment(
    docs: Sequence[Document],
    extractions: Sequence[Extraction],
    model: Any,
    *,
    batch_size: int = 64,
    rule: EventRule | None = None,
) -> list[Extraction]:
    """Return copies of ``extractions`` with every sentiment field filled.

    ``docs`` are matched to extractions by id (an extraction without its document still gets
    mention and entity sentiment). ``model`` is anything with ``score(pairs, batch_size)``, normally
    a :class:`~sinowatch.models.sentiment.runtime.SentimentModel`; all pairs of all articles go
    through it in one batched, de-duplicated call. ``rule``: combine each mention's sentiment with
    the events of its context (:mod:`~sinowatch.models.sentiment.policy`) before the roll-ups.
    """
    by_id = {d.id: d for d in docs}
    headline = reads_headline(model)
    pairs: dict[tuple[str, str], int] = {}

    def ask(target: str, context: str) -> int:
        return pairs.setdefault((target, context), len(pairs))

    plan: list[tuple[list[int], int | None]] = []
    for ex in extractions:
        doc = by_id.get(ex.id)
        m_idx = [ask(m.text, _mention_context(m, doc, headline)) for m in ex.mentions]
        if doc is not None and doc.title.strip():
            a_idx: int | None = ask(OVERALL, doc.title)
        elif doc is not None and not ex.entities and doc.text.strip():
            a_idx = ask(OVERALL, doc.text[:500])
        else:
            a_idx = None
        plan.append((m_idx, a_idx))

    keys = list(pairs)
    results = model.score(keys, batch_size=batch_size) if pairs else []
    out: list[Extraction] = []
    for ex, (m_idx, a_idx) in zip(extractions, plan, strict=True):
        mentions = tuple(
            dataclasses.replace(m, sentiment=_mention_sentiment(results[i], m, ex, rule, keys[i][1]))
            for m, i in zip(ex.mentions, m_idx, strict=True)
        )
        per_entity: dict[str, list[tuple[float, float]]] = {}
        for m in mentions:
            assert m.sentiment is not None
            per_entity.setdefault(m.entity, []).append(
                (m.sentiment.score, TITLE_WEIGHT if m.field == "title" else 1.0)
            )
        entities = tuple(
            dataclasses.replace(e, sentiment=_agg(per_entity.get(e.entity, ()))) for e in ex.entities
        )
        ent_scores = [
            (e.sentiment.score, float(max(e.count, 1))) for e in entities if e.sentiment is not None
        ]
        ent = _agg(ent_scores)
        title = results[a_idx] if a_idx is not None else None
        parts = [(s.score, 1.0) for s in (title, ent) if s is not None]
        out.append(dataclasses.replace(ex, mentions=mentions, entities=entities, sentiment=_agg(parts)))
    return out
