import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase } from '../../../test/helpers/database.js';
import type { DatabaseConfig } from '../../config/config.js';
import { openDatabase } from '../../db/connection.js';
import { startReplayServer } from './replay-server.js';
import type { ReplayServer } from './replay-server.js';
import { Recording } from './testing.js';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../../..');

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function databaseUrl(config: DatabaseConfig): string {
  return config.engine === 'sqlite' ? `sqlite:${config.file}` : config.url;
}

/** Runs `guichet` as `npm run guichet` does, in a child process. */
function runCli(config: DatabaseConfig, args: string[]): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl(config), GUICHET_ADMIN_PASSWORD: 'admin-password-for-import-tests', LOG_LEVEL: 'silent' };
  // Set by node --test in its workers; the child is a plain program, not a test file.
  delete env.NODE_TEST_CONTEXT;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: REPOSITORY_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('import glpi-api command', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let stub: ReplayServer;
  let first: CliResult;

  before(async () => {
    database = await createTestDatabase();
    stub = await startReplayServer(new Recording().exchanges);
    first = await runCli(database.config, ['import', 'glpi-api', '--url', stub.url, '--user-token', stub.userToken, '--entity', '1']);
  });
  after(async () => {
    await stub.close();
    await database.drop();
  });

  test('exits 0', () => {
    assert.equal(first.code, 0, first.stderr);
  });

  test('prints progress lines', () => {
    assert.match(first.stdout, /^Starting import run 1\.$/m);
    assert.match(first.stdout, /^Ticket: 50\/62 read/m);
    assert.match(first.stdout, /^Ticket: 62\/62 read/m);
    assert.match(first.stdout, /^Tickets listed: 62, created: 62, updated: 0, unchanged: 0\.$/m);
  });

  test('writes the tickets', async () => {
    const handle = openDatabase(database.config);
    try {
      const tickets = await handle.db.selectFrom('tickets').select('id').where('external_ref', 'like', 'glpi:%').execute();
      assert.equal(tickets.length, 62);
    } finally {
      await handle.close();
    }
  });

  test('second run catches up', async () => {
    const second = await runCli(database.config, ['import', 'glpi-api', '--url', stub.url, '--user-token', stub.userToken, '--entity', '1']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^Tickets listed: 62, created: 0, updated: 0, unchanged: 62\.$/m);
  });

  test('invalid entity exits 2', async () => {
    const result = await runCli(database.config, ['import', 'glpi-api', '--url', stub.url, '--user-token', stub.userToken, '--entity', 'GH']);
    assert.equal(result.code, 2);
  });

  test('wrong token exits 1', async () => {
    const result = await runCli(database.config, ['import', 'glpi-api', '--url', stub.url, '--user-token', 'not-the-token']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^Import failed: GLPI answered \d{3}/m);
  });
});
