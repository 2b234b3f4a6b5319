import type { TicketQuery } from '../api/tickets';
import { dayAfter, dayStart } from '../ui/format';
import { formatDayText, formatLocalDateTime, isIsoDay, localDay, parseDayText } from '../ui/dayText';

export const PAGE_SIZES = [15, 30, 50, 100];

/** Filters of the list, named as the API's query parameters so that the list's URL can carry them unchanged. */
export const FILTER_KEYS = [
  'q',
  'status',
  'type',
  'priority',
  'urgency',
  'impact',
  'entityId',
  'categoryId',
  'includeSubcategories',
  'locationId',
  'serviceId',
  'requesterId',
  'requesterProfile',
  'assignedUserId',
  'withoutTechnician',
  'assignedGroupId',
  'level',
  'late',
  'ttrLate',
  'survey',
  'measured',
  'openedFrom',
  'openedTo',
  'updatedFrom',
  'updatedTo',
  'solvedFrom',
  'solvedTo',
  'closedFrom',
  'closedTo',
  'dueBefore',
] as const satisfies readonly (keyof TicketQuery)[];
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * Filter values as the list page keeps them in its URL, '' when unset. A date filter is either a
 * local day ("2026-12-04"), as the filter form writes it, or an ISO instant, as statistics links and
 * the home page write it.
 */
export type FilterValues = Record<FilterKey, string>;

export const EMPTY_FILTERS: FilterValues = Object.fromEntries(FILTER_KEYS.map((key) => [key, ''])) as FilterValues;

/**
 * Date filters and the side of the range each one bounds. A "from" day starts the range. An "until"
 * day is included whole: the API's upper bounds are exclusive, so it is sent as the next day's start.
 */
export const DATE_BOUNDS = {
  openedFrom: 'from',
  openedTo: 'until',
  updatedFrom: 'from',
  updatedTo: 'until',
  solvedFrom: 'from',
  solvedTo: 'until',
  closedFrom: 'from',
  closedTo: 'until',
  dueBefore: 'until',
} as const satisfies Partial<Record<FilterKey, 'from' | 'until'>>;
export type DateKey = keyof typeof DATE_BOUNDS;
export const DATE_KEYS = Object.keys(DATE_BOUNDS) as DateKey[];

export function isDateKey(key: string): key is DateKey {
  return Object.hasOwn(DATE_BOUNDS, key);
}

/** The list page's state, read from its URL so that a filtered list can be bookmarked and shared. */
export interface ListState {
  filters: FilterValues;
  sort: { sort: string; order: 'asc' | 'desc' };
  page: number;
  perPage: number;
  view: 'table' | 'kanban';
}

export function readListState(params: URLSearchParams): ListState {
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as FilterValues;
  const perPage = Number(params.get('perPage') ?? 15);
  const order: 'asc' | 'desc' = params.get('order') === 'asc' ? 'asc' : 'desc';
  return {
    filters,
    sort: { sort: params.get('sort') ?? 'updatedAt', order },
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
    perPage: PAGE_SIZES.includes(perPage) ? perPage : 15,
    view: params.get('view') === 'kanban' ? 'kanban' : 'table',
  };
}

/**
 * Converts a date filter's URL value to the API's instant. A local day becomes the start of that
 * day, or the start of the next day for an "until" bound. An instant is sent unchanged, and the API
 * rejects it if it is malformed.
 */
export function dateFilterToInstant(key: DateKey, value: string): string | undefined {
  if (value === '') return undefined;
  if (!isIsoDay(value)) return value;
  return DATE_BOUNDS[key] === 'from' ? dayStart(value) : dayAfter(value);
}

/**
 * Converts an API instant back to the local day a date filter shows, when the instant is exactly
 * the bound that day would send. Any other instant (e.g. the home page's deadline window, which ends
 * at a minute) is returned unchanged, so that it is not widened to a whole day.
 */
export function instantToDateFilter(key: DateKey, instant: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  const day = localDay(new Date(DATE_BOUNDS[key] === 'from' ? time : time - 1));
  return dateFilterToInstant(key, day) === new Date(time).toISOString() ? day : instant;
}

/** Converts the list's state to the API query. */
export function toTicketQuery(state: ListState): TicketQuery {
  const query: TicketQuery = {};
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value === '') continue;
    query[key] = isDateKey(key) ? dateFilterToInstant(key, value) : value;
  }
  return { ...query, ...state.sort, page: state.page, perPage: state.perPage };
}

/**
 * Returns the query that a saved search stores: the list route's own parameters, without the page,
 * so the server can check that it runs. Dates are stored as ISO instants, as the route takes them.
 */
export function toSavedQuery(query: TicketQuery): Record<string, string> {
  const saved: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || value === undefined || value === null || value === '') continue;
    saved[key] = String(value);
  }
  return saved;
}

/** Converts a saved query to the list URL's parameters, turning ISO instants back into the local days of the date fields. */
export function fromSavedQuery(saved: Record<string, string>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(saved)) {
    params.set(key, isDateKey(key) ? instantToDateFilter(key, value) : value);
  }
  return params;
}

/** Text of the date fields, keyed like the filters. */
export type DateTexts = Record<DateKey, string>;

/**
 * Returns the text a date field shows for a URL value: "04/12/2026" for a day, or the local date
 * and time for an instant that is not a day's bound.
 */
export function dateFilterText(key: DateKey, value: string): string {
  if (value === '') return '';
  const day = isIsoDay(value) ? value : instantToDateFilter(key, value);
  if (isIsoDay(day)) return formatDayText(day);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatLocalDateTime(date);
}

export function dateTextsOf(filters: FilterValues): DateTexts {
  return Object.fromEntries(DATE_KEYS.map((key) => [key, dateFilterText(key, filters[key])])) as DateTexts;
}

/**
 * Reads the date fields back into filter values, and lists the fields whose text is not a valid day.
 * A field whose text is unchanged keeps the URL value it was shown from, so an instant from a
 * statistics link stays exact. Changed text must be a day.
 */
export function readDateTexts(texts: DateTexts, initial: FilterValues): { values: Pick<FilterValues, DateKey>; invalid: DateKey[] } {
  const values = {} as Pick<FilterValues, DateKey>;
  const invalid: DateKey[] = [];
  for (const key of DATE_KEYS) {
    if (texts[key] === dateFilterText(key, initial[key])) {
      values[key] = initial[key];
      continue;
    }
    const day = parseDayText(texts[key]);
    if (day === undefined) invalid.push(key);
    values[key] = day ?? '';
  }
  return { values, invalid };
}
