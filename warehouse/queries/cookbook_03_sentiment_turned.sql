-- Whose sentiment turned in the last two weeks?
-- Mean sentiment of the last 14 days against the 28 before, for entities with at least 2 scored
-- articles in each window, largest moves first.
WITH today AS (SELECT max(day) AS d FROM calendar),
w AS (
    SELECT name, kind,
           sum(mean_score * scored) FILTER (WHERE day > today.d - 14) AS s_now,
           sum(scored) FILTER (WHERE day > today.d - 14)              AS n_now,
           sum(mean_score * scored) FILTER (WHERE day <= today.d - 14) AS s_before,
           sum(scored) FILTER (WHERE day <= today.d - 14)             AS n_before
    FROM daily_sentiment, today
    WHERE day > today.d - 42 AND scored > 0
    GROUP BY name, kind
)
SELECT name, kind,
       round(s_before / n_before, 2) AS before,
       round(s_now / n_now, 2) AS recent,
       round(s_now / n_now - s_before / n_before, 2) AS change,
       n_now AS recent_articles
FROM w
WHERE n_now >= 2 AND n_before >= 2
ORDER BY abs(change) DESC, name
LIMIT 10;
