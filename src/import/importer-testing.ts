// Test helpers for the importer: the sample exports and a readable view of the imported tickets.

import { readFileSync } from 'node:fs';
import type { Executor } from '../db/connection.js';
import { displayOf } from './importer-names.js';

/** GLPI 10.0.18 sample exports (invented data), read-only, outside the repository. */
export const GLPI_DATA_DIR = new URL('../../../shared/data/glpi/', import.meta.url);

export function readGlpiSample(file: string): Buffer {
  return readFileSync(new URL(file, GLPI_DATA_DIR));
}

/** An imported ticket with its references shown by name, as a GLPI export would show them. */
export interface ImportedTicket {
  id: number;
  glpiId: number;
  title: string;
  description: string;
  type: string;
  status: string;
  urgency: number;
  impact: number;
  priority: number;
  level: string | null;
  source: string;
  openedAt: string;
  updatedAt: string;
  solvedAt: string | null;
  closedAt: string | null;
  entity: string;
  category: string | null;
  location: string | null;
  requesterId: number | null;
  /** `Nom Prénom` displays (or logins, or addresses), sorted. */
  requesters: string[];
  technicians: string[];
  groups: string[];
}

/** Loads every imported ticket, keyed by GLPI id. */
export async function loadImportedTickets(db: Executor): Promise<Map<number, ImportedTicket>> {
  const tickets = await db
    .selectFrom('tickets')
    .innerJoin('entities', 'entities.id', 'tickets.entity_id')
    .leftJoin('categories', 'categories.id', 'tickets.category_id')
    .leftJoin('locations', 'locations.id', 'tickets.location_id')
    .select([
      'tickets.id',
      'tickets.external_ref',
      'tickets.title',
      'tickets.description',
      'tickets.type',
      'tickets.status',
      'tickets.urgency',
      'tickets.impact',
      'tickets.priority',
      'tickets.level',
      'tickets.source',
      'tickets.opened_at',
      'tickets.updated_at',
      'tickets.solved_at',
      'tickets.closed_at',
      'tickets.requester_id',
      'entities.complete_name as entity',
      'categories.complete_name as category',
      'locations.complete_name as location',
    ])
    .where('tickets.external_ref', 'like', 'glpi:%')
    .execute();
  const actors = await db
    .selectFrom('ticket_actors')
    .leftJoin('users', 'users.id', 'ticket_actors.user_id')
    .leftJoin('groups', 'groups.id', 'ticket_actors.group_id')
    .select(['ticket_actors.ticket_id', 'ticket_actors.role', 'users.first_name', 'users.last_name', 'groups.name as group_name'])
    .execute();

  const byTicketId = new Map<number, ImportedTicket>();
  const result = new Map<number, ImportedTicket>();
  for (const row of tickets) {
    const ticket: ImportedTicket = {
      id: row.id,
      glpiId: Number((row.external_ref ?? '').slice('glpi:'.length)),
      title: row.title,
      description: row.description,
      type: row.type,
      status: row.status,
      urgency: row.urgency,
      impact: row.impact,
      priority: row.priority,
      level: row.level,
      source: row.source,
      openedAt: row.opened_at,
      updatedAt: row.updated_at,
      solvedAt: row.solved_at,
      closedAt: row.closed_at,
      entity: row.entity,
      category: row.category,
      location: row.location,
      requesterId: row.requester_id,
      requesters: [],
      technicians: [],
      groups: [],
    };
    byTicketId.set(row.id, ticket);
    result.set(ticket.glpiId, ticket);
  }
  for (const actor of actors) {
    const ticket = byTicketId.get(actor.ticket_id);
    if (ticket === undefined) continue;
    if (actor.group_name !== null) {
      ticket.groups.push(actor.group_name);
    } else if (actor.first_name !== null && actor.last_name !== null) {
      const display = displayOf({ first_name: actor.first_name, last_name: actor.last_name });
      if (actor.role === 'requester') ticket.requesters.push(display);
      if (actor.role === 'assigned') ticket.technicians.push(display);
    }
  }
  for (const ticket of result.values()) {
    ticket.requesters.sort();
    ticket.technicians.sort();
    ticket.groups.sort();
  }
  return result;
}
