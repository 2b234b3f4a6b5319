import { appendAudit, diffFields } from '../audit/audit.js';
import { hashPassword } from '../auth/passwords.js';
import { randomToken } from '../auth/secrets.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { bootstrap, reportBootstrap } from '../bootstrap.js';
import { type Executor, nowIso } from '../db/connection.js';
import { isUniqueViolation } from '../db/errors.js';
import type { NewUser } from '../db/schema.js';
import { userResource } from '../users/users.js';
import { createCliLogger } from './logger.js';
import { CliError, type CliSession, describeApiIssues, noteLine, printLine, readPasswordFromStdin, usageError, withDatabase } from './session.js';

export interface CreateUserOptions {
  login: string;
  firstName: string;
  lastName: string;
  email?: string;
  entity?: string;
  profile?: string;
  recursive?: boolean;
  jobProfile?: string;
  passwordStdin?: boolean;
}

const OPTION_OF_FIELD: Record<string, string> = {
  login: '--login',
  firstName: '--first-name',
  lastName: '--last-name',
  email: '--email',
  jobProfile: '--job-profile',
  password: 'password (standard input)',
};

// Generated passwords: 18 random bytes, 24 base64url characters.
const GENERATED_PASSWORD_BYTES = 18;

/**
 * Creates a user in an entity (the root entity by default), optionally with a profile there.
 * The user's fields go through the same checks as the API's POST /users.
 */
export async function createUser(options: CreateUserOptions): Promise<void> {
  const recursive = options.recursive === true;
  if (recursive && options.profile === undefined) throw usageError('--recursive needs --profile.');
  const password = options.passwordStdin === true ? await readPasswordFromStdin() : null;

  await withDatabase(async (session) => {
    const { handle, config } = session;
    const bootstrapped = await bootstrap(handle, config);
    reportBootstrap(bootstrapped, createCliLogger(config));

    const entity = await findEntity(handle.db, options.entity);
    const profile = options.profile === undefined ? undefined : await findProfile(handle.db, options.profile);
    const parsed = userResource.create.safeParse({
      login: options.login,
      firstName: options.firstName,
      lastName: options.lastName,
      email: options.email ?? null,
      entityId: entity.id,
      ...(options.jobProfile === undefined ? {} : { jobProfile: options.jobProfile }),
      password,
    }, { reportInput: true });
    if (!parsed.success) throw usageError(describeApiIssues(parsed.error.issues, OPTION_OF_FIELD));

    const values = userResource.toInsert(parsed.data);
    await userResource.prepare?.(values);
    const userId = await insertUser(session, values, entity.id, profile, recursive);

    const grant = profile === undefined ? 'no profile (add one with --profile)' : `profile ${profile.name}${recursive ? ' (recursive)' : ''}`;
    printLine(`Created user ${parsed.data.login} (id ${userId}) in entity "${entity.completeName}" with ${grant}.`);
    if (password === null) printLine('The user has no password yet: set one with "user set-password".');
  });
}

