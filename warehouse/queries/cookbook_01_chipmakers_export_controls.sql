-- Which Chinese chipmakers were named in export-control or Entity List events in the last 30 days?
-- "Today" is the last day with articles (swap in current_date for a live warehouse).
WITH today AS (SELECT max(day) AS d FROM calendar),
chipmakers AS (  -- Chinese firms that make or design chips: parents of watched chips, plus fabs and designers
    SELECT entity, name FROM entities
    WHERE country = 'CN' AND kind = 'company'
      AND (entity IN (SELECT parent FROM entities WHERE kind = 'chip' AND parent IS NOT NULL)
           OR entity IN ('smic', 'hua-hong', 'cxmt', 'ymtc', 'cambricon', 'hygon', 'moore-threads',
                         'biren', 'metax', 'kunlunxin', 'naura', 'huawei'))
),
ev AS (
    SELECT t.*, unnest(list_distinct(list_concat(t.entities, t.targets))) AS entity
    FROM event_timeline t, today
    WHERE t.event_type IN ('export_control', 'entity_list') AND t.day > today.d - 30
)
SELECT c.name AS chipmaker,
       count(DISTINCT ev.cluster_id) AS stories,
       list(DISTINCT ev.event_type ORDER BY ev.event_type) AS event_types,
       max(ev.day) AS latest,
       arg_max(ev.title, ev.published) AS latest_title
FROM ev JOIN chipmakers c USING (entity)
GROUP BY c.name
ORDER BY stories DESC, latest DESC;
