-- The failure class picked for an incident (a row of the matrix in incident.config.yml), and runbook steps ticked done.
CREATE TABLE incident_triage (
  incident_id  bigint PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
  row_id       text NOT NULL,
  symptom      text NOT NULL,
  triaged_by   text NOT NULL,
  triaged_at   timestamptz NOT NULL
);

-- One row per step someone ticked (or unticked again); steps never touched have no row.
CREATE TABLE runbook_steps (
  incident_id  bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  runbook_id   text NOT NULL,
  step         integer NOT NULL,
  done         boolean NOT NULL,
  changed_by   text NOT NULL,
  changed_at   timestamptz NOT NULL,
  PRIMARY KEY (incident_id, runbook_id, step)
);
