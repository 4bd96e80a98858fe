CREATE TABLE calls (
  call_id TEXT PRIMARY KEY,
  server TEXT NOT NULL,
  direction TEXT NOT NULL,
  queue TEXT,
  agent_id TEXT,
  caller_number TEXT,
  caller_name TEXT,
  linkedid TEXT,
  outcome TEXT NOT NULL,
  end_reason TEXT,
  hold_seconds INTEGER NOT NULL DEFAULT 0,
  talk_seconds INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER NOT NULL,
  connected_at INTEGER,
  ended_at INTEGER,
  objective_id TEXT,
  objective_json TEXT,
  updated_at INTEGER NOT NULL
);
CREATE INDEX calls_agent_connected ON calls(agent_id, connected_at);
CREATE INDEX calls_started ON calls(started_at);
CREATE INDEX calls_open ON calls(outcome) WHERE outcome = 'CONNECTED';
CREATE TABLE dispositions (
  id INTEGER PRIMARY KEY,
  call_id TEXT NOT NULL REFERENCES calls(call_id),
  agent_id TEXT NOT NULL,
  code TEXT NOT NULL,
  advance_obtained INTEGER NOT NULL,
  upsell_count INTEGER NOT NULL DEFAULT 0,
  csat INTEGER,
  notes TEXT,
  request_id TEXT,
  is_sale INTEGER NOT NULL DEFAULT 0,
  is_contact INTEGER NOT NULL DEFAULT 0,
  is_not_interested INTEGER NOT NULL DEFAULT 0,
  is_callback INTEGER NOT NULL DEFAULT 0,
  is_do_not_call INTEGER NOT NULL DEFAULT 0,
  is_completed INTEGER NOT NULL DEFAULT 0,
  late INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  UNIQUE (call_id, agent_id)
);
CREATE INDEX dispositions_created ON dispositions(created_at);
CREATE TABLE checklist_results (
  disposition_id INTEGER NOT NULL REFERENCES dispositions(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  required INTEGER NOT NULL,
  done INTEGER NOT NULL,
  PRIMARY KEY (disposition_id, item_id)
);
CREATE TABLE upsell_notes (
  disposition_id INTEGER NOT NULL REFERENCES dispositions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (disposition_id, seq)
);
