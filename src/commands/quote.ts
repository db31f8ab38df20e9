/**
 * Quotes a value for a POSIX shell: the whole value in single quotes, each `'` written as `'\''`. Inside
 * single quotes the shell expands nothing (`$`, backticks, `;`, `|`, newlines are plain characters), so the
 * value reaches the command as exactly one word.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) throw new Error('a shell word cannot contain a NUL character');
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

/** The `{{name}}` placeholders of a template, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Replaces each `{{name}}` with its already-quoted word (or nothing for an omitted optional parameter). */
export function fillTemplate(template: string, words: Record<string, string>): string {
  // An omitted word takes the space before it along, so the command line reads as typed by hand.
  return template.replace(/( ?)\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g, (_, space: string, name: string) => (words[name] ? `${space}${words[name]}` : '')).trim();
}

/**
 * Names the placeholders that sit inside quotes in the template: the bot quotes every value itself, and a
 * quoted word inside another quoted string (`sh -c '… {{x}} …'`) would be parsed by the shell a second time.
 */
export function quotedPlaceholders(template: string): string[] {
  const found: string[] = [];
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (quote === null && c === '\\') i++;
    else if (quote === '"' && c === '\\') i++;
    else if (quote === null && (c === "'" || c === '"')) quote = c;
    else if (quote !== null && c === quote) quote = null;
    else if (quote !== null && c === '{' && template[i + 1] === '{') {
      const m = /^\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/.exec(template.slice(i));
      if (m) found.push(m[1]);
    }
  }
  return found;
}
