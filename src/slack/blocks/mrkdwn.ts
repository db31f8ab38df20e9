/**
 * Escapes text a person typed so Slack shows it as written: no `<!channel>` pings, no links or mentions
 * smuggled in through `<…>`, no stray entities. Slack asks apps to escape exactly these three characters.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shortens text to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
