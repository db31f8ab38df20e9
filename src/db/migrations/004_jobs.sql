-- Timers: status-update reminders, escalations, commander nudges and postmortem reviews, as jobs in a table.
-- Every replica's scheduler claims due jobs with FOR UPDATE SKIP LOCKED, so each job fires once.
CREATE TABLE jobs (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL,
  incident_id  bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  -- Which step of which plan this is: planning the same step twice (a retry, two replicas) inserts one job.
  dedupe_key   text NOT NULL,
  due_at       timestamptz NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- pending -> running (claimed, under a lease) -> done | skipped | failed; pending -> cancelled.
  state        text NOT NULL DEFAULT 'pending',
  attempts     integer NOT NULL DEFAULT 0,
  claimed_by   text,
  claimed_at   timestamptz,
  lease_until  timestamptz,
  last_error   text,
  -- Set as soon as the message is posted, before the job is done: a retry finds it and does not post again.
  message_ts   text,
  created_at   timestamptz NOT NULL,
  finished_at  timestamptz,
  UNIQUE (incident_id, kind, dedupe_key)
);
CREATE INDEX jobs_due ON jobs (due_at) WHERE state = 'pending';
CREATE INDEX jobs_leased ON jobs (lease_until) WHERE state = 'running';
CREATE INDEX jobs_by_incident ON jobs (incident_id, state);
