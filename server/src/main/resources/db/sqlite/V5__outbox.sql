-- The transactional outbox: a stored disposition, a missed wrap-up or a call end writes one row in
-- the same transaction, and dispatchers (other nodes, webhooks) read it in order on their own
-- threads. Ids only grow (AUTOINCREMENT), so a reader's place is the last id it read. txid is for
-- PostgreSQL (see there); here it is always 0.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  txid INTEGER NOT NULL DEFAULT 0,
  origin TEXT NOT NULL,
  kind TEXT NOT NULL,
  call_id TEXT NOT NULL,
  agent_id TEXT,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (kind, call_id)
);
CREATE INDEX outbox_created ON outbox(created_at);
-- Where each durable dispatcher has read up to.
CREATE TABLE outbox_cursors (
  consumer TEXT PRIMARY KEY,
  last_txid INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
