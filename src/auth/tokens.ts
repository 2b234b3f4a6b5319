import type { Executor } from '../db/connection.js';
import { nowIso } from '../db/connection.js';
import { randomToken, sha256 } from './secrets.js';

const TOKEN_PREFIX = 'gch_';

export interface ApiTokenView {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Creates a personal API token; the clear value is returned once and only its hash is stored. */
export async function createApiToken(
  db: Executor,
  userId: number,
  name: string,
  expiresAt: string | null,
): Promise<{ token: string; view: ApiTokenView }> {
  const token = TOKEN_PREFIX + randomToken();
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const createdAt = nowIso();
  const inserted = await db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: sha256(token), prefix, created_at: createdAt, expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    token,
    view: { id: inserted.id, name, prefix, createdAt, lastUsedAt: null, expiresAt, revokedAt: null },
  };
}

/** Returns the owner of a valid token, or undefined for an unknown, expired or revoked one. */
export async function findTokenUser(db: Executor, token: string): Promise<number | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (row === undefined || row.revoked_at !== null) return undefined;
  const now = nowIso();
  if (row.expires_at !== null && row.expires_at <= now) return undefined;
  if (row.last_used_at === null || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return row.user_id;
}

export async function listApiTokens(db: Executor, userId: number): Promise<ApiTokenView[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  }));
}

/** Marks the user's token revoked; returns false when the user has no such active token. */
export async function revokeApiToken(db: Executor, userId: number, tokenId: number): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
