import { canIn } from '../access/policy.js';
import { appendAudit } from '../audit/audit.js';
import { nowIso } from '../db/connection.js';
import type { TicketRow } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { hasAssignee, takenInto, type TicketOperation, writeTicket } from './context.js';
import { statusChange } from './status.js';
import { requireOnTicket } from './visibility.js';

type Assignee = { userId: number } | { groupId: number };

const CLOSED_STATES = ['solved', 'closed'];

/**
 * Assigns a technician or a group. Without ticket:assign, a technician may only take the ticket
 * for themself. Nouveau becomes En cours (attribué); a support group sets the level when none is set.
 */
export async function addAssignee(op: TicketOperation, ticket: TicketRow, assignee: Assignee): Promise<TicketRow> {
  const selfTake = 'userId' in assignee && assignee.userId === op.principal.userId;
  if (!canIn(op.principal, 'ticket:assign', ticket.entity_id)) {
    if (!selfTake) throw forbidden('ticket:assign');
    requireOnTicket(op.principal, 'ticket:take', ticket);
  }
  if (ticket.status === 'closed') throw new AppError('ticket_state', { reason: 'closed' });

  let level = ticket.level;
  if ('userId' in assignee) {
    const user = await op.tx.selectFrom('users').select(['id', 'is_active']).where('id', '=', assignee.userId).executeTakeFirst();
    if (user === undefined) throw notFound('user');
  } else {
    const group = await op.tx.selectFrom('groups').select(['id', 'is_support', 'level']).where('id', '=', assignee.groupId).executeTakeFirst();
    if (group === undefined) throw notFound('group');
    if (group.is_support !== 1) throw new AppError('ticket_state', { reason: 'not_support_group' });
    level ??= group.level;
  }

  const column = 'userId' in assignee ? 'user_id' : 'group_id';
  const value = 'userId' in assignee ? assignee.userId : assignee.groupId;
  const existing = await op.tx.selectFrom('ticket_actors').select('id').where('ticket_id', '=', ticket.id).where('role', '=', 'assigned').where(column, '=', value).executeTakeFirst();
  if (existing !== undefined) return ticket;

  await op.tx.insertInto('ticket_actors').values({ ticket_id: ticket.id, role: 'assigned', user_id: 'userId' in assignee ? value : null, group_id: 'groupId' in assignee ? value : null }).execute();
  const status = ticket.status === 'new' ? statusChange(ticket, 'assigned', nowIso()) : {};
  const olaStart = 'groupId' in assignee && ticket.ola_started_at === null ? { ola_started_at: nowIso() } : {};
  return writeTicket(op, ticket, 'assign', { ...status, level, ...olaStart, ...takenInto(ticket, op.principal.userId) }, { assigned: { [column]: value } });
}

/** Removes an assignee; removing the last one sends an unsolved ticket back to Nouveau, as GLPI does. */
export async function removeAssignee(op: TicketOperation, ticket: TicketRow, assignee: Assignee): Promise<TicketRow> {
  requireOnTicket(op.principal, 'ticket:assign', ticket);
  const column = 'userId' in assignee ? 'user_id' : 'group_id';
  const value = 'userId' in assignee ? assignee.userId : assignee.groupId;
  const removed = await op.tx.deleteFrom('ticket_actors').where('ticket_id', '=', ticket.id).where('role', '=', 'assigned').where(column, '=', value).executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw notFound(column === 'user_id' ? 'user' : 'group');

  const stillAssigned = await hasAssignee(op, ticket.id);
  const status = !stillAssigned && !CLOSED_STATES.includes(ticket.status) ? statusChange(ticket, 'new', nowIso()) : {};
  return writeTicket(op, ticket, 'unassign', status, { unassigned: { [column]: value } });
}

/**
 * Moves the ticket to another support level with a mandatory reason, kept in its own table and in
 * the audit trail. When a group of the new level is named, it replaces the assigned groups.
 */
export async function escalate(op: TicketOperation, ticket: TicketRow, input: { toLevel: string; reason: string; groupId?: number }): Promise<TicketRow> {
  requireOnTicket(op.principal, 'ticket:escalate', ticket);
  if (CLOSED_STATES.includes(ticket.status)) throw new AppError('ticket_state', { reason: ticket.status === 'closed' ? 'closed' : 'already_solved' });
  if (ticket.level === input.toLevel) throw new AppError('ticket_state', { reason: 'same_level', level: input.toLevel });

  if (input.groupId !== undefined) {
    const group = await op.tx.selectFrom('groups').select(['id', 'is_support', 'level']).where('id', '=', input.groupId).executeTakeFirst();
    if (group === undefined) throw notFound('group');
    if (group.is_support !== 1 || group.level !== input.toLevel) {
      throw new AppError('ticket_state', { reason: 'group_level_mismatch', group: group.id, level: input.toLevel });
    }
    await op.tx.deleteFrom('ticket_actors').where('ticket_id', '=', ticket.id).where('role', '=', 'assigned').where('group_id', 'is not', null).execute();
    await op.tx.insertInto('ticket_actors').values({ ticket_id: ticket.id, role: 'assigned', user_id: null, group_id: group.id }).execute();
  }
  await op.tx
    .insertInto('ticket_escalations')
    .values({ ticket_id: ticket.id, actor_id: op.principal.userId, from_level: ticket.level, to_level: input.toLevel, group_id: input.groupId ?? null, reason: input.reason, created_at: nowIso() })
    .execute();
  const status = ticket.status === 'new' && input.groupId !== undefined ? statusChange(ticket, 'assigned', nowIso()) : {};
  return writeTicket(op, ticket, 'escalate', { level: input.toLevel, ...status, ...takenInto(ticket, op.principal.userId) }, { reason: input.reason, groupId: input.groupId ?? null });
}

export async function recordAuditOnly(op: TicketOperation, ticket: TicketRow, action: string, changes: Record<string, unknown>) {
  await appendAudit(op.tx, op.engine, op.audit, { action: `ticket.${action}`, recordType: 'ticket', recordId: ticket.id, entityId: ticket.entity_id, changes });
}
