// Writes one GLPI ticket, its actors and its whole timeline, in the caller's transaction.

import type { Insertable } from 'kysely';
import type { AuditEvent } from '../../audit/audit.js';
import type { TicketActorTable, TicketTable } from '../../db/schema.js';
import { searchable } from '../../tickets/create.js';
import { externalRefOf } from '../importer-tickets.js';
import type { WriteContext } from '../importer-trees.js';
import { actorRoleOf, sourceOf, ticketStatusOf, ticketTypeOf } from './codes.js';
import { decodeGlpiText, expandedName, glpiContentToText, linkedId, numberOf, pathOf } from './fields.js';
import { TicketLookups } from './lookups.js';
import type { ReferenceMaps } from './lookups.js';
import { saveRef } from './state.js';
import type { TicketBundle } from './ticket-fetch.js';
import { ticketVersion } from './ticket-fetch.js';
import { writeLinks, writeSurvey } from './ticket-extras.js';
import { writeTimeline } from './timeline.js';

/** What a ticket's writer needs besides the transaction: the reference maps and the date reader. */
export interface TicketWriteContext extends WriteContext {
  maps: ReferenceMaps;
  readDate: (value: unknown) => string | null;
}

type NewActor = Omit<Insertable<TicketActorTable>, 'ticket_id'>;

/** Lists the ticket's requesters, observers and assignees, people and groups, each once per role. */
async function actorsOf(bundle: TicketBundle, lookups: TicketLookups): Promise<{ actors: NewActor[]; level: string | null }> {
  const actors: NewActor[] = [];
  const seen = new Set<string>();
  const add = (actor: NewActor) => {
    const key = `${actor.role}:${actor.user_id ?? ''}:${actor.group_id ?? ''}`;
    if (!seen.has(key)) actors.push(actor);
    seen.add(key);
  };

  for (const row of bundle.users) {
    const role = actorRoleOf(numberOf(row.type));
    if (role === undefined) continue;
    const login = expandedName(row.users_id);
    const email = typeof row.alternative_email === 'string' ? row.alternative_email.trim() : '';
    // A requester without an account (users_id 0) is known by the address the ticket was sent from.
    const userId = login !== undefined ? await lookups.user(login, role === 'assigned') : email !== '' ? await lookups.emailUser(email) : null;
    if (userId !== null) add({ role, user_id: userId, group_id: null });
  }

  let level: string | null = null;
  for (const row of bundle.groups) {
    const role = actorRoleOf(numberOf(row.type));
    const group = role === undefined ? null : await lookups.group(linkedId(row, 'Group'), expandedName(row.groups_id));
    if (role === undefined || group === null) continue;
    add({ role, user_id: null, group_id: group.id });
    if (role === 'assigned' && level === null) level = group.level;
  }
  return { actors, level };
}

