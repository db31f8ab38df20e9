import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogError, checkCatalogRegions, formatCatalogProblems, loadCommandCatalog, parseCommandFile, SHIPPED_COMMAND_IDS } from '../../../src/commands/catalog';
import { checkConfigFile } from '../../../src/config/check-cli';

function problemsOf(yaml: string): string[] {
  return formatCatalogProblems(parseCommandFile(yaml, 'commands/x.yml').problems).split('\n');
}

const command = (extra: string) => `- id: demo
  title: Demo
  description: Shows things.
  class: diagnostic
${extra}`;

describe('the approved command catalog', () => {
  it('ships the commands the runbooks name, with approval by class', () => {
    const catalog = loadCommandCatalog('commands');
    expect([...catalog.ids].sort()).toEqual([...SHIPPED_COMMAND_IDS].sort());
    expect(catalog.list().filter((c) => c.approval === 'second-person').map((c) => c.id).sort()).toEqual(['promote-replica', 'restart-service', 'rollback-to-tag']);
    expect(catalog.get('container-logs')).toMatchObject({ class: 'evidence', approval: 'none', timeoutSeconds: 60, outputCapBytes: 2000, regions: 'all' });
    expect(catalog.get('container-logs')?.source).toEqual({ file: join('commands', 'containers.yml'), line: 11 });
  });

  it('reports each problem with its file and line', () => {
    const yaml = `${command(`  template: echo {{name}} {{other}}
  params:
    name: { type: string, pattern: '[a-z]+' }
    count: { type: integer, min: 5, max: 1, default: 9 }
    level: { type: enum, values: [low, high], default: mid }
  timeout_seconds: 0
  colour: red`)}`;
    expect(problemsOf(yaml)).toEqual([
      'commands/x.yml:5 [0].template: uses {{other}}, which is not declared under params',
      'commands/x.yml:7 [0].params.name.pattern: anchor the pattern with ^ and $ so the whole value is checked, e.g. ^[a-z0-9-]+$',
      'commands/x.yml:8 [0].params.count: is never used in the template; add {{count}} or remove it',
      'commands/x.yml:8 [0].params.count.max: must be at least min (5)',
      'commands/x.yml:8 [0].params.count.default: must lie between min and max (5..1)',
      'commands/x.yml:9 [0].params.level: is never used in the template; add {{level}} or remove it',
      'commands/x.yml:9 [0].params.level.default: must be one of: low, high',
      'commands/x.yml:10 [0].timeout_seconds: expected a whole number of seconds from 1 to 3600',
      'commands/x.yml:11 [0].colour: unknown key',
    ]);
  });

  it('refuses a placeholder inside quotes, where the shell would read the value a second time', () => {
    const yaml = command(`  template: sh -c 'tail -n {{lines}} /var/log/app.log'
  params:
    lines: { type: integer, min: 1, max: 10 }`);
    expect(problemsOf(yaml)).toEqual([
      'commands/x.yml:5 [0].template: {{lines}} stands inside quotes; the bot quotes every value itself, so write it as a separate word outside any quotes',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf('- id: demo\n  title: [unclosed\n')[0]).toMatch(/^commands\/x\.yml:\d+: YAML syntax error: /);
  });

  it('refuses the same id in two files, and names where it was first defined', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    writeFileSync(join(dir, 'a.yml'), command('  template: uptime'));
    writeFileSync(join(dir, 'b.yml'), command('  template: uptime'));
    expect(() => loadCommandCatalog(dir)).toThrow(CatalogError);
    expect(() => loadCommandCatalog(dir)).toThrow(`${join(dir, 'b.yml')}:1 id: "demo" is already defined in ${join(dir, 'a.yml')}`);
  });

  it('names commands that list a region the config lacks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    writeFileSync(join(dir, 'a.yml'), command('  template: uptime\n  regions: [eu, mars]'));
    expect(checkCatalogRegions(loadCommandCatalog(dir), ['eu', 'us'])).toEqual([
      { file: join(dir, 'a.yml'), line: 1, path: 'demo.regions', message: '"mars" is not a region of the config; defined regions are: eu, us' },
    ]);
  });

  it('is checked by npm run config:check beside the config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-check-'));
    mkdirSync(join(dir, 'commands'));
    writeFileSync(join(dir, 'commands', 'bad.yml'), command('  template: uptime\n  class_: x'));
    writeFileSync(join(dir, 'incident.config.yml'), 'severities: []\n');
    const { ok, output } = checkConfigFile(join(dir, 'incident.config.yml'));
    expect(ok).toBe(false);
    expect(output).toContain(`${join(dir, 'commands', 'bad.yml')}:6 [0].class_: unknown key`);
  });
});
