import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

/** The message templates operators edit in `views/`, compiled once at start. */
export interface Templates {
  statusInternal(values: Record<string, unknown>): string;
  statusCustomer(values: Record<string, unknown>): string;
  announcement(values: Record<string, unknown>): string;
  /** The postmortem draft (Markdown). */
  postmortem(values: object): string;
}

export const VIEWS_DIR = join(__dirname, '..', '..', 'views');

function compile(dir: string, file: string): (values: Record<string, unknown>) => string {
  const source = readFileSync(join(dir, file), 'utf8');
  // Values are escaped for Slack mrkdwn before rendering; HTML escaping would show "&#x27;" in Slack.
  Handlebars.parse(source);
  const render = Handlebars.compile(source, { noEscape: true });
  return (values) => render(values).replace(/\n{3,}/g, '\n\n').trim();
}

/** Compiles every template; a syntax error names the file. */
export function loadTemplates(dir = VIEWS_DIR): Templates {
  const load = (file: string) => {
    try {
      return compile(dir, file);
    } catch (err) {
      throw new Error(`${join(dir, file)}: ${(err as Error).message}`);
    }
  };
  return {
    statusInternal: load('status-internal.hbs'),
    statusCustomer: load('status-customer.hbs'),
    announcement: load('announcement.hbs'),
    postmortem: load('postmortem.md.hbs'),
  };
}
