-- Per-channel delivery of alerts: a rule may send its digest by email and to Apprise channels
-- (Slack, Teams, webhooks...). An alert is marked 'sent' in `alerts` once every channel of its
-- rule has it; this table remembers which channels already have it, so a retry after one
-- channel failed (or after a crash) sends only to the channels that do not, and a rerun sends
-- nothing twice. channel: 'email' or the name of an [[alerts.channels]] entry.
CREATE TABLE alert_deliveries (
    alert_id     VARCHAR NOT NULL,
    channel      VARCHAR NOT NULL,
    delivered_at TIMESTAMPTZ NOT NULL,
    response     VARCHAR,
    PRIMARY KEY (alert_id, channel)
);

-- The watchlist's Chinese name of an entity (its first `aliases_zh`), shown beside the English
-- name in the report and the alert emails. NULL until the next extraction refreshes `entities`.
ALTER TABLE entities ADD COLUMN name_zh VARCHAR;
