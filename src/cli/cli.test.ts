import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase } from '../../test/helpers/database.js';
import { checkCredentials } from '../auth/login.js';
import { createSession } from '../auth/sessions.js';
import { findTokenUser } from '../auth/tokens.js';
import { type Config, type DatabaseConfig, loadConfig } from '../config/config.js';
import { type DatabaseHandle, openDatabase } from '../db/connection.js';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../..');
const ADMIN_PASSWORD = 'admin-password-for-cli-tests';
const PASSWORD = 'cli-password-for-tests';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function databaseUrl(config: DatabaseConfig): string {
  return config.engine === 'sqlite' ? `sqlite:${config.file}` : config.url;
}

/** Runs the real command line in a child process against the given database. */
function runCli(database: DatabaseConfig, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl(database),
    GUICHET_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    ...options.env,
  };
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
    child.stdin.end(options.input ?? '');
  });
}

describe('command line', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let handle: DatabaseHandle;
  let config: Config;

  before(async () => {
    database = await createTestDatabase();
    const migrated = await runCli(database.config, ['migrate']);
    assert.equal(migrated.code, 0, migrated.stderr);
    config = { ...loadConfig({ LOG_LEVEL: 'silent' }), database: database.config };
    handle = openDatabase(database.config);
  });
  after(async () => {
    await handle.close();
    await database.drop();
  });

  const cli = (args: string[], options?: { input?: string; env?: Record<string, string> }) => runCli(database.config, args, options);
  const signIn = (login: string, password: string) =>
    checkCredentials({ db: handle.db, engine: handle.engine, config }, { actorId: null, actorLogin: null, ip: null, requestId: null }, login, password);
  const userId = async (login: string) =>
    (await handle.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;
  const lastAudit = (action: string) =>
    handle.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirstOrThrow();

  test('help lists the commands', async () => {
    const result = await cli(['--help']);
    assert.equal(result.code, 0);
    for (const command of ['migrate', 'user', 'token', 'audit']) assert.match(result.stdout, new RegExp(`^  ${command} `, 'm'));
    assert.match(result.stdout, /Exit status/);
  });

  test('subcommand help describes options', async () => {
    const userHelp = await cli(['user', 'create', '--help']);
    assert.equal(userHelp.code, 0);
    assert.match(userHelp.stdout, /--password-stdin/);
    assert.match(userHelp.stdout, /--entity <id-or-name>/);
    const tokenHelp = await cli(['token', 'create', '--help']);
    assert.equal(tokenHelp.code, 0);
    assert.match(tokenHelp.stdout, /--expires <date-time>/);
  });

  test('migrate applies then reports none', async () => {
    const fresh = await createTestDatabase();
    try {
      const first = await runCli(fresh.config, ['migrate']);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /^Applied 20261204_0001_foundation$/m);
      const second = await runCli(fresh.config, ['migrate']);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /No pending migrations/);
    } finally {
      await fresh.drop();
    }
  });

  test('user create on a new database', async () => {
    const fresh = await createTestDatabase();
    try {
      const args = ['user', 'create', '--login', 'first.user', '--first-name', 'Anne', '--last-name', 'Durand', '--password-stdin'];
      const result = await runCli(fresh.config, args, { input: `${PASSWORD}\n` });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Created user first\.user/);
      const freshHandle = openDatabase(fresh.config);
      const logins = await freshHandle.db.selectFrom('users').select('login').orderBy('login').execute();
      await freshHandle.close();
      assert.deepEqual(logins.map((row) => row.login), ['admin', 'first.user']);
    } finally {
      await fresh.drop();
    }
  });

  test('user create with a profile', async () => {
    const args = ['user', 'create', '--login', 'alice', '--first-name', 'Alice', '--last-name', 'Martin', '--email', 'alice@example.org'];
    const result = await cli([...args, '--profile', 'Technicien', '--recursive', '--job-profile', 'technicien', '--password-stdin'], {
      input: PASSWORD,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Created user alice .* with profile Technicien \(recursive\)/);

    const id = await userId('alice');
    assert.equal((await signIn('alice', PASSWORD)).userId, id);
    const user = await handle.db.selectFrom('users').select(['email', 'job_profile']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(user.email, 'alice@example.org');
    assert.equal(user.job_profile, 'technicien');
    const assignment = await handle.db
      .selectFrom('user_entities')
      .innerJoin('profiles', 'profiles.id', 'user_entities.profile_id')
      .select(['profiles.name', 'user_entities.is_recursive'])
      .where('user_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(assignment.name, 'Technicien');
    assert.equal(assignment.is_recursive, 1);

    const audit = await lastAudit('user.create');
    assert.equal(audit.record_id, String(id));
    assert.match(audit.actor_login ?? '', /^cli:.+/);
    assert.ok(!audit.changes.includes(PASSWORD));
    assert.equal((JSON.parse(audit.changes) as Record<string, unknown>).password_hash, '[changed]');
  });

  test('user create in a named entity', async () => {
    const root = await handle.db.selectFrom('entities').select(['id', 'complete_name']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const child = await handle.db
      .insertInto('entities')
      .values({ parent_id: root.id, name: 'CH Nord', type: 'hospital', complete_name: `${root.complete_name} > CH Nord`, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();

    const result = await cli(['user', 'create', '--login', 'nord', '--first-name', 'N', '--last-name', 'Nord', '--entity', `${root.complete_name} > CH Nord`]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /no profile/);
    const user = await handle.db.selectFrom('users').select(['entity_id', 'password_hash']).where('login', '=', 'nord').executeTakeFirstOrThrow();
    assert.equal(user.entity_id, child.id);
    assert.equal(user.password_hash, null);
  });

  test('user create rejects a taken login', async () => {
    const result = await cli(['user', 'create', '--login', 'ALICE', '--first-name', 'A', '--last-name', 'B']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /already exists/);
  });

  test('user create rejects bad options', async () => {
    const base = ['user', 'create', '--first-name', 'Bob', '--last-name', 'Petit'];
    const cases: [string, string[], RegExp, string?][] = [
      ['missing option', ['user', 'create', '--login', 'bob', '--first-name', 'Bob'], /--last-name/],
      ['unknown option', [...base, '--login', 'bob', '--colour', 'red'], /--colour/],
      ['bad login', [...base, '--login', 'bob smith'], /--login/],
      ['bad e-mail', [...base, '--login', 'bob', '--email', 'not-an-address'], /--email/],
      ['bad job profile', [...base, '--login', 'bob', '--job-profile', 'chef'], /--job-profile/],
      ['unknown entity', [...base, '--login', 'bob', '--entity', 'Nowhere'], /--entity/],
      ['unknown profile', [...base, '--login', 'bob', '--profile', 'Boss'], /--profile: .*Technicien/],
      ['recursive alone', [...base, '--login', 'bob', '--recursive'], /--recursive needs --profile/],
      ['short password', [...base, '--login', 'bob', '--password-stdin'], /password/, 'short'],
      ['empty password', [...base, '--login', 'bob', '--password-stdin'], /standard input is empty/, ''],
    ];
    for (const [name, args, message, input] of cases) {
      const result = await cli(args, input === undefined ? undefined : { input });
      assert.equal(result.code, 2, `${name}: ${result.stderr}`);
      assert.match(result.stderr, message, name);
    }
    const bob = await handle.db.selectFrom('users').select('id').where('login', '=', 'bob').executeTakeFirst();
    assert.equal(bob, undefined);
  });

  test('set-password generates and unlocks', async () => {
    const id = await userId('alice');
    await handle.db.updateTable('users').set({ failed_logins: 3, locked_until: '2999-01-01T00:00:00.000Z' }).where('id', '=', id).execute();
    await createSession(handle.db, config, id, { ip: null, userAgent: null });

    const result = await cli(['user', 'set-password', '--login', 'alice']);
    assert.equal(result.code, 0, result.stderr);
    const generated = result.stdout.trim();
    assert.match(generated, /^[\w-]{24}$/);
    assert.match(result.stderr, /shown only once/);

    const sessions = await handle.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute();
    assert.equal(sessions.length, 0);
    assert.equal((await signIn('alice', generated)).userId, id);
    const audit = await lastAudit('user.update');
    assert.equal(audit.record_id, String(id));
    assert.ok(!audit.changes.includes(generated));
    assert.match(audit.changes, /locked_until/);
  });

  test('set-password reads standard input', async () => {
    const result = await cli(['user', 'set-password', '--login', 'Alice', '--password-stdin'], { input: `${PASSWORD}-new\n` });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!result.stdout.includes(PASSWORD));
    assert.equal((await signIn('alice', `${PASSWORD}-new`)).userId, await userId('alice'));
  });

  test('set-password rejects unknown login', async () => {
    const result = await cli(['user', 'set-password', '--login', 'nobody']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /No user with login "nobody"/);
  });

  test('token create prints a working token', async () => {
    const result = await cli(['token', 'create', '--user', 'alice', '--name', 'monitoring', '--expires', '2999-01-01T00:00:00+01:00']);
    assert.equal(result.code, 0, result.stderr);
    const token = result.stdout.trim();
    assert.equal(await findTokenUser(handle.db, token), await userId('alice'));
    const stored = await handle.db.selectFrom('api_tokens').select(['name', 'expires_at']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(stored.name, 'monitoring');
    assert.equal(stored.expires_at, '2998-12-31T23:00:00.000Z');
    assert.ok(!(await lastAudit('token.create')).changes.includes(token));
  });

  test('token create rejects bad options', async () => {
    const cases: [string, string[], RegExp][] = [
      ['not a date', ['--user', 'alice', '--expires', 'tomorrow'], /--expires: expected an ISO 8601/],
      ['past date', ['--user', 'alice', '--expires', '2020-01-01T00:00:00Z'], /--expires: must be in the future/],
      ['empty name', ['--user', 'alice', '--name', ' '], /--name/],
      ['unknown user', ['--user', 'nobody'], /No user with login/],
      ['missing user', [], /--user/],
    ];
    for (const [name, args, message] of cases) {
      const result = await cli(['token', 'create', ...args]);
      assert.equal(result.code, 2, `${name}: ${result.stderr}`);
      assert.match(result.stderr, message, name);
    }
  });

  test('bad configuration exits 2', async () => {
    const result = await cli(['migrate'], { env: { PORT: 'abc', GUICHET_LOGIN_MAX_FAILURES: '0' } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Invalid configuration/);
    assert.match(result.stderr, /PORT: .*"abc"/);
    assert.match(result.stderr, /GUICHET_LOGIN_MAX_FAILURES/);
  });

  // Runs last: it breaks the audit chain of the shared database on purpose.
  test('audit verify detects tampering', async () => {
    const intact = await cli(['audit', 'verify']);
    assert.equal(intact.code, 0, intact.stderr);
    assert.match(intact.stdout, /Audit trail intact: \d+ rows checked/);

    await handle.db.updateTable('audit_log').set({ actor_login: 'someone-else' }).where('seq', '=', 2).execute();
    const broken = await cli(['audit', 'verify']);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /Audit trail broken at row 2 \(altered\)/);
  });
});
