import { z } from 'zod';
import { remindersSection } from './sections/reminders';
import { matrixSection } from './sections/matrix';
import { postmortemSection } from './sections/postmortem';
import { approversSection } from './sections/approvers';
import { artifactsSection } from './sections/artifacts';
import { redactionSection } from './sections/redaction';
import { regionsSection } from './sections/regions';

/** Placeholders that `channels.naming` may use. */
export const NAMING_PLACEHOLDERS = ['yyyymmdd', 'slug', 'n'] as const;

/** Where a severity's status updates go. */
export const AUDIENCES = ['incident_channel', 'incidents_channel', 'status_page', 'customers'] as const;

/** Top-level sections that later work will define; accepted unchecked until then. */
export const FUTURE_SECTIONS = ['matrix', 'regions', 'approvers', 'artifacts', 'postmortem', 'reminders', 'redaction'] as const;

// A missing key reads better as "is required" than as the type that was expected.
const expecting = (message: string) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined ? 'is required' : message),
});

const text = z.string(expecting('expected text')).trim().min(1, { error: 'must not be empty' });
const positiveMinutes = z.number(expecting('expected a positive number')).positive({ error: 'expected a positive number' });
const optionalPositive = (unit: 'number' | 'whole number') => {
  const message = `expected a positive ${unit}, or null for none`;
  const base = z.number(expecting(message)).positive({ error: message });
  // Not .int(): its failure stops the cross-field checks from running.
  return (unit === 'whole number' ? base.refine(Number.isInteger, { error: message }) : base).nullable();
};

// YAML reads `1` as a number; severity names such as `1` or `p1` are always text to the bot.
const severityName = z
  .union([z.string(), z.number()], expecting('expected a name such as sev1 or p1'))
  .transform(String)
  .pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'expected letters, digits, "-", "_" or "." (no spaces)' }));

const userId = z.string(expecting('expected a Slack user id')).regex(/^[UW][A-Z0-9]{2,}$/, {
  error: 'expected a Slack user id such as U012AB3CD',
});
const usergroupId = z.string(expecting('expected a Slack user group id')).regex(/^S[A-Z0-9]{2,}$/, {
  error: 'expected a Slack user group id such as S0614TZR7',
});

const slackTargets = z.strictObject({
  users: z.array(userId).default([]),
  usergroups: z.array(usergroupId).default([]),
});

const escalationStep = z.strictObject({
  after_minutes: positiveMinutes,
  reason: z.enum(['unresolved', 'no_update']),
  notify: slackTargets.default({ users: [], usergroups: [] }),
  label: text,
});

const severity = z.strictObject({
  id: severityName,
  name: text,
  aliases: z.array(severityName).default([]),
  definition: text,
  examples: z.array(text).default([]),
  response_target_minutes: optionalPositive('number'),
  update_every_minutes: optionalPositive('number'),
  audience: z.array(z.enum(AUDIENCES)).min(1, { error: 'name at least one audience' }),
  escalation: z.array(escalationStep).default([]),
  postmortem_due_business_days: optionalPositive('whole number'),
});

const status = z.strictObject({ name: text, meaning: text });

const role = z.strictObject({
  title: text,
  brief: text.max(1500, { error: 'keep the brief under 1500 characters; it is sent as a message' }),
});

const channelRef = z
  .string(expecting('expected a channel name or id'))
  .regex(/^(#?[a-z0-9][a-z0-9_-]{0,79}|[CG][A-Z0-9]{2,})$/, {
    error: 'expected a channel name such as #incidents or a channel id such as C0123ABCD',
  })
  .transform((ref) => ref.replace(/^#/, ''));

const namingTemplate = z.string(expecting('expected a template such as inc-{yyyymmdd}-{slug}')).superRefine((tpl, ctx) => {
  const allowed = NAMING_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
  for (const [, name] of tpl.matchAll(/\{([^}]*)\}/g)) {
    if (!(NAMING_PLACEHOLDERS as readonly string[]).includes(name)) {
      ctx.addIssue({ code: 'custom', message: `unknown placeholder {${name}}; allowed placeholders are ${allowed}` });
    }
  }
  if (/[^a-z0-9_-]/.test(tpl.replace(/\{[^}]*\}/g, ''))) {
    ctx.addIssue({ code: 'custom', message: 'outside placeholders use only lowercase letters, digits, "-" and "_" (Slack channel names)' });
  }
  if (!/\{(slug|n)\}/.test(tpl)) {
    ctx.addIssue({ code: 'custom', message: 'include {slug} or {n} so that each incident gets its own channel' });
  }
});

const permissionKeys = z.strictObject({
  declare: slackTargets.optional(),
  change_severity: slackTargets.optional(),
});

const futureSections = Object.fromEntries(FUTURE_SECTIONS.map((key) => [key, z.unknown().optional()])) as Record<
  (typeof FUTURE_SECTIONS)[number],
  z.ZodOptional<z.ZodUnknown>
