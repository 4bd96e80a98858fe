-- The objective's title and stage as columns: reports and the chain of advances read them with the
-- same SQL on every database, without JSON functions.
ALTER TABLE calls ADD COLUMN objective_title TEXT;
ALTER TABLE calls ADD COLUMN objective_stage TEXT;
