-- Pre-aggregated trend facts. The 0004 views aggregated article_entities x articles on every read
-- (seconds on a year of news); these tables hold the same aggregates, filled here from the stored
-- rows and kept current by warehouse/extraction.py (save_extractions / delete_articles recompute
-- the (entity, day), (entity, week) and (week, pair) keys of the articles they touch, in the
-- caller's transaction). Bulk loads that bypass those functions call refresh_trend_facts(conn).
-- The views below read the facts and return exactly what the 0004 views returned. docs/views.md.

-- One row per (entity, day) with at least one article: the sparse daily facts.
CREATE TABLE fact_entity_day (
    entity    VARCHAR NOT NULL,
    day       DATE    NOT NULL,   -- UTC day of articles.published
    kind      VARCHAR NOT NULL,   -- article_entities.kind (the fallback when the watchlist lacks it)
    articles  BIGINT  NOT NULL,   -- distinct articles
    stories   BIGINT  NOT NULL,   -- distinct story clusters
    mentions  HUGEINT NOT NULL,   -- sum(n_mentions)
    scored    BIGINT  NOT NULL,   -- articles with a sentiment score
    score_sum DOUBLE,             -- sum of those scores (NULL when none)
    positive  BIGINT  NOT NULL,
    negative  BIGINT  NOT NULL,
    neutral   BIGINT  NOT NULL
);

-- One row per (entity, week) with at least one article: distinct stories per week are not the sum
-- of the daily ones (a story spans days), so the weekly views need their own counts.
CREATE TABLE fact_entity_week (
    entity   VARCHAR NOT NULL,
    week     DATE    NOT NULL,    -- Monday of the UTC day
    articles BIGINT  NOT NULL,
    stories  BIGINT  NOT NULL
);

-- One row per (week, entity_a, entity_b), entity_a < entity_b, named together in an article.
CREATE TABLE fact_pair_week (
    week     DATE    NOT NULL,
    entity_a VARCHAR NOT NULL,
    entity_b VARCHAR NOT NULL,
    articles BIGINT  NOT NULL,
    stories  BIGINT  NOT NULL
);

INSERT INTO fact_entity_day
SELECT ae.entity, ad.day, any_value(ae.kind),
       count(DISTINCT ae.article_key), count(DISTINCT ad.cluster_id), sum(ae.n_mentions),
       count(ae.sentiment_score), sum(ae.sentiment_score),
       count(*) FILTER (WHERE ae.sentiment_label = 'positive'),
       count(*) FILTER (WHERE ae.sentiment_label = 'negative'),
       count(*) FILTER (WHERE ae.sentiment_label = 'neutral')
FROM article_entities ae
JOIN (SELECT article_key, cluster_id, CAST(timezone('UTC', published) AS DATE) AS day FROM articles) ad
  USING (article_key)
GROUP BY ae.entity, ad.day
ORDER BY ad.day, ae.entity;

INSERT INTO fact_entity_week
SELECT ae.entity, ad.week, count(DISTINCT ae.article_key), count(DISTINCT ad.cluster_id)
FROM article_entities ae
JOIN (SELECT article_key, cluster_id,
             CAST(date_trunc('week', CAST(timezone('UTC', published) AS DATE)) AS DATE) AS week
      FROM articles) ad USING (article_key)
GROUP BY ae.entity, ad.week
ORDER BY ad.week, ae.entity;

INSERT INTO fact_pair_week
SELECT ad.week, a.entity, b.entity, count(DISTINCT a.article_key), count(DISTINCT ad.cluster_id)
FROM article_entities a
JOIN article_entities b ON b.article_key = a.article_key AND a.entity < b.entity
JOIN (SELECT article_key, cluster_id,
             CAST(date_trunc('week', CAST(timezone('UTC', published) AS DATE)) AS DATE) AS week
      FROM articles) ad ON ad.article_key = a.article_key
GROUP BY ad.week, a.entity, b.entity
ORDER BY ad.week, a.entity, b.entity;

-- The day of the first and last article: min/max of published, converted once (the UTC day is
-- monotone in published, so this is the min/max of article_days.day).
CREATE OR REPLACE VIEW calendar AS
SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 DAY)) AS DATE) AS day
FROM (SELECT CAST(timezone('UTC', min(published)) AS DATE) AS lo,
             CAST(timezone('UTC', max(published)) AS DATE) AS hi
      FROM articles)
WHERE lo IS NOT NULL;

CREATE OR REPLACE VIEW mentioned_entities AS
SELECT f.entity,
       coalesce(w.kind, f.kind)     AS kind,
       coalesce(w.name, f.entity)   AS name,
       w.country                    AS country
FROM (SELECT entity, any_value(kind) AS kind FROM fact_entity_day GROUP BY entity) f
LEFT JOIN entities w ON w.entity = f.entity;

CREATE OR REPLACE VIEW entity_day_facts AS
SELECT entity, day, articles, stories, mentions, scored, score_sum, positive, negative, neutral
FROM fact_entity_day;

CREATE OR REPLACE VIEW share_of_voice AS
SELECT week, entity, name, articles, stories,
       articles / sum(articles) OVER (PARTITION BY week) AS share
FROM (
    SELECT f.week, m.entity, m.name, f.articles, f.stories
    FROM fact_entity_week f
    JOIN mentioned_entities m ON m.entity = f.entity
    WHERE m.kind = 'company'
);

CREATE OR REPLACE VIEW co_mentions AS
SELECT p.week,
       p.entity_a, ma.name AS name_a, ma.kind AS kind_a,
       p.entity_b, mb.name AS name_b, mb.kind AS kind_b,
       p.articles, p.stories
FROM fact_pair_week p
JOIN mentioned_entities ma ON ma.entity = p.entity_a
JOIN mentioned_entities mb ON mb.entity = p.entity_b;

-- The event timeline, as in 0004, with the target names found by joins instead of a correlated
-- subquery per event: the first (usually only) target by a hash join on the watchlist, lists of
-- two or more by one unnest-join-regroup over those events. Same lists, in target order, NULL for
-- an event without targets, as before.
CREATE OR REPLACE VIEW event_timeline AS
SELECT ad.day, ad.published, ev.event_type, ev.confidence,
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
