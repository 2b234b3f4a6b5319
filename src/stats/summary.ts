import { type Kysely, sql } from 'kysely';
import { entityScope } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import type { JobDefinition } from '../jobs/scheduler.js';
import { aggregateByGroup, type AggregateRow, type Window } from './aggregate.js';
import type { GroupBy, ReportQuery } from './schemas.js';

/** The groupings summed per day. Requester profile is not: it is read from the requester's account, which can change without the ticket. */
export const SUMMARY_DIMENSIONS = ['technician', 'group', 'level', 'category', 'service', 'entity', 'priority'] as const satisfies readonly GroupBy[];
type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

/** Report aggregate aliases and the ticket_stats_days columns that store them. */
const FIGURE_COLUMNS = {
  opened: 'opened',
  solved: 'solved',
  late: 'late',
  closed: 'closed',
  surveysSent: 'surveys_sent',
  surveysAnswered: 'surveys_answered',
  ratingSum: 'rating_sum',
  ratingCount: 'rating_count',
  takeSum: 'take_sum',
  takeCount: 'take_count',
  solveSum: 'solve_sum',
  solveCount: 'solve_count',
  closeSum: 'close_sum',
  closeCount: 'close_count',
  actionSum: 'action_sum',
  actionCount: 'action_count',
} as const;
export const FIGURE_ALIASES = Object.keys(FIGURE_COLUMNS) as (keyof typeof FIGURE_COLUMNS)[];

/** Dimensions whose keys are ids or numbers; level keys stay text. */
const NUMERIC_KEYS: ReadonlySet<SummaryDimension> = new Set(['technician', 'group', 'category', 'service', 'entity', 'priority']);

/** Most dirty days a report counts from the tickets before it gives up the summary for the whole period. */
const MAX_RAW_DAYS = 62;
/** Days the summary job recomputes per run at most. */
const DAYS_PER_RUN = 400;
/**
 * Time after which a run stops taking new days, well inside the scheduler's 10-minute lease so
 * that no second process starts on the same days. Rebuilding a million tickets of two years took
 * 11 minutes on PostgreSQL on the development machine, so it spreads over several runs.
 */
const RUN_BUDGET_MS = 60_000;

const DAY_MS = 86_400_000;
const dayStart = (day: string) => `${day}T00:00:00.000Z`;
const nextDay = (day: string) => new Date(Date.parse(dayStart(day)) + DAY_MS).toISOString().slice(0, 10);

type Aggregates = (windows: readonly Window[]) => Parameters<typeof aggregateByGroup>[3];

/**
 * Recomputes the summed figures of one day from the tickets, in one transaction. The day's dirty
 * rows are deleted first: a change committed after that delete records the day again, so it is
 * never left out of date.
 */
async function recomputeDay(db: Kysely<Database>, day: string, aggregates: Aggregates): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('ticket_stats_dirty').where('day', '=', day).execute();
    await trx.deleteFrom('ticket_stats_days').where('day', '=', day).execute();
    const windows = [{ from: dayStart(day), to: dayStart(nextDay(day)) }];
    for (const dimension of SUMMARY_DIMENSIONS) {
      const rows = await aggregateByGroup(trx.selectFrom('tickets'), dimension, windows, aggregates(windows), { survey: true, byEntity: true });
      if (rows.length === 0) continue;
      const values = rows.map((row) => ({
        dimension,
        day,
        entity_id: Number(row.entityId),
        key: row.key === null || row.key === undefined ? '' : String(row.key as string | number),
        ...Object.fromEntries(Object.entries(FIGURE_COLUMNS).map(([alias, column]) => [column, Number(row[alias] ?? 0)])),
      }));
      // A few hundred rows at most; SQLite allows 32,766 bound values per statement.
      for (let start = 0; start < values.length; start += 500) {
        await trx.insertInto('ticket_stats_days').values(values.slice(start, start + 500) as never).execute();
      }
    }
  });
}

/**
 * Recomputes the dirty days, newest first because reports read recent periods most. Stops after
 * `maxDays` days or when the time budget runs out, and returns the number of days recomputed.
 */
export async function refreshSummary(db: Kysely<Database>, aggregates: Aggregates, maxDays = DAYS_PER_RUN, budgetMs = RUN_BUDGET_MS): Promise<number> {
  const started = Date.now();
  const days = await db.selectFrom('ticket_stats_dirty').select('day').distinct().orderBy('day', 'desc').limit(maxDays).execute();
  let done = 0;
  for (const { day } of days) {
    if (Date.now() - started > budgetMs) break;
    await recomputeDay(db, day, aggregates);
    done += 1;
  }
  return done;
}

