-- Postmortem drafts: one row per version of an incident's draft. The document itself lives in the artifact
-- store under `key`; its SHA-256 here lets anyone check that the stored file is the one the bot wrote.
CREATE TABLE postmortems (
  id           bigserial PRIMARY KEY,
  incident_id  bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  version      integer NOT NULL,
  -- Filled once the document is stored; a row without them is a version being written, or one that failed.
  key          text,
  sha256       text,
  size_bytes   integer,
  created_by   text,
  created_at   timestamptz NOT NULL,
  UNIQUE (incident_id, version)
);
