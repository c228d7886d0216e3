"""Plain typed records passed between stages. No I/O here.

feeds -> FetchResult -> Article -> (Mention, Event, Sentiment) -> warehouse -> Alert
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

SentimentLabel = Literal["positive", "negative", "neutral"]
SENTIMENT_LABELS: tuple[str, ...] = ("positive", "negative", "neutral")
ENTITY_KINDS: tuple[str, ...] = ("company", "chip", "policy", "agency")
EVENT_TYPES: tuple[str, ...] = (
    "export_control",
    "entity_list",
    "tariff",
    "investigation",
    "investment",
    "model_release",
    "chip_launch",
    "market_move",
    "policy_plan",
    "partnership",
)


@dataclass(frozen=True)
class Feed:
    """One configured feed."""

    name: str
    url: str
    language: str | None = None
    tags: tuple[str, ...] = ()
    enabled: bool = True
    full_text: bool = False


@dataclass(frozen=True)
class FetchResult:
    """What one fetch of one feed produced: bytes or an error, never an exception."""

    feed: str
    url: str
    status: int | None
    ok: bool
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None
    duration_s: float = 0.0
    final_url: str | None = None
    content_type: str | None = None
    attempts: int = 1

    @property
    def n_bytes(self) -> int:
        return len(self.body)


@dataclass(frozen=True)
class Article:
    """One normalised news item. ``key`` is stable across feeds and runs."""

    key: str
    url: str  # canonical URL ("" only when the entry had none; key then falls back)
    guid: str | None
    feed: str
    title: str
    text: str
    authors: tuple[str, ...]
    published: datetime  # UTC, tz-aware
    published_is_fetch_time: bool
    language: str
    fetched_at: datetime
    original_url: str | None = None
    full_text_status: str | None = None  # None, "ok", or "failed: reason"
    fingerprint: int = 0  # 64-bit hash of the normalised title+text (exact-copy check)
    minhash: bytes = b""  # MinHash signature for near-duplicate search (dedup.py)
    cluster_id: str | None = None  # story cluster (set by dedup)

    def with_(self, **changes: Any) -> Article:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class Sentiment:
    label: SentimentLabel
    score: float  # in [-1, 1]: P(positive) - P(negative)

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": round(float(self.score), 4)}


@dataclass(frozen=True)
class Mention:
    entity: str
    kind: str
    text: str
    field: Literal["title", "text"]
    start: int  # char offsets into the field
    end: int
    sentence: str
    sentiment: Sentiment | None = None


@dataclass(frozen=True)
class Event:
    type: str
    confidence: float
    sentence: str
    entities: tuple[str, ...]
    actor: str | None = None
    targets: tuple[str, ...] = ()
    trigger: str | None = None  # the trigger words, for highlighting
    field: Literal["title", "text"] = "text"
    # proposed | enacted | reversed | background (None where no status applies or was found)
    status: str | None = None


@dataclass(frozen=True)
class EntityRollup:
    entity: str
    kind: str
    count: int
    sentiment: Sentiment | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything the extractors say about one article."""

    id: str
    lang: str
    mentions: tuple[Mention, ...] = ()
    entities: tuple[EntityRollup, ...] = ()
    events: tuple[Event, ...] = ()
    sentiment: Sentiment | None = None
    #: unknown organisations the NER found in China/AI/chip context: (name, example sentence)
    candidates: tuple[tuple[str, str], ...] = ()


@dataclass
class FeedOutcome:
    """One row of the run's record for one feed."""

    feed: str
    url: str
    status: int | None = None
    ok: bool = False
    error: str | None = None
    duration_s: float = 0.0
    n_bytes: int = 0
    entries: int = 0
    new_articles: int = 0
    updated_articles: int = 0
    bozo: str | None = None
    not_modified: bool = False


@dataclass
class RunReport:
    """Counts and failures of one run; written to the runs table."""

    run_id: str
    started_at: datetime
    finished_at: datetime | None = None
    status: str = "running"
    feeds: list[FeedOutcome] = field(default_factory=list)
    new_articles: int = 0
    updated_articles: int = 0
    clusters: int = 0
    extracted: int = 0
    mentions: int = 0
    events: int = 0
    alerts_queued: int = 0
    alerts_sent: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def feeds_ok(self) -> int:
        return sum(1 for f in self.feeds if f.ok)

    @property
    def feeds_failed(self) -> int:
        return sum(1 for f in self.feeds if not f.ok)


@dataclass(frozen=True)
class Document:
    """The input of extraction: an article's text, or one JSON line of `sinowatch extract`."""

    id: str
    title: str
    text: str
    lang: str | None = None  # None = detect
    published: str | None = None
    url: str | None = None

    @classmethod
    def from_article(cls, a: Article) -> Document:
        return cls(id=a.key, title=a.title, text=a.text, lang=a.language, published=a.published.isoformat(), url=a.url)