async function insertUser(
  session: CliSession,
  values: Record<string, unknown>,
  entityId: number,
  profile: { id: number; name: string } | undefined,
  recursive: boolean,
): Promise<number> {
  const { handle, audit } = session;
  try {
    return await handle.db.transaction().execute(async (tx) => {
      const now = nowIso();
      const user = await tx
        .insertInto('users')
        .values({ ...values, created_at: now, updated_at: now } as NewUser)
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(tx, handle.engine, audit, {
        action: 'user.create',
        recordType: 'user',
        recordId: user.id,
        entityId,
        changes: maskSecrets(diffFields({}, values)),
      });
      if (profile !== undefined) {
        const assignment = { entityId, profileId: profile.id, isRecursive: recursive };
        await tx
          .insertInto('user_entities')
          .values({ user_id: user.id, entity_id: entityId, profile_id: profile.id, is_recursive: recursive ? 1 : 0 })
          .execute();
        await appendAudit(tx, handle.engine, audit, {
          action: 'user.assignments',
          recordType: 'user',
          recordId: user.id,
          entityId,
          changes: { assignments: [[], [assignment]] },
        });
      }
      return user.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CliError(`A user with login "${String(values.login)}" already exists.`);
    throw error;
  }
}

/**
 * Sets a new password (read from standard input, or generated and printed once), clears any
 * sign-in lock and ends every session of the user.
 */
export async function setUserPassword(options: { login: string; passwordStdin?: boolean }): Promise<void> {
  const supplied = options.passwordStdin === true ? await readPasswordFromStdin() : undefined;
  const password = supplied ?? randomToken(GENERATED_PASSWORD_BYTES);
  const parsed = userResource.update.safeParse({ password }, { reportInput: true });
  if (!parsed.success) throw usageError(describeApiIssues(parsed.error.issues, OPTION_OF_FIELD));
  const passwordHash = await hashPassword(password);

  await withDatabase(async ({ handle, audit }) => {
    const user = await findUser(handle.db, options.login);
    await handle.db.transaction().execute(async (tx) => {
      const unlock = { failed_logins: 0, locked_until: null };
      await tx
        .updateTable('users')
        .set({ ...unlock, password_hash: passwordHash, updated_at: nowIso() })
        .where('id', '=', user.id)
        .execute();
      await deleteUserSessions(tx, user.id);
      await appendAudit(tx, handle.engine, audit, {
        action: 'user.update',
        recordType: 'user',
        recordId: user.id,
        entityId: user.entity_id,
        changes: { ...diffFields(user, unlock), password_hash: '[changed]' },
      });
    });

    if (supplied !== undefined) {
      printLine(`Password of ${user.login} changed. The account is unlocked and its sessions are closed.`);
      return;
    }
    noteLine(`New password of ${user.login}, shown only once (the account is unlocked and its sessions are closed):`);
    printLine(password);
  });
}

/** Finds a user by login, case-insensitively as sign-in does. An unknown login is a usage error (exit status 2). */
export async function findUser(db: Executor, login: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'login', 'entity_id', 'failed_logins', 'locked_until'])
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
    .executeTakeFirst();
  if (user === undefined) throw usageError(`No user with login "${login}".`);
  return user;
}

/** Finds an entity by id or by complete name ("Parent > Child"), or the root entity when none is given. */
async function findEntity(db: Executor, reference: string | undefined): Promise<{ id: number; completeName: string }> {
  const query = db.selectFrom('entities').select(['id', 'complete_name']);
  let entity: { id: number; complete_name: string } | undefined;
  if (reference === undefined) {
    entity = await query.where('parent_id', 'is', null).executeTakeFirst();
  } else if (/^\d{1,9}$/.test(reference)) {
    entity = await query.where('id', '=', Number(reference)).executeTakeFirst();
  }
  if (entity === undefined && reference !== undefined) {
    entity = await query.where('complete_name', '=', reference).executeTakeFirst();
  }
  if (entity === undefined) {
    throw usageError(`--entity: no entity with id or complete name "${reference ?? ''}" (complete names look like "Parent > Child").`);
  }
  return { id: entity.id, completeName: entity.complete_name };
}

async function findProfile(db: Executor, name: string): Promise<{ id: number; name: string }> {
  const profiles = await db.selectFrom('profiles').select(['id', 'name']).orderBy('name').execute();
  const profile = profiles.find((candidate) => candidate.name === name);
  if (profile === undefined) {
    throw usageError(`--profile: no profile named "${name}". Profiles: ${profiles.map((candidate) => candidate.name).join(', ')}.`);
  }
  return profile;
}

function maskSecrets(changes: Record<string, unknown>): Record<string, unknown> {
  for (const field of userResource.secretFields ?? []) {
    if (field in changes) changes[field] = '[changed]';
  }
  return changes;
}
