import { z } from 'zod';
import type { ParamSpec } from './catalog-schema';
import type { CommandSpec } from './catalog';
import { fillTemplate, shellQuote } from './quote';

export type ParamCheck = { ok: true; values: Record<string, string>; commandLine: string } | { ok: false; problems: string[] };

// Control characters (newlines, NUL, escape sequences) never belong in a parameter, whatever its pattern says.
const CONTROL = /[\u0000-\u001f\u007f]/;

function schemaFor(name: string, p: ParamSpec): z.ZodType<string> {
  if (p.type === 'integer') {
    const message = `${name} must be a whole number from ${p.min} to ${p.max}`;
    return z
      .string()
      .regex(/^-?\d{1,15}$/, { error: message })
      .refine((v) => Number(v) >= p.min && Number(v) <= p.max, { error: message })
      .transform((v) => String(Number(v)));
  }
  if (p.type === 'enum') {
    return z.string().refine((v) => p.values.includes(v), { error: `${name} must be one of: ${p.values.join(', ')}` });
  }
  return z
    .string()
    .max(p.max_length, { error: `${name} is longer than ${p.max_length} characters` })
    .refine((v) => !CONTROL.test(v), { error: `${name} must not contain control characters such as newlines` })
    .refine((v) => new RegExp(p.pattern).test(v), { error: `${name} must match ${p.pattern}` });
}

/** How a parameter reads in help: `lines=<1..5000, default 200>`. */
export function describeParam(name: string, p: ParamSpec): string {
  const shape = p.type === 'integer' ? `${p.min}..${p.max}` : p.type === 'enum' ? p.values.join('|') : p.pattern;
  const extra = p.default !== undefined ? `, default ${p.default}` : p.optional ? ', optional' : '';
  return `${name}=<${shape}${extra}>`;
}

/**
 * Validates what someone typed against the command's parameters (zod, one rule per type), fills in defaults
 * and renders the exact command line with every value single-quoted for the shell.
 */
export function checkParams(spec: Pick<CommandSpec, 'id' | 'params' | 'template'>, given: Record<string, string>): ParamCheck {
  const problems: string[] = [];
  const names = Object.keys(spec.params);
  for (const key of Object.keys(given).filter((k) => !Object.hasOwn(spec.params, k))) {
    problems.push(names.length ? `${spec.id} has no parameter "${key}"; its parameters are: ${names.join(', ')}` : `${spec.id} takes no parameters (got "${key}")`);
  }
  const values: Record<string, string> = {};
  for (const [name, p] of Object.entries(spec.params)) {
    const raw = Object.hasOwn(given, name) ? given[name] : p.default !== undefined ? String(p.default) : undefined;
    if (raw === undefined) {
      if (!p.optional) problems.push(`${name} is required: ${describeParam(name, p)}`);
      continue;
    }
    const parsed = schemaFor(name, p).safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(parsed.error.issues[0].message);
  }
  if (problems.length > 0) return { ok: false, problems };
  const words = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, shellQuote(v)]));
  return { ok: true, values, commandLine: fillTemplate(spec.template, words) };
}

/**
 * Splits `key=value` words as typed after the command and region. A value may be quoted ('…' or "…") to hold
 * spaces; the quotes only group, they are not passed on.
 */
export function parseParamArgs(text: string): { params: Record<string, string>; problems: string[] } {
  const params: Record<string, string> = {};
  const problems: string[] = [];
  const word = /\s*([^\s=]+)(?:=("([^"]*)"|'([^']*)'|\S*))?/gy;
  while (text.slice(word.lastIndex).trim() !== '') {
    const m = word.exec(text);
    if (m === null) {
      problems.push(`could not read "${text.slice(word.lastIndex).trim()}"; write parameters as name=value`);
      break;
    }
    const [, key, rawValue, doubleQuoted, singleQuoted] = m;
    if (rawValue === undefined) {
      problems.push(`"${key}" is not key=value; write parameters as name=value, e.g. lines=200`);
      continue;
    }
    const value = doubleQuoted ?? singleQuoted ?? rawValue;
    if (Object.hasOwn(params, key)) problems.push(`${key} is given twice`);
    params[key] = value;
  }
  return { params, problems };
}
