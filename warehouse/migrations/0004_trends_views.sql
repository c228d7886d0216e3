-- Trend views over articles and the extraction tables (0002). Views only: they hold no data, so
-- re-creating them is always safe. Columns, meanings and the spike method: docs/views.md.
--
-- Days are UTC calendar days of `articles.published`. The calendar runs from the first to the last
-- article day in the warehouse (not to today), so the views describe the stored data and a quiet
-- feed does not read as a collapse in coverage.

CREATE OR REPLACE VIEW article_days AS
SELECT article_key, url, title, feed, language, cluster_id, published,
       CAST(timezone('UTC', published) AS DATE) AS day
FROM articles;

CREATE OR REPLACE VIEW calendar AS
SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 DAY)) AS DATE) AS day
FROM (SELECT min(day) AS lo, max(day) AS hi FROM article_days)
WHERE lo IS NOT NULL;

-- Every entity that was ever mentioned, with its watchlist name, kind and country when known.
CREATE OR REPLACE VIEW mentioned_entities AS
SELECT ae.entity,
       coalesce(any_value(w.kind), any_value(ae.kind)) AS kind,
       coalesce(any_value(w.name), ae.entity)          AS name,
       any_value(w.country)                            AS country
FROM article_entities ae
LEFT JOIN entities w ON w.entity = ae.entity
GROUP BY ae.entity;

-- Sparse facts: one row per (entity, day) with at least one article.
CREATE OR REPLACE VIEW entity_day_facts AS
SELECT ae.entity, ad.day,
       count(DISTINCT ae.article_key)                         AS articles,
       count(DISTINCT ad.cluster_id)                          AS stories,
       sum(ae.n_mentions)                                     AS mentions,
       count(ae.sentiment_score)                              AS scored,
       sum(ae.sentiment_score)                                AS score_sum,
       count(*) FILTER (WHERE ae.sentiment_label = 'positive') AS positive,
       count(*) FILTER (WHERE ae.sentiment_label = 'negative') AS negative,
       count(*) FILTER (WHERE ae.sentiment_label = 'neutral')  AS neutral
FROM article_entities ae
JOIN article_days ad USING (article_key)
GROUP BY ae.entity, ad.day;

-- Daily mentions per entity, dense: every entity x every calendar day, zeros included.
CREATE OR REPLACE VIEW daily_mentions AS
SELECT c.day, m.entity, m.kind, m.name,
       coalesce(f.articles, 0) AS articles,
       coalesce(f.stories, 0)  AS stories,
       coalesce(f.mentions, 0) AS mentions
FROM calendar c
CROSS JOIN mentioned_entities m
LEFT JOIN entity_day_facts f ON f.entity = m.entity AND f.day = c.day;

-- Daily sentiment per entity (mean of the article-level entity scores, each article weighing 1)
-- and its 7-day rolling mean over the articles of the day and the 6 days before it.
CREATE OR REPLACE VIEW daily_sentiment AS
SELECT day, entity, kind, name, scored, positive, negative, neutral,
       mean_score,
       sum(score_sum) OVER w / nullif(sum(scored) OVER w, 0) AS rolling_7d,
       CAST(sum(scored) OVER w AS BIGINT)                    AS rolling_7d_scored
FROM (
    SELECT c.day, m.entity, m.kind, m.name,
           coalesce(f.scored, 0)   AS scored,
           coalesce(f.positive, 0) AS positive,
           coalesce(f.negative, 0) AS negative,
           coalesce(f.neutral, 0)  AS neutral,
           f.score_sum / nullif(f.scored, 0) AS mean_score,
           coalesce(f.score_sum, 0) AS score_sum
    FROM calendar c
    CROSS JOIN mentioned_entities m
    LEFT JOIN entity_day_facts f ON f.entity = m.entity AND f.day = c.day
)
WINDOW w AS (PARTITION BY entity ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW);

