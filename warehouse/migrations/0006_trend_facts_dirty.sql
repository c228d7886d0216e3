-- Deferred upkeep of the trend facts (0005). Recomputing the touched facts in every extraction
-- transaction scanned article_entities once per batch (a backfill of 100k articles spent minutes
-- on it). Now each extraction transaction only notes here what its change affects, and the
-- extraction stage recomputes the facts of everything noted once at its end, deleting the notes
-- in the same transaction (warehouse/facts.py: refresh_dirty). A crash in between leaves the
-- notes, and the next extraction stage (any run, even one with nothing to extract) refreshes
-- them; until then the facts of those keys show the counts of before the change.
--
-- A note is either an article whose article_entities rows were written (article_key set: the
-- keys its rows fall on at refresh time) or an (entity, day) key directly (article_key NULL: the
-- keys of rows that were deleted, noted before the delete). Duplicates are allowed: the refresh
-- reads the distinct keys.
CREATE TABLE trend_facts_dirty (
    article_key VARCHAR,
    entity      VARCHAR,
    day         DATE,     -- UTC day of articles.published
    CHECK ((article_key IS NOT NULL AND entity IS NULL AND day IS NULL)
        OR (article_key IS NULL AND entity IS NOT NULL AND day IS NOT NULL))
);
