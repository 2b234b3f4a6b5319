import { type ExpressionBuilder, type RawBuilder, SqliteAdapter, sql } from 'kysely';
import { z } from 'zod';
import type { Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import type { Database, TicketRow } from '../db/schema.js';
import { invalidQuery } from '../http/errors.js';
import { MAX_RECORD_ID } from '../http/validation.js';
import { JOB_PROFILES } from '../priority/grid.js';
import { countVisibleByStatus } from './counts.js';
import { isOwnTicket, loadOwnTickets, type OwnTickets, ownTicketsOf } from './own-tickets.js';
import { searchable } from './create.js';
import { LEVELS, TICKET_TYPES } from './schemas.js';
import { RUNNING_STATUSES, STATUSES } from './status.js';
import { type VisibilityBranch, visibleTicketBranches, visibleTickets } from './visibility.js';

const idList = z
  .string()
  .regex(/^\d{1,10}(,\d{1,10})*$/, 'comma-separated ids')
  .transform((value) => value.split(',').map(Number))
  .refine((ids) => ids.every((id) => id <= MAX_RECORD_ID), { message: `ids must not exceed ${MAX_RECORD_ID}` });
const queryId = z.coerce.number().int().positive().max(MAX_RECORD_ID);
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const levelList = z
  .string()
  .regex(/^[1-6](,[1-6])*$/, 'comma-separated levels from 1 to 6')
  .transform((value) => value.split(',').map(Number));

/** An id, or `none` for the tickets without a value: the "none" rows of the statistics link here. */
const idOrNone = z.union([z.literal('none'), queryId]);

/** Conditions on a figure's value, for the statistics averages that leave out unknown values. */
export const MEASURED = { takeDelay: 'take_delay_seconds', solveDelay: 'solve_delay_seconds', closeDelay: 'close_delay_seconds', actionTime: 'action_seconds' } as const;

const SORTS = { id: 'id', openedAt: 'opened_at', updatedAt: 'updated_at', priority: 'priority', status: 'status', title: 'title', solvedAt: 'solved_at', closedAt: 'closed_at', ttrDueAt: 'ttr_due_at' } as const;

export const ticketListQuery = z.strictObject({
  status: z
    .string()
    .transform((value) => value.split(','))
    .pipe(z.array(z.enum(STATUSES)))
    .optional(),
  type: z.enum(TICKET_TYPES).optional(),
  priority: levelList.optional(),
  urgency: levelList.optional(),
  impact: levelList.optional(),
  categoryId: idOrNone.optional(),
  /** false: the category itself, without its sub-categories. */
  includeSubcategories: z.enum(['true', 'false']).optional(),
  entityId: idList.optional(),
  serviceId: z.union([z.literal('none'), idList]).optional(),
  locationId: idList.optional(),
  requesterId: queryId.optional(),
  /** Job profile of the requester's account; `none` for tickets without a requester. */
  requesterProfile: z.enum([...JOB_PROFILES, 'none']).optional(),
  assignedUserId: queryId.optional(),
  assignedGroupId: idOrNone.optional(),
  /** true: tickets that no technician is assigned to, though a group may be; false: tickets with one. */
  withoutTechnician: z.enum(['true', 'false']).optional(),
  level: z.enum([...LEVELS, 'none']).optional(),
  openedFrom: instant.optional(),
  openedTo: instant.optional(),
  updatedFrom: instant.optional(),
  updatedTo: instant.optional(),
  solvedFrom: instant.optional(),
  solvedTo: instant.optional(),
  closedFrom: instant.optional(),
  closedTo: instant.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  /** true: running tickets (Nouveau, attribué, planifié) whose TTR deadline has passed, as the "En retard" counter. */
  late: z.enum(['true', 'false']).optional(),
  /** Running tickets whose TTR deadline falls before this instant. */
  dueBefore: instant.optional(),
  /** true: solved after the TTR deadline; false: solved in time. */
  ttrLate: z.enum(['true', 'false']).optional(),
  /** Tickets whose latest closing opened a satisfaction survey, or whose survey was answered. */
  survey: z.enum(['opened', 'answered']).optional(),
  /** Tickets whose delay or task time is known (task time: more than zero). */
  measured: z.enum(Object.keys(MEASURED) as [keyof typeof MEASURED, ...(keyof typeof MEASURED)[]]).optional(),
  sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS, ...(keyof typeof SORTS)[]]).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(15),
  /** Keyset cursor from the previous page's `nextCursor`, for deep pages without OFFSET; replaces `page`. */
  after: z.string().max(500).optional(),
});


