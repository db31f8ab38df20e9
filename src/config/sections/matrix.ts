import { z } from 'zod';

/** How many rows the matrix may hold: it is read at 03:00, and one ephemeral message shows every row. */
export const MATRIX_MAX_ROWS = 40;

/** Runbook and matrix row ids: lowercase words joined by "-", as in `db-failover`. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;

const SLUG_ERROR = 'expected lowercase letters, digits and "-", such as db-failover';

// A missing key reads better as "is required" than as the type that was expected.
const required = (message: string) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined ? 'is required' : message),
});

const slug = z.string(required(SLUG_ERROR)).regex(SLUG_PATTERN, { error: SLUG_ERROR });
const text = (max: number) =>
  z
    .string(required('expected text'))
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `keep it to ${max} characters; it is shown in a Slack menu` });

// YAML reads `1` as a number; severity names are always text to the bot.
const severityName = z
  .union([z.string(), z.number()], required('expected a severity such as SEV-1'))
  .transform(String);

const matrixRow = z.strictObject({
  id: slug,
  symptom: text(150),
  likely_cause: text(150),
  runbooks: z.array(slug, required('expected a list of runbook ids')).min(1, { error: 'name at least one runbook' }),
  suggested_severity: severityName,
});

/** The failure-class matrix: symptom -> likely cause -> runbook(s), with the severity it usually deserves. */
export const matrixSection = z
  .array(matrixRow, required('expected a list of rows'))
  .max(MATRIX_MAX_ROWS, { error: `keep the matrix to ${MATRIX_MAX_ROWS} rows` })
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate row id "${row.id}"` });
      seen.add(row.id);
    });
  })
  .default([]);

export type MatrixRow = z.output<typeof matrixRow>;
