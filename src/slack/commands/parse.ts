/** A slash command's text split into the subcommand and what follows it. */
export interface ParsedCommand {
  name: string;
  args: string[];
  rest: string;
}

/** Slack sends what people typed with `&`, `<` and `>` as entities; turn them back into the characters typed. */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Splits `/incident` text: the first word (lowercased) names the subcommand; empty text means help. */
export function parseCommandText(text: string): ParsedCommand {
  const trimmed = decodeEntities(text).trim();
  if (trimmed === '') return { name: 'help', args: [], rest: '' };
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed) as RegExpExecArray;
  const rest = match[2].trim();
  return { name: match[1].toLowerCase(), args: rest === '' ? [] : rest.split(/\s+/), rest };
}
