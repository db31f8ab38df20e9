import { join } from 'node:path';
import type { Logger } from '@slack/bolt';
import { loadCatalogBeside } from '../commands/check-report';
import type { CommandCatalog } from '../commands/catalog';
import { buildRedactor, type Redactor } from '../commands/redact';
import type { Env } from '../config/env';
import type { IncidentConfig } from '../config/schema';
import { BackgroundWork, ProgressGate } from '../domain/flows/run-command-progress';
import type { ArtifactStore, Clock, SshRunner } from '../domain/ports';
import type { HealthRoute } from '../http/health-routes';
import { artifactLinkSigner, artifactRoute, linkSecret } from '../http/artifact-route';
import { localArtifactStore } from './artifacts/local-artifacts';
import { s3ArtifactStore } from './artifacts/s3-artifacts';
import { sshRunner } from './ssh/ssh-runner';
import { regionTargets } from './ssh/targets';

/** The approved-commands part of the bot: what listeners use, the HTTP route for local links, and how to stop. */
export interface CommandRuntime {
  deps: { catalog: CommandCatalog; runner: SshRunner; artifacts: ArtifactStore; redact: Redactor; progressGate: ProgressGate; backgroundWork: BackgroundWork };
  routes: HealthRoute[];
  /** Tells local links where the bot listens, once it does (PUBLIC_URL wins). */
  listeningOn(port: number): void;
  /** Lets running commands finish for a while, then kills the rest and closes the SSH connections. */
  stop(logger: Logger): Promise<void>;
}

/** Builds the catalog (beside the config), the SSH runner, the artifact store picked by the config, and the rest. */
export function buildCommandRuntime(env: Env, config: IncidentConfig, clock: Clock): CommandRuntime {
  const catalog = loadCatalogBeside(env.configPath, config);
  const runner = sshRunner(regionTargets(config.regions, env.sshKeyPaths ?? {}));
  const expiryMs = config.artifacts.link_expiry_hours * 3600_000;
  const signer = artifactLinkSigner(linkSecret(env.artifactLinkSecret, env.slack.signingSecret));
  // The route is served beside the health routes: on PORT in HTTP mode, on HEALTH_PORT in Socket Mode.
  let baseUrl = env.publicUrl?.replace(/\/+$/, '') ?? `http://localhost:${env.slack.mode === 'socket' ? env.healthPort : env.port}`;
  const a = config.artifacts;
  const artifacts =
    a.kind === 's3'
      ? s3ArtifactStore({ bucket: a.bucket as string, endpoint: a.endpoint, region: a.region, forcePathStyle: a.force_path_style, prefix: a.prefix, linkExpirySeconds: expiryMs / 1000, timeoutMs: a.timeout_seconds * 1000 })
      : localArtifactStore(a.local_dir ?? join(env.dataDir, 'artifacts'), (key) => `${baseUrl}/artifacts/${signer.sign(key, new Date(clock.now().getTime() + expiryMs))}`);
  const backgroundWork = new BackgroundWork();
  return {
    deps: { catalog, runner, artifacts, redact: buildRedactor(config.redaction.patterns, config.redaction.use_defaults), progressGate: new ProgressGate(), backgroundWork },
    routes: a.kind === 'local' ? [artifactRoute({ signer, store: artifacts, clock })] : [],
    listeningOn(port) {
      if (!env.publicUrl) baseUrl = `http://localhost:${port}`;
    },
    async stop(logger) {
      if (!(await backgroundWork.settle(10_000))) logger.warn('stopping with commands still running: they are killed and recorded as such');
      await runner.close();
      await backgroundWork.settle(5_000);
    },
  };
}
