import { z } from 'zod';

const pattern = z.string({ error: 'expected a regular expression' }).superRefine((source, ctx) => {
  let re: RegExp;
  try {
    re = new RegExp(source, 'g');
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message}` });
    return;
  }
  if (re.test('')) ctx.addIssue({ code: 'custom', message: 'matches empty text, so it would redact nothing useful; make it match the secret itself' });
});

const rule = z.strictObject({
  name: z.string({ error: 'expected a short name such as ticket-token' }).trim().min(1).max(60),
  pattern,
  ignore_case: z.boolean({ error: 'expected true or false' }).default(false),
  /** What the match becomes; `$1` keeps the first group (the "password=" before the secret). */
  replace: z.string({ error: 'expected text' }).default('[REDACTED]'),
});

/** The `redaction:` section: patterns hidden from command output before it is shown in Slack. */
export const redactionSection = z
  .strictObject({
    use_defaults: z.boolean({ error: 'expected true or false' }).default(true),
    patterns: z.array(rule).default([]),
  })
  .default({ use_defaults: true, patterns: [] });

export type RedactionConfig = z.output<typeof redactionSection>;
export type RedactionRule = RedactionConfig['patterns'][number];
