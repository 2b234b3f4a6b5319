import os from 'node:os';
import type { z } from 'zod';
import type { AuditContext } from '../audit/audit.js';
import { type Config, loadConfig } from '../config/config.js';
import { type DatabaseHandle, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { toFieldErrors } from '../http/validation.js';
import { usageError } from './errors.js';

// Re-exported so command modules can import everything they need from this one module.
export { CliError, EXIT_FAILURE, EXIT_USAGE, usageError } from './errors.js';

/** Configuration, open database and audit actor of one command run. */
export interface CliSession {
  config: Config;
  handle: DatabaseHandle;
  audit: AuditContext;
  /** Names of the migrations this run applied before the command started. */
  appliedMigrations: string[];
}

/**
 * Loads the configuration (a ConfigError reaches the caller), opens the database, applies the
 * pending migrations, runs the work and closes the database, even when the work throws.
 */
export async function withDatabase<T>(work: (session: CliSession) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase(config.database);
  try {
    const appliedMigrations = await migrateToLatest(handle);
    return await work({ config, handle, audit: cliAuditContext(), appliedMigrations });
  } finally {
    await handle.close();
  }
}

/** Audit actor for command-line actions: `cli:` followed by the operating-system user. */
export function cliAuditContext(): AuditContext {
  return { actorId: null, actorLogin: `cli:${operatingSystemUser()}`, ip: null, requestId: null };
}

function operatingSystemUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    // userInfo() throws when the process's uid has no passwd entry (common in containers).
    return process.env.USER ?? process.env.LOGNAME ?? String(process.getuid?.() ?? 'unknown');
  }
}

/**
 * Reads the whole standard input as a password and drops one trailing line break, so both
 * `printf %s "$PASSWORD"` and `echo "$PASSWORD"` give the same password.
 */
export async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write('Type the password, then press Enter and Ctrl-D (the password is shown as you type).\n');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (password === '') throw usageError('--password-stdin: standard input is empty. Pipe the password into the command.');
  return password;
}

/** Turns zod issues into one message with each schema's own wording, naming each value by its option. */
export function describeIssues(issues: z.core.$ZodIssue[], optionOf: Record<string, string>): string {
  return issues.map((issue) => `${optionOf[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}`).join('\n');
}

/** Like describeIssues, for the API's schemas: their messages come from the API's English catalog. */
export function describeApiIssues(issues: z.core.$ZodIssue[], optionOf: Record<string, string>): string {
  return toFieldErrors(issues, 'options', 'en')
    .map((error) => `${optionOf[error.field] ?? error.field}: ${error.message}`)
    .join('\n');
}

/** Writes one line to standard output. */
export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Writes one line to standard error, for notes that must not mix with a printed secret. */
export function noteLine(line: string): void {
  process.stderr.write(`${line}\n`);
}
