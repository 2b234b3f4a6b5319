import type { z } from 'zod';
import { canIn, hasPermission } from '../access/policy.js';
import type { TicketRow } from '../db/schema.js';
import { AppError, forbidden, invalidField, notFound } from '../http/errors.js';
import { computePriority } from '../priority/matrix.js';
import { searchable } from './create.js';
import { hasAssignee, takenInto, type TicketOperation, writeTicket } from './context.js';
import type { ticketUpdateSchema } from './schemas.js';
import { loadPriorityMatrix } from './settings.js';
import { moveStatus } from './timeline.js';

type TicketUpdate = z.infer<typeof ticketUpdateSchema>;

/**
 * Edits a ticket's fields and, where asked, its status. Urgency or impact changes recompute the
 * priority from the matrix; a priority set by hand needs ticket:change_priority and a reason.
 */
export async function updateTicket(op: TicketOperation, ticket: TicketRow, input: TicketUpdate): Promise<TicketRow> {
  if (!canIn(op.principal, 'ticket:update', ticket.entity_id)) {
    throw hasPermission(op.principal, 'ticket:update') ? new AppError('outside_scope') : forbidden('ticket:update');
  }
  if (ticket.status === 'closed' && input.status === undefined) throw new AppError('ticket_state', { reason: 'closed' });
  if (input.categoryId !== undefined && input.categoryId !== null) {
    const category = await op.tx.selectFrom('categories').select(['id', 'is_incident', 'is_request']).where('id', '=', input.categoryId).executeTakeFirst();
    if (category === undefined) throw notFound('category');
  }

  const values: Partial<TicketRow> = {
    ...(input.type === undefined ? {} : { type: input.type }),
    ...(input.title === undefined ? {} : { title: input.title.trim() }),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.categoryId === undefined ? {} : { category_id: input.categoryId }),
    ...(input.locationId === undefined ? {} : { location_id: input.locationId }),
    ...(input.device === undefined ? {} : { device: input.device }),
  };
  if (values.title !== undefined || values.description !== undefined) {
    values.search_text = searchable(values.title ?? ticket.title, values.description ?? ticket.description);
  }
  Object.assign(values, await priorityValues(op, ticket, input));
  Object.assign(values, await statusValues(op, ticket, input));
  return writeTicket(op, ticket, 'update', { ...values, ...takenInto(ticket, op.principal.userId) }, input.overrideReason === undefined ? {} : { overrideReason: input.overrideReason });
}

async function priorityValues(op: TicketOperation, ticket: TicketRow, input: TicketUpdate): Promise<Partial<TicketRow>> {
  if (input.urgency === undefined && input.impact === undefined && input.priority === undefined) return {};
  const urgency = input.urgency ?? ticket.urgency;
  const impact = input.impact ?? ticket.impact;
  const computed = computePriority(await loadPriorityMatrix(op.tx), urgency, impact);
  const priority = input.priority ?? computed;
  if (priority !== computed) {
    if (!canIn(op.principal, 'ticket:change_priority', ticket.entity_id)) throw forbidden('ticket:change_priority');
    if (input.overrideReason === undefined) throw invalidField('overrideReason', 'reason_required');
  }
  return { urgency, impact, priority, ...(priority !== computed ? { priority_reason: input.overrideReason ?? null } : {}) };
}

async function statusValues(op: TicketOperation, ticket: TicketRow, input: TicketUpdate): Promise<Partial<TicketRow>> {
  const next = input.status;
  if (next === undefined || next === ticket.status) return {};
  if (next === 'waiting' && input.waitingReason === undefined) throw invalidField('waitingReason', 'reason_required');
  if (next === 'solved') throw new AppError('ticket_state', { reason: 'solve_with_solution' });
  if ((next === 'assigned' || next === 'planned') && !(await hasAssignee(op, ticket.id))) {
    throw new AppError('ticket_state', { reason: 'assign_first' });
  }
  const values = await moveStatus(op, ticket, next);
  return { ...values, waiting_reason: next === 'waiting' ? (input.waitingReason ?? null) : null };
}
