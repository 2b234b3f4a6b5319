import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { bootstrap } from '../../src/bootstrap.js';
import { type Config, loadConfig } from '../../src/config/config.js';
import { type DatabaseHandle, nowIso, openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase } from './database.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const USER_PASSWORD = 'user-password-for-tests';

export interface Session {
  cookie: string;
  csrf: string;
  userId: number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface TestServer {
  app: FastifyInstance;
  handle: DatabaseHandle;
  config: Config;
  admin: Session;
  rootEntityId: number;
  login(login: string, password?: string): Promise<Session>;
  /** Sends a JSON request as the given session (or anonymously), with its CSRF header. */
  call(method: Method, url: string, options?: { as?: Session; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let userHash: Promise<string> | undefined;

/** Starts an application on a fresh database, with the admin signed in. `logStream` receives the JSON log lines. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const config: Config = {
    ...loadConfig({ GUICHET_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'silent', ...env }),
    database: database.config,
  };
  const handle = openDatabase(config.database);
  await migrateToLatest(handle);
  await bootstrap(handle, config);
  const app = await buildApp({ config, database: handle, ...(options.logStream === undefined ? {} : { logStream: options.logStream }) });
  await app.ready();

  const root = await handle.db.selectFrom('entities').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();

  const login = async (name: string, password = USER_PASSWORD): Promise<Session> => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: name, password } });
    if (response.statusCode !== 200) throw new Error(`login ${name} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((item) => item.name === 'guichet_session');
    const body = response.json<{ csrfToken: string; id: number }>();
    return { cookie: `guichet_session=${cookie?.value ?? ''}`, csrf: body.csrfToken, userId: body.id };
  };

  const call: TestServer['call'] = (method, url, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as !== undefined) {
      headers.cookie = options.as.cookie;
      headers['x-csrf-token'] = options.as.csrf;
    }
    return app.inject({ method, url, headers, ...(options.body === undefined ? {} : { payload: options.body as object }) });
  };

  const admin = await login('admin', ADMIN_PASSWORD);
  return {
    app,
    handle,
    config,
    admin,
    rootEntityId: root.id,
    login,
    call,
    close: async () => {
      await app.close();
      await handle.close();
      await database.drop();
    },
  };
}

/** Inserts a user straight into the database, with USER_PASSWORD and the given profile assignments. */
export async function createUser(
  server: TestServer,
  login: string,
  options: { entityId?: number; assignments?: { entityId: number; profile: string; recursive?: boolean }[]; jobProfile?: string } = {},
): Promise<number> {
  userHash ??= hashPassword(USER_PASSWORD);
  const { db } = server.handle;
  const now = nowIso();
  const user = await db
    .insertInto('users')
    .values({
      login,
      first_name: login,
      last_name: 'Test',
      entity_id: options.entityId ?? server.rootEntityId,
      job_profile: options.jobProfile ?? 'autre',
      password_hash: await userHash,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const assignment of options.assignments ?? []) {
    const profile = await db.selectFrom('profiles').select('id').where('name', '=', assignment.profile).executeTakeFirstOrThrow();
    await db
      .insertInto('user_entities')
      .values({ user_id: user.id, entity_id: assignment.entityId, profile_id: profile.id, is_recursive: assignment.recursive === true ? 1 : 0 })
      .execute();
  }
  return user.id;
}

/** Inserts an entity under a parent straight into the database. */
export async function createEntity(server: TestServer, name: string, parentId: number, type = 'hospital'): Promise<number> {
  const now = nowIso();
  const parent = await server.handle.db.selectFrom('entities').select('complete_name').where('id', '=', parentId).executeTakeFirstOrThrow();
  const row = await server.handle.db
    .insertInto('entities')
    .values({ parent_id: parentId, name, type, complete_name: `${parent.complete_name} > ${name}`, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Starts a second application on the same database as `server`, as when two instances run behind
 * one load balancer. Close it before the server, which drops the database.
 */
export async function startPeerInstance(server: TestServer): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const handle = openDatabase(server.config.database);
  const app = await buildApp({ config: server.config, database: handle });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
