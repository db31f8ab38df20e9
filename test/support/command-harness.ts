import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './harness';
import { closedPort, generateTestKey, startSshServer, type TestSshServer } from './ssh-server';

/** The approvers' user group in the command tests' config; tests add it to the emulator with its members. */
export const APPROVERS_GROUP = 'S0APPROVERS';

/** Commands only the tests use, beside the shipped catalog: each one shows one behaviour of the runner. */
const TEST_COMMANDS = `
- id: slow-steps
  title: Three slow steps
  description: Prints a line a second, to watch progress.
  class: diagnostic
  template: for i in 1 2 3; do echo "step $i"; sleep 1; done
- id: sleepy
  title: Sleeps past its limit
  description: Never ends by itself.
  class: diagnostic
  template: sleep 29.7; echo never
  timeout_seconds: 1
- id: flood
  title: Ten megabytes
  description: Prints 10 MiB of text.
  class: diagnostic
  template: yes 'the quick brown fox' | head -c 10485760
  output_cap_bytes: 1000
- id: echo-text
  title: Echo
  description: Prints its text back.
  class: diagnostic
  template: printf '%s\\n' {{text}}
  params:
    text: { type: string, pattern: '^.{1,200}$' }
- id: leaky
  title: Leaks secrets
  description: Prints things that must be redacted.
  class: diagnostic
  template: printf 'DB_PASSWORD=hunter2\\nAuthorization Bearer abcdefghijklmnop\\nticket tkt_abcd1234 open\\nall good\\n'
- id: fails
  title: Fails
  description: Exits 3.
  class: diagnostic
  template: echo broken >&2; exit 3
`;

// A stand-in for `docker` on the test host: says what it was asked, and prints a few log lines for `logs`.
const FAKE_DOCKER = `echo "docker $*"
case "$*" in
  *" logs "*) for i in 1 2 3; do echo "api-1 | request $i ok password=hunter2"; done ;;
  *" ps "*) echo "app-api-1  Up 3 hours (healthy)" ;;
esac`;

export interface CommandHarness extends Harness {
  ssh: TestSshServer;
  /** Where the bot's config, catalog (commands/) and data live. */
  dir: string;
  stopAll(): Promise<void>;
}

/** Config sections for the tests' regions: eu and us on the test SSH server, plus one unreachable and one impostor. */
function regionsYaml(ssh: TestSshServer, downPort: number): string {
  const host = (port: number, fingerprint: string) => `{ host: 127.0.0.1, port: ${port}, user: deploy, private_key_env: SSH_KEY_TEST, host_key_sha256: 'SHA256:${fingerprint}' }`;
  return [
    'regions:',
    `  eu: ${host(ssh.port, ssh.hostKey.fingerprint)}`,
    `  us: ${host(ssh.port, ssh.hostKey.fingerprint)}`,
    `  down: ${host(downPort, ssh.hostKey.fingerprint)}`,
    `  impostor: ${host(ssh.port, generateTestKey().fingerprint)}`,
  ].join('\n');
}

/**
 * The real bot with the shipped catalog plus the test commands, regions on an ssh2 server on loopback, the
 * approvers' group, a redaction pattern of its own and the given artifact store section.
 */
export async function startCommandHarness(o: { artifacts?: string; env?: Record<string, string> } = {}): Promise<CommandHarness> {
  const ssh = await startSshServer();
  ssh.addScript('docker', FAKE_DOCKER);
  // The host's own df and curl would make results depend on this machine's mounts and ports.
  ssh.addScript('df', 'echo "Filesystem Size Used Avail Use% Mounted on"; echo "/dev/sda1 40G 12G 28G 30% /"');
  ssh.addScript('curl', 'echo "curl: (7) Failed to connect to 127.0.0.1 port 8080: Connection refused" >&2; exit 7');
  const dir = mkdtempSync(join(tmpdir(), 'command-bot-'));
  cpSync('commands', join(dir, 'commands'), { recursive: true });
  cpSync('runbooks', join(dir, 'runbooks'), { recursive: true });
  writeFileSync(join(dir, 'commands', 'test-only.yml'), TEST_COMMANDS);
  const configYaml = [
    readFileSync('incident.config.yml', 'utf8').replace(/^(regions|approvers|artifacts|redaction):[\s\S]*?(?=^\S|(?![\s\S]))/gm, ''),
    regionsYaml(ssh, await closedPort()),
    `approvers: { users: [], usergroups: [${APPROVERS_GROUP}], request_expiry_minutes: 15 }`,
    "redaction: { patterns: [{ name: ticket, pattern: 'tkt_[a-z0-9]{8}', replace: 'tkt_[REDACTED]' }] }",
    o.artifacts ?? 'artifacts: { kind: local }',
  ].join('\n');
  const configPath = join(dir, 'incident.config.yml');
  writeFileSync(configPath, configYaml);
  const h = await startHarness({ configYaml, env: { configPath, dataDir: dir, sshKeyPaths: { SSH_KEY_TEST: ssh.clientKeyPath } } });
  return {
    ...h,
    ssh,
    dir,
    async stopAll() {
      await h.stop();
      await ssh.stop();
    },
  };
}