export type TicketListQuery = z.infer<typeof ticketListQuery>;

/** Ticket ids of a category and all its sub-categories. */
async function categoryTree(db: Executor, rootId: number): Promise<number[]> {
  const all = await db.selectFrom('categories').select(['id', 'parent_id']).execute();
  const result = [rootId];
  for (let index = 0; index < result.length; index += 1) {
    for (const category of all) if (category.parent_id === result[index]) result.push(category.id);
  }
  return result;
}

/** Returns the engine behind a Kysely handle, read from its adapter. */
function engineOf(db: Executor): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

type ListFilters = Omit<TicketListQuery, 'sort' | 'order' | 'page' | 'perPage'>;
type TicketSelect = ReturnType<typeof selectTickets>;

const selectTickets = (db: Executor) => db.selectFrom('tickets');

/** Builds the query of the filtered, visible tickets that the statistics build on. */
export async function filteredTickets(db: Executor, principal: Principal, query: ListFilters) {
  return applyFilters(db, selectTickets(db).where(visibleTickets(principal)), query, {});
}

/**
 * Returns the visible, filtered tickets as disjoint branches (see visibleTicketBranches), so that
 * each branch filters on indexed columns alone. With the OR of both rules, PostgreSQL reads every
 * matching row from the table to test it, which takes hundreds of milliseconds at a million tickets.
 */
export async function filteredTicketBranches(
  db: Executor,
  principal: Principal,
  query: ListFilters,
  options: { textScan?: boolean; own?: OwnTickets } = {},
): Promise<{ kind: VisibilityBranch['kind']; select: TicketSelect }[]> {
  // Filtered on status and entity at most, SQLite would read every ticket of the entities through
  // their index and sort them (400 ms for page 200 at a million tickets). Walking the sort order
  // and testing the entity, as an unindexed "+entity_id" makes it do, takes under a millisecond.
  const walkSortOrder = engineOf(db) === 'sqlite' && hasOnlyCountedFilters(query);
  const branches: { kind: VisibilityBranch['kind']; select: TicketSelect }[] = [];
  for (const branch of visibleTicketBranches(principal)) {
    if (branch.kind === 'entities') {
      const entity = walkSortOrder ? sql<number>`+tickets.entity_id` : sql.ref<number>('tickets.entity_id');
      branches.push({ kind: 'entities', select: selectTickets(db).where(entity, 'in', branch.entityIds) });
      continue;
    }
    const own = options.own ?? (await loadOwnTickets(db, branch.userId));
    // A caller without own tickets, most technicians, has no second branch to query.
    if (own.kind === 'ids' && own.ids.length === 0) continue;
    const select = selectTickets(db).where(isOwnTicket(own));
    branches.push({ kind: 'own', select: branch.outsideEntityIds.length > 0 ? select.where('tickets.entity_id', 'not in', branch.outsideEntityIds) : select });
  }
  return Promise.all(branches.map(async ({ kind, select }) => ({ kind, select: await applyFilters(db, select, query, options) })));
}

