// Writes one chunk of parsed GLPI tickets, with their actors and audit rows, in the caller's transaction.

import type { Insertable, Updateable } from 'kysely';
import type { TicketActorTable, TicketTable } from '../db/schema.js';
import { searchable } from '../tickets/create.js';
import type { GlpiTicketRow } from './glpi-csv-fields.js';
import { appendAuditRows } from '../audit/audit.js';
import type { ResolvedGroup } from './importer-people.js';
import { entityKeyOf, locationKey, personKey } from './importer-plan.js';
import { PATH_SEPARATOR } from './importer-names.js';
import type { WriteContext } from './importer-trees.js';

/** Record fields that the file's header provides, as `keyof GlpiTicketRow` names. */
export type PresentFields = ReadonlySet<keyof GlpiTicketRow>;

/** The records that the rows' names map to, keyed as the import plan keys them. */
export interface ResolvedReferences {
  entityIdByKey: ReadonlyMap<string, number>;
  userIdByKey: ReadonlyMap<string, number>;
  groupByName: ReadonlyMap<string, ResolvedGroup>;
  categoryIdByPath: ReadonlyMap<string, number>;
  locationIdByKey: ReadonlyMap<string, number>;
}

export interface ChunkResult {
  created: number;
  updated: number;
}

type NewTicket = Insertable<TicketTable>;
type NewActor = Omit<Insertable<TicketActorTable>, 'ticket_id'>;

/** A row turned into database values: what a new ticket gets, and what an update may change. */
interface PreparedTicket {
  row: GlpiTicketRow;
  externalRef: string;
  insert: NewTicket;
  update: Updateable<TicketTable>;
  actors: NewActor[];
}

/** External reference of an imported ticket: `glpi:` and its GLPI id. */
export const externalRefOf = (glpiId: number): string => `glpi:${glpiId}`;

function lookup<V>(map: ReadonlyMap<string, V>, key: string, kind: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`${kind} "${key}" was not resolved before the tickets`);
  return value;
}

