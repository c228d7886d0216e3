-- The latest export-control stories (export_control and entity_list events): one row per story
-- cluster, with its first article's title and link and the firms it names.
WITH ev AS (
    SELECT * FROM event_timeline
    WHERE event_type IN ('export_control', 'entity_list')
      AND day > (SELECT max(day) FROM calendar) - CAST($days AS INTEGER)
)
SELECT max(day) AS day,
       arg_min(title, published) AS title,
       arg_min(link, published) AS link,
       arg_min(feed, published) AS feed,
       list(DISTINCT event_type ORDER BY event_type) AS types,
       list_sort(list_distinct(flatten(list(coalesce(target_names, []))))) AS targets,
       arg_max(evidence, confidence) AS evidence,
       max(confidence) AS confidence
FROM ev
GROUP BY cluster_id
ORDER BY day DESC, title
LIMIT CAST($limit AS BIGINT);