>;

/** Case-insensitive key under which severity ids and aliases are compared. */
export function severityKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The whole of incident.config.yml. Keys stay snake_case, as users write them. */
export const incidentConfigSchema = z
  .strictObject({
    severities: z.array(severity).min(1, { error: 'define at least one severity' }),
    default_severity: severityName,
    statuses: z.array(status).min(1, { error: 'define at least the status Resolved' }),
    roles: z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/, { error: 'role names are lowercase, e.g. commander' }), role),
    channels: z.strictObject({ incidents_channel: channelRef, naming: namingTemplate }),
    permissions: permissionKeys.optional(),
    ...futureSections,
    reminders: remindersSection,
    matrix: matrixSection,
    postmortem: postmortemSection,
    regions: regionsSection,
    approvers: approversSection,
    artifacts: artifactsSection,
    redaction: redactionSection,
  })
  // Runs even when other parts failed, so every problem is reported at once; hence the defensive reads.
  .superRefine((cfg, ctx) => checkCrossFields(cfg as unknown, ctx), { when: () => true });

export type IncidentConfig = z.output<typeof incidentConfigSchema>;
export type Severity = IncidentConfig['severities'][number];
export type EscalationStep = Severity['escalation'][number];
export type SlackTargets = EscalationStep['notify'];
export type IncidentStatus = IncidentConfig['statuses'][number];
export type RoleConfig = IncidentConfig['roles'][string];
export type Audience = (typeof AUDIENCES)[number];

type Ctx = z.RefinementCtx<unknown>;
type Loose = Record<string, unknown>;

const asRecord = (v: unknown): Loose => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asName = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

function checkCrossFields(raw: unknown, ctx: Ctx): void {
  const cfg = asRecord(raw);
  const severities = asList(cfg.severities).map(asRecord);
  checkSeverityNames(severities, ctx);
  checkDefaultSeverity(severities, cfg.default_severity, ctx);
  checkEscalations(severities, ctx);
  checkStatuses(asList(cfg.statuses).map(asRecord), ctx);
  if (cfg.roles !== undefined && !('commander' in asRecord(cfg.roles))) {
    ctx.addIssue({ code: 'custom', path: ['roles'], message: 'define the role "commander"; whoever declares an incident takes it' });
  }
}

function checkSeverityNames(severities: Loose[], ctx: Ctx): void {
  const owners = new Map<string, string>();
  severities.forEach((sev, i) => {
    const owner = asName(sev.id) ?? `severities[${i}]`;
    const names: [PropertyKey[], unknown][] = [
      [['severities', i, 'id'], sev.id],
      ...asList(sev.aliases).map((alias, j): [PropertyKey[], unknown] => [['severities', i, 'aliases', j], alias]),
    ];
    for (const [path, value] of names) {
      const name = asName(value);
      if (name === undefined) continue;
      const taken = owners.get(severityKey(name));
      if (taken === undefined) owners.set(severityKey(name), owner);
      else ctx.addIssue({ code: 'custom', path, message: `"${name}" is already used by ${taken}; severity ids and aliases must be unique, ignoring case` });
    }
  });
}

function checkDefaultSeverity(severities: Loose[], value: unknown, ctx: Ctx): void {
  const wanted = asName(value);
  if (wanted === undefined || severities.length === 0) return;
  const known = severities.flatMap((sev) => [sev.id, ...asList(sev.aliases)].map(asName)).filter((n) => n !== undefined);
  if (known.some((n) => severityKey(n) === severityKey(wanted))) return;
  const ids = severities.map((sev) => asName(sev.id)).filter((n) => n !== undefined);
  ctx.addIssue({ code: 'custom', path: ['default_severity'], message: `"${wanted}" is not a defined severity; valid ones are ${ids.join(', ')}` });
}

function checkEscalations(severities: Loose[], ctx: Ctx): void {
  severities.forEach((sev, i) => {
    if (sev.update_every_minutes !== null) return;
    asList(sev.escalation).forEach((step, j) => {
      if (asRecord(step).reason !== 'no_update') return;
      ctx.addIssue({
        code: 'custom',
        path: ['severities', i, 'escalation', j, 'reason'],
        message: '"no_update" needs an update cadence, but update_every_minutes is null',
      });
    });
  });
}

function checkStatuses(statuses: Loose[], ctx: Ctx): void {
  const seen = new Set<string>();
  statuses.forEach((st, i) => {
    if (typeof st.name !== 'string') return;
    const key = st.name.trim().toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['statuses', i, 'name'], message: `duplicate status "${st.name}"` });
    seen.add(key);
  });
  if (statuses.length > 0 && !seen.has('resolved')) {
    ctx.addIssue({ code: 'custom', path: ['statuses'], message: 'must include "Resolved"; the bot closes incidents with it' });
  }
}
