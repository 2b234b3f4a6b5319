import { appendAudit, SYSTEM_CONTEXT } from '../audit/audit.js';
import type { DatabaseHandle } from '../db/connection.js';
import type { JobDefinition } from '../jobs/scheduler.js';
import { isAlwaysOpen } from '../sla/calendar.js';
import { addWorkingDays } from '../sla/deadline.js';
import { entityCalendar, refreshTicketSla } from '../sla/engine.js';
import { statusChange } from './status.js';

const BATCH_SIZE = 200;

/**
 * Closes Résolu tickets whose requester did not answer within their entity's delay, counted in
 * working days of the entity's calendar (calendar days on a 24/7 calendar). Only Résolu tickets are
 * touched, each in its own transaction after re-reading its status, so a requester's answer given at
 * the same moment wins.
 */
export async function closeUnansweredSolutions(handle: DatabaseHandle, now: Date): Promise<{ processed: number }> {
  const entities = await handle.db.selectFrom('entities').select(['id', 'autoclose_days']).where('autoclose_days', '>', 0).execute();
  let processed = 0;
  for (const entity of entities) {
    const days = entity.autoclose_days ?? 0;
    const calendar = await entityCalendar(handle.db, entity.id);
    // N working days span at least N calendar days, so older solutions are the only candidates.
    const candidatesBefore = new Date(now.getTime() - days * 86_400_000).toISOString();
    let afterId = 0;
    for (;;) {
      const due = await handle.db
        .selectFrom('tickets')
        .select(['id', 'solved_at'])
        .where('entity_id', '=', entity.id)
        .where('status', '=', 'solved')
        .where('solved_at', '<=', candidatesBefore)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(BATCH_SIZE)
        .execute();
      for (const ticket of due) {
        afterId = ticket.id;
        if (ticket.solved_at === null) continue;
        const deadline = isAlwaysOpen(calendar)
          ? new Date(Date.parse(ticket.solved_at) + days * 86_400_000)
          : addWorkingDays(calendar, new Date(ticket.solved_at), days);
        if (deadline <= now && (await closeOne(handle, ticket.id, ticket.solved_at))) processed += 1;
      }
      if (due.length < BATCH_SIZE) break;
    }
  }
  return { processed };
}

/** Closes one ticket if it is still Résolu by the same solution (its solve date unchanged). */
async function closeOne(handle: DatabaseHandle, ticketId: number, solvedAt: string): Promise<boolean> {
  return handle.db.transaction().execute(async (tx) => {
    const query = tx.selectFrom('tickets').selectAll().where('id', '=', ticketId);
    const ticket = await (handle.engine === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    if (ticket === undefined || ticket.status !== 'solved' || ticket.solved_at !== solvedAt) return false;
    const now = new Date().toISOString();
    const closed = await tx.updateTable('tickets').set({ ...statusChange(ticket, 'closed', now), updated_at: now }).where('id', '=', ticket.id).returningAll().executeTakeFirstOrThrow();
    const sla = await refreshTicketSla(tx, ticket, closed, now);
    if (Object.keys(sla).length > 0) await tx.updateTable('tickets').set(sla).where('id', '=', ticket.id).execute();
    await appendAudit(tx, handle.engine, SYSTEM_CONTEXT, {
      action: 'ticket.autoclose',
      recordType: 'ticket',
      recordId: ticket.id,
      entityId: ticket.entity_id,
      changes: { status: ['solved', 'closed'], reason: 'no answer from the requester' },
    });
    return true;
  });
}

export const autocloseJob: JobDefinition = {
  name: 'tickets.autoclose',
  intervalMs: 15 * 60_000,
  run: closeUnansweredSolutions,
};
