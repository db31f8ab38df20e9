import { escapeMrkdwn } from './mrkdwn';

/** Markdown in, Slack mrkdwn out. */
export type MrkdwnConverter = (markdown: string) => string;

type Slackify = (markdown: string) => string;

let loading: Promise<MrkdwnConverter> | undefined;

/**
 * Loads the converter once. slackify-markdown is ESM-only; `import()` loads it from this CommonJS code both
 * under tsx and under jest (whose own `require` cannot load ES modules).
 */
export function loadMrkdwnConverter(): Promise<MrkdwnConverter> {
  loading ??= import('slackify-markdown').then(({ slackifyMarkdown }) => (markdown: string) => toMrkdwn(slackifyMarkdown, markdown));
  return loading;
}

/**
 * Converts runbook Markdown with slackify-markdown, made to read well and safely in Slack: wrapped paragraphs
 * are joined (see unwrapLines), `<!channel>`, `<!here>` and
 * `<!subteam^…>` stay text (posting a runbook never pages a crowd; the library keeps `<@U…>` and `<#C…>`
 * mentions on purpose), and `&`, `<`, `>` inside code are escaped, which the library leaves raw but Slack
 * would read as links or mentions.
 */
export function toMrkdwn(slackify: Slackify, markdown: string): string {
  const neutral = mapSegments(unwrapLines(markdown), (text, code) => (code ? text : text.replace(/<!/g, '&lt;!')));
  const converted = slackify(neutral).trim();
  // A hard line break comes out as a trailing backslash, which Slack would show; its newline is enough.
  return mapSegments(converted, (text, code) => (code ? escapeMrkdwn(text) : text.replace(/\\$/, '')));
}

const FENCE = /^\s*(```|~~~)/;
// Lines that start a block of their own (list item, quote, heading, table row, fence) rather than continue a paragraph.
const BLOCK_START = /^\s*([-*+]\s|\d+[.)]\s|>|#|\||```|~~~)/;

/**
 * Joins the lines of a wrapped paragraph: Markdown reads a single line break as a space, but Slack shows it
 * as a break, so a runbook wrapped at 100 columns would read as ragged lines. Code, lists and hard breaks stay.
 */
export function unwrapLines(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    const prev = out.at(-1);
    const joins = !inFence && prev !== undefined && prev.trim() !== '' && line.trim() !== '' && !BLOCK_START.test(line) && !/^\s*(#|\||```|~~~)/.test(prev) && !/( {2}|\\)$/.test(prev);
    if (FENCE.test(line)) inFence = !inFence;
    if (joins) out[out.length - 1] = `${prev.replace(/\s+$/, '')} ${line.trimStart()}`;
    else out.push(line);
  }
  return out.join('\n');
}
// A run of backticks, then text, then a run of the same length: a code span.
const INLINE_CODE = /(`+)(?!`)(.*?[^`])\1(?!`)/g;

/** Applies `fn` to each run of text, telling it whether the run is code (a fenced block or an inline code span). */
export function mapSegments(text: string, fn: (segment: string, isCode: boolean) => string): string {
  const out: string[] = [];
  let fence: string[] | null = null;
  for (const line of text.split('\n')) {
    if (fence) {
      fence.push(line);
      if (FENCE.test(line)) {
        out.push(fn(fence.join('\n'), true));
        fence = null;
      }
    } else if (FENCE.test(line)) {
      fence = [line];
    } else {
      out.push(mapInline(line, fn));
    }
  }
  if (fence) out.push(fn(fence.join('\n'), true));
  return out.join('\n');
}

function mapInline(line: string, fn: (segment: string, isCode: boolean) => string): string {
  let result = '';
  let last = 0;
  for (const match of line.matchAll(INLINE_CODE)) {
    result += fn(line.slice(last, match.index), false) + fn(match[0], true);
    last = (match.index ?? 0) + match[0].length;
  }
  return result + fn(line.slice(last), false);
}
