-- Incidents, their roles, the timeline and the status updates.
CREATE SEQUENCE incident_number_seq;

CREATE TABLE incidents (
  id               bigint PRIMARY KEY DEFAULT nextval('incident_number_seq'),
  -- The same request seen twice (a double click, a redelivery) carries the same key: one incident.
  idempotency_key  text UNIQUE,
  title            text NOT NULL,
  description      text,
  severity         text NOT NULL,
  status           text NOT NULL,
  is_private       boolean NOT NULL DEFAULT false,
  symptom          text,
  channel_id       text UNIQUE,
  channel_name     text,
  header_ts        text,
  announcement_channel_id text,
  announcement_ts  text,
  declared_by      text NOT NULL,
  declared_at      timestamptz NOT NULL,
  detected_at      timestamptz,
  mitigated_at     timestamptz,
  resolved_at      timestamptz,
  resolution       jsonb,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incidents_open ON incidents (declared_at) WHERE resolved_at IS NULL;

CREATE TABLE incident_roles (
  incident_id  bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  role         text NOT NULL,
  user_id      text NOT NULL,
  assigned_by  text NOT NULL,
  assigned_at  timestamptz NOT NULL,
  PRIMARY KEY (incident_id, role)
);

-- Everything that happened: messages and replies captured from the channel (with Slack's ts),
-- and what the bot did (kind 'declared', 'severity_changed', 'status_update', ...).
CREATE TABLE timeline_entries (
  id             bigserial PRIMARY KEY,
  incident_id    bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  kind           text NOT NULL,
  occurred_at    timestamptz NOT NULL,
  actor_id       text,
  text           text NOT NULL DEFAULT '',
  slack_ts       text,
  thread_ts      text,
  original_text  text,
  edited_at      timestamptz,
  deleted_at     timestamptz,
  highlighted    boolean NOT NULL DEFAULT false,
  data           jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE UNIQUE INDEX timeline_message_once ON timeline_entries (incident_id, slack_ts) WHERE slack_ts IS NOT NULL;
CREATE INDEX timeline_by_time ON timeline_entries (incident_id, occurred_at, id);

CREATE TABLE status_updates (
  id                   bigserial PRIMARY KEY,
  incident_id          bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  status               text NOT NULL,
  impact               text NOT NULL,
  current_actions      text NOT NULL,
  next_update_minutes  integer,
  audience             text NOT NULL,
  posted_by            text NOT NULL,
  posted_at            timestamptz NOT NULL,
  message_ts           text
);
CREATE INDEX status_updates_latest ON status_updates (incident_id, posted_at DESC);

-- Customer-facing updates wait here while someone reviews the rendered text; posting takes the draft once.
CREATE TABLE status_update_drafts (
  draft_key            text PRIMARY KEY,
  incident_id          bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  status               text NOT NULL,
  impact               text NOT NULL,
  current_actions      text NOT NULL,
  next_update_minutes  integer,
  audience             text NOT NULL,
  drafted_by           text NOT NULL,
  drafted_at           timestamptz NOT NULL
);
