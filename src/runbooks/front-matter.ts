import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { SLUG_PATTERN } from '../config/sections/matrix';
import type { LibraryProblem } from './types';
import { formatYamlPath, lineOfPath } from '../config/yaml-lines';

const SLUG_ERROR = 'expected lowercase letters, digits and "-", such as db-failover';
const required = (message: string) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined ? 'is required' : message),
});
const text = (max: number) =>
  z.string(required('expected text')).trim().min(1, { error: 'must not be empty' }).max(max, { error: `keep it to ${max} characters` });
const slug = z.string(required(SLUG_ERROR)).regex(SLUG_PATTERN, { error: SLUG_ERROR });

const frontMatterSchema = z.strictObject({
  id: slug,
  // A Slack header holds 150 characters.
  title: text(150),
  symptoms: z.array(text(300), required('expected a list of symptoms')).min(1, { error: 'list at least one symptom' }),
  severity_hint: z.union([z.string(), z.number()], required('expected a severity such as SEV-1')).transform(String).nullable().default(null),
  commands: z.array(slug, required('expected a list of command ids')).default([]),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** Where the front matter sits: its YAML text and the file line its first line is on. */
export interface FrontMatterBlock {
  yaml: string;
  firstLine: number;
}

export interface ParsedFrontMatter {
  value?: FrontMatter;
  /** The id it declares, when that much is valid, even if other keys are not. */
  id?: string;
  problems: LibraryProblem[];
  lineOf: (path: PropertyKey[]) => number | undefined;
}

/** Parses and validates front matter; problems carry the file's line numbers. */
export function parseFrontMatter(file: string, block: FrontMatterBlock): ParsedFrontMatter {
  const lines = new LineCounter();
  const doc = parseDocument(block.yaml, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (line: number | undefined) => (line === undefined ? block.firstLine : line + block.firstLine - 1);
  const lineOf = (path: PropertyKey[]) => toFileLine(lineOfPath(doc, lines, path));
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({ file, line: toFileLine(lines.linePos(e.pos[0]).line), path: '', message: `YAML syntax error in the front matter: ${e.message}` }));
    // The id usually survives an error further down; keeping it spares a second report that the runbook is missing.
    return { id: slug.safeParse(doc.get('id')).data, problems, lineOf };
  }
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  const result = frontMatterSchema.safeParse(raw, { error: () => 'expected a mapping of id, title, symptoms, severity_hint and commands' });
  if (result.success) return { value: result.data, id: result.data.id, problems: [], lineOf };
  const id = slug.safeParse(raw.id).data;
  const problems = result.error.issues.flatMap((issue): LibraryProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      const allowed = Object.keys(frontMatterSchema.shape).join(', ');
      return issue.keys.map((key) => ({ file, line: lineOf([key]), path: key, message: `unknown key; allowed keys are: ${allowed}` }));
    }
    return [{ file, line: lineOf(issue.path), path: formatYamlPath(issue.path), message: issue.message }];
  });
  return { id, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), lineOf };
}