/** Lists a row's requesters, technicians and groups as ticket_actors rows, each person or group once per role. */
function actorsOf(row: GlpiTicketRow, refs: ResolvedReferences): NewActor[] {
  const actors: NewActor[] = [];
  const seen = new Set<string>();
  const add = (actor: NewActor) => {
    const key = `${actor.role}:${actor.user_id ?? ''}:${actor.group_id ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    actors.push(actor);
  };

  for (const requester of row.requesters ?? []) {
    const person = requester.email === undefined ? { display: requester.name ?? '' } : { email: requester.email };
    add({ role: 'requester', user_id: lookup(refs.userIdByKey, personKey(person), 'user'), group_id: null });
  }
  for (const technician of row.technicians ?? []) {
    add({ role: 'assigned', user_id: lookup(refs.userIdByKey, personKey({ display: technician }), 'user'), group_id: null });
  }
  for (const group of row.groups ?? []) {
    add({ role: 'assigned', user_id: null, group_id: lookup(refs.groupByName, group, 'group').id });
  }
  return actors;
}

/** Returns the level of the first assigned group that has one, else null. */
function levelOf(row: GlpiTicketRow, refs: ResolvedReferences): string | null {
  for (const group of row.groups ?? []) {
    const level = refs.groupByName.get(group)?.level ?? null;
    if (level !== null) return level;
  }
  return null;
}

/**
 * Turns a row into the values of a new ticket. The export has no description, so the description
 * repeats the title. A file without Urgence or Impact gives 3 (Moyenne), a file without Type gives
 * 'incident' (GLPI's default type), and the priority always comes from the file.
 */
function prepareTicket(row: GlpiTicketRow, refs: ResolvedReferences, fields: PresentFields): PreparedTicket {
  const externalRef = externalRefOf(row.glpiId);
  const entityKey = entityKeyOf(row);
  const title = row.title?.trim() || `Ticket GLPI ${row.glpiId}`;
  const actors = actorsOf(row, refs);
  const firstRequester = actors.find((actor) => actor.role === 'requester')?.user_id ?? null;
  const category = row.categoryPath === undefined || row.categoryPath.length === 0 ? null : lookup(refs.categoryIdByPath, row.categoryPath.join(PATH_SEPARATOR), 'category');
  const location = row.locationPath === undefined || row.locationPath.length === 0 ? null : lookup(refs.locationIdByKey, locationKey(entityKey, row.locationPath), 'location');
  // importGlpiCsv rejects a file without Statut, Priorité or Date d'ouverture, so every row has them.
  const status = row.status ?? 'new';
  const openedAt = row.openedAt ?? '';

  const insert: NewTicket = {
    entity_id: lookup(refs.entityIdByKey, entityKey, 'entity'),
    type: row.type ?? 'incident',
    title,
    description: title,
    search_text: searchable(title, title),
    status,
    urgency: row.urgency ?? 3,
    impact: row.impact ?? 3,
    priority: row.priority ?? 3,
    category_id: category,
    requester_id: firstRequester,
    location_id: location,
    source: 'import',
    level: levelOf(row, refs),
    opened_at: openedAt,
    updated_at: row.updatedAt ?? openedAt,
    solved_at: row.solvedAt ?? null,
    closed_at: row.closedAt ?? null,
    external_ref: externalRef,
  };
  return { row, externalRef, insert, update: updateOf(insert, fields), actors };
}

/** Picks the columns an update may overwrite: those the file has a column for. */
function updateOf(values: NewTicket, fields: PresentFields): Updateable<TicketTable> {
  const update: Updateable<TicketTable> = {
    entity_id: values.entity_id,
    status: values.status,
    priority: values.priority,
    opened_at: values.opened_at,
    source: values.source,
  };
  if (fields.has('title')) update.title = values.title;
  if (fields.has('type')) update.type = values.type;
  if (fields.has('urgency')) update.urgency = values.urgency;
  if (fields.has('impact')) update.impact = values.impact;
  if (fields.has('updatedAt')) update.updated_at = values.updated_at;
  if (fields.has('solvedAt')) update.solved_at = values.solved_at;
  if (fields.has('closedAt')) update.closed_at = values.closed_at;
  if (fields.has('categoryPath')) update.category_id = values.category_id;
  if (fields.has('locationPath')) update.location_id = values.location_id;
  if (fields.has('requesters')) update.requester_id = values.requester_id;
  if (fields.has('groups')) update.level = values.level;
  return update;
}

/**
 * Inserts the chunk's new tickets in one statement and updates the ones a previous import created
 * (matched on external_ref). An update keeps the columns the file lacks, and replaces only the kinds
 * of actors the file lists: requesters, technicians or groups.
 */
export async function writeTicketChunk(
  context: WriteContext,
  rows: readonly GlpiTicketRow[],
  refs: ResolvedReferences,
  fields: PresentFields,
): Promise<ChunkResult> {
  const { tx } = context;
  const prepared = rows.map((row) => prepareTicket(row, refs, fields));
  const existing = await tx
    .selectFrom('tickets')
    .select(['id', 'external_ref', 'description'])
    .where('external_ref', 'in', prepared.map((ticket) => ticket.externalRef))
    .execute();
  const existingByRef = new Map(existing.map((ticket) => [ticket.external_ref ?? '', ticket]));

  const fresh = prepared.filter((ticket) => !existingByRef.has(ticket.externalRef));
  const idByRef = new Map<string, number>();
  if (fresh.length > 0) {
    const inserted = await tx.insertInto('tickets').values(fresh.map((ticket) => ticket.insert)).returning(['id', 'external_ref']).execute();
    for (const ticket of inserted) idByRef.set(ticket.external_ref ?? '', ticket.id);
  }

  const updated = prepared.filter((ticket) => existingByRef.has(ticket.externalRef));
  for (const ticket of updated) {
    const current = lookup(existingByRef, ticket.externalRef, 'ticket');
    const update = { ...ticket.update };
    if (update.title !== undefined) update.search_text = searchable(String(update.title), current.description);
    await tx.updateTable('tickets').set(update).where('id', '=', current.id).execute();
    idByRef.set(ticket.externalRef, current.id);
  }
  await removeReplacedActors(context, updated.map((ticket) => lookup(idByRef, ticket.externalRef, 'ticket')), fields);

  const actors = prepared.flatMap((ticket) => ticket.actors.map((actor) => ({ ...actor, ticket_id: lookup(idByRef, ticket.externalRef, 'ticket') })));
  if (actors.length > 0) await tx.insertInto('ticket_actors').values(actors).execute();

  await appendAuditRows(
    tx,
    context.engine,
    context.audit,
    prepared.map((ticket) => ({
      action: 'ticket.import',
      recordType: 'ticket',
      recordId: lookup(idByRef, ticket.externalRef, 'ticket'),
      entityId: ticket.insert.entity_id,
      changes: { glpiId: ticket.row.glpiId, outcome: existingByRef.has(ticket.externalRef) ? 'updated' : 'created', line: ticket.row.line },
    })),
  );
  return { created: fresh.length, updated: updated.length };
}

/** Deletes the actors of updated tickets that the file lists again: requesters, technicians, groups. */
async function removeReplacedActors(context: WriteContext, ticketIds: number[], fields: PresentFields): Promise<void> {
  if (ticketIds.length === 0) return;
  const { tx } = context;
  if (fields.has('requesters')) {
    await tx.deleteFrom('ticket_actors').where('ticket_id', 'in', ticketIds).where('role', '=', 'requester').execute();
  }
  if (fields.has('technicians')) {
    await tx.deleteFrom('ticket_actors').where('ticket_id', 'in', ticketIds).where('role', '=', 'assigned').where('user_id', 'is not', null).execute();
  }
  if (fields.has('groups')) {
    await tx.deleteFrom('ticket_actors').where('ticket_id', 'in', ticketIds).where('role', '=', 'assigned').where('group_id', 'is not', null).execute();
  }
}
