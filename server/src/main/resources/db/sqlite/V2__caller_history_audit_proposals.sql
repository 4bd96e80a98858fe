-- Caller history lookups for the chain of advances, the admin audit trail, agents' proposals.
CREATE INDEX calls_caller ON calls(caller_number);
CREATE TABLE config_audit (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  who TEXT NOT NULL,
  action TEXT NOT NULL,
  file TEXT,
  summary TEXT,
  before_text TEXT,
  after_text TEXT
);
CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  agent_id TEXT NOT NULL,
  objective_id TEXT,
  text TEXT NOT NULL,
  request_id TEXT,
  status TEXT NOT NULL DEFAULT 'open',
  created_at INTEGER NOT NULL,
  decided_by TEXT,
  decided_at INTEGER,
  UNIQUE (agent_id, request_id)
);
CREATE INDEX proposals_status ON proposals(status, created_at);
