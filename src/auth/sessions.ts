import type { Config } from '../config/config.js';
import type { Executor } from '../db/connection.js';
import { nowIso } from '../db/connection.js';
import { randomToken, sha256 } from './secrets.js';

export const SESSION_COOKIE = 'guichet_session';

// last_seen_at is written at most once a minute per session, so reads do not all become writes.
const TOUCH_INTERVAL_MS = 60_000;

export interface NewSession {
  cookieValue: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
}

export async function createSession(
  db: Executor,
  config: Config,
  userId: number,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const cookieValue = randomToken();
  const sessionId = sha256(cookieValue);
  const csrfToken = randomToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.sessionMaxHours * 3_600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 255) ?? null,
    })
    .execute();
  return { cookieValue, sessionId, csrfToken, expiresAt };
}

export type SessionLookup =
  | { status: 'valid'; sessionId: string; userId: number; csrfToken: string }
  | { status: 'expired' | 'unknown' };

/** Finds the session behind a cookie value, enforcing the idle timeout and the absolute lifetime. */
export async function findSession(db: Executor, config: Config, cookieValue: string): Promise<SessionLookup> {
  const sessionId = sha256(cookieValue);
  const session = await db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'csrf_token', 'last_seen_at', 'expires_at'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (session === undefined) return { status: 'unknown' };

  const now = Date.now();
  const idleDeadline = Date.parse(session.last_seen_at) + config.sessionIdleMinutes * 60_000;
  if (now > idleDeadline || now > Date.parse(session.expires_at)) {
    await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    return { status: 'expired' };
  }
  if (now - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: nowIso() }).where('id', '=', sessionId).execute();
  }
  return { status: 'valid', sessionId, userId: session.user_id, csrfToken: session.csrf_token };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
