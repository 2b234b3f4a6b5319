import { sql } from 'kysely';
import type { Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import { countVisibleByStatus } from '../tickets/counts.js';
import { ownTicketsOf } from '../tickets/own-tickets.js';
import { filteredTicketBranches } from '../tickets/search.js';
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
  // One query per visibility branch, each served by the (status, ttr_due_at, entity_id) index.
  const own = await ownTicketsOf(db, principal);
  const branches = await filteredTicketBranches(db, principal, {}, { own });
  const [byStatus, deadlines] = await Promise.all([
    countVisibleByStatus(db, principal, { own }),
    Promise.all(
      branches.map(({ select }) =>
        select
          .where('tickets.status', 'in', RUNNING_STATUSES)
          .where('tickets.ttr_due_at', '<', soon)
          .select([
            sql<number | null>`sum(case when tickets.ttr_due_at < ${now} then 1 else 0 end)`.as('late'),
            sql<number | null>`sum(case when tickets.ttr_due_at >= ${now} then 1 else 0 end)`.as('dueSoon'),
          ])
          .executeTakeFirstOrThrow(),
      ),
    ).then((rows) => ({
      late: rows.reduce((sum, row) => sum + Number(row.late ?? 0), 0),
      dueSoon: rows.reduce((sum, row) => sum + Number(row.dueSoon ?? 0), 0),
    })),
  ]);

  const counters: Counters = { all: 0, late: deadlines.late, dueSoon: deadlines.dueSoon, ...(Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>) };
  for (const row of byStatus) {
    const count = Number(row.count);
    counters.all += count;
    if ((STATUSES as readonly string[]).includes(row.status)) counters[row.status as Status] += count;
  }
  return counters;
}
