-- MOFCOM announcements (China's Ministry of Commerce: unreliable-entity-list and control-list
-- changes, export controls on items, trade investigations), parsed from its HTML pages by
-- sinowatch/official/mofcom.py and linked to actions as records of kind 'mofcom' (docs/views.md).

CREATE TABLE mofcom_announcements (
    announcement_id VARCHAR PRIMARY KEY,   -- series-year-number: mofcom-2025-1, uel-2023-1
    number          VARCHAR NOT NULL,      -- as published: 商务部公告2025年第1号
    title           VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,      -- uel_addition, control_list_addition, export_control_items ...
    event_type      VARCHAR NOT NULL,      -- entity_list | export_control | investigation
    status          VARCHAR NOT NULL,      -- enacted | reversed (removals and suspensions)
    published       DATE NOT NULL,         -- the signature date
    effective       DATE,
    names           VARCHAR NOT NULL,      -- JSON [{"zh", "en", "entity"}]: every name, resolved or not
    targets         VARCHAR[] NOT NULL,    -- watchlist ids the names resolved to
    items           VARCHAR[] NOT NULL,    -- gallium, germanium, dual-use items ...
    measures        VARCHAR[] NOT NULL,
    countries       VARCHAR[] NOT NULL,    -- countries its title names (US ...)
    refers_to       VARCHAR[] NOT NULL,    -- ids of the announcements it names (suspended, amended)
    url             VARCHAR NOT NULL,
    also_urls       VARCHAR[] NOT NULL,    -- other pages it was read from (another list page): not fetched again
    feed            VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL
);
