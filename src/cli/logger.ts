import { pino, type Logger } from 'pino';
import type { Config } from '../config/config.js';

/**
 * JSON logger on standard error at the configured LOG_LEVEL, so log lines never mix with what a
 * command prints on standard output (a token or a password).
 */
export function createCliLogger(config: Config): Logger {
  return pino({ level: config.logLevel, base: { process: 'cli' } }, pino.destination({ fd: 2, sync: true }));
}
