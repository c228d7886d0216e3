-- What share of voice did each Chinese firm have among all watched firms over the last four full weeks?
WITH today AS (SELECT max(day) AS d FROM calendar),
recent AS (
    SELECT v.* FROM share_of_voice v, today
    WHERE v.week >= CAST(date_trunc('week', today.d) AS DATE) - 28
      AND v.week < CAST(date_trunc('week', today.d) AS DATE)
)
SELECT r.name,
       sum(r.articles) AS articles,
       round(100.0 * sum(r.articles) / (SELECT sum(articles) FROM recent), 1) AS share_pct
FROM recent r
JOIN entities e ON e.entity = r.entity
WHERE e.country = 'CN'
GROUP BY r.name
ORDER BY articles DESC, r.name
LIMIT 10;
