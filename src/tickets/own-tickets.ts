import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { hasPermission } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import type { Database } from '../db/schema.js';

/** Maximum number of own ticket ids passed to the database as a list; a caller with more is read through a subquery. */
export const MAX_LISTED_IDS = 10_000;

/**
 * The tickets a user requested or observes, as the list and the counters select them: their ids
 * when there are at most MAX_LISTED_IDS, read first so that the query planner gets their exact number.
 * Given a subquery instead, PostgreSQL 15 estimates thousands of rows for any user and may scan
 * every ticket, or walk a whole index, looking for them (over 100 ms at a million tickets).
 */
export type OwnTickets = { kind: 'ids'; ids: number[] } | { kind: 'subquery'; userId: number };

/** Reads the ids of the tickets the user requested or observes, or falls back to a subquery when they are many. */
export async function loadOwnTickets(db: Executor, userId: number): Promise<OwnTickets> {
  const rows = await db
    .selectFrom('ticket_actors')
    .select('ticket_actors.ticket_id')
    .distinct()
    .where('ticket_actors.user_id', '=', userId)
    .where('ticket_actors.role', 'in', ['requester', 'observer'])
    .limit(MAX_LISTED_IDS + 1)
    .execute();
  if (rows.length > MAX_LISTED_IDS) return { kind: 'subquery', userId };
  return { kind: 'ids', ids: rows.map((row) => row.ticket_id) };
}

/** Loads the caller's own tickets, none when the caller may not read their own. */
export async function ownTicketsOf(db: Executor, principal: Principal): Promise<OwnTickets> {
  return hasPermission(principal, 'ticket:read_own') ? loadOwnTickets(db, principal.userId) : { kind: 'ids', ids: [] };
}

/** Returns the condition that keeps the user's own tickets; false when they have none. */
export function isOwnTicket(own: OwnTickets) {
  return (eb: ExpressionBuilder<Database, 'tickets'>): Expression<SqlBool> => {
    if (own.kind === 'subquery') {
      return eb(
        'tickets.id',
        'in',
        eb.selectFrom('ticket_actors').select('ticket_actors.ticket_id').where('ticket_actors.user_id', '=', own.userId).where('ticket_actors.role', 'in', ['requester', 'observer']),
      );
    }
    return own.ids.length === 0 ? eb.val(false) : eb('tickets.id', 'in', own.ids);
  };
}
