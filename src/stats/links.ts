import type { GroupKey } from './aggregate.js';
import { type Figure, FIGURE_DEFINITIONS } from './figures.js';
import { type GroupBy, STATS_PARAMETERS } from './schemas.js';

/**
 * The ticket list request that shows the tickets behind one figure: `query` is the query string
 * for GET /api/v1/tickets. `unsupported` names the conditions of the figure that the list cannot
 * add to the report's own filters (a second assignee, a second survey or value condition). When
 * it is not empty, the list shows more tickets than the figure counts.
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
 * List parameter that selects one key of each dimension, and the parameters that select its "none"
 * row (null where a ticket always has a value).
 */
const DIMENSION_FILTERS: Readonly<Record<GroupBy, { param: string; none: Readonly<Record<string, string>> | null }>> = {
  technician: { param: 'assignedUserId', none: { withoutTechnician: 'true' } },
  group: { param: 'assignedGroupId', none: { assignedGroupId: 'none' } },
  level: { param: 'level', none: { level: 'none' } },
  category: { param: 'categoryId', none: { categoryId: 'none' } },
  service: { param: 'serviceId', none: { serviceId: 'none' } },
  entity: { param: 'entityId', none: null },
  requesterProfile: { param: 'requesterProfile', none: { requesterProfile: 'none' } },
  priority: { param: 'priority', none: null },
};

/** Adds list conditions to the parameters; a parameter the report already sets to another value is reported as a conflict. */
function addConditions(params: URLSearchParams, conditions: Readonly<Record<string, string>>, unsupported: string[]): void {
  for (const [name, value] of Object.entries(conditions)) {
    const current = params.get(name);
    if (current !== null && current !== value) unsupported.push(`${name}_conflict`);
    else params.set(name, value);
  }
}

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
  const unsupported: string[] = [];
  if (definition.period !== null) narrowPeriod(params, definition.period, context.period);
  addConditions(params, definition.conditions, unsupported);

  const dimension = DIMENSION_FILTERS[context.groupBy];
  if (key === null) {
    if (dimension.none === null) unsupported.push(`no_${context.groupBy}`);
    else addConditions(params, dimension.none, unsupported);
  } else if (context.groupBy === 'technician' || context.groupBy === 'group') {
    // The assignee filters take one id: a request already filtered on another assignee cannot be narrowed to this one too.
    addConditions(params, { [dimension.param]: String(key) }, unsupported);
  } else {
    // The row's value replaces the report's filter on the same dimension, which it falls within.
    params.set(dimension.param, String(key));
    if (context.groupBy === 'category' && typeof key === 'number' && context.parentCategories.has(key)) params.set('includeSubcategories', 'false');
  }

  return { query: params.toString(), unsupported };
}
