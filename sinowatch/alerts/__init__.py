"""Export-control alerts: rules -> outbox (DuckDB) -> one digest email per rule per run.

    extraction batch --(rules.match)--> CandidateAlert --(warehouse.alerts.queue)--> alerts table
    alerts table --(warehouse.alerts.pending)--> OutboxAlert --(email.build_digest)--> EmailMessage
    EmailMessage --(smtp.SmtpMailer.send)--> SMTP server --(warehouse.alerts.mark_*)--> alerts table

The plain records passed between those steps live in :mod:`sinowatch.records` (no I/O; re-exported
here); the entry points used by the
pipeline and the flows are in :mod:`sinowatch.alerts.stage`.
"""

from sinowatch.records import ArticleMeta, CandidateAlert, EntityRef, OutboxAlert, SendStats, Source

__all__ = ["ArticleMeta", "CandidateAlert", "EntityRef", "OutboxAlert", "SendStats", "Source"]
