-- Which AI chips are in the news, how is their coverage, and which firms come up with them?
WITH chips AS (
    SELECT entity, any_value(name) AS name,
           sum(stories) AS stories, max(day) FILTER (WHERE stories > 0) AS latest
    FROM daily_mentions WHERE kind = 'chip'
    GROUP BY entity
),
partners AS (
    SELECT CASE WHEN kind_a = 'chip' THEN entity_a ELSE entity_b END AS chip,
           CASE WHEN kind_a = 'chip' THEN name_b ELSE name_a END AS firm,
           sum(stories) AS n
    FROM co_mentions
    WHERE (kind_a = 'chip') <> (kind_b = 'chip') AND 'company' IN (kind_a, kind_b)
    GROUP BY ALL
)
SELECT c.name AS chip, c.stories, c.latest,
       (SELECT list(firm ORDER BY n DESC, firm)[1:3] FROM partners p WHERE p.chip = c.entity) AS top_firms
FROM chips c
WHERE c.stories > 0
ORDER BY c.stories DESC, c.name
LIMIT 10;
