import type { GroupKey } from './aggregate.js';
import { type Figure, FIGURE_DEFINITIONS } from './figures.js';
import { type GroupBy, STATS_PARAMETERS } from './schemas.js';

/**
 * The ticket list request that shows the tickets behind one figure: `query` is the query string
 * for GET /api/v1/tickets. `unsupported` names the conditions of the figure that the list cannot
 * filter on. When it is not empty, the list shows more tickets than the figure counts.
 */
export interface TicketLink {
  query: string;
  unsupported: string[];
}

/** Extracts the list filters of a statistics request from its raw query string, so they read as the caller wrote them. */
export function listFilterParams(rawUrl: string): URLSearchParams {
  const params = new URLSearchParams(rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '');
  for (const name of STATS_PARAMETERS) params.delete(name);
  return params;
}

/**
 * List parameter that selects one key of each dimension, and the condition the list lacks for its
 * "none" row (or for every row, when the list has no parameter for the dimension).
 */
const DIMENSION_FILTERS: Readonly<Record<GroupBy, { param: string | null; none: string }>> = {
  technician: { param: 'assignedUserId', none: 'no_assigned_technician' },
  group: { param: 'assignedGroupId', none: 'no_assigned_group' },
  level: { param: 'level', none: 'no_level' },
  category: { param: 'categoryId', none: 'no_category' },
  service: { param: 'serviceId', none: 'no_service' },
  entity: { param: 'entityId', none: 'no_entity' },
  requesterProfile: { param: null, none: 'requester_profile' },
  priority: { param: 'priority', none: 'no_priority' },
};

/** Narrows [from, to) filter pair `prefix`From/`prefix`To to its intersection with the period. */
function narrowPeriod(params: URLSearchParams, prefix: string, period: { from: string; to: string }): void {
  const from = params.get(`${prefix}From`);
  const to = params.get(`${prefix}To`);
  params.set(`${prefix}From`, from !== null && Date.parse(from) > Date.parse(period.from) ? from : period.from);
  params.set(`${prefix}To`, to !== null && Date.parse(to) < Date.parse(period.to) ? to : period.to);
}

export interface LinkContext {
  filters: URLSearchParams;
  period: { from: string; to: string };
  groupBy: GroupBy;
  /** Categories whose list filter would also include sub-categories. */
  parentCategories: ReadonlySet<number>;
}

/** Builds the list request for one figure of one group row. */
export function ticketLink(context: LinkContext, key: GroupKey, figure: Figure): TicketLink {
  const definition = FIGURE_DEFINITIONS[figure];
  const params = new URLSearchParams(context.filters);
  const unsupported = [...definition.unsupported];
  if (definition.period !== null) narrowPeriod(params, definition.period, context.period);

  const dimension = DIMENSION_FILTERS[context.groupBy];
  if (key === null || dimension.param === null) {
    unsupported.push(dimension.none);
  } else {
    const current = params.get(dimension.param);
    // The assignee filters take one id: a request already filtered on another assignee cannot be narrowed to this one too.
    const isAssignee = context.groupBy === 'technician' || context.groupBy === 'group';
    if (isAssignee && current !== null && current !== String(key)) unsupported.push(`${dimension.param}_conflict`);
    else params.set(dimension.param, String(key));
    if (context.groupBy === 'category' && typeof key === 'number' && context.parentCategories.has(key)) unsupported.push('category_without_subcategories');
  }

  return { query: params.toString(), unsupported };
}
