import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import { filteredTickets } from '../tickets/search.js';
import type { Interval, SeriesQuery } from './schemas.js';

export interface SeriesBucket {
  /** Local date (yyyy-mm-dd) at which the day, week (Monday) or month starts in the time zone. */
  start: string;
  /** The instants the bucket covers, [from, to), clipped to the requested period. */
  from: string;
  to: string;
  opened: number;
  solved: number;
  /** Tickets open at the end of the bucket. */
  backlog: number;
  /** Solved tickets of the bucket that had a TTR deadline, and the share of them solved in time (null when none). */
  slaMeasured: number;
  slaCompliance: number | null;
}

export interface Series {
  timeZone: string;
  interval: Interval;
  buckets: SeriesBucket[];
}

/** Cuts [from, to) at the starts of the days, weeks or months of the time zone. */
export function bucketBounds(from: string, to: string, interval: Interval, timeZone: string): { start: string; from: string; to: string }[] {
  const end = DateTime.fromISO(to, { zone: timeZone });
  const bounds = [];
  let start = DateTime.fromISO(from, { zone: timeZone }).startOf(interval);
  while (start < end) {
    const next = start.plus({ [interval]: 1 });
    const bucketFrom = DateTime.max(start, DateTime.fromISO(from, { zone: timeZone }));
    const bucketTo = DateTime.min(next, end);
    bounds.push({ start: start.toISODate() ?? '', from: bucketFrom.toUTC().toISO() ?? '', to: bucketTo.toUTC().toISO() ?? '' });
    start = next;
  }
  return bounds;
}

/**
 * Returns the length of the UTC date prefix to group on. An hour ("2025-03-31T22") falls in a
 * single local day when the zone's offset is a whole number of hours. Zones with a half or quarter
 * hour offset need the minute ("2025-03-31T22:30").
 */
function slotLength(from: string, to: string, timeZone: string): 13 | 16 {
  const offsets = [from, to].map((instant) => DateTime.fromISO(instant, { zone: timeZone }).offset);
  return offsets.every((offset) => offset % 60 === 0) ? 13 : 16;
}

function slotInstant(slot: string): number {
  return Date.parse(slot.length === 13 ? `${slot}:00:00.000Z` : `${slot}:00.000Z`);
}

/** Index of the bucket that contains the instant; the bucket starts are in ascending order. */
function bucketIndex(starts: number[], instant: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= instant) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Computes opened, solved, backlog and SLA compliance per bucket, from grouped queries on the UTC hour. */
export async function buildSeries(db: Executor, principal: Principal, query: SeriesQuery & { timeZone: string }): Promise<Series> {
  const bounds = bucketBounds(query.from, query.to, query.interval, query.timeZone);
  const length = slotLength(query.from, query.to, query.timeZone);
  const base = await filteredTickets(db, principal, query);
  const slotOf = (column: 'opened_at' | 'solved_at' | 'closed_at') => sql<string>`substr(${sql.ref(`tickets.${column}`)}, 1, ${sql.lit(length)})`;
  const inPeriod = (column: 'opened_at' | 'solved_at' | 'closed_at') =>
    base.where(`tickets.${column}`, '>=', query.from).where(`tickets.${column}`, '<', query.to);

  const [opened, solved, closedUnsolved, initial, refused] = await Promise.all([
    inPeriod('opened_at').select([slotOf('opened_at').as('slot'), sql<number>`count(*)`.as('count')]).groupBy(slotOf('opened_at')).execute(),
    inPeriod('solved_at')
      .select([
        slotOf('solved_at').as('slot'),
        sql<number>`count(*)`.as('count'),
        sql<number>`count(tickets.ttr_late)`.as('measured'),
        sql<number>`sum(case when tickets.ttr_late = 0 then 1 else 0 end)`.as('inTime'),
      ])
      .groupBy(slotOf('solved_at'))
      .execute(),
    // Closing sets solved_at too, but imported tickets may be closed without a solve date.
    inPeriod('closed_at').where('tickets.solved_at', 'is', null).select([slotOf('closed_at').as('slot'), sql<number>`count(*)`.as('count')]).groupBy(slotOf('closed_at')).execute(),
    base
      .where('tickets.opened_at', '<', query.from)
      .where((eb) => eb.or([eb('tickets.solved_at', 'is', null), eb('tickets.solved_at', '>=', query.from)]))
      .where((eb) => eb.or([eb('tickets.closed_at', 'is', null), eb('tickets.closed_at', '>=', query.from)]))
      .select(sql<number>`count(*)`.as('count'))
      .executeTakeFirstOrThrow(),
    // Solutions refused during the period: the ticket was solved, out of the backlog, in between.
    base
      .innerJoin('ticket_solutions as solution', 'solution.ticket_id', 'tickets.id')
      .where('solution.status', '=', 'refused')
      .where('solution.created_at', '<', query.to)
      .where('solution.answered_at', '>', query.from)
      .select(['solution.created_at as solvedAt', 'solution.answered_at as refusedAt'])
      .execute(),
  ]);

  const starts = bounds.map((bound) => Date.parse(bound.from));
  const buckets: SeriesBucket[] = bounds.map((bound) => ({ ...bound, opened: 0, solved: 0, backlog: 0, slaMeasured: 0, slaCompliance: null }));
  const inTime = new Array<number>(buckets.length).fill(0);
  const resolved = new Array<number>(buckets.length).fill(0);
  const at = (slot: string) => bucketIndex(starts, slotInstant(slot));

  for (const row of opened) (buckets[at(row.slot)] as SeriesBucket).opened += Number(row.count);
  for (const row of solved) {
    const index = at(row.slot);
    const bucket = buckets[index] as SeriesBucket;
    bucket.solved += Number(row.count);
    bucket.slaMeasured += Number(row.measured);
    inTime[index] = (inTime[index] ?? 0) + Number(row.inTime);
    resolved[index] = (resolved[index] ?? 0) + Number(row.count);
  }
  for (const row of closedUnsolved) {
    const index = at(row.slot);
    resolved[index] = (resolved[index] ?? 0) + Number(row.count);
  }

  // Reopening a ticket clears solved_at, so the running sum counts a reopened ticket as open since
  // its opening. Each refused solution takes it out of the buckets that end while it was solved.
  const ends = bounds.map((bound) => bound.to);
  const solvedAtEnd = new Array<number>(buckets.length).fill(0);
  for (const { solvedAt, refusedAt } of refused) {
    if (refusedAt === null) continue;
    // A bucket counts the events before its end, so the ticket is out of it when solved before the end and refused at or after it.
    for (let index = ends.findIndex((end) => end > solvedAt); index !== -1 && index < ends.length && (ends[index] as string) <= refusedAt; index += 1) {
      solvedAtEnd[index] = (solvedAtEnd[index] ?? 0) + 1;
    }
  }

  let backlog = Number(initial.count);
  buckets.forEach((bucket, index) => {
    backlog += bucket.opened - (resolved[index] ?? 0);
    bucket.backlog = backlog - (solvedAtEnd[index] ?? 0);
    bucket.slaCompliance = bucket.slaMeasured === 0 ? null : (inTime[index] ?? 0) / bucket.slaMeasured;
  });
  return { timeZone: query.timeZone, interval: query.interval, buckets };
}
