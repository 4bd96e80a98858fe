-- The objective's title and stage as columns: reports and the chain of advances read them with the
-- same SQL on every database, without JSON functions.
ALTER TABLE calls ADD COLUMN objective_title TEXT;
ALTER TABLE calls ADD COLUMN objective_stage TEXT;
UPDATE calls SET objective_title = json_extract(objective_json, '$.objective.title'),
  objective_stage = json_extract(objective_json, '$.objective.stage')
  WHERE objective_json IS NOT NULL AND json_valid(objective_json);
