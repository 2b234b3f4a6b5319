import { appendAudit, SYSTEM_CONTEXT } from '../audit/audit.js';
import type { DatabaseHandle, Executor } from '../db/connection.js';
import { isUniqueViolation } from '../db/errors.js';
import type { TicketRow } from '../db/schema.js';
import type { JobDefinition } from '../jobs/scheduler.js';
import { RUNNING_STATUSES } from '../tickets/status.js';


type Level = { id: number; sla_id: number; offset_seconds: number; action: string; group_id: number | null; priority: number | null; target: string };

/**
 * Runs the escalation levels that fell due: each level once per ticket, recorded in
 * ticket_sla_level_runs whose primary key makes a second run impossible even with several
 * processes. After downtime only the latest due level of a ticket runs; earlier ones are recorded
 * as skipped, so a ticket never receives a burst of escalations at once.
 */
export async function runSlaLevels(handle: DatabaseHandle, now: Date): Promise<{ processed: number }> {
  const levels = (await handle.db
    .selectFrom('sla_levels')
    .innerJoin('slas', 'slas.id', 'sla_levels.sla_id')
    .select(['sla_levels.id', 'sla_levels.sla_id', 'sla_levels.offset_seconds', 'sla_levels.action', 'sla_levels.group_id', 'sla_levels.priority', 'slas.target'])
    .execute()) as Level[];
  const due = new Map<number, Level[]>();
  for (const level of levels) {
    const column = level.target === 'tto' ? 'tto_due_at' : 'ttr_due_at';
    const slaColumn = level.target === 'tto' ? 'sla_tto_id' : 'sla_ttr_id';
    const threshold = new Date(now.getTime() - level.offset_seconds * 1000).toISOString();
    const tickets = await handle.db
      .selectFrom('tickets')
      .select('tickets.id')
      .where(slaColumn, '=', level.sla_id)
      .where('status', 'in', RUNNING_STATUSES)
      .where(column, 'is not', null)
      .where(column, '<=', threshold)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('ticket_sla_level_runs').select('ticket_id').whereRef('ticket_sla_level_runs.ticket_id', '=', 'tickets.id').where('ticket_sla_level_runs.level_id', '=', level.id))))
      .execute();
    for (const { id } of tickets) due.set(id, [...(due.get(id) ?? []), level]);
  }

  let processed = 0;
  for (const [ticketId, ticketLevels] of due) {
    const ordered = [...ticketLevels].sort((a, b) => a.offset_seconds - b.offset_seconds);
    const latest = ordered[ordered.length - 1] as Level;
    try {
      await handle.db.transaction().execute(async (tx) => {
        for (const level of ordered) {
          await tx.insertInto('ticket_sla_level_runs').values({ ticket_id: ticketId, level_id: level.id, outcome: level === latest ? 'executed' : 'skipped', run_at: now.toISOString() }).execute();
        }
        const ticket = await tx.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirstOrThrow();
        await applyLevel(tx, handle, ticket, latest);
      });
      processed += 1;
    } catch (error) {
      // Another process recorded the same run first: it did the work.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { processed };
}

async function applyLevel(tx: Executor, handle: DatabaseHandle, ticket: TicketRow, level: Level): Promise<void> {
  const changes: Record<string, unknown> = { levelId: level.id, action: level.action };
  if (level.action === 'add_group' && level.group_id !== null) {
    const present = await tx.selectFrom('ticket_actors').select('id').where('ticket_id', '=', ticket.id).where('role', '=', 'assigned').where('group_id', '=', level.group_id).executeTakeFirst();
    if (present === undefined) await tx.insertInto('ticket_actors').values({ ticket_id: ticket.id, role: 'assigned', user_id: null, group_id: level.group_id }).execute();
    changes.groupId = level.group_id;
  }
  if (level.action === 'raise_priority' && level.priority !== null && level.priority > ticket.priority) {
    await tx.updateTable('tickets').set({ priority: level.priority, updated_at: new Date().toISOString() }).where('id', '=', ticket.id).execute();
    changes.priority = [ticket.priority, level.priority];
  }
  // NOTE: "notify" is recorded in the audit trail only; sending e-mail comes with the mail integration.
  await appendAudit(tx, handle.engine, SYSTEM_CONTEXT, { action: 'ticket.sla_level', recordType: 'ticket', recordId: ticket.id, entityId: ticket.entity_id, changes });
}

export const slaLevelJob: JobDefinition = { name: 'sla.levels', intervalMs: 5 * 60_000, run: runSlaLevels };
