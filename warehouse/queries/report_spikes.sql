-- Spikes of the last $days days (ending at the last article day), newest first.
SELECT day, entity, name, kind, stories, baseline_median, baseline_mad, robust_z
FROM spikes
WHERE day > (SELECT max(day) FROM calendar) - CAST($days AS INTEGER)
ORDER BY day DESC, robust_z DESC, entity;
