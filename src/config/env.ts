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
  DATA_DIR: optionalText.transform((v) => v ?? './data'),
  INCIDENT_CONFIG: optionalText.transform((v) => v ?? './incident.config.yml'),
  LOG_LEVEL: optionalText.pipe(z.enum(['debug', 'info', 'warn', 'error']).optional()).transform((v) => v ?? 'info'),
});

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
  dataDir: string;
  configPath: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/** Parses the environment; the only place in the product that reads `process.env`-shaped input. */
export function readEnv(source: Record<string, string | undefined>): EnvResult {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  const v = parsed.data;
  const missing = [
    v.SLACK_BOT_TOKEN ? null : 'SLACK_BOT_TOKEN (the bot token, xoxb-…)',
    v.SLACK_SIGNING_SECRET ? null : 'SLACK_SIGNING_SECRET (Basic Information > App Credentials)',
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) {
    return { ok: false, problems: missing.map((m) => `missing ${m}`) };
  }
  const botToken = v.SLACK_BOT_TOKEN as string;
  const signingSecret = v.SLACK_SIGNING_SECRET as string;
  const slack: SlackConnection = v.SLACK_APP_TOKEN
    ? { mode: 'socket', botToken, signingSecret, appToken: v.SLACK_APP_TOKEN }
    : { mode: 'http', botToken, signingSecret };
  return {
    ok: true,
    env: {
      slack,
      slackApiUrl: v.SLACK_API_URL,
      port: v.PORT,
      healthPort: v.HEALTH_PORT,
      databaseUrl: v.DATABASE_URL,
      dataDir: v.DATA_DIR,
      configPath: v.INCIDENT_CONFIG,
      logLevel: v.LOG_LEVEL,
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
