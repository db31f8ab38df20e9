/** A redaction rule: what to find and what it becomes (`$1` keeps the first group). */
export interface RedactionRuleSpec {
  name: string;
  pattern: string;
  ignore_case?: boolean;
  replace?: string;
}

const KEYWORDS = 'password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?';

/** What every output is cleaned of before Slack shows it, unless `redaction.use_defaults` is false. */
export const DEFAULT_REDACTIONS: readonly RedactionRuleSpec[] = [
  { name: 'private-key-block', pattern: '-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)', replace: '[REDACTED PRIVATE KEY]' },
  // A window cut inside a key block: everything up to its END line is key material.
  { name: 'private-key-tail', pattern: '^[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----', replace: '[REDACTED PRIVATE KEY]' },
  { name: 'assignment', pattern: `\\b([A-Za-z0-9_.-]*(?:${KEYWORDS}))(["']?\\s*[:=]\\s*["']?)[^\\s"',;&]+`, ignore_case: true, replace: '$1$2[REDACTED]' },
  { name: 'url-credentials', pattern: '\\b([a-z][a-z0-9+.-]*://[^\\s:/@]+:)[^\\s@/]+@', ignore_case: true, replace: '$1[REDACTED]@' },
  { name: 'auth-header', pattern: '\\b(Bearer|Basic|Token)\\s+[A-Za-z0-9._~+/=-]{8,}', ignore_case: true, replace: '$1 [REDACTED]' },
  { name: 'aws-access-key', pattern: '\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b' },
  { name: 'slack-token', pattern: '\\bxox[abposr]-[A-Za-z0-9-]{10,}' },
  { name: 'github-token', pattern: '\\bgh[pousr]_[A-Za-z0-9]{30,}' },
  { name: 'jwt', pattern: '\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}' },
];

export type Redactor = (text: string) => string;

/** Builds the redactor from the config's patterns, after the defaults when `useDefaults` is set. */
export function buildRedactor(rules: readonly RedactionRuleSpec[], useDefaults = true): Redactor {
  const compiled = [...(useDefaults ? DEFAULT_REDACTIONS : []), ...rules].map((r) => ({
    re: new RegExp(r.pattern, r.ignore_case ? 'gi' : 'g'),
    replace: r.replace ?? '[REDACTED]',
  }));
  return (text) => compiled.reduce((out, { re, replace }) => out.replace(re, replace), text);
}

/**
 * The end of an output as Slack shows it: redacted, at most `capBytes` long, starting at a line boundary.
 * Redaction runs over a wider window first so a secret cut in half at the edge is still recognised.
 */
export function redactedTail(output: Buffer, capBytes: number, redact: Redactor): { text: string; truncated: boolean } {
  const windowBytes = capBytes + 64 * 1024;
  const window = output.subarray(Math.max(0, output.length - windowBytes));
  let text = redact(window.toString('utf8'));
  if (window.length < output.length) text = text.slice(text.indexOf('\n') + 1);
  let tail = text;
  let truncated = window.length < output.length;
  if (Buffer.byteLength(tail) > capBytes) {
    truncated = true;
    tail = Buffer.from(tail).subarray(-capBytes).toString('utf8').replace(/^\uFFFD+/, '');
    const newline = tail.indexOf('\n');
    if (newline >= 0 && newline < tail.length - 1) tail = tail.slice(newline + 1);
  }
  return { text: tail, truncated };
}
