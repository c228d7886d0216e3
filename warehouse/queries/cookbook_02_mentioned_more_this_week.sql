-- Who is mentioned more this week than last week? (stories = distinct story clusters)
WITH today AS (SELECT max(day) AS d FROM calendar)
SELECT name, kind,
       sum(stories) FILTER (WHERE day > today.d - 7)  AS this_week,
       sum(stories) FILTER (WHERE day <= today.d - 7) AS last_week,
       this_week - last_week AS change
FROM daily_mentions, today
WHERE day > today.d - 14
GROUP BY name, kind
HAVING this_week > last_week
ORDER BY change DESC, this_week DESC, name
LIMIT 10;
