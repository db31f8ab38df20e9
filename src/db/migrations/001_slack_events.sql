-- Slack redelivers an event up to three times; each event id is processed once.
CREATE TABLE slack_events (
  event_id    text PRIMARY KEY,
  event_type  text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