/** Builds the stats.summary job. The report passes its aggregates in, so this module does not import the report. */
export function summaryJob(aggregates: Aggregates): JobDefinition {
  return { name: 'stats.summary', intervalMs: 60_000, run: async (handle) => ({ processed: await refreshSummary(handle.db, aggregates) }) };
}

/** The sources of a report's figures: summed days, plus windows and tickets counted one by one. */
export interface SummaryPlan {
  dimension: SummaryDimension;
  /** Entities whose tickets the caller reads in full, summed from the summary. */
  entities: number[];
  /** Whole UTC days [fromDay, toDay) read from the summary, except `dirtyDays`. */
  fromDay: string;
  toDay: string;
  dirtyDays: string[];
  /** Parts of the period counted from the tickets of `entities`: the partial days at both ends and the dirty days. */
  rawWindows: Window[];
}

/** Keys of a report query that are not list filters. */
const REPORT_PARAMETERS = new Set(['from', 'to', 'groupBy']);

/**
 * Decides whether the summary can serve a report: a grouping it stores, no list filter but the
 * entity, at least one whole day, and few enough dirty days. Returns null to count every ticket.
 */
export async function planSummary(db: Executor, principal: Principal, query: ReportQuery): Promise<SummaryPlan | null> {
  if (!(SUMMARY_DIMENSIONS as readonly string[]).includes(query.groupBy)) return null;
  const filtered = Object.entries(query).some(([key, value]) => value !== undefined && !REPORT_PARAMETERS.has(key) && key !== 'entityId');
  if (filtered) return null;

  const requested = query.entityId === undefined ? undefined : new Set(query.entityId);
  const entities = entityScope(principal, 'ticket:read').filter((id) => requested === undefined || requested.has(id));
  if (entities.length === 0) return null;

  const fromDay = query.from.endsWith('T00:00:00.000Z') ? query.from.slice(0, 10) : nextDay(query.from.slice(0, 10));
  const toDay = query.to.slice(0, 10);
  if (fromDay >= toDay) return null;

  const dirty = await db.selectFrom('ticket_stats_dirty').select('day').distinct().where('day', '>=', fromDay).where('day', '<', toDay).orderBy('day').execute();
  if (dirty.length > MAX_RAW_DAYS) return null;
  const dirtyDays = dirty.map((row) => row.day);

  const rawWindows: Window[] = [];
  const addWindow = (window: Window) => {
    const last = rawWindows[rawWindows.length - 1];
    if (last !== undefined && last.to === window.from) last.to = window.to;
    else if (window.from < window.to) rawWindows.push({ ...window });
  };
  addWindow({ from: query.from, to: dayStart(fromDay) });
  for (const day of dirtyDays) addWindow({ from: dayStart(day), to: dayStart(nextDay(day)) });
  addWindow({ from: dayStart(toDay), to: query.to });

  return { dimension: query.groupBy as SummaryDimension, entities, fromDay, toDay, dirtyDays, rawWindows };
}

/** Sums the stored figures of the plan's clean whole days by group; keys come back in the report's types. */
export async function readSummary(db: Executor, plan: SummaryPlan): Promise<AggregateRow[]> {
  const rows = await db
    .selectFrom('ticket_stats_days')
    .select((eb) => [
      'key',
      ...Object.entries(FIGURE_COLUMNS).map(([alias, column]) => eb.fn.sum<number>(sql.ref(`ticket_stats_days.${column}`)).as(alias)),
    ])
    .where('dimension', '=', plan.dimension)
    .where('day', '>=', plan.fromDay)
    .where('day', '<', plan.toDay)
    .$if(plan.dirtyDays.length > 0, (qb) => qb.where('day', 'not in', plan.dirtyDays))
    .where('entity_id', 'in', plan.entities)
    .groupBy('key')
    .execute();
  return rows.map((row) => ({ ...row, key: row.key === '' ? null : NUMERIC_KEYS.has(plan.dimension) ? Number(row.key) : row.key }));
}

/** Adds up aggregate rows of the same group. */
export function mergeRows(rows: AggregateRow[]): AggregateRow[] {
  const byKey = new Map<string, AggregateRow>();
  for (const row of rows) {
    const id = JSON.stringify(row.key ?? null);
    const existing = byKey.get(id);
    if (existing === undefined) {
      byKey.set(id, { key: row.key ?? null, ...Object.fromEntries(FIGURE_ALIASES.map((alias) => [alias, Number(row[alias] ?? 0)])) });
      continue;
    }
    for (const alias of FIGURE_ALIASES) existing[alias] = Number(existing[alias]) + Number(row[alias] ?? 0);
  }
  return [...byKey.values()];
}
