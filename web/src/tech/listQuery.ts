import type { TicketQuery } from '../api/tickets';
import { dayAfter, dayStart } from '../ui/format';
import { FILTER_KEYS, type FilterValues } from './ListFilters';

export const PAGE_SIZES = [15, 30, 50, 100];

/** The list page's state, read from its URL so that a filtered list can be bookmarked and shared. */
export interface ListState {
  filters: FilterValues;
  sort: { sort: string; order: 'asc' | 'desc' };
  page: number;
  perPage: number;
  assignedUserId: string | undefined;
  requesterId: string | undefined;
  late: string | undefined;
  view: 'table' | 'kanban';
}

export function readListState(params: URLSearchParams): ListState {
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as FilterValues;
  const perPage = Number(params.get('perPage') ?? 15);
  const order: 'asc' | 'desc' = params.get('order') === 'asc' ? 'asc' : 'desc';
  return {
    filters,
    sort: { sort: params.get('sort') ?? 'updatedAt', order },
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
    perPage: PAGE_SIZES.includes(perPage) ? perPage : 15,
    assignedUserId: params.get('assignedUserId') ?? undefined,
    requesterId: params.get('requesterId') ?? undefined,
    late: params.get('late') ?? undefined,
    view: params.get('view') === 'kanban' ? 'kanban' : 'table',
  };
}

/** Converts the list's state to the API query. Local days become ISO instants, and the "to" day is included whole. */
export function toTicketQuery(state: ListState): TicketQuery {
  return {
    ...state.filters,
    openedFrom: dayStart(state.filters.openedFrom),
    openedTo: dayAfter(state.filters.openedTo),
    ...state.sort,
    page: state.page,
    perPage: state.perPage,
    assignedUserId: state.assignedUserId,
    requesterId: state.requesterId,
    late: state.late,
  };
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
    if (key === 'openedFrom') params.set(key, localDay(new Date(value)));
    else if (key === 'openedTo') params.set(key, localDay(new Date(Date.parse(value) - 1)));
    else params.set(key, value);
  }
  return params;
}

function localDay(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}
