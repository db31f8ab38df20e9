import { formatEnvProblems, readEnv } from './config/env';
import { ConfigError, formatConfigProblems, loadIncidentConfig } from './config/load';
import { startBot } from './bot';

/** Entry point: parse env and config, refuse to start on a problem with a message that says what to fix. */
async function main(): Promise<void> {
  const envResult = readEnv(process.env);
  if (!envResult.ok) {
    console.error(formatEnvProblems(envResult.problems));
    process.exit(1);
  }
  const { env } = envResult;
  let config;
  try {
    config = loadIncidentConfig(env.configPath);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`The incident bot cannot start: ${env.configPath} has problems.\n${formatConfigProblems(err)}`);
    process.exit(1);
  }
  const bot = await startBot(env, config);
  const where = env.slack.mode === 'http' ? `HTTP on port ${bot.port} (POST /slack/events)` : `Socket Mode (health on port ${bot.port})`;
  const schema = bot.migrationsApplied.length ? `migrations applied: ${bot.migrationsApplied.join(', ')}` : 'schema up to date';
  console.log(`incident bot ready: ${where}, database: ${bot.backend} (${schema})`);
  const shutdown = async (signal: string) => {
    console.log(`${signal} received, stopping`);
    await bot.stop().catch((err) => console.error('error while stopping', err));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error('The incident bot failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
