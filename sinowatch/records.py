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
#: the policy types: acts of a government on firms, which carry an actor and targets (and, for
#: sentiment, a direction for their targets)
POLICY_TYPES: tuple[str, ...] = ("export_control", "entity_list", "tariff", "investigation")
#: Event.status values: being considered, in force, undone, or a past action mentioned as context
EVENT_STATUSES: tuple[str, ...] = ("proposed", "enacted", "reversed", "background")


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


# ---------------------------------------------------------------- alerts (sinowatch.alerts)
@dataclass(frozen=True)
class ArticleMeta:
    """What the rules need to know about the article behind an extraction."""

    key: str
    feed: str
    feeds: tuple[str, ...]
    language: str
    cluster_id: str
    published: datetime | None = None


@dataclass(frozen=True)
class EntityRef:
    """A watchlist entity involved in an event, with its sentiment in that article if known."""

    id: str
    kind: str | None = None
    sentiment: str | None = None  # positive, negative, neutral
    score: float | None = None
    name: str | None = None  # display name (from the watchlist table), filled in at send time


@dataclass(frozen=True)
class CandidateAlert:
    """One rule matched one event of one article; the outbox keeps one per (rule, cluster)."""

    alert_id: str
    rule: str
    cluster_id: str
    article_key: str
    event_type: str
    confidence: float
    sentence: str
    trigger: str | None
    entities: tuple[EntityRef, ...]
    status: str | None = None  # the event's: proposed, enacted, reversed (background never alerts by default)
    actor: str | None = None
    targets: tuple[str, ...] = ()
    seq: int | None = None  # the event's position in its extraction (events.seq): its action report


@dataclass(frozen=True)
class Source:
    """One copy of a story: the article itself or a syndicated copy in the same cluster."""

    feed: str
    title: str
    url: str
    published: datetime | None


@dataclass(frozen=True)
class OutboxAlert:
    """An outbox row joined with its article, ready to be rendered into a digest."""

    alert_id: str
    rule: str
    cluster_id: str
    status: str
    tries: int
    message_id: str | None
    event_type: str
    confidence: float
    sentence: str
    trigger: str | None
    entities: tuple[EntityRef, ...]
    article: Source
    language: str
    other_sources: tuple[Source, ...] = ()
    created_at: datetime | None = None
    event_status: str | None = None  # the event's status (``status`` is the delivery state)
    actor: str | None = None
    targets: tuple[str, ...] = ()
    #: the action the alert is about, as `sinowatch action ID --format json` shows it (alerts/per_action.py)
    action: dict[str, Any] | None = None


@dataclass
class SendStats:
    """What one send run did. ``sent``/``failed`` count alerts changed by this run; ``pending``
    counts alerts left waiting for the next run (all of them on a dry run)."""

    sent: int = 0
    failed: int = 0
    pending: int = 0
    digests: int = 0
    requeued: int = 0  # failed alerts put back by the alerts.requeue_failed_after_hours policy
    failed_total: int = 0  # alerts marked failed in the outbox after this run (tries used up)
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:  # what run logs print (not the dataclass repr)
        text = f"sent {self.sent} alert(s) in {self.digests} digest(s), failed {self.failed}, pending {self.pending}"
        return text + (f", {len(self.errors)} problem(s)" if self.errors else "")
