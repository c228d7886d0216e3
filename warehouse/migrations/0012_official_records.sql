-- Official records: Federal Register documents, Consolidated Screening List snapshots, their
-- entries and the diff between consecutive snapshots, and the links from records to actions.
-- Written by sinowatch/official/* (docs/views.md).

CREATE TABLE fr_documents (
    document_number  VARCHAR PRIMARY KEY,
    citation         VARCHAR,              -- e.g. "90 FR 12345"
    title            VARCHAR NOT NULL,
    abstract         VARCHAR,
    action           VARCHAR,              -- e.g. "Final rule."
    doc_type         VARCHAR,              -- Rule, Proposed Rule, Notice
    publication_date DATE NOT NULL,
    effective_on     DATE,
    html_url         VARCHAR,
    pdf_url          VARCHAR,
    raw_text_url     VARCHAR,
    cfr_references   VARCHAR,              -- JSON as the API gives it
    agencies         VARCHAR[],            -- agency slugs
    feed             VARCHAR NOT NULL,
    fetched_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE csl_snapshots (
    snapshot_id VARCHAR PRIMARY KEY,       -- sha1 of the body: a re-download of the same file is the same snapshot
    feed        VARCHAR NOT NULL,
    fetched_at  TIMESTAMPTZ NOT NULL,
    n_entries   INTEGER NOT NULL,
    baseline    BOOLEAN NOT NULL           -- the feed's first snapshot: diffed against nothing, alerts nothing
);

CREATE TABLE csl_entries (
    feed                    VARCHAR NOT NULL,
    entry_key               VARCHAR NOT NULL,   -- source list + id (or name when the list gives no id)
    source                  VARCHAR NOT NULL,   -- list code: EL, MEU, UVL, SDN, CMIC ...
    name                    VARCHAR NOT NULL,
    alt_names               VARCHAR[],
    addresses               VARCHAR,            -- JSON
    countries               VARCHAR[],
    programs                VARCHAR[],
    federal_register_notice VARCHAR,
    start_date              DATE,
    license_requirement     VARCHAR,
    license_policy          VARCHAR,
    source_list_url         VARCHAR,
    entities                VARCHAR[] NOT NULL, -- watchlist ids the name resolved to
    digest                  VARCHAR NOT NULL,   -- sha1 of the kept fields: a change shows as a new digest
    snapshot_id             VARCHAR NOT NULL    -- the snapshot this version was first seen in
);

CREATE TABLE csl_diffs (
    snapshot_id             VARCHAR NOT NULL,
    feed                    VARCHAR NOT NULL,
    change                  VARCHAR NOT NULL,   -- added | removed | changed
    entry_key               VARCHAR NOT NULL,
    source                  VARCHAR NOT NULL,
    name                    VARCHAR NOT NULL,
    entities                VARCHAR[] NOT NULL,
    federal_register_notice VARCHAR,
    start_date              DATE,
    fields                  VARCHAR[],          -- for changed: which kept fields differ
    CHECK (change IN ('added', 'removed', 'changed'))
);

-- An official record attached to an action (at most one record per kind and action is shown).
CREATE TABLE action_records (
    action_id   VARCHAR NOT NULL,
    record_kind VARCHAR NOT NULL,          -- federal_register | screening_list
    record_id   VARCHAR NOT NULL,          -- document_number, or the FR notice / entry key of the CSL additions
    citation    VARCHAR,
    url         VARCHAR,
    published   DATE,
    effective   DATE,
    title       VARCHAR,
    targets     VARCHAR[] NOT NULL,        -- watchlist ids the record names (also indexed in action_keys)
    linked_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (action_id, record_kind, record_id)
);
