"""Export-control alerts: rules -> outbox (DuckDB) -> one digest email per rule per run.

    extraction batch --(rules.match)--> CandidateAlert --(warehouse.alerts.queue)--> alerts table
    alerts table --(warehouse.alerts.pending)--> OutboxAlert --(email.build_digest)--> EmailMessage
    EmailMessage --(smtp.SmtpMailer.send)--> SMTP server --(warehouse.alerts.mark_*)--> alerts table

The plain records passed between those steps live here (no I/O); the entry points used by the
pipeline and the flows are in :mod:`sinowatch.alerts.stage`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


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
    #: the action the alert is about, as `sinowatch action ID --format json` shows it (per_action.py)
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