/** Adds the list's filters to a select of tickets. */
async function applyFilters(db: Executor, base: TicketSelect, query: ListFilters, options: { textScan?: boolean }): Promise<TicketSelect> {
  let select = base;
  if (query.status !== undefined) select = select.where('tickets.status', 'in', query.status);
  if (query.type !== undefined) select = select.where('tickets.type', '=', query.type);
  if (query.priority !== undefined) select = select.where('tickets.priority', 'in', query.priority);
  if (query.urgency !== undefined) select = select.where('tickets.urgency', 'in', query.urgency);
  if (query.impact !== undefined) select = select.where('tickets.impact', 'in', query.impact);
  if (query.categoryId === 'none') select = select.where('tickets.category_id', 'is', null);
  else if (query.categoryId !== undefined) {
    const categories = query.includeSubcategories === 'false' ? [query.categoryId] : await categoryTree(db, query.categoryId);
    select = select.where('tickets.category_id', 'in', categories);
  }
  if (query.entityId !== undefined) select = select.where('tickets.entity_id', 'in', query.entityId);
  if (query.serviceId === 'none') select = select.where('tickets.requester_service_id', 'is', null);
  else if (query.serviceId !== undefined) select = select.where('tickets.requester_service_id', 'in', query.serviceId);
  if (query.locationId !== undefined) select = select.where('tickets.location_id', 'in', query.locationId);
  if (query.requesterId !== undefined) select = select.where('tickets.requester_id', '=', query.requesterId);
  if (query.requesterProfile !== undefined) select = select.where(requesterProfileIs(query.requesterProfile));
  if (query.level === 'none') select = select.where('tickets.level', 'is', null);
  else if (query.level !== undefined) select = select.where('tickets.level', '=', query.level);
  for (const [column, value] of [
    ['user_id', query.assignedUserId],
    ['group_id', query.assignedGroupId],
  ] as const) {
    if (value === undefined) continue;
    const assignees = (eb: ExpressionBuilder<Database, 'tickets'>) => eb.selectFrom('ticket_actors').select('ticket_actors.ticket_id').where('ticket_actors.role', '=', 'assigned');
    select =
      value === 'none'
        ? select.where('tickets.id', 'not in', (eb) => assignees(eb).where(`ticket_actors.${column}`, 'is not', null))
        : select.where('tickets.id', 'in', (eb) => assignees(eb).where(`ticket_actors.${column}`, '=', value));
  }
  if (query.ttrLate !== undefined) select = select.where('tickets.ttr_late', '=', query.ttrLate === 'true' ? 1 : 0);
  if (query.survey !== undefined) {
    select = select.where('tickets.id', 'in', (eb) =>
      eb
        .selectFrom('ticket_satisfactions')
        .select('ticket_satisfactions.ticket_id')
        .$if(query.survey === 'answered', (qb) => qb.where('ticket_satisfactions.answered_at', 'is not', null)),
    );
  }
  if (query.measured === 'actionTime') select = select.where('tickets.action_seconds', '>', 0);
  else if (query.measured !== undefined) select = select.where(`tickets.${MEASURED[query.measured]}`, 'is not', null);
  if (query.withoutTechnician !== undefined) {
    select = select.where('tickets.id', query.withoutTechnician === 'true' ? 'not in' : 'in', (eb) =>
      eb.selectFrom('ticket_actors').select('ticket_actors.ticket_id').where('ticket_actors.role', '=', 'assigned').where('ticket_actors.user_id', 'is not', null),
    );
  }
  for (const [column, from, to] of [
    ['opened_at', query.openedFrom, query.openedTo],
    ['updated_at', query.updatedFrom, query.updatedTo],
    ['solved_at', query.solvedFrom, query.solvedTo],
    ['closed_at', query.closedFrom, query.closedTo],
  ] as const) {
    if (from !== undefined) select = select.where(`tickets.${column}`, '>=', from);
    if (to !== undefined) select = select.where(`tickets.${column}`, '<', to);
  }
  if (query.late !== undefined) {
    const now = new Date().toISOString();
    select =
      query.late === 'true'
        ? select.where('tickets.status', 'in', RUNNING_STATUSES).where('tickets.ttr_due_at', '<', now)
        : select.where((eb) => eb.or([eb('tickets.status', 'not in', RUNNING_STATUSES), eb('tickets.ttr_due_at', 'is', null), eb('tickets.ttr_due_at', '>=', now)]));
  }
  if (query.dueBefore !== undefined) {
    select = select.where('tickets.status', 'in', RUNNING_STATUSES).where('tickets.ttr_due_at', '<', query.dueBefore);
  }
  if (query.q !== undefined) {
    const text = searchable(query.q);
    const pattern = likePattern(text);
    // On SQLite the trigram table finds substrings of three characters or more, as a phrase of
    // trigrams. Shorter ones, and every text when the caller scans, read search_text directly. On
    // PostgreSQL the trigram index serves the LIKE itself.
    const phrase = ftsPhrase(db, text);
    select =
      phrase !== null && options.textScan !== true
        ? select.where(sql<boolean>`tickets.id in (select rowid from tickets_fts where tickets_fts match ${phrase})`)
        : select.where(sql<boolean>`tickets.search_text like ${pattern} escape '\\'`);
  }
  return select;
}

