import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { loadIncidentConfig, parseIncidentConfig } from '../../../src/config/load';
import { REMINDER_DEFAULTS } from '../../../src/config/sections/reminders';
import { configProblems } from '../../support/config-problems';

const root = join(__dirname, '..', '..', '..');
const shipped = () => parseDocument(readFileSync(join(root, 'incident.config.yml'), 'utf8'));


describe('the reminders section', () => {
  it('ships with the defaults written out', () => {
    expect(loadIncidentConfig(join(root, 'incident.config.yml')).reminders).toEqual(REMINDER_DEFAULTS);
  });

  it('uses the defaults when the section is left out', () => {
    const doc = shipped();
    doc.delete('reminders');
    expect(parseIncidentConfig(doc.toString(), 'x.yml').reminders).toEqual(REMINDER_DEFAULTS);
  });

  it('reports each wrong value and unknown key at its line, in words for whoever edits the file', () => {
    const doc = shipped();
    doc.setIn(['reminders', 'tick_seconds'], 90);
    doc.setIn(['reminders', 'grace_minutes'], 2.5);
    doc.setIn(['reminders', 'business_days_timezone'], 'Mars/Olympus');
    doc.setIn(['reminders', 'max_attempt'], 3);
    const text = doc.toString();
    const lineOf = (key: string) => text.split('\n').findIndex((l) => l.trim().startsWith(`${key}:`)) + 1;
    expect(configProblems(text)).toEqual([
      `incident.config.yml:${lineOf('tick_seconds')} reminders.tick_seconds: expected a whole number of seconds from 1 to 59`,
      `incident.config.yml:${lineOf('grace_minutes')} reminders.grace_minutes: expected a whole number of minutes from 1 to 1440`,
      `incident.config.yml:${lineOf('business_days_timezone')} reminders.business_days_timezone: unknown time zone; use a name from the IANA list, such as UTC, Europe/Berlin or America/New_York`,
      `incident.config.yml:${lineOf('max_attempt')} reminders.max_attempt: unknown key (did you mean "max_attempts"?); allowed keys are: tick_seconds, grace_minutes, commander_nudge_after_minutes, max_attempts, lease_seconds, business_days_timezone`,
    ]);
  });
});
