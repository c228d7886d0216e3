-- Per entity: the last $days days (ending at $end, default the last article day) against the
-- $days days before them. Filters: $kind (NULL = any), $entities (empty list = any).
WITH bounds AS (
    SELECT coalesce(CAST($end AS DATE), (SELECT max(day) FROM calendar)) AS hi,
           CAST($days AS INTEGER) AS n
),
period AS (
    SELECT d.entity, d.kind, d.name,
           sum(d.articles) FILTER (WHERE d.day > b.hi - b.n)  AS articles,
           sum(d.stories)  FILTER (WHERE d.day > b.hi - b.n)  AS stories,
           sum(d.stories)  FILTER (WHERE d.day <= b.hi - b.n) AS prev_stories,
           sum(s.mean_score * s.scored) FILTER (WHERE d.day > b.hi - b.n)
               / nullif(sum(s.scored) FILTER (WHERE d.day > b.hi - b.n), 0)  AS sentiment,
           sum(s.mean_score * s.scored) FILTER (WHERE d.day <= b.hi - b.n)
               / nullif(sum(s.scored) FILTER (WHERE d.day <= b.hi - b.n), 0) AS prev_sentiment,
           sum(s.negative) FILTER (WHERE d.day > b.hi - b.n) AS negative,
           sum(s.positive) FILTER (WHERE d.day > b.hi - b.n) AS positive
    FROM daily_mentions d
    JOIN daily_sentiment s ON s.entity = d.entity AND s.day = d.day
    CROSS JOIN bounds b
    WHERE d.day > b.hi - 2 * b.n AND d.day <= b.hi
      AND (CAST($kind AS VARCHAR) IS NULL OR d.kind = $kind)
      AND (len($entities) = 0 OR list_contains($entities, d.entity))
    GROUP BY d.entity, d.kind, d.name
)
SELECT entity, name, kind, articles, stories, prev_stories,
       stories - prev_stories AS change,
       CASE WHEN prev_stories > 0 THEN round(100.0 * (stories - prev_stories) / prev_stories) END AS change_pct,
       round(sentiment, 3) AS sentiment,
       round(sentiment - prev_sentiment, 3) AS sentiment_change,
       positive, negative
FROM period
WHERE stories > 0 OR prev_stories > 0 OR len($entities) > 0
ORDER BY stories DESC, articles DESC, abs(change) DESC, entity;
