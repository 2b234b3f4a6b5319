import type { Logger } from 'pino';
import { SHIPPED_PROFILES } from './access/permissions.js';
import { appendAudit, SYSTEM_CONTEXT } from './audit/audit.js';
import { hashPassword } from './auth/passwords.js';
import { randomToken } from './auth/secrets.js';
import type { Config } from './config/config.js';
import { type DatabaseHandle, type Engine, type Executor, nowIso } from './db/connection.js';
import { DEFAULT_AUTOCLOSE_DAYS } from './organisation/entities.js';
import { DEFAULT_CATEGORIES } from './tickets/defaults.js';
import { SELF_SERVICE_FORBIDDEN } from './tickets/status.js';

export interface BootstrapResult {
  createdAdmin: boolean;
  /** Set only when the admin password was generated, so it can be shown once. */
  generatedPassword?: string;
}

/**
 * Creates what a fresh installation needs: the shipped profiles, the root entity and the `admin`
 * account. Runs at every start and changes nothing once they exist; the audit-head lock makes
 * simultaneous starts of several processes create them once.
 */
export async function bootstrap(handle: DatabaseHandle, config: Config): Promise<BootstrapResult> {
  const generatedPassword = config.adminPassword === undefined ? randomToken(18) : undefined;
  const adminHash = await hashPassword(config.adminPassword ?? (generatedPassword as string));

  return handle.db.transaction().execute(async (tx) => {
    const lock = tx.selectFrom('audit_head').select('seq').where('id', '=', 1);
    await (handle.engine === 'postgres' ? lock.forUpdate() : lock).execute();
    const now = nowIso();

    for (const profile of SHIPPED_PROFILES) {
      const exists = await tx.selectFrom('profiles').select('id').where('name', '=', profile.name).executeTakeFirst();
      if (exists !== undefined) continue;
      const forbidden = profile.interface === 'helpdesk' ? SELF_SERVICE_FORBIDDEN : {};
      const inserted = await tx
        .insertInto('profiles')
        .values({ name: profile.name, interface: profile.interface, rights: JSON.stringify(profile.rights), forbidden_transitions: JSON.stringify(forbidden), is_system: 1, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(tx, handle.engine, SYSTEM_CONTEXT, { action: 'profile.create', recordType: 'profile', recordId: inserted.id, changes: { name: [null, profile.name] } });
    }

    let root = await tx.selectFrom('entities').select('id').where('parent_id', 'is', null).executeTakeFirst();
    if (root === undefined) {
      root = await tx
        .insertInto('entities')
        .values({ parent_id: null, name: config.rootEntityName, type: 'group', complete_name: config.rootEntityName, autoclose_days: DEFAULT_AUTOCLOSE_DAYS, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(tx, handle.engine, SYSTEM_CONTEXT, { action: 'entity.create', recordType: 'entity', recordId: root.id, entityId: root.id, changes: { name: [null, config.rootEntityName] } });
    }

    await seedCategories(tx, handle.engine, root.id, now);

    const anyUser = await tx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyUser !== undefined) return { createdAdmin: false };

    const admin = await tx
      .insertInto('users')
      .values({
        login: 'admin',
        first_name: 'Administrateur',
        last_name: 'Guichet',
        entity_id: root.id,
        job_profile: 'technicien',
        password_hash: adminHash,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const adminProfile = await tx.selectFrom('profiles').select('id').where('name', '=', 'Administrateur').executeTakeFirstOrThrow();
    await tx.insertInto('user_entities').values({ user_id: admin.id, entity_id: root.id, profile_id: adminProfile.id, is_recursive: 1 }).execute();
    await appendAudit(tx, handle.engine, SYSTEM_CONTEXT, { action: 'user.create', recordType: 'user', recordId: admin.id, entityId: root.id, changes: { login: [null, 'admin'] } });
    return generatedPassword === undefined ? { createdAdmin: true } : { createdAdmin: true, generatedPassword };
  });
}

export function reportBootstrap(result: BootstrapResult, log: Pick<Logger, 'info' | 'warn'>): void {
  if (!result.createdAdmin) return;
  if (result.generatedPassword === undefined) {
    log.info('created the admin account with the password from GUICHET_ADMIN_PASSWORD');
    return;
  }
  // Shown once, on the console rather than in the JSON log, so the secret does not reach log storage.
  process.stdout.write(
    `\n  Guichet: first start. Sign in as "admin" with this password (shown only once):\n\n      ${result.generatedPassword}\n\n`,
  );
  log.warn('created the admin account with a generated password, printed once on the console');
}

/** Creates the shipped category tree in the root entity when no category exists yet. */
async function seedCategories(tx: Executor, engine: Engine, rootId: number, now: string): Promise<void> {
  const any = await tx.selectFrom('categories').select('id').limit(1).executeTakeFirst();
  if (any !== undefined) return;
  for (const top of DEFAULT_CATEGORIES) {
    const parent = await tx
      .insertInto('categories')
      .values({ entity_id: rootId, parent_id: null, name: top.name, complete_name: top.name, default_group_id: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const child of top.children) {
      await tx
        .insertInto('categories')
        .values({ entity_id: rootId, parent_id: parent.id, name: child, complete_name: `${top.name} > ${child}`, default_group_id: null, created_at: now, updated_at: now })
        .execute();
    }
  }
  await appendAudit(tx, engine, SYSTEM_CONTEXT, { action: 'category.seed', recordType: 'category', entityId: rootId, changes: { count: DEFAULT_CATEGORIES.length } });
}
