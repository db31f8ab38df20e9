import { join } from 'node:path';
import { findSeverity, loadIncidentConfig, severityLevels } from '../../../src/config/load';

const config = loadIncidentConfig(join(__dirname, '..', '..', '..', 'incident.config.yml'));

describe('findSeverity', () => {
  it.each([
    ['SEV-1', 'SEV-1'],
    ['sev-1', 'SEV-1'],
    ['sev1', 'SEV-1'],
    ['SEV1', 'SEV-1'],
    ['1', 'SEV-1'],
    ['P1', 'SEV-1'],
    ['critical', 'SEV-1'],
    [' sev2 ', 'SEV-2'],
    ['p3', 'SEV-3'],
    ['Minor', 'SEV-3'],
  ])('resolves %j to %s', (input, id) => {
    expect(findSeverity(config, input)?.id).toBe(id);
  });

  it.each(['sev4', '4', 'p0', '', 'sev 1'])('returns undefined for %j', (input) => {
    expect(findSeverity(config, input)).toBeUndefined();
  });
});

describe('severityLevels', () => {
  it('lists the severity ids in ladder order', () => {
    expect(severityLevels(config)).toEqual(['SEV-1', 'SEV-2', 'SEV-3']);
  });
});
