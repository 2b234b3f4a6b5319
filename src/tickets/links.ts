import { z } from 'zod';
import type { Principal } from '../access/principal.js';
import { appendAudit } from '../audit/audit.js';
import { type Executor, nowIso } from '../db/connection.js';
import { isUniqueViolation } from '../db/errors.js';
import type { TicketLinkRow, TicketRow } from '../db/schema.js';
import { AppError, invalidField, notFound } from '../http/errors.js';
import type { TicketOperation } from './context.js';
import { loadVisibleTicket, requireOnTicket, visibleTickets } from './visibility.js';

// Links between tickets, one per pair as in GLPI. A link is stored once, lower ticket id first,
// with the kind read from that ticket; seen from the other ticket, parent and child swap.
// duplicate and related read the same from both sides.

export const LINK_KINDS = ['duplicate', 'parent', 'child', 'related'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

const id = z.number().int().positive().max(2_147_483_647);

/** `kind` is what `ticketId` is to the ticket in the path: "parent" makes ticketId its parent. */
export const linkCreateSchema = z.strictObject({ ticketId: id, kind: z.enum(LINK_KINDS) });

const INVERSE: Record<LinkKind, LinkKind> = { duplicate: 'duplicate', related: 'related', parent: 'child', child: 'parent' };

/** Returns the kind of the link as seen from `ticketId`, which is one of the row's two tickets. */
export function kindSeenFrom(row: Pick<TicketLinkRow, 'ticket_id' | 'kind'>, ticketId: number): LinkKind {
  const kind = row.kind as LinkKind;
  return row.ticket_id === ticketId ? kind : INVERSE[kind];
}

function otherTicketOf(row: Pick<TicketLinkRow, 'ticket_id' | 'linked_ticket_id'>, ticketId: number): number {
  return row.ticket_id === ticketId ? row.linked_ticket_id : row.ticket_id;
}

async function auditLink(op: TicketOperation, action: string, linkId: number, ticket: TicketRow, other: TicketRow, kind: LinkKind) {
  for (const [self, target] of [[ticket, other], [other, ticket]] as const) {
    await appendAudit(op.tx, op.engine, op.audit, {
      action: `ticket.${action}`,
      recordType: 'ticket',
      recordId: self.id,
      entityId: self.entity_id,
      changes: { linkId, ticketId: target.id, kind: self.id === ticket.id ? kind : INVERSE[kind] },
    });
  }
}

/**
 * Links `ticket` to `other`, `kind` being what other is to ticket, and audits it on both tickets.
 * A plain "related" link is upgraded to the new kind, as GLPI does. Any other existing link
 * raises 409 unless `replace` is set, which a merge uses to turn it into a duplicate link.
 */
export async function saveLink(op: TicketOperation, ticket: TicketRow, other: TicketRow, kind: LinkKind, replace = false): Promise<TicketLinkRow> {
  const [low, high] = ticket.id < other.id ? [ticket.id, other.id] : [other.id, ticket.id];
  const storedKind = ticket.id === low ? kind : INVERSE[kind];
  const existing = await op.tx.selectFrom('ticket_links').selectAll().where('ticket_id', '=', low).where('linked_ticket_id', '=', high).executeTakeFirst();

  let link: TicketLinkRow;
  if (existing !== undefined) {
    if (!replace && (existing.kind !== 'related' || storedKind === 'related')) {
      throw new AppError('link_exists', { id: ticket.id, otherId: other.id, kind: kindSeenFrom(existing, ticket.id) });
    }
    link = await op.tx.updateTable('ticket_links').set({ kind: storedKind }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow();
  } else {
    try {
      link = await op.tx
        .insertInto('ticket_links')
        .values({ ticket_id: low, linked_ticket_id: high, kind: storedKind, created_by: op.principal.userId, created_at: nowIso() })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('link_exists', { id: ticket.id, otherId: other.id, kind });
      throw error;
    }
  }
  await auditLink(op, 'link_add', link.id, ticket, other, kind);
  return link;
}

/** Both tickets must be visible to the caller (404) and updatable in their entities (403). */
export async function addLink(op: TicketOperation, ticketId: number, input: z.infer<typeof linkCreateSchema>): Promise<TicketLinkRow> {
  if (input.ticketId === ticketId) throw invalidField('ticketId', 'link_to_itself');
  const ticket = await loadVisibleTicket(op.tx, op.principal, ticketId);
  const other = await loadVisibleTicket(op.tx, op.principal, input.ticketId);
  requireOnTicket(op.principal, 'ticket:update', ticket);
  requireOnTicket(op.principal, 'ticket:update', other);
  return saveLink(op, ticket, other, input.kind);
}

export async function removeLink(op: TicketOperation, ticketId: number, linkId: number): Promise<void> {
  const ticket = await loadVisibleTicket(op.tx, op.principal, ticketId);
  const link = await op.tx
    .selectFrom('ticket_links')
    .selectAll()
    .where('id', '=', linkId)
    .where((eb) => eb.or([eb('ticket_id', '=', ticket.id), eb('linked_ticket_id', '=', ticket.id)]))
    .executeTakeFirst();
  if (link === undefined) throw notFound('link');
  const other = await loadVisibleTicket(op.tx, op.principal, otherTicketOf(link, ticket.id));
  requireOnTicket(op.principal, 'ticket:update', ticket);
  requireOnTicket(op.principal, 'ticket:update', other);

  await op.tx.deleteFrom('ticket_links').where('id', '=', link.id).execute();
  await auditLink(op, 'link_delete', link.id, ticket, other, kindSeenFrom(link, ticket.id));
}

/** Links of the ticket to tickets the caller can see, each with the kind read from this ticket. */
export async function listLinks(db: Executor, principal: Principal, ticket: TicketRow) {
  const links = await db
    .selectFrom('ticket_links')
    .selectAll()
    .where((eb) => eb.or([eb('ticket_id', '=', ticket.id), eb('linked_ticket_id', '=', ticket.id)]))
    .orderBy('id')
    .execute();
  if (links.length === 0) return [];
  const others = await db
    .selectFrom('tickets')
    .select(['tickets.id', 'tickets.title', 'tickets.status'])
    .where('tickets.id', 'in', links.map((link) => otherTicketOf(link, ticket.id)))
    .where(visibleTickets(principal))
    .execute();
  const byId = new Map(others.map((other) => [other.id, other]));
  return links.flatMap((link) => {
    const other = byId.get(otherTicketOf(link, ticket.id));
    if (other === undefined) return [];
    return [{ id: link.id, ticketId: other.id, title: other.title, status: other.status, kind: kindSeenFrom(link, ticket.id), createdAt: link.created_at }];
  });
}
