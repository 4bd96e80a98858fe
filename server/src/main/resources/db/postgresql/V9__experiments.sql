-- The experiment a call took part in and the caller's variant (both null outside any experiment,
-- and for callers without a number, who get the control but are not counted).
ALTER TABLE calls ADD COLUMN experiment_id TEXT;
ALTER TABLE calls ADD COLUMN experiment_variant TEXT;
CREATE INDEX calls_experiment ON calls(experiment_id, experiment_variant)
  WHERE experiment_id IS NOT NULL;
