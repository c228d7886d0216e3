-- Drop 0002's secondary indexes on mentions(entity), article_entities(entity) and
-- events(event_type). DuckDB answers a filter from an ART index only when it matches a few
-- thousand rows at most; these columns hold a few hundred watchlist ids and a dozen event types,
-- so every trend, report and cookbook query scans (and prunes by zone maps) instead, and none of
-- them used the indexes. Keeping them cost every load: each commit of extraction rows merged its
-- keys into two more ART indexes (loading 500k mentions spent 5.4 s in COMMIT with them, 1.6 s
-- without). The primary keys, which keep an article's rows unique, stay.
DROP INDEX IF EXISTS mentions_entity;
DROP INDEX IF EXISTS article_entities_entity;
DROP INDEX IF EXISTS events_type;
