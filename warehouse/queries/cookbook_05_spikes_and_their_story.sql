-- Which entities spiked (robust z >= 3 against their own previous 28 days), and on what story?
SELECT s.day, s.name, s.stories, s.baseline_median, s.robust_z,
       (SELECT arg_max(a.title, a.published)
          FROM article_entities ae JOIN article_days a USING (article_key)
         WHERE ae.entity = s.entity AND a.day = s.day) AS headline
FROM spikes s
ORDER BY s.day DESC, s.robust_z DESC
LIMIT 15;