/** Returns the LIKE pattern that finds a normalised text anywhere, its wildcards escaped with a backslash. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

/**
 * Returns the FTS5 query that finds a normalised text as a substring in the SQLite trigram table:
 * the text as one quoted phrase, its own quotes doubled. Null on PostgreSQL and for texts shorter
 * than a trigram, which the table cannot find.
 */
function ftsPhrase(db: Executor, text: string): string | null {
  if (engineOf(db) !== 'sqlite' || [...text].length < 3) return null;
  return `"${text.replaceAll('"', '""')}"`;
}

/** Tickets whose requester's account has the job profile; `none`: tickets without a requester (every account has a profile). */
function requesterProfileIs(profile: string) {
  return (eb: ExpressionBuilder<Database, 'tickets'>) =>
    profile === 'none'
      ? eb('tickets.requester_id', 'is', null)
      : eb('tickets.requester_id', 'in', eb.selectFrom('users').select('users.id').where('users.job_profile', '=', profile));
}

interface Cursor {
  value: string | number | null;
  id: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'number' && ['string', 'number'].includes(typeof parsed[0])) {
      return { value: parsed[0] as string | number, id: parsed[1] };
    }
  } catch {
    // Falls through to the 400 below.
  }
  throw invalidQuery('after', 'invalid_cursor');
}

/** Query keys that do not filter: paging and sorting. */
const NOT_FILTERS = new Set(['sort', 'order', 'page', 'perPage', 'after']);

/**
 * True when the list filters on status and entity at most, so its total can be summed from
 * ticket_counts instead of counted row by row, which takes tens of milliseconds at a million tickets.
 */
function hasOnlyCountedFilters(query: Partial<TicketListQuery>): boolean {
  return Object.entries(query).every(([key, value]) => value === undefined || NOT_FILTERS.has(key) || key === 'status' || key === 'entityId');
}

/**
 * Maximum number of tickets a text search counts. Counting a word found in tens of thousands of
 * tickets exactly costs a few hundred milliseconds at a million tickets, on either engine. Past
 * this many, the list returns `totalExact: false` and the interface shows "at least".
 */
export const TEXT_COUNT_CAP = 1000;

/**
 * True when the text is common: found in at least TEXT_COUNT_CAP tickets, visible or not. The
 * trigram index (the FTS5 table on SQLite, pg_trgm on PostgreSQL) finds the candidates and the
 * count stops at the cap.
 */
