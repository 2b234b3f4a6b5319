import { sql } from 'kysely';
import { entityScope, hasPermission } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import { filteredTickets } from '../tickets/search.js';
import { RUNNING_STATUSES, STATUSES, type Status } from '../tickets/status.js';

export type Counters = Record<Status | 'all' | 'late' | 'dueSoon', number>;


/**
 * Counts the tickets of the caller's list, without filters, by status in one grouped query. A
 * second query, served by the (status, ttr_due_at) index, counts the running tickets whose TTR
 * deadline has passed (`late`) or falls within the next `dueSoonHours` hours (`dueSoon`).
 */
export async function countTickets(db: Executor, principal: Principal, options: { now: Date; dueSoonHours: number }): Promise<Counters> {
  const now = options.now.toISOString();
  const soon = new Date(options.now.getTime() + options.dueSoonHours * 3_600_000).toISOString();
  const base = await filteredTickets(db, principal, {});

  const [byStatus, deadlines] = await Promise.all([
    countByStatus(db, principal),
    base
      .where('tickets.status', 'in', RUNNING_STATUSES)
      .where('tickets.ttr_due_at', '<', soon)
      .select([
        sql<number | null>`sum(case when tickets.ttr_due_at < ${now} then 1 else 0 end)`.as('late'),
        sql<number | null>`sum(case when tickets.ttr_due_at >= ${now} then 1 else 0 end)`.as('dueSoon'),
      ])
      .executeTakeFirstOrThrow(),
  ]);

  const counters: Counters = { all: 0, late: Number(deadlines.late ?? 0), dueSoon: Number(deadlines.dueSoon ?? 0), ...(Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>) };
  for (const row of byStatus) {
    const count = Number(row.count);
    counters.all += count;
    if ((STATUSES as readonly string[]).includes(row.status)) counters[row.status as Status] += count;
  }
  return counters;
}

/**
 * Counts the visible tickets by status. The entities where the caller reads every ticket are summed
 * from ticket_counts (kept by triggers); tickets the caller sees elsewhere, as requester or
 * observer, are counted from the tickets themselves, outside those entities so none counts twice.
 */
async function countByStatus(db: Executor, principal: Principal): Promise<{ status: string; count: number }[]> {
  const readScope = entityScope(principal, 'ticket:read');
  const summedQuery =
    readScope.length === 0
      ? Promise.resolve([])
      : db.selectFrom('ticket_counts').select(['status', sql<number>`sum(n)`.as('count')]).where('entity_id', 'in', readScope).groupBy('status').execute();
  // Tickets the caller requested or observes, outside the entities already summed: a short list,
  // read through the caller's actor rows.
  const ownQuery = hasPermission(principal, 'ticket:read_own')
    ? db
        .selectFrom('tickets')
        .select(['tickets.status', sql<number>`count(*)`.as('count')])
        .where('tickets.id', 'in', (eb) =>
          eb.selectFrom('ticket_actors').select('ticket_actors.ticket_id').where('ticket_actors.user_id', '=', principal.userId).where('ticket_actors.role', 'in', ['requester', 'observer']),
        )
        .$if(readScope.length > 0, (query) => query.where('tickets.entity_id', 'not in', readScope))
        .groupBy('tickets.status')
        .execute()
    : Promise.resolve([]);
  const [summed, counted] = await Promise.all([summedQuery, ownQuery]);
  return [...summed, ...counted].map((row) => ({ status: row.status, count: Number(row.count) }));
}
