import { join } from 'node:path';
import { checkConfigFile } from '../../../src/config/check-cli';

const root = join(__dirname, '..', '..', '..');

describe('checkConfigFile', () => {
  it('summarises a valid file', () => {
    expect(checkConfigFile(join(root, 'incident.config.yml'))).toEqual({
      ok: true,
      output: `${join(root, 'incident.config.yml')} is valid: 3 severities (default SEV-2), 4 statuses, 3 roles, 13 matrix rows, 12 runbooks, 13 approved commands, 0 regions`,
    });
  });

  it('uses singular nouns for single items', () => {
    const file = join(root, 'test/fixtures/config/minimal-valid.yml');
    expect(checkConfigFile(file).output).toBe(`${file} is valid: 2 severities (default SEV-1), 2 statuses, 1 role`);
  });

  it('prints every problem, then a count, and is not ok', () => {
    const file = join(root, 'test/fixtures/config/typo-top-level-key.yml');
    const result = checkConfigFile(file);
    expect(result.ok).toBe(false);
    const lines = result.output.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`${file} severities: is required`);
    expect(lines[1].startsWith(`${file}:1 severites: unknown key (did you mean "severities"?)`)).toBe(true);
    expect(lines[2]).toBe(`2 problems in ${file}`);
  });

  it('reports a missing file instead of throwing', () => {
    expect(checkConfigFile('missing.yml')).toEqual({ ok: false, output: 'missing.yml: file not found\n1 problem in missing.yml' });
  });
});
