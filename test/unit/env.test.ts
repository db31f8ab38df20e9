import { readFileSync } from 'node:fs';
import { ENV_VARIABLES, formatEnvProblems, readEnv, SANDBOX_BOT_TOKEN, SANDBOX_NOTICE } from '../../src/config/env';

describe('readEnv', () => {
  it('with no Slack variable at all, runs the sandbox over HTTP with made-up credentials, and says how to connect to Slack', () => {
    const result = readEnv({});
    expect(result).toMatchObject({ ok: true, sandbox: true, env: { slack: { mode: 'http', botToken: SANDBOX_BOT_TOKEN }, port: 3000 } });
    const secret = result.ok ? result.env.slack.signingSecret : '';
    expect(secret).toMatch(/^[0-9a-f]{48}$/);
    const again = readEnv({});
    expect(again.ok && again.env.slack.signingSecret).not.toBe(secret);
    expect(SANDBOX_NOTICE).toContain('starting the sandbox');
    expect(SANDBOX_NOTICE).toContain('"Create the Slack app"');
  });

  it('names each missing variable of a half-configured environment and points at the README section', () => {
    const result = readEnv({ SLACK_APP_TOKEN: 'xapp-1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const message = formatEnvProblems(result.problems);
    expect(message).toContain('missing SLACK_BOT_TOKEN');
    expect(message).toContain('missing SLACK_SIGNING_SECRET');
    expect(message).toContain('"Create the Slack app"');
  });

  it('names only the variable that is missing', () => {
    const result = readEnv({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining('SLACK_SIGNING_SECRET')] });
  });

  it('serves HTTP with a bot token and signing secret, with defaults for the rest', () => {
    const result = readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(result).toEqual({
      ok: true,
      env: {
        slack: { mode: 'http', botToken: 'xoxb-1', signingSecret: 's' },
        slackApiUrl: undefined,
        port: 3000,
        healthPort: 3001,
        databaseUrl: undefined,
        dataDir: './data',
        configPath: './incident.config.yml',
        logLevel: 'info',
      },
    });
  });

  it('uses Socket Mode when an app token is set too', () => {
    const result = readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' });
    expect(result.ok && result.env.slack.mode).toBe('socket');
  });

  it('treats blank values as unset', () => {
    const result = readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: '  ', PORT: '', DATABASE_URL: '' });
    expect(result.ok && [result.env.slack.mode, result.env.port, result.env.databaseUrl]).toEqual(['http', 3000, undefined]);
  });

  it('rejects a port that is not a number and a Web API URL that is not a URL', () => {
    const result = readEnv({ SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 's', PORT: 'eighty', SLACK_API_URL: 'not a url' });
    expect(result).toEqual({
      ok: false,
      problems: ['SLACK_API_URL: expected a URL such as https://slack.com/api/', 'PORT: expected a port number (0-65535)'],
    });
  });

  it('is documented variable by variable in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    for (const name of ENV_VARIABLES) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
