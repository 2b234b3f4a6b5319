import type { z } from 'zod';
import { canIn } from '../access/policy.js';
import { nowIso } from '../db/connection.js';
import type { TicketRow } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { hasAssignee, takenInto, type TicketOperation, transitionRulesFor, writeTicket } from './context.js';
import type { approvalSchema, followupSchema, solutionSchema, taskSchema } from './schemas.js';
import { isTransitionAllowed, reopenedStatus, type Status, statusChange } from './status.js';

/** Checks the caller's profiles allow the move; automatic moves pass `automatic` and skip the matrix. */
export async function moveStatus(op: TicketOperation, ticket: TicketRow, next: Status, automatic = false): Promise<Partial<TicketRow>> {
  if (!automatic && ticket.status !== next) {
    const rules = await transitionRulesFor(op, ticket.entity_id);
    if (!isTransitionAllowed(rules, ticket.status as Status, next)) {
      throw new AppError('transition_forbidden', { from: ticket.status, to: next });
    }
  }
  return statusChange(ticket, next, nowIso());
}

async function isRequester(op: TicketOperation, ticket: TicketRow): Promise<boolean> {
  const row = await op.tx
    .selectFrom('ticket_actors')
    .select('role')
    .where('ticket_id', '=', ticket.id)
    .where('user_id', '=', op.principal.userId)
    .where('role', 'in', ['requester', 'assigned'])
    .execute();
  return row.some((actor) => actor.role === 'requester') && !row.some((actor) => actor.role === 'assigned');
}

/**
 * Adds a followup. A requester's reply on a waiting or solved ticket reopens it and marks the
 * pending solution refused; a waiting reason puts the ticket on hold. Private followups need ticket:add_private.
 */
