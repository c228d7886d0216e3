-- The event timeline, newest first. $types: empty list = any; $since: NULL = all.
SELECT day, event_type, status, actor_name AS actor, target_names AS targets, round(confidence, 2) AS confidence,
       evidence, title, link, feed, cluster_id
FROM event_timeline
WHERE (len($types) = 0 OR list_contains($types, event_type))
  AND (CAST($since AS DATE) IS NULL OR day >= CAST($since AS DATE))
  -- the same bound on published, so the scan skips row groups
  AND published >= coalesce(timezone('UTC', CAST(CAST($since AS DATE) AS TIMESTAMP)), TIMESTAMPTZ '-infinity')
ORDER BY published DESC, event_type, actor
LIMIT coalesce(CAST($limit AS BIGINT), 1000000);