-- Weekly share of voice among the watched firms (kind = 'company'): a firm's articles over the
-- sum of all firms' articles that week (an article naming two firms counts for both).
CREATE OR REPLACE VIEW share_of_voice AS
SELECT week, entity, name, articles, stories,
       articles / sum(articles) OVER (PARTITION BY week) AS share
FROM (
    SELECT CAST(date_trunc('week', ad.day) AS DATE) AS week, m.entity, m.name,
           count(DISTINCT ae.article_key) AS articles,
           count(DISTINCT ad.cluster_id)  AS stories
    FROM article_entities ae
    JOIN article_days ad USING (article_key)
    JOIN mentioned_entities m ON m.entity = ae.entity
    WHERE m.kind = 'company'
    GROUP BY ALL
);

-- The event timeline: one row per extracted event, with its evidence sentence and article link.
CREATE OR REPLACE VIEW event_timeline AS
SELECT ad.day, ad.published, ev.event_type, ev.confidence,
       ev.actor,
       coalesce(wa.name, ev.actor) AS actor_name,
       ev.targets,
       (SELECT list(coalesce(w.name, u.t) ORDER BY u.i)
          FROM (SELECT unnest(ev.targets) AS t, generate_subscripts(ev.targets, 1) AS i) u
          LEFT JOIN entities w ON w.entity = u.t) AS target_names,
       ev.entities,
       ev.sentence AS evidence, ev.trigger,
       ad.title, ad.url AS link, ad.feed, ad.language, ev.article_key, ev.seq, ad.cluster_id
FROM events ev
JOIN article_days ad USING (article_key)
LEFT JOIN entities wa ON wa.entity = ev.actor;

-- Entity pairs named in the same article, per week (entity_a < entity_b).
CREATE OR REPLACE VIEW co_mentions AS
SELECT CAST(date_trunc('week', ad.day) AS DATE) AS week,
       a.entity AS entity_a, ma.name AS name_a, ma.kind AS kind_a,
       b.entity AS entity_b, mb.name AS name_b, mb.kind AS kind_b,
       count(DISTINCT a.article_key) AS articles,
       count(DISTINCT ad.cluster_id) AS stories
FROM article_entities a
JOIN article_entities b ON b.article_key = a.article_key AND a.entity < b.entity
JOIN article_days ad ON ad.article_key = a.article_key
JOIN mentioned_entities ma ON ma.entity = a.entity
JOIN mentioned_entities mb ON mb.entity = b.entity
GROUP BY ALL;

-- Every (entity, day) scored against the entity's own previous 28 days (today excluded):
-- robust z = (stories - median) / (1.4826 * MAD + 1). The +1 keeps quiet entities (median and MAD
-- of 0) from turning one story into an infinite z; 1.4826 * MAD estimates the standard deviation.
CREATE OR REPLACE VIEW spike_scores AS
SELECT *,
       (stories - baseline_median) / (1.4826 * baseline_mad + 1.0) AS robust_z
FROM (
    SELECT day, entity, kind, name, articles, stories,
           count(*) OVER w                       AS baseline_days,
           coalesce(median(stories) OVER w, 0.0) AS baseline_median,
           coalesce(mad(stories) OVER w, 0.0)    AS baseline_mad,
           coalesce(avg(stories) OVER w, 0.0)    AS baseline_mean
    FROM daily_mentions
    WINDOW w AS (PARTITION BY entity ORDER BY day ROWS BETWEEN 28 PRECEDING AND 1 PRECEDING)
);

-- Spikes: robust z >= 3, at least 3 stories that day, and at least 14 days of baseline.
CREATE OR REPLACE VIEW spikes AS
SELECT day, entity, kind, name, stories, articles, baseline_median, baseline_mad, baseline_mean,
       baseline_days, round(robust_z, 2) AS robust_z
FROM spike_scores
WHERE robust_z >= 3 AND stories >= 3 AND baseline_days >= 14;