async function isCommonText(db: Executor, q: string | undefined): Promise<boolean> {
  if (q === undefined) return false;
  const text = searchable(q);
  const phrase = ftsPhrase(db, text);
  let matches: RawBuilder<unknown>;
  if (phrase !== null) matches = sql`(select rowid from tickets_fts where tickets_fts match ${phrase} limit ${TEXT_COUNT_CAP})`;
  else if (engineOf(db) === 'postgres') matches = sql`(select id from tickets where search_text like ${likePattern(text)} escape '\\' limit ${TEXT_COUNT_CAP})`;
  else return false;
  const counted = await db
    .selectFrom(matches.as('matches'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(counted.n) >= TEXT_COUNT_CAP;
}

export interface TicketPage {
  rows: TicketRow[];
  total: number;
  /** False when a common text stopped the count at TEXT_COUNT_CAP: there are at least `total` tickets. */
  totalExact: boolean;
  nextCursor: string | null;
}

/**
 * Lists one page of the visible, filtered tickets with their total. A common text is counted up to
 * TEXT_COUNT_CAP, and on SQLite it is matched on each row while the sort column's index is walked,
 * which finds a page in a few hundred rows. A rarer text goes through the trigram table and is
 * counted exactly.
 */
export async function listTickets(db: Executor, principal: Principal, query: TicketListQuery): Promise<TicketPage> {
  const common = await isCommonText(db, query.q);
  // Read once for the page and for the total.
  const own = await ownTicketsOf(db, principal);
  const branches = await filteredTicketBranches(db, principal, query, { textScan: common, own });
  const column = SORTS[query.sort];

  let countQuery: Promise<number>;
  if (hasOnlyCountedFilters(query)) {
    countQuery = countVisibleByStatus(db, principal, { entityIds: query.entityId, own }).then((rows) =>
      rows.filter((row) => query.status === undefined || (query.status as string[]).includes(row.status)).reduce((sum, row) => sum + row.count, 0),
    );
  } else {
    const counts = branches.map(({ select: branch }) =>
      common
        ? db.selectFrom(branch.select('tickets.id').limit(TEXT_COUNT_CAP).as('matches')).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
        : branch.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    );
    countQuery = Promise.all(counts).then((rows) => {
      const sum = rows.reduce((total, row) => total + Number(row.total), 0);
      return common ? Math.min(sum, TEXT_COUNT_CAP) : sum;
    });
  }

  const [ids, total] = await Promise.all([pageIds(db, branches, query), countQuery]);
  // The full rows of the page's ids only, put back in the page's order.
  const position = new Map(ids.map((id, index) => [id, index]));
  const rows = ids.length === 0 ? [] : await db.selectFrom('tickets').selectAll().where('id', 'in', ids).execute();
  rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  const last = rows[rows.length - 1];
  const nextCursor = rows.length === query.perPage && last !== undefined ? encodeCursor({ value: last[column], id: last.id }) : null;
  return { rows, total, totalExact: !common || total < TEXT_COUNT_CAP, nextCursor };
}

/**
 * Returns the ids of one page, sorted and cut from an index in each visibility branch. With two
 * branches, each gives its first offset + perPage ids and the page is cut from their union.
 */
async function pageIds(db: Executor, branches: { kind: VisibilityBranch['kind']; select: TicketSelect }[], query: TicketListQuery): Promise<number[]> {
  const column = SORTS[query.sort];
  const offset = query.after === undefined ? (query.page - 1) * query.perPage : 0;
  const sorted = branches.map(({ kind, select }) =>
    afterCursor(select, query)
      .select(['tickets.id', `tickets.${column} as sort_value`])
      .orderBy(kind === 'own' ? unindexed(column) : sql.ref(`tickets.${column}`), query.order)
      .orderBy(kind === 'own' ? unindexed('id') : sql.ref('tickets.id'), query.order),
  );
  const reach = offset + query.perPage;
  // Branches without a ticket on the way to this page drop out first, so that the usual case (a
  // technician who requested nothing outside their entities) reads one index with its offset.
  const nonEmpty = await Promise.all(sorted.map(async (branch, index) => index === 0 || (await branch.limit(1).execute()).length > 0));
  const [first, ...others] = sorted.filter((_, index) => nonEmpty[index]);
  if (first === undefined) return [];
  if (others.length === 0) return (await first.limit(query.perPage).offset(offset).execute()).map((row) => row.id);

  const union = others.reduce(
    (combined, branch, index) => combined.unionAll(db.selectFrom(branch.limit(reach).as(`branch${index + 1}`)).selectAll()),
    db.selectFrom(first.limit(reach).as('branch0')).selectAll(),
  );
  const page = await db
    .selectFrom(union.as('page'))
    .select('page.id')
    .orderBy('page.sort_value', query.order)
    .orderBy('page.id', query.order)
    .limit(query.perPage)
    .offset(offset)
    .execute();
  return page.map((row) => row.id);
}

/** Integer columns of the sort; the others are text. */
const INTEGER_SORTS: ReadonlySet<string> = new Set(['id', 'priority']);

/**
 * Returns a column as an expression with the same value and order that no index serves. The own
 * branch, a few thousand tickets at most, sorts them all this way: offered the sort index,
 * PostgreSQL 15 walks it testing each ticket against the caller's, which takes 100 ms and more
 * when they are few or old.
 */
function unindexed(column: string): RawBuilder<unknown> {
  const ref = sql.ref(`tickets.${column}`);
  return INTEGER_SORTS.has(column) ? sql`(${ref} + 0)` : sql`(${ref} || '')`;
}

/** Keeps the tickets after the keyset cursor `after`, in the list's sort order. */
function afterCursor(branch: TicketSelect, query: TicketListQuery): TicketSelect {
  if (query.after === undefined) return branch;
  const column = SORTS[query.sort];
  const cursor = decodeCursor(query.after);
  const before = query.order === 'desc' ? '<' : '>';
  const value = cursor.value;
  return branch.where((eb) =>
    value === null
      ? eb('tickets.id', before, cursor.id)
      : eb.or([eb(`tickets.${column}`, before, value as never), eb.and([eb(`tickets.${column}`, '=', value as never), eb('tickets.id', before, cursor.id)])]),
  );
}
