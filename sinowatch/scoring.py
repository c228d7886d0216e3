"""The sentiment hook of the extraction stage: the model is loaded once per process and wrapped as
a ``scorer(docs, extractions) -> extractions`` that fills every sentiment field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sinowatch.config import Config
from sinowatch.errors import ModelError
from sinowatch.records import Document, Extraction

_MODELS: dict[tuple[str, str, bool], Any] = {}
_EVENT_MODELS: dict[str, Any] = {}


class SentimentScorer:
    """Callable scorer with a ``version`` (stamped on the rows it scores)."""

    def __init__(self, model: Any, batch_size: int, *, policy_events: bool = False) -> None:
        from sinowatch.models.sentiment.policy import SHIPPED_RULE

        self.model = model
        self.batch_size = batch_size
        self.rule = SHIPPED_RULE if policy_events else None
        # rows scored with the event layer differ from the model's own: reextract --sentiment-only
        # rescoring tells them apart by this stamp
        # rows scored in padded batches (before round 24) may differ from rows scored pair by pair: the
        # stamp tells them apart too
        self.version: str = (f"sentiment:{model.version}" + ("+pairwise" if getattr(model, "pairwise", False) else "")
                             + (f"+{self.rule.tag}" if self.rule else ""))

    def __call__(self, docs: Sequence[Document], extractions: Sequence[Extraction]) -> list[Extraction]:
        from sinowatch.models.sentiment.aggregate import apply_sentiment

        return apply_sentiment(docs, extractions, self.model, batch_size=self.batch_size, rule=self.rule)


def load_model(config: Config) -> Any:
    from sinowatch.models.sentiment.runtime import SentimentModel

    sc = config.sentiment
    model_dir = str(config.resolve(sc.model_dir)) if sc.model_dir else ""
    key = (model_dir, sc.runtime, sc.pairwise)
    if key not in _MODELS:
        _MODELS[key] = SentimentModel.load(model_dir or None, runtime=sc.runtime, pairwise=sc.pairwise)
    return _MODELS[key]


def make_scorer(config: Config, errors: list[str] | None = None) -> SentimentScorer | None:
    """The scorer, or None when sentiment is off. A missing model is recorded in ``errors`` (the
    run goes on without sentiment) or raised when no error list is given."""
    if not config.sentiment.enabled:
        return None
    try:
        return SentimentScorer(load_model(config), config.sentiment.batch_size,
                               policy_events=config.sentiment.policy_events)
    except ModelError as e:
        if errors is None:
            raise
        errors.append(f"sentiment skipped: {e}")
        return None


def load_event_model(config: Config) -> Any:
    """The event classifier for ``config`` (``extraction.event_classifier_dir``, empty = bundled),
    loaded once per process; None when ``extraction.event_classifier`` is off. Pass it to
    ``Extractor.load(..., event_model=...)``. A missing artefact raises ModelError (with the hint)."""
    ec = config.extraction
    if not ec.event_classifier:
        return None
    from sinowatch.models.events.runtime import EventClassifier

    model_dir = str(config.resolve(ec.event_classifier_dir)) if ec.event_classifier_dir else ""
    if model_dir not in _EVENT_MODELS:
        _EVENT_MODELS[model_dir] = EventClassifier.load(model_dir or None)
    return _EVENT_MODELS[model_dir]
