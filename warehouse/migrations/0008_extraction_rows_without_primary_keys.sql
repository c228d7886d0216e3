-- Rebuild mentions, events and article_entities without their PRIMARY KEYs.
-- An article's extraction rows are only ever written by save_extractions, which deletes the
-- article's stored rows and inserts the new set in the same transaction, keyed by its one
-- extraction_state row (whose PRIMARY KEY stays): that, not the constraint, is what keeps them
-- unique, and the reliability tests check it after every crash point. No query looks a row up by
-- these keys (deletes and joins go by article_key over many rows and scan). The constraints cost
-- every load an ART index merge at each commit and a rewrite at each checkpoint: loading 100k
-- articles' 500k mentions spent ~1 s of its ~4 s on them (bench/load.py).
CREATE TABLE _mentions_new (
    article_key       VARCHAR NOT NULL,
    seq               INTEGER NOT NULL,      -- order within the article; (article_key, seq) is unique
    entity            VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,
    text              VARCHAR NOT NULL,      -- the surface form
    field             VARCHAR NOT NULL,      -- title or text
    start_char        INTEGER NOT NULL,      -- offsets into the field
    end_char          INTEGER NOT NULL,
    sentence          VARCHAR NOT NULL,
    sentiment_label   VARCHAR,
    sentiment_score   DOUBLE,
    extractor_version VARCHAR NOT NULL,
    watchlist_version VARCHAR NOT NULL
);
INSERT INTO _mentions_new SELECT * FROM mentions ORDER BY article_key, seq;
DROP TABLE mentions;
ALTER TABLE _mentions_new RENAME TO mentions;

CREATE TABLE _events_new (
    article_key       VARCHAR NOT NULL,
    seq               INTEGER NOT NULL,      -- (article_key, seq) is unique
    event_type        VARCHAR NOT NULL,
    confidence        DOUBLE NOT NULL,
    sentence          VARCHAR NOT NULL,      -- the evidence
    field             VARCHAR NOT NULL,
    entities          VARCHAR[] NOT NULL,
    actor             VARCHAR,
    targets           VARCHAR[] NOT NULL,
    trigger           VARCHAR,
    extractor_version VARCHAR NOT NULL,
    watchlist_version VARCHAR NOT NULL
);
INSERT INTO _events_new SELECT * FROM events ORDER BY article_key, seq;
DROP TABLE events;
ALTER TABLE _events_new RENAME TO events;

CREATE TABLE _article_entities_new (
    article_key       VARCHAR NOT NULL,
    entity            VARCHAR NOT NULL,      -- (article_key, entity) is unique
    kind              VARCHAR NOT NULL,
    n_mentions        INTEGER NOT NULL,
    sentiment_label   VARCHAR,
    sentiment_score   DOUBLE,
    extractor_version VARCHAR NOT NULL,
    watchlist_version VARCHAR NOT NULL
);
INSERT INTO _article_entities_new SELECT * FROM article_entities ORDER BY article_key, entity;
DROP TABLE article_entities;
ALTER TABLE _article_entities_new RENAME TO article_entities;
