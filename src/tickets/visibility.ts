import type { ExpressionBuilder } from 'kysely';
import { canIn, entityScope, hasPermission } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import type { Database, TicketRow } from '../db/schema.js';
import type { Executor } from '../db/connection.js';
import { AppError, forbidden, notFound } from '../http/errors.js';

/**
 * The one visibility rule of tickets, shared by the list, counters and every route that loads a ticket:
 * technicians see the tickets of the entities where they hold ticket:read; anyone holding
 * ticket:read_own sees the tickets they requested or observe.
 */
export function visibleTickets(principal: Principal) {
  const readScope = entityScope(principal, 'ticket:read');
  const readsOwn = hasPermission(principal, 'ticket:read_own');
  return (eb: ExpressionBuilder<Database, 'tickets'>) => {
    const conditions = [];
    if (readScope.length > 0) conditions.push(eb('tickets.entity_id', 'in', readScope));
    if (readsOwn) {
      conditions.push(
        eb(
          'tickets.id',
          'in',
          eb
            .selectFrom('ticket_actors')
            .select('ticket_actors.ticket_id')
            .where('ticket_actors.user_id', '=', principal.userId)
            .where('ticket_actors.role', 'in', ['requester', 'observer']),
        ),
      );
    }
    return conditions.length === 0 ? eb.val(false) : eb.or(conditions);
  };
}

/** One part of the visibility rule; the parts of a caller never share a ticket. */
export type VisibilityBranch =
  /** Every ticket of these entities. */
  | { kind: 'entities'; entityIds: number[] }
  /** The tickets the caller requested or observes, outside these entities. */
  | { kind: 'own'; userId: number; outsideEntityIds: number[] };

/**
 * Returns the same rule as visibleTickets, split into disjoint parts that together select the same
 * tickets: the entities where the caller has ticket:read, then the tickets they requested or
 * observe elsewhere. A query per part can use indexes where the OR of both cannot. Empty when the
 * caller sees no ticket.
 */
export function visibleTicketBranches(principal: Principal): VisibilityBranch[] {
  const readScope = entityScope(principal, 'ticket:read');
  const branches: VisibilityBranch[] = [];
  if (readScope.length > 0) branches.push({ kind: 'entities', entityIds: readScope });
  if (hasPermission(principal, 'ticket:read_own')) branches.push({ kind: 'own', userId: principal.userId, outsideEntityIds: readScope });
  return branches;
}

export function canSeePrivate(principal: Principal, ticket: Pick<TicketRow, 'entity_id'>): boolean {
  return canIn(principal, 'ticket:read_private', ticket.entity_id);
}

/** Loads a ticket the caller may see. A ticket outside their rights gets 404, so its existence is not revealed. */
export async function loadVisibleTicket(db: Executor, principal: Principal, ticketId: number): Promise<TicketRow> {
  const ticket = await db
    .selectFrom('tickets')
    .selectAll()
    .where('tickets.id', '=', ticketId)
    .where(visibleTickets(principal))
    .executeTakeFirst();
  if (ticket === undefined) throw notFound('ticket');
  return ticket;
}

/** Throws 403 unless the caller holds the permission in the ticket's entity. */
export function requireOnTicket(principal: Principal, permission: Parameters<typeof canIn>[1], ticket: Pick<TicketRow, 'entity_id'>): void {
  if (!canIn(principal, permission, ticket.entity_id)) {
    throw hasPermission(principal, permission) ? new AppError('outside_scope') : forbidden(permission);
  }
}
