import path from 'node:path';
import { z } from 'zod';

/** Runtime configuration, read once from the environment and validated as a whole. */
export interface Config {
  host: string;
  port: number;
  database: DatabaseConfig;
  dataDir: string;
  adminPassword: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Set the Secure flag on the session cookie; on by default when TRUST_PROXY says TLS ends in front. */
  secureCookies: boolean;
  trustProxy: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Sign-in attempts allowed per client address and minute. */
  loginRatePerMinute: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  rootEntityName: string;
  /** Fill an empty database with an invented hospital and two years of tickets at start (GUICHET_DEMO or --demo). */
  demo: boolean;
}

export type DatabaseConfig =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string; poolSize: number };

const booleanFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => ['1', 'true', 'yes'].includes(value));

const integerFromEnv = (min: number, max: number) =>
  z.coerce.number().int().min(min).max(max);

const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integerFromEnv(0, 65535).default(8080),
  DATABASE_URL: z
    .string()
    .refine((value) => /^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(value), {
      message: 'must start with sqlite: or postgres://',
    })
    .optional(),
  DATABASE_POOL_SIZE: integerFromEnv(1, 200).default(10),
  GUICHET_DATA_DIR: z.string().min(1).default('./data'),
  GUICHET_ADMIN_PASSWORD: z.string().min(12, 'must have at least 12 characters').optional(),
  GUICHET_SESSION_IDLE_MINUTES: integerFromEnv(1, 24 * 60).default(60),
  GUICHET_SESSION_MAX_HOURS: integerFromEnv(1, 24 * 30).default(12),
  GUICHET_SECURE_COOKIES: booleanFromEnv.optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  GUICHET_LOGIN_MAX_FAILURES: integerFromEnv(1, 100).default(5),
  GUICHET_LOGIN_LOCK_MINUTES: integerFromEnv(1, 24 * 60).default(15),
  GUICHET_LOGIN_RATE_PER_MINUTE: integerFromEnv(1, 10_000).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GUICHET_BODY_LIMIT_BYTES: integerFromEnv(1024, 100 * 1024 * 1024).default(1024 * 1024),
  GUICHET_ROOT_ENTITY: z.string().min(1).max(255).default('Entité racine'),
  GUICHET_DEMO: booleanFromEnv.default(false),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Builds the configuration from environment variables.
 * Throws a ConfigError listing every invalid variable, not only the first one.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`,
    );
    throw new ConfigError(problems);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.GUICHET_DATA_DIR);

  return {
    host: values.HOST,
    port: values.PORT,
    database: parseDatabaseUrl(values.DATABASE_URL, dataDir, values.DATABASE_POOL_SIZE),
    dataDir,
    adminPassword: values.GUICHET_ADMIN_PASSWORD,
    sessionIdleMinutes: values.GUICHET_SESSION_IDLE_MINUTES,
    sessionMaxHours: values.GUICHET_SESSION_MAX_HOURS,
    secureCookies: values.GUICHET_SECURE_COOKIES ?? values.TRUST_PROXY,
    trustProxy: values.TRUST_PROXY,
    loginMaxFailures: values.GUICHET_LOGIN_MAX_FAILURES,
    loginLockMinutes: values.GUICHET_LOGIN_LOCK_MINUTES,
    loginRatePerMinute: values.GUICHET_LOGIN_RATE_PER_MINUTE,
    logLevel: values.LOG_LEVEL,
    bodyLimitBytes: values.GUICHET_BODY_LIMIT_BYTES,
    rootEntityName: values.GUICHET_ROOT_ENTITY,
    demo: values.GUICHET_DEMO,
  };
}

function parseDatabaseUrl(url: string | undefined, dataDir: string, poolSize: number): DatabaseConfig {
  if (url === undefined) {
    return { engine: 'sqlite', file: path.join(dataDir, 'guichet.sqlite') };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return { engine: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  return { engine: 'postgres', url, poolSize };
}
