-- Webhook deliveries the receiver refused for good (an HTTP 4xx other than 408 and 429): recorded
-- here with the payload, and the webhook goes on with the next event. Kept 30 days.
CREATE TABLE webhook_failures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  webhook TEXT NOT NULL,
  outbox_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  call_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  http_status INTEGER,
  error TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  node TEXT NOT NULL,
  failed_at INTEGER NOT NULL
);
CREATE INDEX webhook_failures_recent ON webhook_failures(failed_at);
