-- Which pairs of firms appear together most often (distinct stories, whole period)?
SELECT name_a, name_b, sum(stories) AS stories, max(week) AS last_week
FROM co_mentions
WHERE kind_a = 'company' AND kind_b = 'company'
GROUP BY name_a, name_b
ORDER BY stories DESC, name_a, name_b
LIMIT 10;
