-- Event status: proposed (considered, drafted, proposed rule, sources say), enacted (issued, added,
-- imposed, took effect), reversed (lifted, rescinded, waived, licences granted after a ban) or
-- background (a past action mentioned as context). NULL for rows written before this migration
-- until `sinowatch reextract` brings them up to date, and for types where no status applies.
ALTER TABLE events ADD COLUMN status VARCHAR;
