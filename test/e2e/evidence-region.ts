import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSshServer } from '../support/ssh-server';

// A stand-in for `docker` on the loopback host, so the evidence pack's container commands have something to show.
const FAKE_DOCKER = `case "$*" in
  *" logs "*) for i in 1 2 3; do echo "api-1 | GET /checkout 502 upstream timeout"; done ;;
  *" ps "*) echo "app-api-1  Up 3 hours (unhealthy)"; echo "app-db-1   Up 9 days (healthy)" ;;
  *) echo "docker $*" ;;
esac`;

/** The shipped config and catalog with one region, `eu`, on an SSH server on loopback, and the key variable to set. */
export interface EvidenceRegion {
  configPath: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts the loopback sshd and writes a config dir (config, commands/, runbooks/) whose `eu` region points at it. */
export async function startEvidenceRegion(): Promise<EvidenceRegion> {
  const ssh = await startSshServer();
  ssh.addScript('docker', FAKE_DOCKER);
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-config-'));
  cpSync('commands', join(dir, 'commands'), { recursive: true });
  cpSync('runbooks', join(dir, 'runbooks'), { recursive: true });
  const region = `{ host: 127.0.0.1, port: ${ssh.port}, user: deploy, private_key_env: SSH_KEY_EU, host_key_sha256: 'SHA256:${ssh.hostKey.fingerprint}' }`;
  const shipped = readFileSync('incident.config.yml', 'utf8').replace(/^regions:[\s\S]*?(?=^\S|(?![\s\S]))/m, '');
  const configPath = join(dir, 'incident.config.yml');
  writeFileSync(configPath, `${shipped}\nregions:\n  eu: ${region}\n`);
  return {
    configPath,
    env: { SSH_KEY_EU: ssh.clientKeyPath },
    async stop() {
      await ssh.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
