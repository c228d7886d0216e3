-- Alert outbox: one row per (rule, story cluster), written in the same transaction as the
-- extraction results that caused it, read and marked by `sinowatch alerts send`.
--
-- status: pending  -> not yet delivered (tries/last_error say why, if tried)
--         sending  -> handed to the SMTP server, outcome not yet recorded: after a crash the
--                     next run resends it with the same Message-ID (at-least-once)
--         sent     -> accepted by the SMTP server (sent_at, smtp_response)
--         failed   -> gave up after alerts.max_tries failed sends (shown by `sinowatch status`)
-- Only the key columns are indexed: status changes are in-place updates.

CREATE TABLE alerts (
    alert_id      VARCHAR PRIMARY KEY,          -- sha1(rule, cluster_id): deterministic
    rule          VARCHAR NOT NULL,
    cluster_id    VARCHAR NOT NULL,
    article_key   VARCHAR NOT NULL,             -- the article whose extraction matched
    event_type    VARCHAR NOT NULL,
    confidence    DOUBLE NOT NULL,
    sentence      VARCHAR NOT NULL,             -- evidence sentence
    trigger_text  VARCHAR,                      -- trigger words inside the sentence
    entities      VARCHAR NOT NULL,             -- JSON [{id, kind, sentiment, score}] at match time
    status        VARCHAR NOT NULL DEFAULT 'pending',
    tries         INTEGER NOT NULL DEFAULT 0,
    last_error    VARCHAR,
    created_at    TIMESTAMPTZ NOT NULL,
    attempted_at  TIMESTAMPTZ,
    sent_at       TIMESTAMPTZ,
    message_id    VARCHAR,
    smtp_response VARCHAR,
    UNIQUE (rule, cluster_id),
    CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    CHECK (tries >= 0)
);
