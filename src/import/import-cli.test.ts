import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../db/connection.js';
import { writeGlpiTicketCsv } from './glpi-csv.js';
import type { GlpiCsvWriteRow } from './glpi-csv.js';
import { GLPI_DATA_DIR } from './importer-testing.js';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../..');
const url = (file: string) => pathToFileURL(path.join(REPOSITORY_ROOT, file)).href;

// The `guichet` program with the import commands added, when its entry does not add them yet.
// It maps failures to exit statuses as src/cli/index.ts does.
const ENTRY = `
import { buildProgram } from ${JSON.stringify(url('src/cli/program.ts'))};
import { registerImportCommands } from ${JSON.stringify(url('src/cli/import-glpi.ts'))};
import { CliError } from ${JSON.stringify(url('src/cli/session.ts'))};
const program = buildProgram();
if (!program.commands.some((command) => command.name() === 'import')) registerImportCommands(program);
try {
  await program.parseAsync(process.argv.slice(1), { from: 'user' });
} catch (error) {
  process.stderr.write(String(error instanceof Error ? error.message : error) + '\\n');
  process.exitCode = error instanceof CliError ? error.exitCode : (error?.exitCode === 0 ? 0 : 2);
}
`;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(databaseFile: string, args: string[]): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${databaseFile}`,
    GUICHET_ADMIN_PASSWORD: 'admin-password-for-import-tests',
    LOG_LEVEL: 'silent',
  };
  // Set by node --test in its workers; the child is a plain program, not a test file.
  delete env.NODE_TEST_CONTEXT;

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ENTRY, ...args], { cwd: REPOSITORY_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

function invalidFile(): string {
  const row = (glpiId: number): GlpiCsvWriteRow => ({
    glpiId,
    title: `Prise réseau inactive, bureau ${glpiId}`,
    entityPath: ['Entité racine'],
    status: 'new',
    type: 'incident',
    priority: 3,
    urgency: 3,
    impact: 3,
    openedAt: '2026-05-04T08:00:00.000Z',
    updatedAt: '2026-05-04T08:00:00.000Z',
    requesters: [{ name: 'Vidal Margaux' }],
  });
  // The second data row, on line 3, has a status GLPI never writes.
  return writeGlpiTicketCsv([row(901), { ...row(902), rawCells: { Statut: 'Ouvert' } }, row(903)]);
}

describe('import glpi-csv command', () => {
  let directory: string;
  let databaseFile: string;
  let invalidPath: string;
  const samplePath = new URL('tickets.csv', GLPI_DATA_DIR).pathname;

  before(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-import-cli-'));
    databaseFile = path.join(directory, 'guichet.sqlite');
    invalidPath = path.join(directory, 'invalid.csv');
    fs.writeFileSync(invalidPath, invalidFile());
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  const countTickets = async () => {
    const handle = openDatabase({ engine: 'sqlite', file: databaseFile });
    try {
      const rows = await handle.db.selectFrom('tickets').select('id').execute();
      return rows.length;
    } finally {
      await handle.close();
    }
  };

  test('sample file imports cleanly', async () => {
    const result = await runCli(databaseFile, ['import', 'glpi-csv', samplePath]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Import finished\.$/m);
    assert.match(result.stdout, /^Rows read: 175$/m);
    assert.match(result.stdout, /^Tickets created: 175$/m);
    assert.match(result.stdout, /^Tickets updated: 0$/m);
    assert.equal(await countTickets(), 175);
  });

  test('second run reports updates', async () => {
    const result = await runCli(databaseFile, ['import', 'glpi-csv', samplePath]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Tickets created: 0$/m);
    assert.match(result.stdout, /^Tickets updated: 175$/m);
    assert.match(result.stdout, /^Users created: 0$/m);
  });

  test('invalid row fails with status 1', async () => {
    const result = await runCli(databaseFile, ['import', 'glpi-csv', invalidPath]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /^Import failed: nothing was imported/m);
    assert.match(result.stdout, /^line 3: Unknown value "Ouvert" in the column "Statut"/m);
    assert.equal(await countTickets(), 175);
  });

  test('skip-invalid imports other rows', async () => {
    const result = await runCli(databaseFile, ['import', 'glpi-csv', invalidPath, '--skip-invalid']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Tickets created: 2$/m);
    assert.match(result.stdout, /^Rows skipped: 1$/m);
    assert.match(result.stdout, /^line 3: /m);
    assert.equal(await countTickets(), 177);
  });

  test('unknown time zone is usage error', async () => {
    const result = await runCli(databaseFile, ['import', 'glpi-csv', samplePath, '--time-zone', 'Europe/Nowhere']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--time-zone: unknown time zone "Europe\/Nowhere"/);
  });

  test('missing file fails', async () => {
    const result = await runCli(databaseFile, ['import', 'glpi-csv', path.join(directory, 'absent.csv')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^Cannot read .*absent\.csv/m);
  });
});
