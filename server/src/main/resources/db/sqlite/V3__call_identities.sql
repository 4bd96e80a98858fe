-- The AMI identities of a call, so that a restarted server tracks its open calls again.
ALTER TABLE calls ADD COLUMN caller_uniqueid TEXT;
ALTER TABLE calls ADD COLUMN other_uniqueid TEXT;
ALTER TABLE calls ADD COLUMN member_interface TEXT;
ALTER TABLE calls ADD COLUMN agent_channel TEXT;
ALTER TABLE calls ADD COLUMN far_channel TEXT;
