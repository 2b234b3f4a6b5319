import { IANAZone } from 'luxon';
import { z } from 'zod';
import { customIssue } from '../http/validation.js';
import { ticketListQuery } from '../tickets/search.js';

export const GROUP_BY = ['technician', 'group', 'level', 'category', 'service', 'entity', 'requesterProfile', 'priority'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

/** The list's filters, without its paging and sorting: statistics count what the list would show. */
export const listFilters = ticketListQuery.omit({ sort: true, order: true, page: true, perPage: true, after: true });
export type ListFilters = z.infer<typeof listFilters>;

/** Query parameters that the statistics routes add to the list's filters; links drop them. */
export const STATS_PARAMETERS = ['from', 'to', 'groupBy', 'interval', 'timeZone', 'dueSoonHours'] as const;

/** A period [from, to), both ISO instants, `to` excluded as in the list's date filters. */
const period = {
  from: instant,
  to: instant,
};

function checkPeriod(value: { from: string; to: string }, context: z.RefinementCtx): void {
  if (value.from >= value.to) context.addIssue({ code: 'custom', path: ['to'], ...customIssue('period_end_before_start') });
}

/** Most buckets a series may have: a little under three years by day. */
export const MAX_BUCKETS = 1000;

const DAYS_PER_BUCKET: Readonly<Record<Interval, number>> = { day: 1, week: 7, month: 28 };

function checkBucketCount(value: { from: string; to: string; interval: Interval }, context: z.RefinementCtx): void {
  const days = (Date.parse(value.to) - Date.parse(value.from)) / 86_400_000;
  if (days / DAYS_PER_BUCKET[value.interval] > MAX_BUCKETS) {
    context.addIssue({ code: 'custom', path: ['interval'], ...customIssue('too_many_buckets', { max: String(MAX_BUCKETS) }) });
  }
}

export const reportQuery = listFilters
  .extend({ ...period, groupBy: z.enum(GROUP_BY).default('technician') })
  .superRefine(checkPeriod);
export type ReportQuery = z.infer<typeof reportQuery>;

export const seriesQuery = listFilters
  .extend({
    ...period,
    interval: z.enum(INTERVALS).default('month'),
    /** IANA time zone of the buckets; the caller's own time zone when absent. */
    timeZone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), customIssue('unknown_time_zone'))
      .optional(),
  })
  .superRefine(checkPeriod)
  .superRefine(checkBucketCount);
export type SeriesQuery = z.infer<typeof seriesQuery>;

export const countersQuery = z.strictObject({
  /** Hours ahead in which an open ticket's TTR deadline counts as "due soon". */
  dueSoonHours: z.coerce.number().positive().max(24 * 30).default(4),
});
