-- Approved region commands: every request, approval, denial and run, with the exact command line that ran,
-- who asked, who approved, how it ended and the SHA-256 of its full output (the evidence fingerprint).
CREATE TABLE command_runs (
  id              bigserial PRIMARY KEY,
  incident_id     bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  -- The same request seen twice (a redelivered slash command, a double click) carries the same key: one run.
  request_key     text UNIQUE,
  command_id      text NOT NULL,
  command_class   text NOT NULL,
  region          text NOT NULL,
  params          jsonb NOT NULL DEFAULT '{}'::jsonb,
  command_line    text NOT NULL,
  -- awaiting_approval, denied, expired, running, finished, timed_out, flooded, failed
  state           text NOT NULL,
  needs_approval  boolean NOT NULL,
  -- Travels in the Approve/Deny buttons: a click must name the request it was shown for.
  approval_token  text,
  requested_by    text NOT NULL,
  requested_at    timestamptz NOT NULL,
  expires_at      timestamptz,
  approved_by     text,
  approved_at     timestamptz,
  denied_by       text,
  denied_at       timestamptz,
  deny_reason     text,
  started_at      timestamptz,
  finished_at     timestamptz,
  exit_code       integer,
  timed_out       boolean NOT NULL DEFAULT false,
  duration_ms     integer,
  output_bytes    bigint,
  output_sha256   text,
  artifact_key    text,
  error           text,
  -- Runs started together by `/incident evidence` share this id.
  evidence_pack   text,
  channel_id      text,
  message_ts      text
);
CREATE INDEX command_runs_by_incident ON command_runs (incident_id, requested_at, id);
CREATE INDEX command_runs_by_pack ON command_runs (evidence_pack) WHERE evidence_pack IS NOT NULL;
