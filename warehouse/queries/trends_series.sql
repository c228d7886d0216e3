-- Daily story counts per entity for the $history days ending at $end (default: the last article day).
WITH bounds AS (
    SELECT coalesce(CAST($end AS DATE), (SELECT max(day) FROM calendar)) AS hi
)
SELECT d.entity, min(d.day) AS first_day, list(d.stories ORDER BY d.day) AS stories
FROM daily_mentions d, bounds b
WHERE d.day > b.hi - CAST($history AS INTEGER) AND d.day <= b.hi
  AND list_contains($entities, d.entity)
GROUP BY d.entity;
