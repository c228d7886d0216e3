-- The latest export-control stories (export_control and entity_list events): one row per story
-- cluster, with its first article's title and link and the firms it names.
WITH ev AS (
    SELECT * FROM event_timeline
    WHERE event_type IN ('export_control', 'entity_list')
      AND day > (SELECT max(day) FROM calendar) - CAST($days AS INTEGER)
      -- the same bound on published (midnight UTC of the first day), so the scan skips row groups
      AND published >= (SELECT timezone('UTC', CAST(max(day) - CAST($days AS INTEGER) + 1 AS TIMESTAMP))
                        FROM calendar)
),
stories AS (
    SELECT max(day) AS day,
           arg_min(title, published) AS title,
           arg_min(link, published) AS link,
           arg_min(feed, published) AS feed,
           list(DISTINCT event_type ORDER BY event_type) AS types,
           list_distinct(flatten(list(targets))) AS target_ids,
           arg_max(evidence, confidence) AS evidence,
           max(confidence) AS confidence
    FROM ev
    GROUP BY cluster_id
)
-- target ids to watchlist names once per story (the distinct names of the events' target_names)
SELECT s.day, s.title, s.link, s.feed, s.types,
       list_sort(list_distinct(list_transform(s.target_ids, lambda t: coalesce(nm.names[t], t)))) AS targets,
       s.evidence, s.confidence
FROM stories s
CROSS JOIN (SELECT map(list(entity), list(name)) AS names FROM entities) nm
ORDER BY s.day DESC, s.title
LIMIT CAST($limit AS BIGINT);
