import { sql } from 'kysely';
import { entityScope } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import { isOwnTicket, type OwnTickets, ownTicketsOf } from './own-tickets.js';

/**
 * Counts the visible tickets by status, optionally only those of some entities. The entities where
 * the caller reads every ticket are summed from ticket_counts (kept by triggers), so the cost does
 * not grow with the number of tickets. Tickets the caller sees elsewhere, as requester or observer,
 * are counted from the tickets themselves, outside those entities so none counts twice.
 */
export async function countVisibleByStatus(
  db: Executor,
  principal: Principal,
  options: { entityIds?: number[]; own?: OwnTickets } = {},
): Promise<{ status: string; count: number }[]> {
  const requested = options.entityIds === undefined ? undefined : new Set(options.entityIds);
  const fullScope = entityScope(principal, 'ticket:read');
  const readScope = requested === undefined ? fullScope : fullScope.filter((id) => requested.has(id));

  const summedQuery =
    readScope.length === 0
      ? Promise.resolve([])
      : db.selectFrom('ticket_counts').select(['status', sql<number>`sum(n)`.as('count')]).where('entity_id', 'in', readScope).groupBy('status').execute();
  // The caller's own tickets outside the summed entities: a short list, read by id.
  const own = options.own ?? (await ownTicketsOf(db, principal));
  const ownQuery =
    own.kind === 'ids' && own.ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('tickets')
          .select(['tickets.status', sql<number>`count(*)`.as('count')])
          .where(isOwnTicket(own))
          .$if(fullScope.length > 0, (query) => query.where('tickets.entity_id', 'not in', fullScope))
          .$if(options.entityIds !== undefined, (query) => query.where('tickets.entity_id', 'in', options.entityIds ?? []))
          .groupBy('tickets.status')
          .execute();
  const [summed, counted] = await Promise.all([summedQuery, ownQuery]);
  return [...summed, ...counted].map((row) => ({ status: row.status, count: Number(row.count) }));
}
