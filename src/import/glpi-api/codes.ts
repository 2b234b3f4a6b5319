// GLPI 10 codes and dates, as the REST API returns them, turned into Guichet's values.

import { createGlpiDateParser } from '../glpi-csv-dates.js';
import type { LinkKind } from '../../tickets/links.js';

const STATUSES: Readonly<Record<number, string>> = { 1: 'new', 2: 'assigned', 3: 'planned', 4: 'waiting', 5: 'solved', 6: 'closed' };

/** Ticket status from GLPI's code: 1 Nouveau ... 6 Clos. Throws on another code, which a ticket never has. */
export function ticketStatusOf(code: number | undefined): string {
  const status = code === undefined ? undefined : STATUSES[code];
  if (status === undefined) throw new RangeError(`Unknown GLPI ticket status code: ${String(code)}`);
  return status;
}

/** Ticket type: 1 Incident, 2 Demande. */
export const ticketTypeOf = (code: number | undefined): string => (code === 2 ? 'request' : 'incident');

/** Request source from GLPI's request type name (GLPI keeps the English names even in French). */
export function sourceOf(requestType: string | undefined): string {
  switch (requestType) {
    case 'Helpdesk':
      return 'web';
    case 'E-Mail':
      return 'email';
    case 'Phone':
      return 'phone';
    default:
      return 'import';
  }
}

/** Actor role of a Ticket_User or Group_Ticket type: 1 requester, 2 assigned, 3 observer. */
const ACTOR_ROLES: Record<number, string> = { 1: 'requester', 2: 'assigned', 3: 'observer' };

export function actorRoleOf(code: number | undefined): string | undefined {
  return code === undefined ? undefined : ACTOR_ROLES[code];
}

/** Task state: 1 to do, 2 done, 0 information. */
const TASK_STATES: Record<number, string> = { 1: 'todo', 2: 'done' };

export const taskStateOf = (code: number | undefined): string => (code === undefined ? undefined : TASK_STATES[code]) ?? 'info';

/** Solution status: 3 approved, 4 refused, anything else (2) waiting for approval. */
const ANSWERED_STATUSES: Record<number, string> = { 3: 'accepted', 4: 'refused' };

export const solutionStatusOf = (code: number | undefined): string => (code === undefined ? undefined : ANSWERED_STATUSES[code]) ?? 'waiting';

/** Approval (TicketValidation) status: 3 accepted, 4 refused, anything else (2 waiting, 1 none) waiting. */
export const validationStatusOf = solutionStatusOf;

/**
 * Kind of a Ticket_Ticket link as Guichet stores it, "what the second ticket is to the first":
 * 1 linked, 2 the first duplicates the second, 3 the first is a child of the second, 4 its parent.
 */
const LINK_KINDS: Record<number, LinkKind> = { 2: 'duplicate', 3: 'parent', 4: 'child' };

export function linkKindOf(code: number | undefined): LinkKind {
  return (code === undefined ? undefined : LINK_KINDS[code]) ?? 'related';
}

/**
 * Creates a converter from GLPI's `YYYY-MM-DD HH:MM:SS` wall-clock dates of the server's time zone
 * to ISO 8601 UTC instants; null, empty and unreadable values give null.
 */
export function createDateReader(timeZone: string): (value: unknown) => string | null {
  const parse = createGlpiDateParser(timeZone, 'ymd');
  return (value) => (typeof value === 'string' && value !== '' ? (parse(value) ?? null) : null);
}
