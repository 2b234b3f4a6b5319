import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { bootstrap, reportBootstrap } from '../bootstrap.js';
import { assertTimeZone } from '../import/glpi-csv-dates.js';
import { importGlpiCsv } from '../import/importer.js';
import type { ImportReport } from '../import/importer.js';
import { createCliLogger } from './logger.js';
import { CliError, EXIT_FAILURE, printLine, usageError, withDatabase } from './session.js';

export interface ImportGlpiCsvOptions {
  entity?: string;
  skipInvalid?: boolean;
  timeZone?: string;
}

/** Adds `import glpi-csv FILE` to the program. */
export function registerImportCommands(program: Command): void {
  const importCommand = program.command('import').description('Import data from other tools.');
  importCommand
    .command('glpi-csv')
    .description(
      'Import the tickets of a GLPI ticket-list CSV export ("Exporter > CSV"). Missing users, groups, categories, entities ' +
        'and locations are created; users as inactive accounts without a password. Running it again on the same file ' +
        'updates the tickets it imported. Exit status 1 when errors stopped the import.',
    )
    .argument('<file>', 'path of the CSV file exported by GLPI')
    .option('--entity <name>', 'complete name or name of the entity for a file without an Entité column, or replacing the first level of its entity paths (default: the root entity)')
    .option('--skip-invalid', 'import the valid rows and report the invalid ones; without it, any invalid row stops the whole import')
    .option('--time-zone <zone>', 'IANA time zone of the GLPI server, which exports wall-clock dates (default: Europe/Paris)')
    .action(importGlpiCsvCommand);
}

/** Imports the file and prints the report. Sets exit status 1 when errors stopped the import. */
export async function importGlpiCsvCommand(file: string, options: ImportGlpiCsvOptions): Promise<void> {
  if (options.timeZone !== undefined) {
    try {
      assertTimeZone(options.timeZone);
    } catch {
      throw usageError(`--time-zone: unknown time zone "${options.timeZone}". Give an IANA name such as Europe/Paris.`);
    }
  }
  const content = await readInput(file);

  await withDatabase(async ({ config, handle, audit }) => {
    reportBootstrap(await bootstrap(handle, config), createCliLogger(config));
    const report = await importGlpiCsv(handle, content, {
      skipInvalid: options.skipInvalid === true,
      actor: audit,
      ...(options.entity === undefined ? {} : { entity: options.entity }),
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    });
    for (const line of describeReport(report)) printLine(line);
    if (report.failed) process.exitCode = EXIT_FAILURE;
  });
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Cannot read ${file}: ${reason}`);
  }
}

/** Formats the report as plain English lines: the counts, then one line per error. */
export function describeReport(report: ImportReport): string[] {
  const lines = [
    report.failed
      ? `Import failed: nothing was imported because of the ${report.errors.length} error(s) below.`
      : 'Import finished.',
    `Rows read: ${report.rows}`,
    `Tickets created: ${report.created}`,
    `Tickets updated: ${report.updated}`,
    `Rows skipped: ${report.skipped}`,
    `Users created: ${report.createdUsers.length}`,
    `Groups created: ${report.createdGroups.length}`,
    `Categories created: ${report.createdCategories.length}`,
    `Entities created: ${report.createdEntities.length}`,
    `Locations created: ${report.createdLocations.length}`,
  ];
  if (report.unknownColumns.length > 0) lines.push(`Ignored columns: ${report.unknownColumns.join(', ')}`);
  for (const error of report.errors) lines.push(`line ${error.line}: ${error.message.en}`);
  return lines;
}
