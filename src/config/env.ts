import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Where the README explains how to get Slack credentials; every "missing variable" message points here. */
export const CREATE_APP_HELP = 'README.md, section "Create the Slack app"';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const port = (fallback: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'expected a port number (0-65535)')
      .transform(Number)
      .refine((n) => n <= 65535, 'expected a port number (0-65535)')
      .optional(),
  ).transform((v) => v ?? fallback);

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url('expected a URL such as https://slack.com/api/').optional()),
  PORT: port(3000),
  HEALTH_PORT: port(3001),
  DATABASE_URL: optionalText,
  DATABASE_POOL_SIZE: optionalText.pipe(z.string().regex(/^[1-9]\d{0,2}$/, 'expected a whole number of connections from 1 to 999').transform(Number).optional()),
  DATA_DIR: optionalText.transform((v) => v ?? './data'),
  INCIDENT_CONFIG: optionalText.transform((v) => v ?? './incident.config.yml'),
  LOG_LEVEL: optionalText.pipe(z.enum(['debug', 'info', 'warn', 'error']).optional()).transform((v) => v ?? 'info'),
  SSH_KEY_PATH: optionalText,
  PUBLIC_URL: optionalText.pipe(z.url('expected the URL people reach the bot at, such as https://incident-bot.example.com').optional()),
  ARTIFACT_LINK_SECRET: optionalText.pipe(z.string().min(16, 'use at least 16 characters').optional()),
});

/** Region keys come from variables named SSH_KEY_*, each holding a key file's path (regions name theirs). */
function sshKeyPaths(source: Record<string, string | undefined>): Record<string, string> | undefined {
  const found = Object.entries(source).filter(([name, value]) => /^SSH_KEY(_[A-Z0-9_]+)?$/.test(name) && value && value.trim() !== '');
  return found.length ? Object.fromEntries(found.map(([name, value]) => [name, (value as string).trim()])) : undefined;
}

/** Every variable the bot reads; `.env.example` documents each one (a test keeps them in step). */
export const ENV_VARIABLES = Object.keys(envSchema.shape);

export type SlackConnection =
  | { mode: 'http'; botToken: string; signingSecret: string }
  | { mode: 'socket'; botToken: string; signingSecret: string; appToken: string };

/** Everything the process takes from its environment, parsed once at start. */
export interface Env {
  slack: SlackConnection;
  slackApiUrl?: string;
  port: number;
  healthPort: number;
  databaseUrl?: string;
  /** Connections per process to DATABASE_URL (10 when unset; the embedded database always uses 1). */
  databasePoolSize?: number;
  dataDir: string;
  configPath: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** SSH_KEY_* variables: the private key file each region's `private_key_env` names. */
  sshKeyPaths?: Record<string, string>;
  /** The bot's public base URL, for links to locally stored artifacts; http://localhost:<port> when unset. */
  publicUrl?: string;
  /** Signs those links; derived from the signing secret when unset. */
  artifactLinkSecret?: string;
}

/** `sandbox` is set when no Slack credential is: the bot then runs against the local sandbox workspace, with made-up ones. */
export type EnvResult = { ok: true; env: Env; sandbox?: true } | { ok: false; problems: string[] };

/** The bot token the sandbox's local workspace and the bot share. */
export const SANDBOX_BOT_TOKEN = 'xoxb-sandbox';

/** Logged at start in sandbox mode: why, and how to connect to Slack instead. */
export const SANDBOX_NOTICE = [
  'No Slack credentials (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET) are set: starting the sandbox, a local Slack-like workspace in your browser.',
  `To connect to a real workspace, copy .env.example to .env and fill it in; see ${CREATE_APP_HELP}.`,
].join('\n');

/** Parses the environment; the only place in the product that reads `process.env`-shaped input. */
export function readEnv(source: Record<string, string | undefined>): EnvResult {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  const v = parsed.data;
  const sandbox = !v.SLACK_BOT_TOKEN && !v.SLACK_SIGNING_SECRET && !v.SLACK_APP_TOKEN;
  const missing = sandbox ? [] : [
    v.SLACK_BOT_TOKEN ? null : 'SLACK_BOT_TOKEN (the bot token, xoxb-…)',
    v.SLACK_SIGNING_SECRET ? null : 'SLACK_SIGNING_SECRET (Basic Information > App Credentials)',
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) {
    return { ok: false, problems: missing.map((m) => `missing ${m}`) };
  }
  const botToken = v.SLACK_BOT_TOKEN ?? SANDBOX_BOT_TOKEN;
  const signingSecret = v.SLACK_SIGNING_SECRET ?? randomBytes(24).toString('hex');
  const slack: SlackConnection = v.SLACK_APP_TOKEN
    ? { mode: 'socket', botToken, signingSecret, appToken: v.SLACK_APP_TOKEN }
    : { mode: 'http', botToken, signingSecret };
  return {
    ok: true,
    ...(sandbox ? { sandbox: true as const } : {}),
    env: {
      slack,
      slackApiUrl: v.SLACK_API_URL,
      port: v.PORT,
      healthPort: v.HEALTH_PORT,
      databaseUrl: v.DATABASE_URL,
      databasePoolSize: v.DATABASE_POOL_SIZE,
      dataDir: v.DATA_DIR,
      configPath: v.INCIDENT_CONFIG,
      logLevel: v.LOG_LEVEL,
      sshKeyPaths: sshKeyPaths(source),
      publicUrl: v.PUBLIC_URL,
      artifactLinkSecret: v.ARTIFACT_LINK_SECRET,
    },
  };
}

/** The message printed when the environment is unusable: each problem, then where to read more. */
export function formatEnvProblems(problems: string[]): string {
  return [
    'The incident bot cannot start:',
    ...problems.map((p) => `  - ${p}`),
    `Copy .env.example to .env and fill it in; see ${CREATE_APP_HELP}.`,
  ].join('\n');
}
