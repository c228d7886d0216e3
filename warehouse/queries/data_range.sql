-- The warehouse's covered days and row counts.
SELECT (SELECT min(day) FROM calendar) AS first_day,
       (SELECT max(day) FROM calendar) AS last_day,
       (SELECT count(*) FROM articles) AS articles,
       (SELECT count(*) FROM story_clusters) AS stories,
       (SELECT count(*) FROM events) AS events,
       (SELECT count(DISTINCT entity) FROM article_entities) AS entities;
