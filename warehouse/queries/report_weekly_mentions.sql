-- Weekly stories and 7-day rolling sentiment per entity in $entities, last $days days.
SELECT d.day, d.entity, d.name, d.stories, d.articles, s.rolling_7d, s.scored
FROM daily_mentions d
JOIN daily_sentiment s USING (entity, day)
WHERE d.day > (SELECT max(day) FROM calendar) - CAST($days AS INTEGER)
  AND list_contains($entities, d.entity)
ORDER BY d.entity, d.day;
