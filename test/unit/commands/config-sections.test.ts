import { readFileSync } from 'node:fs';
import { readEnv } from '../../../src/config/env';
import { ConfigError, formatConfigProblems, loadIncidentConfig, parseIncidentConfig } from '../../../src/config/load';

// The shipped config minus the sections under test, so each case adds its own.
const base = readFileSync('incident.config.yml', 'utf8').replace(/^(regions|approvers|artifacts|redaction):[\s\S]*?(?=^\S|(?![\s\S]))/gm, '');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function problems(extra: string): string[] {
  const text = `${base}\n${extra}`;
  try {
    parseIncidentConfig(text, 'incident.config.yml');
  } catch (err) {
    if (err instanceof ConfigError) return formatConfigProblems(err).split('\n').map((l) => l.replace(/:\d+ /, ':L '));
    throw err;
  }
  throw new Error('expected problems');
}

const FP = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';

describe('the regions, approvers, artifacts and redaction sections', () => {
  it('ships safe defaults: no regions, no approvers, a local store and the default redactions', () => {
    const config = loadIncidentConfig('incident.config.yml');
    expect(config.regions).toEqual({});
    expect(config.approvers).toEqual({ users: [], usergroups: [], request_expiry_minutes: 15 });
    expect(config.artifacts).toEqual({ kind: 'local', force_path_style: false, prefix: '', link_expiry_hours: 168, max_output_mb: 64, timeout_seconds: 30 });
    expect(config.redaction).toEqual({ use_defaults: true, patterns: [] });
  });

  it('reads a region with its defaults, the pinned fingerprint as ssh-keygen prints it, and a jump host', () => {
    const config = parseIncidentConfig(`${base}\nregions:\n  eu:\n    host: eu1.example.com\n    user: incident-bot\n    host_key_sha256: '${FP}'\n    jump: { host: bastion.example.com, user: hop, host_key_sha256: '${FP}=' }\n`, 'x.yml');
    expect(config.regions.eu).toEqual({
      host: 'eu1.example.com', port: 22, user: 'incident-bot', private_key_env: 'SSH_KEY_PATH', host_key_sha256: FP.slice(7),
      jump: { host: 'bastion.example.com', port: 22, user: 'hop', private_key_env: 'SSH_KEY_PATH', host_key_sha256: FP.slice(7) },
    });
  });

  it('reports region problems with the line of the key at fault', () => {
    const extra = `regions:\n  all: { host: a.example.com, user: deploy, host_key_sha256: '${FP}' }\n  eu:\n    host: 'bad host'\n    user: deploy\n    private_key_env: HOME\n    host_key_sha256: 'MD5:aa:bb'\n    colour: red\n`;
    const text = `${base}\n${extra}`;
    let report = '';
    try {
      parseIncidentConfig(text, 'incident.config.yml');
    } catch (err) {
      report = formatConfigProblems(err as ConfigError);
    }
    expect(report).toContain(`incident.config.yml:${lineOf(text, '  all:')} regions.all: "all" is reserved: \`/incident evidence all\` means every region`);
    expect(report).toContain(`incident.config.yml:${lineOf(text, "host: 'bad host'")} regions.eu.host: expected a host name or IP address`);
    expect(report).toContain(`incident.config.yml:${lineOf(text, 'private_key_env: HOME')} regions.eu.private_key_env: name an environment variable starting with SSH_KEY`);
    expect(report).toContain(`incident.config.yml:${lineOf(text, 'MD5:aa:bb')} regions.eu.host_key_sha256: expected a SHA-256 fingerprint`);
    expect(report).toContain(`incident.config.yml:${lineOf(text, 'colour: red')} regions.eu.colour: unknown key`);
  });

  it('checks approvers, the artifact store and redaction patterns', () => {
    expect(problems('approvers: { users: [ana], request_expiry_minutes: 0 }')).toEqual([
      'incident.config.yml:L approvers.users[0]: expected a Slack user id such as U012AB3CD',
      'incident.config.yml:L approvers.request_expiry_minutes: expected a whole number of minutes from 1 to 1440',
    ]);
    expect(problems('artifacts: { kind: s3, link_expiry_hours: 500 }')).toEqual([
      'incident.config.yml:L artifacts.link_expiry_hours: expected a whole number of hours from 1 to 168',
      'incident.config.yml:L artifacts.bucket: is required when kind is s3',
    ]);
    expect(problems("redaction: { patterns: [{ name: a, pattern: '(' }, { name: b, pattern: 'x*' }] }")).toEqual([
      'incident.config.yml:L redaction.patterns[0].pattern: not a valid regular expression: Invalid regular expression: /(/g: Unterminated group',
      'incident.config.yml:L redaction.patterns[1].pattern: matches empty text, so it would redact nothing useful; make it match the secret itself',
    ]);
  });
});

describe('the environment for region commands', () => {
  const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };

  it('collects every SSH_KEY_* path, the public URL and the link secret', () => {
    const result = readEnv({ ...base, SSH_KEY_PATH: '/keys/default', SSH_KEY_EU: ' /keys/eu ', SSH_KEYS: 'ignored', HOME: '/root', PUBLIC_URL: 'https://bot.example.com', ARTIFACT_LINK_SECRET: 'x'.repeat(16) });
    expect(result.ok && result.env).toMatchObject({ sshKeyPaths: { SSH_KEY_PATH: '/keys/default', SSH_KEY_EU: '/keys/eu' }, publicUrl: 'https://bot.example.com', artifactLinkSecret: 'x'.repeat(16) });
  });

  it('refuses a link secret too short to sign with', () => {
    expect(readEnv({ ...base, ARTIFACT_LINK_SECRET: 'short' })).toEqual({ ok: false, problems: ['ARTIFACT_LINK_SECRET: use at least 16 characters'] });
  });
});
