-- Actions: one real-world act (a designation, a rule, a probe ...) that many reports describe,
-- across outlets, story clusters and languages. Events join actions in the extraction load
-- (sinowatch/actions/fold.py), in the same transaction as the events themselves. Views and
-- columns: docs/views.md.
--
-- action_keys is the candidate index: one row per (type, target, ISO week) an action covers, so a
-- new event is compared with the few actions of its type and targets near its date, never with all.
-- action_reports and action_keys carry no PRIMARY KEY (see 0008): the fold deletes and re-inserts
-- an article's rows in one transaction, which keeps them unique.

CREATE TABLE actions (
    action_id     VARCHAR PRIMARY KEY,     -- act-<sha1 of the first report>: deterministic
    event_type    VARCHAR NOT NULL,
    status        VARCHAR,                 -- latest non-background status: proposed | enacted | reversed | background
    actor         VARCHAR,                 -- watchlist id of the agency or government
    targets       VARCHAR[] NOT NULL,      -- watchlist ids, union over the reports
    title         VARCHAR NOT NULL,        -- the first report's article title
    first_article VARCHAR,                 -- article_key of the first report (NULL: seen first in a record)
    first_seen    TIMESTAMPTZ NOT NULL,    -- publication time of the first report or record
    last_seen     TIMESTAMPTZ NOT NULL,
    n_reports     INTEGER NOT NULL DEFAULT 0, -- articles reporting it (an article with two events counts once)
    languages     VARCHAR[] NOT NULL,
    evidence      VARCHAR,                 -- the first report's evidence sentence
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE action_reports (
    action_id   VARCHAR NOT NULL,
    article_key VARCHAR NOT NULL,          -- with seq: the event row (events.article_key, events.seq)
    seq         INTEGER NOT NULL,
    targets     VARCHAR[] NOT NULL,        -- the event's targets (or its firms when it named no target)
    published   TIMESTAMPTZ NOT NULL,
    language    VARCHAR,
    status      VARCHAR,
    score       DOUBLE NOT NULL,           -- how well the report fitted the action when it joined (1 = started it)
    joined_at   TIMESTAMPTZ NOT NULL,
    title       VARCHAR,                   -- the article's title and the event's evidence, copied so that
    evidence    VARCHAR                    -- the fold never joins the (large) articles and events tables
);

CREATE TABLE action_keys (
    action_id  VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    target     VARCHAR NOT NULL,
    week       DATE NOT NULL              -- Monday of the ISO week
);

-- Status changes of an action, in the order they were seen (the first report's status included).
CREATE TABLE action_history (
    action_id   VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,
    seen_at     TIMESTAMPTZ NOT NULL,      -- publication time of the report that showed it
    article_key VARCHAR,                   -- NULL when an official record showed it
    recorded_at TIMESTAMPTZ NOT NULL
);

CREATE OR REPLACE VIEW action_coverage AS
SELECT r.action_id, a.language, a.feed, count(DISTINCT r.article_key) AS reports, min(a.published) AS first_published,
       arg_min(a.url, a.published) AS first_url
FROM action_reports r JOIN articles a USING (article_key)
GROUP BY ALL;
