-- Weekly share of voice of the $top firms with the most articles in the last $days days; the rest as "other".
WITH recent AS (
    SELECT * FROM share_of_voice
    WHERE week > (SELECT max(day) FROM calendar) - CAST($days AS INTEGER)
),
top AS (
    SELECT entity FROM recent GROUP BY entity
    ORDER BY sum(articles) DESC, entity LIMIT CAST($top AS BIGINT)
)
SELECT week,
       CASE WHEN entity IN (SELECT entity FROM top) THEN name ELSE 'other firms' END AS firm,
       sum(share) AS share, sum(articles) AS articles
FROM recent
GROUP BY ALL
ORDER BY week, firm;
