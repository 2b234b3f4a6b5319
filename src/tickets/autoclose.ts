import { appendAudit, SYSTEM_CONTEXT } from '../audit/audit.js';
import type { DatabaseHandle } from '../db/connection.js';
import type { JobDefinition } from '../jobs/scheduler.js';
import { refreshTicketSla } from '../sla/engine.js';
import { statusChange } from './status.js';

const BATCH_SIZE = 200;

/**
 * Closes Résolu tickets whose requester did not answer within their entity's delay (in calendar
 * days). Only Résolu tickets are touched, each in its own transaction after re-reading its status,
 * so a requester's answer given at the same moment wins.
 */
export async function closeUnansweredSolutions(handle: DatabaseHandle, now: Date): Promise<{ processed: number }> {
  const entities = await handle.db.selectFrom('entities').select(['id', 'autoclose_days']).where('autoclose_days', '>', 0).execute();
  let processed = 0;
  for (const entity of entities) {
    // TODO: count the delay in working days of the entity's calendar once entities have calendars.
    const cutoff = new Date(now.getTime() - (entity.autoclose_days ?? 0) * 86_400_000).toISOString();
    for (;;) {
      const due = await handle.db
        .selectFrom('tickets')
        .select('id')
        .where('entity_id', '=', entity.id)
        .where('status', '=', 'solved')
        .where('solved_at', '<=', cutoff)
        .orderBy('id')
        .limit(BATCH_SIZE)
        .execute();
      for (const { id } of due) {
        if (await closeOne(handle, id, cutoff)) processed += 1;
      }
      if (due.length < BATCH_SIZE) break;
    }
  }
  return { processed };
}

async function closeOne(handle: DatabaseHandle, ticketId: number, cutoff: string): Promise<boolean> {
  return handle.db.transaction().execute(async (tx) => {
    const query = tx.selectFrom('tickets').selectAll().where('id', '=', ticketId);
    const ticket = await (handle.engine === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    if (ticket === undefined || ticket.status !== 'solved' || ticket.solved_at === null || ticket.solved_at > cutoff) return false;
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
