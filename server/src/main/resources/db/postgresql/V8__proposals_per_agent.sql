-- Agents' quotas on proposals: open ones and those of the last 24 hours, counted per agent from
-- this index alone.
CREATE INDEX proposals_agent ON proposals(agent_id, created_at, status);
