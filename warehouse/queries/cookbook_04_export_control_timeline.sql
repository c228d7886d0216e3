-- What export-control actions happened when, and against whom? (one row per story)
SELECT min(day) AS day,
       list(DISTINCT event_type ORDER BY event_type) AS types,
       any_value(actor_name) FILTER (WHERE actor_name IS NOT NULL) AS actor,
       list_sort(list_distinct(flatten(list(target_names)))) AS targets,
       arg_min(title, published) AS title,
       arg_min(link, published) AS link
FROM event_timeline
WHERE event_type IN ('export_control', 'entity_list')
GROUP BY cluster_id
ORDER BY day DESC
LIMIT 15;
