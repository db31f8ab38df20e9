import { z } from 'zod';
import { placeholdersOf, quotedPlaceholders } from './quote';

/** The three kinds of command: evidence is safe and worth keeping; mitigations change things. */
export const COMMAND_CLASSES = ['evidence', 'diagnostic', 'mitigation'] as const;
export type CommandClass = (typeof COMMAND_CLASSES)[number];

const whole = (min: number, max: number, what: string) => {
  const message = `expected a whole number${what} from ${min} to ${max}`;
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message }).refine(Number.isInteger, { error: message });
};

const text = (max: number) => z.string({ error: 'expected text' }).trim().min(1, { error: 'must not be empty' }).max(max, { error: `keep it to ${max} characters` });

const anchored = z.string({ error: 'expected a regular expression' }).superRefine((source, ctx) => {
  try {
    new RegExp(source);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message}` });
    return;
  }
  if (!source.startsWith('^') || !source.endsWith('$')) {
    ctx.addIssue({ code: 'custom', message: 'anchor the pattern with ^ and $ so the whole value is checked, e.g. ^[a-z0-9-]+$' });
  }
});

const common = { description: text(300).optional(), optional: z.boolean({ error: 'expected true or false' }).default(false) };

const integerParam = z.strictObject({
  type: z.literal('integer'),
  min: z.number({ error: 'expected a whole number' }).refine(Number.isInteger, { error: 'expected a whole number' }),
  max: z.number({ error: 'expected a whole number' }).refine(Number.isInteger, { error: 'expected a whole number' }),
  default: z.number({ error: 'expected a whole number' }).refine(Number.isInteger, { error: 'expected a whole number' }).optional(),
  ...common,
});

const enumParam = z.strictObject({
  type: z.literal('enum'),
  values: z.array(z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, { error: 'expected a plain word (letters, digits, "_", ".", ":", "-")' }))).min(1),
  default: z.union([z.string(), z.number()]).transform(String).optional(),
  ...common,
});

const stringParam = z.strictObject({
  type: z.literal('string'),
  pattern: anchored,
  max_length: whole(1, 500, '').default(200),
  default: z.string({ error: 'expected text' }).optional(),
  ...common,
});

const param = z.discriminatedUnion('type', [integerParam, enumParam, stringParam], {
  error: (iss) => (iss.input === undefined ? 'is required' : 'expected a parameter with type integer, enum or string'),
});

export type ParamSpec = z.output<typeof param>;

/** One entry of a `commands/*.yml` file, as written there. */
export const commandEntry = z
  .strictObject({
    id: z.string({ error: 'expected an id such as container-logs' }).regex(/^[a-z][a-z0-9-]{0,47}$/, { error: 'expected lowercase letters, digits and "-", such as container-logs' }),
    title: text(80),
    description: text(600),
    class: z.enum(COMMAND_CLASSES),
    template: text(2000),
    params: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, { error: 'parameter names are lowercase words such as lines or service' }), param).default({}),
    regions: z.union([z.literal('all'), z.array(z.string({ error: 'expected a region id' })).min(1, { error: 'name at least one region, or write all' })]).default('all'),
    approval: z.enum(['none', 'second-person']).optional(),
    timeout_seconds: whole(1, 3600, ' of seconds').default(60),
    output_cap_bytes: whole(200, 2500, ' of bytes').default(2000),
  })
  .superRefine(checkEntry);

/** A commands file: a list of commands. */
export const commandFile = z.array(commandEntry, { error: 'expected a list of commands (each item starting with "- id: …")' });

export type CommandEntry = z.output<typeof commandEntry>;

function checkEntry(cmd: { template: string; params: Record<string, ParamSpec> }, ctx: z.RefinementCtx): void {
  checkTemplate(cmd.template, Object.keys(cmd.params), ctx);
  for (const [name, p] of Object.entries(cmd.params)) {
    const at = (key: string) => ['params', name, key];
    if (p.type === 'integer') {
      if (p.min > p.max) ctx.addIssue({ code: 'custom', path: at('max'), message: `must be at least min (${p.min})` });
      if (p.default !== undefined && (p.default < p.min || p.default > p.max)) {
        ctx.addIssue({ code: 'custom', path: at('default'), message: `must lie between min and max (${p.min}..${p.max})` });
      }
    } else if (p.type === 'enum') {
      if (p.default !== undefined && !p.values.includes(p.default)) ctx.addIssue({ code: 'custom', path: at('default'), message: `must be one of: ${p.values.join(', ')}` });
    } else if (p.default !== undefined && !safeTest(p.pattern, p.default)) {
      ctx.addIssue({ code: 'custom', path: at('default'), message: 'does not match the pattern' });
    }
  }
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

function checkTemplate(template: string, declared: string[], ctx: z.RefinementCtx): void {
  const used = placeholdersOf(template);
  for (const name of new Set(used)) {
    if (!declared.includes(name)) ctx.addIssue({ code: 'custom', path: ['template'], message: `uses {{${name}}}, which is not declared under params` });
  }
  for (const name of declared) {
    if (!used.includes(name)) ctx.addIssue({ code: 'custom', path: ['params', name], message: `is never used in the template; add {{${name}}} or remove it` });
  }
  for (const name of new Set(quotedPlaceholders(template))) {
    ctx.addIssue({
      code: 'custom',
      path: ['template'],
      message: `{{${name}}} stands inside quotes; the bot quotes every value itself, so write it as a separate word outside any quotes`,
    });
  }
}
