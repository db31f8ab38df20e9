import { parseFrontMatter, type FrontMatterBlock } from './front-matter';
import type { LibraryProblem, Runbook, RunbookStep } from './types';

/** Longest step, in Markdown characters, so that any one step fits in one Slack message. */
export const STEP_MAX_CHARS = 6_000;

const RUN_MARKER = /\[run:\s*([^\]]*?)\s*\]/g;
const FENCE = /^\s*(```|~~~)/;
const STEP_HEADING = /^##\s+(.*?)\s*#*\s*$/;
const EMPTY_STEP_HEADING = /^##\s*$/;

/** The command ids a piece of Markdown names with `[run: id]`, in order, each once. */
export function runMarkers(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(RUN_MARKER)].map((m) => m[1]))];
}

/** A parsed file: the runbook when it has no problems, and where each front matter key sits in the file. */
export interface ParsedRunbook {
  runbook?: Runbook;
  /** The id the front matter declares, when valid, even if the file has problems. */
  id?: string;
  problems: LibraryProblem[];
  lineOf: (path: PropertyKey[]) => number | undefined;
}

/** Parses one `runbooks/*.md` file; a runbook comes back only when it has no problems. */
export function parseRunbook(file: string, source: string): ParsedRunbook {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const block = frontMatterBlock(lines);
  if (!block) {
    const message = 'start the file with front matter: a line "---", then id, title, symptoms and commands, then "---"';
    return { problems: [{ file, line: 1, path: '', message }], lineOf: () => 1 };
  }
  const front = parseFrontMatter(file, block.frontMatter);
  const body = splitSteps(file, lines.slice(block.bodyStart), block.bodyStart + 1);
  const problems = [...front.problems, ...body.problems];
  const { lineOf, id } = front;
  if (!front.value || problems.length > 0) return { id, problems, lineOf };
  const fm = front.value;
  body.steps.forEach((step) => {
    step.commands
      .filter((id) => !fm.commands.includes(id))
      .forEach((id) => problems.push({ file, line: markerLine(step, lines, id), path: `step ${step.number}`, message: `runs "${id}", which the front matter's commands does not list` }));
  });
  if (problems.length > 0) return { id, problems, lineOf };
  const runbook = { id: fm.id, title: fm.title, symptoms: fm.symptoms, severityHint: fm.severity_hint, commands: fm.commands, intro: body.intro, steps: body.steps, file };
  return { runbook, id, problems: [], lineOf };
}

function frontMatterBlock(lines: string[]): { frontMatter: FrontMatterBlock; bodyStart: number } | undefined {
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) return undefined;
  return { frontMatter: { yaml: lines.slice(1, end).join('\n'), firstLine: 2 }, bodyStart: end + 1 };
}

// Steps start at `## ` headings outside code fences; what comes before the first is the intro.
function splitSteps(file: string, lines: string[], firstLine: number): { intro: string; steps: RunbookStep[]; problems: LibraryProblem[] } {
  const problems: LibraryProblem[] = [];
  const sections: { title: string; line: number; lines: string[] }[] = [];
  const intro: string[] = [];
  let inFence = false;
  lines.forEach((text, i) => {
    if (FENCE.test(text)) inFence = !inFence;
    const heading = inFence ? null : STEP_HEADING.exec(text);
    if (!inFence && EMPTY_STEP_HEADING.test(text)) problems.push({ file, line: firstLine + i, path: '', message: 'a "## " step heading needs a title' });
    if (heading) sections.push({ title: stripNumber(heading[1]), line: firstLine + i, lines: [] });
    else (sections.at(-1)?.lines ?? intro).push(text);
  });
  const introText = intro.join('\n').trim();
  if (runMarkers(introText).length > 0) problems.push({ file, line: firstLine, path: 'intro', message: 'put [run: …] markers inside a step (under a "## " heading), so the Run button sits with its step' });
  if (introText.length > STEP_MAX_CHARS) problems.push({ file, line: firstLine, path: 'intro', message: `is ${introText.length} characters; keep the text before the first step under ${STEP_MAX_CHARS}` });
  if (sections.length === 0) problems.push({ file, line: firstLine, path: '', message: 'no steps: start each step with a "## " heading' });
  const steps = sections.map((s, i): RunbookStep => {
    const body = s.lines.join('\n').trim();
    if (body.length > STEP_MAX_CHARS) problems.push({ file, line: s.line, path: `step ${i + 1}`, message: `is ${body.length} characters; keep a step under ${STEP_MAX_CHARS} so it fits in one Slack message (split it into several steps)` });
    return { number: i + 1, title: s.title, body, commands: runMarkers(body), line: s.line };
  });
  return { intro: introText, steps, problems };
}

function stripNumber(title: string): string {
  return title.replace(/^(step\s*)?\d+\s*[.):-]\s*/i, '').trim() || title.trim();
}

// The file line of a step's first `[run: id]` marker for this id.
function markerLine(step: RunbookStep, lines: string[], id: string): number {
  const marker = new RegExp(`\\[run:\\s*${escapeRegExp(id)}\\s*\\]`);
  const index = lines.findIndex((text, i) => i + 1 > step.line && marker.test(text));
  return index < 0 ? step.line : index + 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
