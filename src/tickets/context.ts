import { expandEntity, type Principal } from '../access/principal.js';
import { appendAudit, type AuditContext } from '../audit/audit.js';
import type { Engine, Executor } from '../db/connection.js';
import { nowIso } from '../db/connection.js';
import type { TicketRow } from '../db/schema.js';
import { refreshTicketSla } from '../sla/engine.js';
import { loadVisibleTicket } from './visibility.js';
import type { ForbiddenTransitions } from './status.js';

/** Everything a ticket operation needs: the open transaction, the caller and where the request came from. */
export interface TicketOperation {
  tx: Executor;
  engine: Engine;
  principal: Principal;
  audit: AuditContext;
}

/** Loads a visible ticket and locks its row until the transaction ends (PostgreSQL; SQLite has one writer). */
export async function lockTicket(op: TicketOperation, ticketId: number): Promise<TicketRow> {
  const ticket = await loadVisibleTicket(op.tx, op.principal, ticketId);
  if (op.engine === 'postgres') {
    return op.tx.selectFrom('tickets').selectAll().where('id', '=', ticket.id).forUpdate().executeTakeFirstOrThrow();
  }
  return ticket;
}

/**
 * Writes changed columns of a ticket, brings its SLA deadlines, pauses and delays up to date, and
 * appends one audit row listing each field's old and new value, deadlines included, so every
 * recomputation is recorded. `details` adds facts that are not columns. Returns the updated row.
 */
export async function writeTicket(
  op: TicketOperation,
  ticket: TicketRow,
  action: string,
  values: Partial<TicketRow>,
  details: Record<string, unknown> = {},
): Promise<TicketRow> {
  const now = nowIso();
  let updated = await op.tx
    .updateTable('tickets')
    .set({ ...values, updated_at: now })
    .where('id', '=', ticket.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const sla = await refreshTicketSla(op.tx, ticket, updated, now);
  if (Object.keys(sla).length > 0) {
    updated = await op.tx.updateTable('tickets').set(sla).where('id', '=', ticket.id).returningAll().executeTakeFirstOrThrow();
  }

  const changes: Record<string, unknown> = { ...details };
  for (const [field, value] of Object.entries({ ...values, ...sla })) {
    const old = ticket[field as keyof TicketRow];
    if (value !== undefined && old !== value) changes[field] = [old, value];
  }
  await appendAudit(op.tx, op.engine, op.audit, {
    action: `ticket.${action}`,
    recordType: 'ticket',
    recordId: ticket.id,
    entityId: ticket.entity_id,
    changes,
  });
  return updated;
}

/** The forbidden-transition lists of the caller's profiles that apply in the entity. */
export async function transitionRulesFor(op: TicketOperation, entityId: number): Promise<ForbiddenTransitions[]> {
  const assignments = await op.tx
    .selectFrom('user_entities')
    .innerJoin('profiles', 'profiles.id', 'user_entities.profile_id')
    .select(['user_entities.entity_id', 'user_entities.is_recursive', 'profiles.forbidden_transitions'])
    .where('user_entities.user_id', '=', op.principal.userId)
    .execute();
  const needsTree = assignments.some((row) => row.is_recursive === 1 && row.entity_id !== entityId);
  const tree = needsTree ? await op.tx.selectFrom('entities').select(['id', 'parent_id']).execute() : [];
  return assignments
    .filter((row) => row.entity_id === entityId || (row.is_recursive === 1 && expandEntity(tree, row.entity_id).includes(entityId)))
    .map((row) => JSON.parse(row.forbidden_transitions) as ForbiddenTransitions);
}

/** "Taken into account" is the first action by someone other than the requester. */
export function takenInto(ticket: TicketRow, actorId: number): Partial<TicketRow> {
  return ticket.taken_at === null && ticket.requester_id !== actorId ? { taken_at: nowIso() } : {};
}

export async function hasAssignee(op: TicketOperation, ticketId: number): Promise<boolean> {
  const row = await op.tx
    .selectFrom('ticket_actors')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('role', '=', 'assigned')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
