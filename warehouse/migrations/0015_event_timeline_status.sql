-- The event timeline gains each event's status (proposed, enacted, reversed, background; NULL
-- where none applies or for rows written before migration 0009 until `sinowatch reextract`), beside
-- its actor and targets. Otherwise as in 0005: actor and target display names from the watchlist.
CREATE OR REPLACE VIEW event_timeline AS
SELECT ad.day, ad.published, ev.event_type, ev.status, ev.confidence,
       ev.actor,
       coalesce(wa.name, ev.actor) AS actor_name,
       ev.targets,
       CASE len(ev.targets) WHEN 0 THEN NULL
                            WHEN 1 THEN [coalesce(w1.name, ev.targets[1])]
                            ELSE tm.names END AS target_names,
       ev.entities,
       ev.sentence AS evidence, ev.trigger,
       ad.title, ad.url AS link, ad.feed, ad.language, ev.article_key, ev.seq, ad.cluster_id
FROM events ev
JOIN article_days ad USING (article_key)
LEFT JOIN entities wa ON wa.entity = ev.actor
LEFT JOIN entities w1 ON w1.entity = ev.targets[1]
LEFT JOIN (
    SELECT u.article_key, u.seq, list(coalesce(w.name, u.t) ORDER BY u.i) AS names
    FROM (SELECT article_key, seq, unnest(targets) AS t, generate_subscripts(targets, 1) AS i
          FROM events WHERE len(targets) > 1) u
    LEFT JOIN entities w ON w.entity = u.t
    GROUP BY u.article_key, u.seq
) tm ON tm.article_key = ev.article_key AND tm.seq = ev.seq;