export async function addFollowup(op: TicketOperation, ticket: TicketRow, input: z.infer<typeof followupSchema>): Promise<TicketRow> {
  if (ticket.status === 'closed') throw new AppError('ticket_state', { reason: 'closed' });
  if (input.isPrivate && !canIn(op.principal, 'ticket:add_private', ticket.entity_id)) throw forbidden('ticket:add_private');
  const requester = await isRequester(op, ticket);
  if (!requester && !canIn(op.principal, 'ticket:update', ticket.entity_id)) {
    const observer = await op.tx.selectFrom('ticket_actors').select('id').where('ticket_id', '=', ticket.id).where('user_id', '=', op.principal.userId).executeTakeFirst();
    if (observer === undefined) throw forbidden('ticket:update');
  }
  if (input.waitingReason !== undefined && !canIn(op.principal, 'ticket:update', ticket.entity_id)) throw forbidden('ticket:update');

  const followup = await op.tx
    .insertInto('ticket_followups')
    .values({ ticket_id: ticket.id, author_id: op.principal.userId, content: input.content, is_private: input.isPrivate ? 1 : 0, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();

  let values: Partial<TicketRow> = takenInto(ticket, op.principal.userId);
  if (input.waitingReason !== undefined) {
    values = { ...values, ...(await moveStatus(op, ticket, 'waiting')), waiting_reason: input.waitingReason };
  } else if (requester && (ticket.status === 'waiting' || ticket.status === 'solved')) {
    if (ticket.status === 'solved') await refuseLatestSolution(op, ticket, input.content);
    values = { ...values, ...(await moveStatus(op, ticket, reopenedStatus(await hasAssignee(op, ticket.id)), true)), waiting_reason: null };
  }
  return writeTicket(op, ticket, 'followup', values, { followupId: followup.id, isPrivate: input.isPrivate });
}

/** Adds a task; a planned task moves Nouveau or attribué to planifié; durations add up on the ticket. */
export async function addTask(op: TicketOperation, ticket: TicketRow, input: z.infer<typeof taskSchema>): Promise<TicketRow> {
  if (!canIn(op.principal, 'ticket:update', ticket.entity_id)) throw forbidden('ticket:update');
  if (ticket.status === 'closed') throw new AppError('ticket_state', { reason: 'closed' });
  if (input.isPrivate && !canIn(op.principal, 'ticket:add_private', ticket.entity_id)) throw forbidden('ticket:add_private');
  if (input.technicianId !== undefined) {
    const technician = await op.tx.selectFrom('users').select('id').where('id', '=', input.technicianId).executeTakeFirst();
    if (technician === undefined) throw notFound('user');
  }
  const now = nowIso();
  const task = await op.tx
    .insertInto('ticket_tasks')
    .values({
      ticket_id: ticket.id,
      author_id: op.principal.userId,
      technician_id: input.technicianId ?? op.principal.userId,
      content: input.content,
      is_private: input.isPrivate ? 1 : 0,
      state: input.state,
      duration_seconds: input.durationSeconds,
      planned_start: input.plannedStart ?? null,
      planned_end: input.plannedEnd ?? null,
      mode: input.mode,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const total = await op.tx.selectFrom('ticket_tasks').select((eb) => eb.fn.sum<number>('duration_seconds').as('total')).where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow();
  let values: Partial<TicketRow> = { ...takenInto(ticket, op.principal.userId), action_seconds: Number(total.total ?? 0) };
  if (input.plannedStart !== undefined && (ticket.status === 'new' || ticket.status === 'assigned')) {
    values = { ...values, ...(await moveStatus(op, ticket, 'planned', true)) };
  }
  return writeTicket(op, ticket, 'task', values, { taskId: task.id, durationSeconds: input.durationSeconds, mode: input.mode, isPrivate: input.isPrivate });
}

/** Records a solution: Résolu waiting for the requester, or Clos at once when the entity's delay is 0. */
export async function addSolution(op: TicketOperation, ticket: TicketRow, input: z.infer<typeof solutionSchema>): Promise<TicketRow> {
  if (!canIn(op.principal, 'ticket:solve', ticket.entity_id)) throw forbidden('ticket:solve');
  if (ticket.status === 'solved' || ticket.status === 'closed') throw new AppError('ticket_state', { reason: 'already_solved' });
  const entity = await op.tx.selectFrom('entities').select('autoclose_days').where('id', '=', ticket.entity_id).executeTakeFirstOrThrow();
  const closesAtOnce = entity.autoclose_days === 0;
  const next: Status = closesAtOnce ? 'closed' : 'solved';
  const statusValues = await moveStatus(op, ticket, next);

  const solution = await op.tx
    .insertInto('ticket_solutions')
    .values({ ticket_id: ticket.id, author_id: op.principal.userId, solution_type: input.solutionType ?? null, content: input.content, status: closesAtOnce ? 'accepted' : 'waiting', created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return writeTicket(op, ticket, 'solve', { ...statusValues, ...takenInto(ticket, op.principal.userId), waiting_reason: null }, { solutionId: solution.id });
}

/** Records the requester's approval (Clos) or refusal with a comment (reopened, solution refused). */
export async function answerSolution(op: TicketOperation, ticket: TicketRow, input: z.infer<typeof approvalSchema>): Promise<TicketRow> {
  if (!canIn(op.principal, 'ticket:approve', ticket.entity_id) && !(await isRequester(op, ticket))) throw forbidden('ticket:approve');
  if (!(await isRequester(op, ticket))) throw new AppError('not_requester');
  if (ticket.status !== 'solved') throw new AppError('ticket_state', { reason: 'no_pending_solution' });

  if (input.approved) {
    await answerLatestSolution(op, ticket, 'accepted', input.comment ?? null);
    const values = await moveStatus(op, ticket, 'closed', true);
    return writeTicket(op, ticket, 'approve', values, { comment: input.comment ?? null });
  }
  await refuseLatestSolution(op, ticket, input.comment);
  await op.tx
    .insertInto('ticket_followups')
    .values({ ticket_id: ticket.id, author_id: op.principal.userId, content: input.comment, is_private: 0, created_at: nowIso() })
    .execute();
  const values = await moveStatus(op, ticket, reopenedStatus(await hasAssignee(op, ticket.id)), true);
  return writeTicket(op, ticket, 'refuse', values, { comment: input.comment });
}

async function refuseLatestSolution(op: TicketOperation, ticket: TicketRow, comment: string): Promise<void> {
  await answerLatestSolution(op, ticket, 'refused', comment);
}

async function answerLatestSolution(op: TicketOperation, ticket: TicketRow, status: 'accepted' | 'refused', comment: string | null) {
  const latest = await op.tx.selectFrom('ticket_solutions').select('id').where('ticket_id', '=', ticket.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (latest === undefined) return;
  await op.tx
    .updateTable('ticket_solutions')
    .set({ status, approver_id: op.principal.userId, approval_comment: comment, answered_at: nowIso() })
    .where('id', '=', latest.id)
    .execute();
}
