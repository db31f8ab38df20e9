import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBot } from '../../support/spawn-bot';

const ROOT = join(__dirname, '..', '..', '..');
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: 'http://127.0.0.1:9/api/', LOG_LEVEL: 'error' };

describe('starting the bot with runbooks that have problems', () => {
  it('refuses to start, naming each problem with its file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incident-runbooks-'));
    cpSync(join(ROOT, 'incident.config.yml'), join(dir, 'incident.config.yml'));
    cpSync(join(ROOT, 'runbooks'), join(dir, 'runbooks'), { recursive: true });
    cpSync(join(ROOT, 'commands'), join(dir, 'commands'), { recursive: true });
    writeFileSync(join(dir, 'runbooks', 'wipe.md'), '---\nid: wipe\ntitle: Wipe it\nsymptoms: [Desperation]\ncommands: [container-logs, rm-rf]\n---\n## Capture evidence first\n[run: container-logs]\n');
    writeFileSync(join(dir, 'runbooks', 'redis-down.md'), '---\nid: redis-down\ntitle: [unclosed\n---\n## Step\n');
    const bot = spawnBot({ ...SLACK, INCIDENT_CONFIG: join(dir, 'incident.config.yml'), DATA_DIR: dir });
    expect(await bot.exited).toBe(1);
    const output = bot.output();
    expect(output).toContain('the runbooks or the matrix have 2 problem(s)');
    expect(output).toContain(`${join(dir, 'runbooks', 'wipe.md')}:5 commands[1]: "rm-rf" is not in the approved command catalog`);
    expect(output).toMatch(new RegExp(`${join(dir, 'runbooks', 'redis-down.md').replace(/[.]/g, '\\.')}:3: YAML syntax error in the front matter`));
  });
});
