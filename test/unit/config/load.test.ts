import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadIncidentConfig, parseIncidentConfig } from '../../../src/config/load';
import { configProblems } from '../../support/config-problems';

const root = join(__dirname, '..', '..', '..');
const fixture = (name: string) => join(root, 'test/fixtures/config', name);

// Parses a fixture as if it were the user's incident.config.yml and returns the report lines.
function reportFor(name: string): string[] {
  return configProblems(readFileSync(fixture(name), 'utf8'));
}


describe('loadIncidentConfig', () => {
  it('loads the shipped incident.config.yml', () => {
    const config = loadIncidentConfig(join(root, 'incident.config.yml'));
    expect(config.severities.map((s) => s.id)).toEqual(['SEV-1', 'SEV-2', 'SEV-3']);
    expect(config.severities.map((s) => s.update_every_minutes)).toEqual([15, 30, null]);
    expect(config.severities.map((s) => s.postmortem_due_business_days)).toEqual([2, 5, null]);
    expect(config.default_severity).toBe('SEV-2');
    expect(config.statuses.map((s) => s.name)).toEqual(['Investigating', 'Identified', 'Monitoring', 'Resolved']);
    expect(Object.keys(config.roles)).toEqual(['commander', 'comms', 'scribe']);
    expect(config.channels).toEqual({ incidents_channel: 'incidents', naming: 'inc-{yyyymmdd}-{slug}' });
    expect(config.severities[0].escalation.filter((step) => step.reason === 'unresolved')).toEqual([
      { after_minutes: 30, reason: 'unresolved', notify: { users: [], usergroups: [] }, label: 'L2 - technical lead' },
      { after_minutes: 60, reason: 'unresolved', notify: { users: [], usergroups: [] }, label: 'L3 - engineering manager' },
    ]);
  });

  it('returns a deeply frozen config', () => {
    const config = loadIncidentConfig(join(root, 'incident.config.yml'));
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.severities[0].escalation[0].notify.users)).toBe(true);
    expect(() => (config.severities as unknown[]).push({})).toThrow(TypeError);
  });

  it('fills defaults, accepts sections owned by later work and resolves the default severity by alias', () => {
    const config = loadIncidentConfig(fixture('minimal-valid.yml'));
    expect(config.default_severity).toBe('SEV-1');
    expect(config.severities[0].aliases).toEqual(['sev1', '1', 'P1']);
    expect(config.severities[1]).toMatchObject({ aliases: [], examples: [], escalation: [] });
    expect(config.channels.incidents_channel).toBe('C0123ABCD');
    expect(config.permissions).toEqual({ declare: { users: [], usergroups: ['S0614TZR7'] } });
    expect(config.matrix).toEqual([]);
  });

  it('reports a file that does not exist', () => {
    expect(() => loadIncidentConfig('/nowhere/incident.config.yml')).toThrow(
      expect.objectContaining({ file: '/nowhere/incident.config.yml', problems: [{ path: '', message: 'file not found' }] }),
    );
  });
});

