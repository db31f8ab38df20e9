import { readFileSync } from 'node:fs';
import { editDistance } from '../text/edit-distance';
import { lineOfPath } from './yaml-lines';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { incidentConfigSchema, severityKey, type IncidentConfig, type Severity } from './schema';

export type ConfigProblem = { path: string; line?: number; message: string };

/** A config file that cannot be used, with every problem found in it. */
export class ConfigError extends Error {
  readonly file: string;
  readonly problems: ConfigProblem[];

  constructor(file: string, problems: ConfigProblem[]) {
    super(`${file} has ${problems.length} problem(s):\n${problems.map((p) => formatProblem(file, p)).join('\n')}`);
    this.name = 'ConfigError';
    this.file = file;
    this.problems = problems;
  }
}

/** Reads, validates and deeply freezes the config file at `path`; throws ConfigError. */
export function loadIncidentConfig(path: string): IncidentConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : `cannot read the file: ${(err as Error).message}`;
    throw new ConfigError(path, [{ path: '', message }]);
  }
  return parseIncidentConfig(text, path);
}

/** Validates YAML text; `fileName` is only used in problem reports. Throws ConfigError. */
export function parseIncidentConfig(yamlText: string, fileName: string): IncidentConfig {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // The tree is unreliable after a syntax error, so schema problems would only add noise.
    const problems = doc.errors.map((e) => ({ path: '', line: lines.linePos(e.pos[0]).line, message: `YAML syntax error: ${e.message}` }));
    throw new ConfigError(fileName, problems);
  }
  if (doc.contents === null) {
    throw new ConfigError(fileName, [{ path: '', message: 'the file is empty; start from the incident.config.yml shipped with the bot' }]);
  }
  const result = incidentConfigSchema.safeParse(doc.toJS(), { error: describeIssue });
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => toProblems(issue, doc, lines));
    throw new ConfigError(fileName, sortByLine(problems));
  }
  const canonicalDefault = findSeverity(result.data, result.data.default_severity)?.id ?? result.data.default_severity;
  return deepFreeze({ ...result.data, default_severity: canonicalDefault });
}

/** One line per problem: `file:line path: message`. */
export function formatConfigProblems(err: ConfigError): string {
  return err.problems.map((p) => formatProblem(err.file, p)).join('\n');
}

/** The severity whose id or alias matches `input`, ignoring case ('sev1', 'SEV-1', '1', 'P1'). */
export function findSeverity(config: Pick<IncidentConfig, 'severities'>, input: string): Severity | undefined {
  const key = severityKey(input);
  return config.severities.find((sev) => [sev.id, ...sev.aliases].some((name) => severityKey(name) === key));
}

/** Severity ids in ladder order, for "valid ones are ..." replies. */
export function severityLevels(config: Pick<IncidentConfig, 'severities'>): string[] {
  return config.severities.map((sev) => sev.id);
}

function formatProblem(file: string, p: ConfigProblem): string {
  const where = p.line === undefined ? file : `${file}:${p.line}`;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
};

// Zod's default wording is written for developers; this one is for whoever edits the YAML.
export function describeIssue(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.input === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_value')) return 'is required';
  switch (iss.code) {
    case 'invalid_type':
      return `expected ${TYPE_WORDS[iss.expected] ?? iss.expected}`;
    case 'invalid_value':
      return `expected one of: ${iss.values.map(String).join(', ')}`;
    case 'too_small':
      return iss.origin === 'array' ? `needs at least ${iss.minimum} item(s)` : `must be at least ${iss.minimum}`;
    case 'invalid_key':
      return iss.issues[0]?.message ?? 'invalid key';
    default:
      return undefined;
  }
}

function toProblems(issue: z.core.$ZodIssue, doc: Document, lines: LineCounter): ConfigProblem[] {
  const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
  return paths.map((path) => {
    const message = issue.code === 'unrecognized_keys' ? unknownKeyMessage(String(path.at(-1)), issue.path) : issue.message;
    return { path: formatPath(path), line: lineOf(doc, lines, path), message };
  });
}

function unknownKeyMessage(key: string, parentPath: PropertyKey[]): string {
  const allowed = allowedKeysAt(incidentConfigSchema, parentPath);
  const guess = closest(key, allowed);
  const hint = guess ? ` (did you mean "${guess}"?)` : '';
  return `unknown key${hint}; allowed keys are: ${allowed.join(', ')}`;
}

// Follows a problem's path through the schema to the object that rejected the key.
function allowedKeysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const segment of [...path, undefined]) {
    while (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault || node instanceof z.ZodPipe) {
      node = node instanceof z.ZodPipe ? node.in : node.unwrap();
    }
    if (segment === undefined) break;
    if (node instanceof z.ZodObject) node = node.shape[String(segment)];
    else if (node instanceof z.ZodArray) node = node.element;
    else if (node instanceof z.ZodRecord) node = node.valueType;
    else return [];
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function closest(word: string, options: string[]): string | undefined {
  const limit = Math.min(2, Math.floor(word.length / 3));
  const scored = options.map((option) => ({ option, distance: editDistance(word.toLowerCase(), option) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best && best.distance <= limit ? best.option : undefined;
}

export function formatPath(path: PropertyKey[]): string {
  return path
    .map((seg, i) => {
      if (typeof seg === 'number') return `[${seg}]`;
      const key = String(seg);
      if (!/^[A-Za-z_][\w-]*$/.test(key)) return `[${JSON.stringify(key)}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join('');
}

/** The line of the deepest part of `path` present in the file: a key's own line, or its parent's when missing. */
export function lineOf(doc: Document, lines: LineCounter, path: PropertyKey[]): number | undefined {
  return lineOfPath(doc, lines, path, 'none');
}

function sortByLine(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
