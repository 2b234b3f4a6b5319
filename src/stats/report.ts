import { sql } from 'kysely';
import type { Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import type { Locale } from '../http/messages.js';
import { filteredTicketBranches, filteredTickets } from '../tickets/search.js';
import { aggregateByGroup, type AggregateRow, countWhen, type GroupKey, sumAndCountWhen, type Window, within } from './aggregate.js';
import { type Figure, type Figures, FIGURES } from './figures.js';
import { categoriesWithChildren, loadGroupLabels } from './labels.js';
import { type TicketLink, ticketLink } from './links.js';
import type { ReportQuery } from './schemas.js';
import { mergeRows, planSummary, readSummary, summaryJob } from './summary.js';

export interface ReportRow {
  key: GroupKey;
  label: string;
  figures: Figures;
  links: Record<Figure, TicketLink>;
}

export interface Report {
  from: string;
  to: string;
  groupBy: ReportQuery['groupBy'];
  rows: ReportRow[];
}

const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

function average(sum: unknown, count: unknown): number | null {
  const total = toNumber(count);
  return total === 0 ? null : toNumber(sum) / total;
}

/** Builds the aggregates of every figure, each limited to the tickets of its date: opened, solved or closed in one of the windows. */
export function figureAggregates(windows: readonly Window[]) {
  const opened = within('opened_at', windows);
  const solved = within('solved_at', windows);
  const closed = within('closed_at', windows);
  return [
    countWhen(opened, 'opened'),
    countWhen(solved, 'solved'),
    countWhen(sql<boolean>`${solved} and tickets.ttr_late = 1`, 'late'),
    countWhen(closed, 'closed'),
    countWhen(sql<boolean>`${closed} and survey.id is not null`, 'surveysSent'),
    countWhen(sql<boolean>`${closed} and survey.answered_at is not null`, 'surveysAnswered'),
    ...sumAndCountWhen(sql<boolean>`${closed} and survey.answered_at is not null`, sql`survey.rating`, 'rating'),
    // As GLPI does, the take-into-account delay is averaged over the tickets solved in the period.
    ...sumAndCountWhen(solved, sql`tickets.take_delay_seconds`, 'take'),
    ...sumAndCountWhen(solved, sql`tickets.solve_delay_seconds`, 'solve'),
    ...sumAndCountWhen(closed, sql`tickets.close_delay_seconds`, 'close'),
    // Real processing time of the tickets that have any, as GLPI averages it: zero durations are left out.
    ...sumAndCountWhen(sql<boolean>`${solved} and tickets.action_seconds > 0`, sql`tickets.action_seconds`, 'action'),
  ];
}

/**
 * Sums the figures of every group for the period over the tickets that the caller's list would
 * show with the same filters. When the daily summary can serve the query, its whole clean days are
 * added to the rest, counted from the tickets. The rest is the partial days at both ends, the days
 * not yet recomputed, and the caller's own tickets outside the entities they read in full.
 */
async function aggregateFigures(db: Executor, principal: Principal, query: ReportQuery, useSummary: boolean): Promise<AggregateRow[]> {
  const period = [{ from: query.from, to: query.to }];
  const plan = useSummary ? await planSummary(db, principal, query) : null;
  if (plan === null) return aggregateByGroup(await filteredTickets(db, principal, query), query.groupBy, period, figureAggregates(period), { survey: true });

  // The summed entities are the caller's read scope narrowed to the entity filter, so the entities
  // branch with the report's filters contains their tickets. Outside them the caller can read only
  // the tickets they requested or observe, which is the own branch.
  const branches = await filteredTicketBranches(db, principal, query);
  const inEntities = branches.find((branch) => branch.kind === 'entities')?.select;
  const outside = branches.find((branch) => branch.kind === 'own')?.select;
  const parts = await Promise.all([
    readSummary(db, plan),
    plan.rawWindows.length === 0 || inEntities === undefined ? [] : aggregateByGroup(inEntities, query.groupBy, plan.rawWindows, figureAggregates(plan.rawWindows), { survey: true }),
    outside === undefined ? [] : aggregateByGroup(outside, query.groupBy, period, figureAggregates(period), { survey: true }),
  ]);
  return mergeRows(parts.flat());
}

/** Computes the figures of every group for the period; `useSummary: false` counts every ticket, as tests compare. */
export async function computeFigures(db: Executor, principal: Principal, query: ReportQuery, options: { useSummary?: boolean } = {}): Promise<{ key: GroupKey; figures: Figures }[]> {
  const rows = await aggregateFigures(db, principal, query, options.useSummary ?? true);
  return rows.map((row) => ({
    key: (row.key ?? null) as GroupKey,
    figures: {
      opened: toNumber(row.opened),
      solved: toNumber(row.solved),
      late: toNumber(row.late),
      closed: toNumber(row.closed),
      surveysSent: toNumber(row.surveysSent),
      surveysAnswered: toNumber(row.surveysAnswered),
      averageRating: average(row.ratingSum, row.ratingCount),
      averageTakeDelaySeconds: average(row.takeSum, row.takeCount),
      averageSolveDelaySeconds: average(row.solveSum, row.solveCount),
      averageCloseDelaySeconds: average(row.closeSum, row.closeCount),
      averageActionSeconds: average(row.actionSum, row.actionCount),
      totalActionSeconds: toNumber(row.actionSum),
    },
  }));
}

/** Builds the report: figures per group, each group named in the caller's language and linked to the ticket list. */
export async function buildReport(db: Executor, principal: Principal, query: ReportQuery, options: { locale: Locale; filters: URLSearchParams }): Promise<Report> {
  const groups = await computeFigures(db, principal, query);
  const keys = groups.map((group) => group.key);
  const labelOf = await loadGroupLabels(db, query.groupBy, keys, options.locale);
  const parentCategories = query.groupBy === 'category' ? await categoriesWithChildren(db, keys.filter((key): key is number => typeof key === 'number')) : new Set<number>();
  const linkContext = { filters: options.filters, period: { from: query.from, to: query.to }, groupBy: query.groupBy, parentCategories };

  const rows = groups.map(({ key, figures }) => ({
    key,
    label: labelOf(key),
    figures,
    links: Object.fromEntries(FIGURES.map((figure) => [figure, ticketLink(linkContext, key, figure)])) as Record<Figure, TicketLink>,
  }));
  // Named rows in alphabetical order, then the row of tickets without a value.
  rows.sort((a, b) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || a.label.localeCompare(b.label, options.locale));
  return { from: query.from, to: query.to, groupBy: query.groupBy, rows };
}

/** Recomputes the daily summary's dirty days once a minute, in one process at a time. */
export const statsSummaryJob = summaryJob(figureAggregates);
