import { CommanderError } from 'commander';
import { ConfigError } from '../config/config.js';
import { buildProgram } from './program.js';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from './errors.js';

/** Entry point of `npm run guichet -- <command>`: runs one command and sets the exit status. */
async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    process.exitCode = exitCodeOf(error);
  }
}

/** Reports a failure on standard error and returns the exit status it calls for. */
function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message or the help. Exit code 0 comes from --help.
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(`guichet failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_FAILURE;
}

await main();
