import { type AliasedRawBuilder, type RawBuilder, sql } from 'kysely';
import type { filteredTickets } from '../tickets/search.js';
import type { GroupBy } from './schemas.js';

type BaseQuery = Awaited<ReturnType<typeof filteredTickets>>;

/** A group's key: a user, group, category, service or entity id, a level, a job profile or a priority; null for "none". */
export type GroupKey = number | string | null;

/** One group's aggregates by alias, with its dimension value under `key`. */
export type AggregateRow = Record<string, unknown>;

/** The date columns that figures count on; each has an index. */
export type PeriodColumn = 'opened_at' | 'solved_at' | 'closed_at';

/** An interval of instants [from, to), both ISO 8601 in UTC. */
export interface Window {
  from: string;
  to: string;
}

/**
 * Runs the one grouped query of a report: the visible, filtered tickets opened, solved or closed
 * in one of the windows, joined to the grouping dimension, with the given aggregates. Grouping by
 * technician or group joins the ticket's assignees, so a ticket with two technicians is counted
 * once for each, and a ticket without any lands in the row whose key is null. `survey` joins the
 * ticket's satisfaction survey under the alias `survey` for the aggregates that read it.
 * `byEntity` also groups by the ticket's entity, returned under `entityId`.
 *
 * One pass serves every figure: on a long period the database scans the tickets once, and on a
 * short one both engines combine the three date indexes.
 */
export async function aggregateByGroup(
  base: BaseQuery,
  groupBy: GroupBy,
  windows: readonly Window[],
  aggregates: readonly AliasedRawBuilder<unknown, string>[],
  options: { survey?: boolean; byEntity?: boolean } = {},
): Promise<AggregateRow[]> {
  const columns: PeriodColumn[] = ['opened_at', 'solved_at', 'closed_at'];
  const inWindows = base.where((eb) =>
    eb.or(columns.flatMap((column) => windows.map((window) => eb.and([eb(`tickets.${column}`, '>=', window.from), eb(`tickets.${column}`, '<', window.to)])))),
  );
  const query = inWindows
    .$if(options.survey === true, (qb) => qb.leftJoin('ticket_satisfactions as survey', 'survey.ticket_id', 'tickets.id'))
    .$if(options.byEntity === true, (qb) => qb.select('tickets.entity_id as entityId').groupBy('tickets.entity_id'));

  switch (groupBy) {
    case 'technician':
    case 'group': {
      const column = groupBy === 'technician' ? 'user_id' : 'group_id';
      return query
        .leftJoin('ticket_actors as dimension', (join) =>
          join.onRef('dimension.ticket_id', '=', 'tickets.id').on('dimension.role', '=', 'assigned').on(`dimension.${column}`, 'is not', null),
        )
        .select([`dimension.${column} as key`, ...aggregates])
        .groupBy(`dimension.${column}`)
        .execute();
    }
    case 'requesterProfile':
      return query
        .leftJoin('users as dimension', 'dimension.id', 'tickets.requester_id')
        .select(['dimension.job_profile as key', ...aggregates])
        .groupBy('dimension.job_profile')
        .execute();
    default: {
      const column = TICKET_COLUMNS[groupBy];
      return query
        .select([`tickets.${column} as key`, ...aggregates])
        .groupBy(`tickets.${column}`)
        .execute();
    }
  }
}

const TICKET_COLUMNS = {
  level: 'level',
  category: 'category_id',
  service: 'requester_service_id',
  entity: 'entity_id',
  priority: 'priority',
} as const;

// Aggregates as plain SQL shared by both engines. Sums and counts are returned rather than
// averages, because PostgreSQL returns avg() as a numeric string and the caller divides anyway.

/** True when the ticket's `column` falls in one of the windows. */
export function within(column: PeriodColumn, windows: readonly Window[]) {
  const ranges = windows.map((window) => sql<boolean>`(${sql.ref(`tickets.${column}`)} >= ${window.from} and ${sql.ref(`tickets.${column}`)} < ${window.to})`);
  return ranges.length === 0 ? sql<boolean>`(1 = 0)` : sql<boolean>`(${sql.join(ranges, sql` or `)})`;
}

/** Counts the tickets that meet the condition. */
export function countWhen<N extends string>(condition: RawBuilder<boolean>, name: N) {
  return sql<number>`sum(case when ${condition} then 1 else 0 end)`.as(name);
}

/** Sum and count of the non-null values of an expression, over the tickets that meet the condition. */
export function sumAndCountWhen<N extends string>(condition: RawBuilder<boolean>, value: RawBuilder<unknown>, name: N) {
  return [sql<number | null>`sum(case when ${condition} then ${value} end)`.as(`${name}Sum`), sql<number>`count(case when ${condition} then ${value} end)`.as(`${name}Count`)] as const;
}
