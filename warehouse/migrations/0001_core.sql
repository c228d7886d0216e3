-- Core ingest schema: feeds and their fetch state, runs, fetches, articles, story clusters.

CREATE TABLE feeds (
    name                 VARCHAR PRIMARY KEY,
    url                  VARCHAR NOT NULL,
    language             VARCHAR,
    tags                 VARCHAR[],
    etag                 VARCHAR,          -- conditional GET state
    last_modified        VARCHAR,
    last_status          INTEGER,
    last_fetched_at      TIMESTAMPTZ,
    last_ok_at           TIMESTAMPTZ,
    last_error           VARCHAR,
    consecutive_failures INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE runs (
    run_id           VARCHAR PRIMARY KEY,
    kind             VARCHAR NOT NULL,      -- ingest, run, reextract, ...
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    status           VARCHAR NOT NULL,      -- running, ok, partial, failed
    feeds_ok         INTEGER DEFAULT 0,
    feeds_failed     INTEGER DEFAULT 0,
    new_articles     INTEGER DEFAULT 0,
    updated_articles INTEGER DEFAULT 0,
    clusters         INTEGER DEFAULT 0,
    extracted        INTEGER DEFAULT 0,
    mentions         INTEGER DEFAULT 0,
    events           INTEGER DEFAULT 0,
    alerts_queued    INTEGER DEFAULT 0,
    alerts_sent      INTEGER DEFAULT 0,
    errors           VARCHAR[],
    pid              INTEGER
);

CREATE TABLE fetches (
    run_id           VARCHAR NOT NULL,
    feed             VARCHAR NOT NULL,
    url              VARCHAR NOT NULL,
    fetched_at       TIMESTAMPTZ NOT NULL,
    status           INTEGER,
    ok               BOOLEAN NOT NULL,
    not_modified     BOOLEAN NOT NULL DEFAULT false,
    error            VARCHAR,
    bozo             VARCHAR,
    duration_s       DOUBLE,
    n_bytes          BIGINT,
    entries          INTEGER,
    new_articles     INTEGER,
    updated_articles INTEGER,
    PRIMARY KEY (run_id, feed)
);

CREATE TABLE articles (
    article_key             VARCHAR PRIMARY KEY,
    url                     VARCHAR NOT NULL,   -- canonical URL (urn:sinowatch:... for link-less entries)
    original_url            VARCHAR,
    guid                    VARCHAR,
    feed                    VARCHAR NOT NULL,   -- first feed it was seen in
    feeds                   VARCHAR[] NOT NULL, -- every feed it appeared in
    title                   VARCHAR NOT NULL,
    text                    VARCHAR NOT NULL,
    authors                 VARCHAR[],
    published               TIMESTAMPTZ NOT NULL,
    published_is_fetch_time BOOLEAN NOT NULL,
    language                VARCHAR NOT NULL,
    fetched_at              TIMESTAMPTZ NOT NULL,
    first_seen              TIMESTAMPTZ NOT NULL,
    last_seen               TIMESTAMPTZ NOT NULL,
    full_text_status        VARCHAR,
    fingerprint             UBIGINT,
    minhash                 BLOB,              -- MinHash signature for near-duplicate search
    cluster_id              VARCHAR NOT NULL
);

CREATE TABLE story_clusters (
    cluster_id      VARCHAR PRIMARY KEY,
    first_article   VARCHAR NOT NULL,
    title           VARCHAR NOT NULL,
    first_published TIMESTAMPTZ NOT NULL,
    n_articles      INTEGER NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
