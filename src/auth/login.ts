import type { AppContext } from '../http/context.js';
import { appendAudit, type AuditContext } from '../audit/audit.js';
import { nowIso } from '../db/connection.js';
import { AppError } from '../http/errors.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';

export interface LoginResult {
  userId: number;
}

/**
 * Checks a login and password. Repeated failures lock the account for a while; every failure
 * and every lock is logged by the caller and written to the audit trail with its reason.
 */
export async function checkCredentials(
  ctx: AppContext,
  audit: AuditContext,
  login: string,
  password: string,
): Promise<LoginResult> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'login', 'entity_id', 'password_hash', 'is_active', 'failed_logins', 'locked_until'])
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
    .executeTakeFirst();

  if (user === undefined || user.password_hash === null) {
    await burnPasswordCheck(password);
    await recordFailure(ctx, audit, login, null, 'unknown_login_or_no_password');
    throw new AppError('invalid_credentials');
  }
  if (user.locked_until !== null && user.locked_until > nowIso()) {
    await recordFailure(ctx, audit, user.login, user, 'account_locked');
    throw new AppError('account_locked', { until: user.locked_until, seconds: secondsUntil(user.locked_until) });
  }

  const valid = await verifyPassword(user.password_hash, password);
  if (!valid) {
    await registerBadPassword(ctx, audit, user);
    throw new AppError('invalid_credentials');
  }
  if (user.is_active !== 1) {
    await recordFailure(ctx, audit, user.login, user, 'account_disabled');
    throw new AppError('account_disabled');
  }

  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: nowIso() })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(tx, ctx.engine, { ...audit, actorId: user.id, actorLogin: user.login }, {
      action: 'auth.login',
      recordType: 'user',
      recordId: user.id,
      entityId: user.entity_id,
    });
  });
  return { userId: user.id };
}

type LoginUser = { id: number; login: string; entity_id: number; failed_logins: number };

async function registerBadPassword(ctx: AppContext, audit: AuditContext, user: LoginUser): Promise<void> {
  const failures = user.failed_logins + 1;
  const locks = failures >= ctx.config.loginMaxFailures;
  const lockedUntil = locks ? new Date(Date.now() + ctx.config.loginLockMinutes * 60_000).toISOString() : null;
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ failed_logins: locks ? 0 : failures, ...(locks ? { locked_until: lockedUntil } : {}) })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(tx, ctx.engine, { ...audit, actorId: null, actorLogin: user.login }, {
      action: locks ? 'auth.lock' : 'auth.login_failed',
      recordType: 'user',
      recordId: user.id,
      entityId: user.entity_id,
      changes: locks
        ? { reason: 'too_many_failures', failures, lockedUntil }
        : { reason: 'wrong_password', failures },
    });
  });
}

async function recordFailure(
  ctx: AppContext,
  audit: AuditContext,
  login: string,
  user: LoginUser | null,
  reason: string,
): Promise<void> {
  await ctx.db.transaction().execute((tx) =>
    appendAudit(tx, ctx.engine, { ...audit, actorId: null, actorLogin: login.slice(0, 255) }, {
      action: 'auth.login_failed',
      recordType: 'user',
      recordId: user?.id ?? null,
      entityId: user?.entity_id ?? null,
      changes: { reason },
    }),
  );
}

function secondsUntil(instant: string): number {
  return Math.max(1, Math.ceil((Date.parse(instant) - Date.now()) / 1000));
}
