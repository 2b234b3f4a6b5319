import { SqliteAdapter, sql } from 'kysely';
import { z } from 'zod';
import type { Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import { invalidQuery } from '../http/errors.js';
import { MAX_RECORD_ID } from '../http/validation.js';
import { searchable } from './create.js';
import { LEVELS, TICKET_TYPES } from './schemas.js';
import { RUNNING_STATUSES, STATUSES } from './status.js';
import { visibleTickets } from './visibility.js';

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
  categoryId: queryId.optional(),
  entityId: idList.optional(),
  serviceId: idList.optional(),
  locationId: idList.optional(),
  requesterId: queryId.optional(),
  assignedUserId: queryId.optional(),
  assignedGroupId: queryId.optional(),
  level: z.enum(LEVELS).optional(),
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

/** The filtered, visible tickets: one base query that the list and the counters both build on. */
/** Returns the engine behind a Kysely handle, read from its adapter. */
function engineOf(db: Executor): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

export async function filteredTickets(db: Executor, principal: Principal, query: Omit<TicketListQuery, 'sort' | 'order' | 'page' | 'perPage'>) {
  let select = db.selectFrom('tickets').where(visibleTickets(principal));
  if (query.status !== undefined) select = select.where('tickets.status', 'in', query.status);
  if (query.type !== undefined) select = select.where('tickets.type', '=', query.type);
  if (query.priority !== undefined) select = select.where('tickets.priority', 'in', query.priority);
  if (query.urgency !== undefined) select = select.where('tickets.urgency', 'in', query.urgency);
  if (query.impact !== undefined) select = select.where('tickets.impact', 'in', query.impact);
  if (query.categoryId !== undefined) select = select.where('tickets.category_id', 'in', await categoryTree(db, query.categoryId));
  if (query.entityId !== undefined) select = select.where('tickets.entity_id', 'in', query.entityId);
  if (query.serviceId !== undefined) select = select.where('tickets.requester_service_id', 'in', query.serviceId);
  if (query.locationId !== undefined) select = select.where('tickets.location_id', 'in', query.locationId);
  if (query.requesterId !== undefined) select = select.where('tickets.requester_id', '=', query.requesterId);
  if (query.level !== undefined) select = select.where('tickets.level', '=', query.level);
  for (const [role, column, value] of [
    ['assigned', 'user_id', query.assignedUserId],
    ['assigned', 'group_id', query.assignedGroupId],
  ] as const) {
    if (value === undefined) continue;
    select = select.where('tickets.id', 'in', (eb) =>
      eb.selectFrom('ticket_actors').select('ticket_actors.ticket_id').where('ticket_actors.role', '=', role).where(`ticket_actors.${column}`, '=', value),
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
    const pattern = `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    // On SQLite the trigram table answers substrings of three characters or more; shorter ones
    // read search_text directly. On PostgreSQL the trigram index serves the LIKE itself.
    // An ESCAPE clause keeps FTS5 from using its index, so only plain text goes to the trigram table.
    select =
      engineOf(db) === 'sqlite' && text.length >= 3 && !/[\\%_]/.test(text)
        ? select.where(sql<boolean>`tickets.id in (select rowid from tickets_fts where search_text like ${`%${text}%`})`)
        : select.where(sql<boolean>`tickets.search_text like ${pattern} escape '\\'`);
  }
  return select;
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

export async function listTickets(db: Executor, principal: Principal, query: TicketListQuery) {
  let base = await filteredTickets(db, principal, query);
  const column = SORTS[query.sort];
  const countQuery = base.select((eb) => eb.fn.countAll<number>().as('total'));
  if (query.after !== undefined) {
    const cursor = decodeCursor(query.after);
    const before = query.order === 'desc' ? '<' : '>';
    const value = cursor.value;
    base = base.where((eb) =>
      value === null
        ? eb('tickets.id', before, cursor.id)
        : eb.or([eb(`tickets.${column}`, before, value as never), eb.and([eb(`tickets.${column}`, '=', value as never), eb('tickets.id', before, cursor.id)])]),
    );
  }
  // Two steps: the ids of the page first, sorted and cut from an index (the rows are narrow, so
  // sorting many matches stays cheap), then the full rows of those ids only.
  let idsQuery = base
    .select(['tickets.id'])
    .orderBy(`tickets.${column}`, query.order)
    .orderBy('tickets.id', query.order)
    .limit(query.perPage);
  if (query.after === undefined) idsQuery = idsQuery.offset((query.page - 1) * query.perPage);
  const [ids, count] = await Promise.all([idsQuery.execute(), countQuery.executeTakeFirstOrThrow()]);
  const position = new Map(ids.map((row, index) => [row.id, index]));
  const rows = ids.length === 0 ? [] : await db.selectFrom('tickets').selectAll().where('id', 'in', [...position.keys()]).execute();
  rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  const last = rows[rows.length - 1];
  const nextCursor = rows.length === query.perPage && last !== undefined ? encodeCursor({ value: last[column], id: last.id }) : null;
  return { rows, total: Number(count.total), nextCursor };
}
