-- Which feeds break export-control stories first?
-- For each story with an export-control or Entity List event, the feed of its earliest article.
WITH stories AS (
    SELECT DISTINCT cluster_id FROM event_timeline
    WHERE event_type IN ('export_control', 'entity_list')
),
firsts AS (
    SELECT a.cluster_id, arg_min(a.feed, a.published) AS first_feed, count(*) AS articles
    FROM articles a JOIN stories USING (cluster_id)
    GROUP BY a.cluster_id
)
SELECT first_feed AS feed, count(*) AS stories_first,
       count(*) FILTER (WHERE articles > 1) AS later_picked_up_elsewhere
FROM firsts
GROUP BY first_feed
ORDER BY stories_first DESC, feed;
