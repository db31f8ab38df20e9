import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkConfigFile } from '../../../src/config/check-cli';
import { loadIncidentConfig } from '../../../src/config/load';
import { closestIds } from '../../../src/runbooks/closest';
import { readCommandIds } from '../../../src/runbooks/command-ids';
import { checkRunbookLibrary, loadRunbookLibrary, RunbookLibraryError } from '../../../src/runbooks/library';
import { formatLibraryProblem } from '../../../src/runbooks/types';

const root = join(__dirname, '..', '..', '..');
const SHIPPED_COMMANDS = new Set(['container-status', 'container-logs', 'pg-activity', 'pg-connections', 'pg-slow-queries', 'pg-replication-lag', 'disk-usage', 'redis-ping', 'redis-info', 'health-check', 'restart-service', 'promote-replica', 'rollback-to-tag']);
const SHIPPED_RUNBOOKS = ['api-down', 'api-latency', 'backup-failure', 'cert-expiring', 'db-failover', 'disk-full', 'graceful-degradation', 'redis-down', 'region-down', 'security-incident', 'storage-down', 'webhook-backlog'];

const CONFIG_HEAD = `severities:
  - { id: SEV-1, name: Critical, definition: Bad., response_target_minutes: 15, update_every_minutes: 15, audience: [incident_channel], postmortem_due_business_days: 2 }
default_severity: SEV-1
statuses: [{ name: Investigating, meaning: Looking. }, { name: Resolved, meaning: Over. }]
roles: { commander: { title: Commander, brief: Lead. } }
channels: { incidents_channel: incidents, naming: 'inc-{n}' }
`;

const runbook = (id: string, commands = '[pg-activity]', body = '## Capture evidence first\n[run: pg-activity]\n') =>
  `---\nid: ${id}\ntitle: ${id} runbook\nsymptoms: [Something]\ncommands: ${commands}\n---\n${body}`;

// A folder with incident.config.yml, runbooks/ and commands/ as an operator would lay them out.
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'runbooks-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('the shipped runbooks and matrix', () => {
  const configPath = join(root, 'incident.config.yml');
  const config = loadIncidentConfig(configPath);
  const { library, problems } = checkRunbookLibrary({
    runbooksDir: join(root, 'runbooks'),
    matrix: { file: configPath, text: readFileSync(configPath, 'utf8'), config },
    commandIds: SHIPPED_COMMANDS,
  });

  it('have no problems against the approved commands', () => {
    expect(problems.map(formatLibraryProblem)).toEqual([]);
    expect(library.runbooks.map((r) => r.id)).toEqual(SHIPPED_RUNBOOKS);
  });

  it('start every runbook by capturing evidence, and give every matrix row a runbook', () => {
    for (const r of library.runbooks) expect(r.steps[0].title).toBe('Capture evidence first');
    for (const row of config.matrix) for (const id of row.runbooks) expect(library.get(id)).toBeDefined();
    expect(new Set(config.matrix.flatMap((row) => row.runbooks))).toEqual(new Set(SHIPPED_RUNBOOKS));
  });
});

describe('checking runbooks with the matrix and the command catalog', () => {
  it('reports duplicate ids, a missing runbook, an unknown severity and an unknown command, each with file and line', () => {
    const dir = workspace({
      'incident.config.yml': `${CONFIG_HEAD}matrix:\n  - id: db\n    symptom: DB down\n    likely_cause: The primary died\n    runbooks: [db-failover, nope]\n    suggested_severity: SEV-9\n`,
      'runbooks/a.md': runbook('db-failover'),
      'runbooks/b.md': runbook('db-failover', '[pg-activity, drop-database]'),
      'commands/db.yml': '- id: pg-activity\n  title: Activity\n',
    });
    let error: unknown;
    const config = loadIncidentConfig(join(dir, 'incident.config.yml'));
    try {
      loadRunbookLibrary(join(dir, 'incident.config.yml'), config);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RunbookLibraryError);
    expect((error as RunbookLibraryError).problems.map(formatLibraryProblem)).toEqual([
      `${dir}/runbooks/b.md:2 id: "db-failover" is already the id of ${dir}/runbooks/a.md; runbook ids must be unique`,
      `${dir}/runbooks/b.md:5 commands[1]: "drop-database" is not in the approved command catalog (commands/*.yml); known ids: pg-activity`,
      `${dir}/incident.config.yml:11 matrix[0].runbooks[1]: no runbook "nope": add runbooks/nope.md with "id: nope" in its front matter, or name one of: db-failover`,
      `${dir}/incident.config.yml:12 matrix[0].suggested_severity: "SEV-9" is not a defined severity; valid ones are SEV-1`,
    ]);
    expect((error as Error).message).toContain('the runbooks or the matrix have 4 problem(s):');
  });

  it('skips the catalog check while there is no commands folder', () => {
    const dir = workspace({ 'incident.config.yml': CONFIG_HEAD, 'runbooks/a.md': runbook('anything', '[not-yet-written]', '## Step\n[run: not-yet-written]\n') });
    const library = loadRunbookLibrary(join(dir, 'incident.config.yml'), loadIncidentConfig(join(dir, 'incident.config.yml')));
    expect(library.get('anything')?.steps[0].commands).toEqual(['not-yet-written']);
  });

  it('reads command ids from list files and single-command files, and nothing when the folder is missing', () => {
    const dir = workspace({ 'commands/a.yml': '- id: one\n- id: two\n', 'commands/b.yaml': 'id: three\n', 'commands/notes.txt': 'id: no\n', 'commands/broken.yml': '- id: [\n' });
    expect(readCommandIds(join(dir, 'commands'))).toEqual(new Set(['one', 'two', 'three']));
    expect(readCommandIds(join(dir, 'nowhere'))).toBeNull();
  });

  it('suggests the closest ids for a typo', () => {
    expect(closestIds('db-failvoer', ['api-down', 'db-failover', 'disk-full'], 1)).toEqual(['db-failover']);
    expect(closestIds('redis', ['api-down', 'redis-down'], 1)).toEqual(['redis-down']);
  });
});

describe('npm run config:check with runbooks', () => {
  it('prints the runbooks\' problems with file and line after the config\'s, and a total', () => {
    const dir = workspace({
      'incident.config.yml': `${CONFIG_HEAD}matrix:\n  - { id: x, symptom: X, likely_cause: Y, runbooks: [missing], suggested_severity: SEV-1 }\n`,
      'runbooks/bad.md': '---\nid: bad\ntitle: Bad\nsymptoms: [x]\nsteps: 3\n---\n## Step\n',
    });
    const file = join(dir, 'incident.config.yml');
    expect(checkConfigFile(file)).toEqual({
      ok: false,
      output: [
        `${dir}/runbooks/bad.md:5 steps: unknown key; allowed keys are: id, title, symptoms, severity_hint, commands`,
        `${file}:8 matrix[0].runbooks[0]: no runbook "missing": add runbooks/missing.md with "id: missing" in its front matter, or name one of: bad`,
        `2 problems in ${file} and its runbooks`,
      ].join('\n'),
    });
  });

  it('still reports runbook problems when the config itself is invalid', () => {
    const dir = workspace({ 'incident.config.yml': 'severities: []\n', 'runbooks/bad.md': 'no front matter\n' });
    const { ok, output } = checkConfigFile(join(dir, 'incident.config.yml'));
    expect(ok).toBe(false);
    expect(output).toContain(`${dir}/runbooks/bad.md:1: start the file with front matter`);
  });
});
