import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canIn } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import { appendAudit } from '../audit/audit.js';
import { type Executor, nowIso } from '../db/connection.js';
import type { TicketRow, TicketSatisfactionRow } from '../db/schema.js';
import { AppError, notFound } from '../http/errors.js';
import type { TicketOperation } from './context.js';
import { safeText } from './schemas.js';

// Satisfaction surveys are created lazily: the first read or answer after a ticket closes stores
// the row, because closing happens in code this module does not own. Every process draws the same
// tickets because the draw is a hash of the ticket id, not a random number.

export const satisfactionAnswerSchema = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: safeText(2000).nullable().optional(),
});

const DAY_MS = 86_400_000;

/** True when the ticket falls in the entity's surveyed share: SHA-256 of its id, modulo 100, below the rate. */
export function isSurveyed(ticketId: number, ratePercent: number): boolean {
  const digest = createHash('sha256').update(`ticket-satisfaction:${ticketId}`).digest();
  return digest.readUInt32BE(0) % 100 < ratePercent;
}

// NOTE: the settings are read from the ticket's own entity; parent entities are not inherited as GLPI does.
async function surveySettings(db: Executor, entityId: number) {
  return db
    .selectFrom('entities')
    .select(['satisfaction_delay_days', 'satisfaction_rate'])
    .where('id', '=', entityId)
    .executeTakeFirstOrThrow();
}

export async function isRequesterOf(db: Executor, ticketId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('ticket_actors').select('id').where('ticket_id', '=', ticketId).where('user_id', '=', userId).where('role', '=', 'requester').executeTakeFirst();
  return row !== undefined;
}

/**
 * Returns the survey of the ticket's latest closing, storing it on first use. A survey row left
 * from an earlier closing is reset, because a reopened ticket loses its survey as in GLPI (the
 * audit trail keeps the old answer). Throws 409 while the ticket is not closed, 404 when the
 * ticket is not in the surveyed share.
 */
export async function openSurvey(db: Executor, ticket: TicketRow): Promise<TicketSatisfactionRow> {
  if (ticket.status !== 'closed' || ticket.closed_at === null) throw new AppError('survey_not_open', { id: ticket.id });
  const closedAt = ticket.closed_at;
  const existing = await db.selectFrom('ticket_satisfactions').selectAll().where('ticket_id', '=', ticket.id).executeTakeFirst();
  if (existing?.closed_at === closedAt) return existing;

  const settings = await surveySettings(db, ticket.entity_id);
  if (!isSurveyed(ticket.id, settings.satisfaction_rate)) throw notFound('survey');
  const expiresAt = new Date(Date.parse(closedAt) + settings.satisfaction_delay_days * DAY_MS).toISOString();
  const now = nowIso();
  const fresh = { closed_at: closedAt, expires_at: expiresAt, rating: null, comment: null, answered_at: null, updated_at: now };

  if (existing !== undefined) {
    return db.updateTable('ticket_satisfactions').set(fresh).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow();
  }
  // Two first reads at once both try to insert: the second does nothing and reads the first's row.
  await db
    .insertInto('ticket_satisfactions')
    .values({ ticket_id: ticket.id, created_at: now, ...fresh })
    .onConflict((conflict) => conflict.column('ticket_id').doNothing())
    .execute();
  return db.selectFrom('ticket_satisfactions').selectAll().where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow();
}

/** Returns the survey to the requester or to a holder of ticket:read in the ticket's entity, and 403 to anyone else. */
export async function readSurvey(db: Executor, principal: Principal, ticket: TicketRow): Promise<TicketSatisfactionRow> {
  if (!canIn(principal, 'ticket:read', ticket.entity_id) && !(await isRequesterOf(db, ticket.id, principal.userId))) {
    throw new AppError('survey_forbidden');
  }
  return openSurvey(db, ticket);
}

/**
 * Records the requester's rating and comment, which they may change until the survey expires.
 * After that every change is rejected with 409. answered_at keeps the time of the first rating.
 */
export async function answerSurvey(op: TicketOperation, ticket: TicketRow, input: z.infer<typeof satisfactionAnswerSchema>): Promise<TicketSatisfactionRow> {
  if (!(await isRequesterOf(op.tx, ticket.id, op.principal.userId))) throw new AppError('survey_requester_only');
  const survey = await openSurvey(op.tx, ticket);
  const now = nowIso();
  if (now >= survey.expires_at) throw new AppError('survey_expired', { expiresAt: survey.expires_at });

  const updated = await op.tx
    .updateTable('ticket_satisfactions')
    .set({ rating: input.rating, comment: input.comment ?? null, answered_at: survey.answered_at ?? now, updated_at: now })
    .where('id', '=', survey.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // The comment is free text that may name patients, so the audit records only whether there is one.
  await appendAudit(op.tx, op.engine, op.audit, {
    action: 'ticket.satisfaction',
    recordType: 'ticket',
    recordId: ticket.id,
    entityId: ticket.entity_id,
    changes: { rating: [survey.rating, input.rating], hasComment: updated.comment !== null, surveyId: survey.id },
  });
  return updated;
}

export function presentSurvey(survey: TicketSatisfactionRow) {
  return {
    ticketId: survey.ticket_id,
    rating: survey.rating,
    comment: survey.comment,
    answeredAt: survey.answered_at,
    closedAt: survey.closed_at,
    expiresAt: survey.expires_at,
    expired: nowIso() >= survey.expires_at,
  };
}
