-- Extraction: watchlist mentions, typed events, the per-article entity roll-up, extraction state
-- (which extractor and watchlist versions produced an article's rows) and discovery candidates.
-- Rows of one article are replaced as a whole (delete + insert in one transaction), so a rerun or
-- `sinowatch reextract` never duplicates them.

CREATE TABLE entities (
    entity            VARCHAR PRIMARY KEY,   -- watchlist id (lowercase slug)
    kind              VARCHAR NOT NULL,      -- company, chip, policy, agency
    name              VARCHAR NOT NULL,
    country           VARCHAR,
    parent            VARCHAR,
    watchlist_version VARCHAR NOT NULL
);

CREATE TABLE extraction_state (
    article_key       VARCHAR PRIMARY KEY,
    lang              VARCHAR,
    extractor_version VARCHAR NOT NULL,
    watchlist_version VARCHAR NOT NULL,
    sentiment_model   VARCHAR,              -- NULL when sentiment was not scored
    sentiment_label   VARCHAR,              -- article-level sentiment
    sentiment_score   DOUBLE,
    n_mentions        INTEGER NOT NULL DEFAULT 0,
    n_events          INTEGER NOT NULL DEFAULT 0,
    extracted_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE mentions (
    article_key       VARCHAR NOT NULL,
    seq               INTEGER NOT NULL,      -- order within the article
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
    watchlist_version VARCHAR NOT NULL,
    PRIMARY KEY (article_key, seq)
);
CREATE INDEX mentions_entity ON mentions (entity);

CREATE TABLE events (
    article_key       VARCHAR NOT NULL,
    seq               INTEGER NOT NULL,
    event_type        VARCHAR NOT NULL,
    confidence        DOUBLE NOT NULL,
    sentence          VARCHAR NOT NULL,      -- the evidence
    field             VARCHAR NOT NULL,
    entities          VARCHAR[] NOT NULL,
    actor             VARCHAR,
    targets           VARCHAR[] NOT NULL,
    trigger           VARCHAR,
    extractor_version VARCHAR NOT NULL,
    watchlist_version VARCHAR NOT NULL,
    PRIMARY KEY (article_key, seq)
);
CREATE INDEX events_type ON events (event_type);

CREATE TABLE article_entities (
    article_key       VARCHAR NOT NULL,
    entity            VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,
    n_mentions        INTEGER NOT NULL,
    sentiment_label   VARCHAR,
    sentiment_score   DOUBLE,
    extractor_version VARCHAR NOT NULL,
    watchlist_version VARCHAR NOT NULL,
    PRIMARY KEY (article_key, entity)
);
CREATE INDEX article_entities_entity ON article_entities (entity);

CREATE TABLE entity_candidates (
    article_key       VARCHAR NOT NULL,
    name              VARCHAR NOT NULL,      -- as the NER found it
    example           VARCHAR,               -- a sentence it occurs in
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (article_key, name)
);
