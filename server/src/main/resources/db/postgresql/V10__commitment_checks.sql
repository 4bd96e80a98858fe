-- Commitments kept: a disposition's answer to its pop's question about the customer's earlier
-- advance (named by that disposition's call and agent): kept, not kept, or not yet due.
CREATE TABLE commitment_checks (
  disposition_id BIGINT PRIMARY KEY REFERENCES dispositions(id) ON DELETE CASCADE,
  commitment_call_id TEXT NOT NULL,
  commitment_agent_id TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('kept', 'not_kept', 'not_yet'))
);
CREATE INDEX commitment_checks_commitment ON commitment_checks(commitment_call_id, commitment_agent_id);
-- The latest advance per customer, read at start and after every disposition.
CREATE INDEX dispositions_advances ON dispositions(call_id) WHERE advance_obtained = 1;