describe('parseIncidentConfig problem reports', () => {
  it('names the path and line of a negative update cadence', () => {
    expect(reportFor('negative-cadence.yml')).toEqual([
      'incident.config.yml:13 severities[1].update_every_minutes: expected a positive number, or null for none',
    ]);
  });

  it('rejects a default severity that is not on the ladder and lists the valid ones', () => {
    expect(reportFor('unknown-default-severity.yml')).toEqual([
      'incident.config.yml:16 default_severity: "SEV-4" is not a defined severity; valid ones are SEV-1, SEV-2',
    ]);
  });

  it('suggests the intended key for a typo at the top level and lists the allowed keys', () => {
    expect(reportFor('typo-top-level-key.yml')).toEqual([
      'incident.config.yml severities: is required',
      'incident.config.yml:1 severites: unknown key (did you mean "severities"?); allowed keys are: severities, ' +
        'default_severity, statuses, roles, channels, permissions, matrix, regions, approvers, artifacts, postmortem, ' +
        'reminders, redaction',
    ]);
  });

  it('rejects an alias used by two severities, ignoring case', () => {
    expect(reportFor('duplicate-alias.yml')).toEqual([
      'incident.config.yml:12 severities[1].aliases[1]: "p1" is already used by SEV-1; severity ids and aliases must be unique, ignoring case',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(reportFor('yaml-syntax-error.yml')).toEqual([
      'incident.config.yml:15: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('rejects unknown placeholders in the channel naming template', () => {
    expect(reportFor('bad-naming-placeholder.yml')).toEqual([
      'incident.config.yml:24 channels.naming: unknown placeholder {date}; allowed placeholders are {yyyymmdd}, {slug}, {n}',
    ]);
  });

  it('reports every problem at once, type errors and cross-field checks alike, in file order', () => {
    expect(reportFor('many-problems.yml')).toEqual([
      'incident.config.yml:3 severities[0].id: expected letters, digits, "-", "_" or "." (no spaces)',
      'incident.config.yml:5 severities[0].aliases[1]: expected a name such as sev1 or p1',
      'incident.config.yml:7 severities[0].response_target_minutes: expected a positive number, or null for none',
      'incident.config.yml:9 severities[0].audience[1]: expected one of: incident_channel, incidents_channel, status_page, customers',
      'incident.config.yml:13 severities[0].escalation[0].notify.users[0]: expected a Slack user id such as U012AB3CD',
      'incident.config.yml:13 severities[0].escalation[0].notify.groups: unknown key; allowed keys are: users, usergroups',
      'incident.config.yml:15 severities[0].postmortem_due_business_days: expected a positive whole number, or null for none',
      'incident.config.yml:16 severities[1].response_target_minutes: is required',
      'incident.config.yml:18 severities[1].aliases[0]: "SEV1" is already used by SEV 1; severity ids and aliases must be unique, ignoring case',
      'incident.config.yml:19 severities[1].definition: must not be empty',
      'incident.config.yml:21 severities[1].audience: name at least one audience',
      'incident.config.yml:23 severities[1].escalation[0].after_minutes: expected a positive number',
      'incident.config.yml:23 severities[1].escalation[0].reason: "no_update" needs an update cadence, but update_every_minutes is null',
      'incident.config.yml:25 default_severity: "SEV-9" is not a defined severity; valid ones are SEV 1, SEV-2',
      'incident.config.yml:26 statuses: must include "Resolved"; the bot closes incidents with it',
      'incident.config.yml:28 statuses[1].name: duplicate status "investigating"',
      'incident.config.yml:29 roles: define the role "commander"; whoever declares an incident takes it',
      'incident.config.yml:31 roles["Bad Role"]: role names are lowercase, e.g. commander',
      'incident.config.yml:33 channels.incidents_channel: expected a channel name such as #incidents or a channel id such as C0123ABCD',
      'incident.config.yml:34 channels.naming: unknown placeholder {date}; allowed placeholders are {yyyymmdd}, {slug}, {n}',
      'incident.config.yml:34 channels.naming: outside placeholders use only lowercase letters, digits, "-" and "_" (Slack channel names)',
      'incident.config.yml:34 channels.naming: include {slug} or {n} so that each incident gets its own channel',
    ]);
  });

  it('says so when the file is empty', () => {
    expect(configProblems('# nothing yet\n')).toEqual([
      'incident.config.yml: the file is empty; start from the incident.config.yml shipped with the bot',
    ]);
  });

  it('exposes the file and structured problems on the error', () => {
    const text = readFileSync(fixture('negative-cadence.yml'), 'utf8');
    expect(() => parseIncidentConfig(text, 'team.yml')).toThrow(
      expect.objectContaining({
        name: 'ConfigError',
        file: 'team.yml',
        problems: [{ path: 'severities[1].update_every_minutes', line: 13, message: 'expected a positive number, or null for none' }],
      }),
    );
  });
});
