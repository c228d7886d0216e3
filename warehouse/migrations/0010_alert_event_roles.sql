-- The alert outbox keeps what the digest shows of its event: the status (proposed, enacted,
-- reversed; `status` is already the delivery state) and "actor -> targets" (watchlist ids).
-- NULL / empty for alerts queued before this migration.
ALTER TABLE alerts ADD COLUMN event_status VARCHAR;
ALTER TABLE alerts ADD COLUMN actor VARCHAR;
ALTER TABLE alerts ADD COLUMN targets VARCHAR[];
