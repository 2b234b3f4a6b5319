import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { CliError, printLine, usageError, withDatabase } from './session.js';

export interface ImportGlpiApiOptions {
  url: string;
  userToken: string;
  appToken?: string;
  entity?: number;
  timeZone?: string;
}

function parseEntityId(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected the numeric id of a GLPI entity, e.g. 1.');
  return Number(value);
}

/** Adds `import glpi-api` to the program, under the `import` command when another module created it. */
export function registerGlpiApiImportCommand(program: Command): void {
  const importCommand = program.commands.find((command) => command.name() === 'import') ?? program.command('import').description('Import data from other tools.');
  importCommand
    .command('glpi-api')
    .description(
      'Import a running GLPI through its REST API (apirest.php): entities, locations, users, groups, ITIL categories, then ' +
        'the tickets with their actors, followups, tasks, solutions, approvals, surveys and document metadata. Each ticket is ' +
        'written whole. An interrupted import resumes where it stopped when run again, and a finished one catches up ' +
        'with the tickets changed since. Users are created as inactive accounts without a password.',
    )
    .requiredOption('--url <url>', 'GLPI API address, ending with /apirest.php, e.g. https://glpi.example.org/apirest.php')
    .requiredOption('--user-token <token>', "API token of a GLPI user who can read every ticket to import (GLPI: My settings > Remote access keys > API token)")
    .option('--app-token <token>', 'application token of the API client, when GLPI\'s API client requires one')
    .option('--entity <id>', 'GLPI id of the entity to import with its sub-entities (default: every entity the user sees)', parseEntityId)
    .option('--time-zone <zone>', 'IANA time zone of the GLPI server, which returns wall-clock dates (default: Europe/Paris)')
    .action(importGlpiApiCommand);
}

/**
 * Runs the import and prints its progress on standard output. Ctrl-C stops it between two
 * requests; the tickets written so far stay, and running the same command again resumes.
 */
export async function importGlpiApiCommand(options: ImportGlpiApiOptions): Promise<void> {
  let address: URL;
  try {
    address = new URL(options.url);
  } catch {
    throw usageError(`--url: invalid URL "${options.url}". Give the API address, e.g. https://glpi.example.org/apirest.php.`);
  }
  if (address.protocol !== 'http:' && address.protocol !== 'https:') throw usageError(`--url: expected an http or https address, got "${options.url}".`);
  const { assertTimeZone } = await import('../import/glpi-csv-dates.js');
  if (options.timeZone !== undefined) {
    try {
      assertTimeZone(options.timeZone);
    } catch {
      throw usageError(`--time-zone: unknown time zone "${options.timeZone}". Give an IANA name such as Europe/Paris.`);
    }
  }

  const { bootstrap, reportBootstrap } = await import('../bootstrap.js');
  const { createCliLogger } = await import('./logger.js');
  const { importGlpiApi } = await import('../import/glpi-api/importer.js');
  const { GlpiApiError } = await import('../import/glpi-api/client.js');
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  try {
    await withDatabase(async ({ config, handle, audit }) => {
      // The root entity and the profiles come from the bootstrap, which a fresh database has not had yet.
      reportBootstrap(await bootstrap(handle, config), createCliLogger(config));
      const report = await importGlpiApi(handle, {
        url: options.url,
        userToken: options.userToken,
        actor: audit,
        signal: controller.signal,
        onProgress: printLine,
        ...(options.appToken === undefined ? {} : { appToken: options.appToken }),
        ...(options.entity === undefined ? {} : { entityId: options.entity }),
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      });
      const { tickets } = report;
      printLine(`Tickets listed: ${tickets.listed}, created: ${tickets.created}, updated: ${tickets.updated}, unchanged: ${tickets.unchanged}.`);
      printLine(`GLPI requests: ${report.requests}.`);
    });
  } catch (error) {
    if (controller.signal.aborted) throw new CliError('Import interrupted. The tickets written so far are kept; run the same command again to resume.');
    if (error instanceof GlpiApiError) throw new CliError(`Import failed: ${error.message}. Run the same command again to resume once the cause is fixed.`);
    if (error instanceof TypeError && error.message === 'fetch failed') {
      const reason = error.cause instanceof Error ? error.cause.message : String(error.cause);
      throw new CliError(`Import failed: GLPI at ${options.url} could not be reached (${reason}). Run the same command again to resume.`);
    }
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
  }
}
