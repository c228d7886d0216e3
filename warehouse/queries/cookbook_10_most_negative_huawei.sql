-- What were the most negative sentences about Huawei in the last 30 days, and in which articles?
WITH today AS (SELECT max(day) AS d FROM calendar)
SELECT a.day, round(m.sentiment_score, 2) AS score, m.sentence, a.title, a.link
FROM mentions m
JOIN (SELECT article_key, day, title, url AS link FROM article_days) a USING (article_key), today
WHERE m.entity = 'huawei' AND m.sentiment_score IS NOT NULL AND a.day > today.d - 30
QUALIFY row_number() OVER (PARTITION BY m.sentence ORDER BY a.day) = 1
ORDER BY m.sentiment_score, a.day DESC
LIMIT 8;