/** The ticket's columns. GLPI's stored statistics are kept as they are, so Guichet's figures match GLPI's. */
async function ticketValues(context: TicketWriteContext, bundle: TicketBundle, lookups: TicketLookups, entityId: number): Promise<Omit<Insertable<TicketTable>, 'requester_id' | 'level'>> {
  const { ticket } = bundle;
  const date = context.readDate;
  const title = decodeGlpiText(ticket.name).trim() || `Ticket GLPI ${bundle.glpiId}`;
  const description = glpiContentToText(ticket.content) || title;
  const status = ticketStatusOf(numberOf(ticket.status));
  const openedAt = date(ticket.date) ?? date(ticket.date_creation) ?? context.now;
  const takenAt = date(ticket.takeintoaccountdate);
  const solvedAt = date(ticket.solvedate);
  const closedAt = date(ticket.closedate);
  const seconds = (value: unknown) => numberOf(value) ?? 0;

  return {
    entity_id: entityId,
    type: ticketTypeOf(numberOf(ticket.type)),
    title,
    description,
    search_text: searchable(title, description),
    status,
    urgency: numberOf(ticket.urgency) ?? 3,
    impact: numberOf(ticket.impact) ?? 3,
    priority: numberOf(ticket.priority) ?? 3,
    category_id: await lookups.category(linkedId(ticket, 'ITILCategory'), pathOf(expandedName(ticket.itilcategories_id) ?? '')),
    location_id: await lookups.location(linkedId(ticket, 'Location'), pathOf(expandedName(ticket.locations_id) ?? '')),
    writer_id: await lookups.user(expandedName(ticket.users_id_recipient)),
    source: sourceOf(expandedName(ticket.requesttypes_id)),
    opened_at: openedAt,
    updated_at: date(ticket.date_mod) ?? openedAt,
    taken_at: takenAt,
    solved_at: solvedAt,
    closed_at: closedAt,
    // GLPI leaves begin_waiting_date filled after a pause; Guichet keeps it only during one.
    begin_waiting_at: status === 'waiting' || status === 'solved' ? date(ticket.begin_waiting_date) : null,
    waiting_seconds: seconds(ticket.waiting_duration),
    // NOTE: GLPI's waiting_duration counts in the entity's calendar when it has one, wall-clock otherwise.
    paused_business_seconds: seconds(ticket.waiting_duration),
    action_seconds: seconds(ticket.actiontime),
    take_delay_seconds: takenAt === null ? null : seconds(ticket.takeintoaccount_delay_stat),
    solve_delay_seconds: solvedAt === null ? null : seconds(ticket.solve_delay_stat),
    close_delay_seconds: closedAt === null ? null : seconds(ticket.close_delay_stat),
    external_ref: externalRefOf(bundle.glpiId),
  };
}

/**
 * Inserts or updates the ticket (matched on external_ref `glpi:<id>`), replaces its actors, and
 * brings its timeline in line with GLPI's. Returns the audit events of everything written, for the
 * caller to append in one batch with the rest of the transaction.
 * NOTE: an update replaces every actor of the ticket, including any added in Guichet since the last import.
 */
export async function writeTicket(context: TicketWriteContext, bundle: TicketBundle): Promise<{ created: boolean; events: AuditEvent[] }> {
  const { tx } = context;
  const entityId = context.maps.entities.get(linkedId(bundle.ticket, 'Entity') ?? 0) ?? context.maps.rootId;
  const lookups = new TicketLookups(context, context.maps, entityId);
  const values = await ticketValues(context, bundle, lookups, entityId);
  const { actors, level } = await actorsOf(bundle, lookups);
  const row = { ...values, level, requester_id: actors.find((actor) => actor.role === 'requester')?.user_id ?? null };

  const existing = await tx.selectFrom('tickets').select('id').where('external_ref', '=', row.external_ref ?? '').executeTakeFirst();
  let ticketId: number;
  if (existing === undefined) {
    ticketId = (await tx.insertInto('tickets').values(row).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    ticketId = existing.id;
    await tx.updateTable('tickets').set(row).where('id', '=', ticketId).execute();
    await tx.deleteFrom('ticket_actors').where('ticket_id', '=', ticketId).execute();
  }
  if (actors.length > 0) await tx.insertInto('ticket_actors').values(actors.map((actor) => ({ ...actor, ticket_id: ticketId }))).execute();

  const events: AuditEvent[] = [
    {
      action: 'ticket.import',
      recordType: 'ticket',
      recordId: ticketId,
      entityId,
      changes: { glpiId: bundle.glpiId, outcome: existing === undefined ? 'created' : 'updated', source: 'glpi-api' },
    },
  ];
  const timeline = { ...context, lookups, ticketId, entityId, events };
  await writeTimeline(timeline, bundle);
  await writeSurvey(timeline, bundle, row.closed_at ?? null);
  await writeLinks(timeline, bundle);
  await saveRef(tx, 'ticket', bundle.glpiId, ticketId, ticketVersion(bundle.ticket, bundle.survey));
  return { created: existing === undefined, events };
}
