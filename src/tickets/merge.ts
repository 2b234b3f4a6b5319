import { z } from 'zod';
import { nowIso } from '../db/connection.js';
import type { TicketRow } from '../db/schema.js';
import { AppError, invalidField } from '../http/errors.js';
import { lockTicket, type TicketOperation, writeTicket } from './context.js';
import { saveLink } from './links.js';
import { moveStatus } from './timeline.js';
import { requireOnTicket } from './visibility.js';

export const mergeSchema = z.strictObject({ intoTicketId: z.number().int().positive().max(2_147_483_647) });

async function totalTaskSeconds(op: TicketOperation, ticketId: number): Promise<number> {
  const total = await op.tx
    .selectFrom('ticket_tasks')
    .select((eb) => eb.fn.sum<number>('duration_seconds').as('total'))
    .where('ticket_id', '=', ticketId)
    .executeTakeFirstOrThrow();
  return Number(total.total ?? 0);
}

async function addFollowupNote(op: TicketOperation, ticketId: number, content: string): Promise<void> {
  await op.tx.insertInto('ticket_followups').values({ ticket_id: ticketId, author_id: op.principal.userId, content, is_private: 0, created_at: nowIso() }).execute();
}

/** Moves the timeline rows of one ticket to another, keeping their ids, dates and authors. */
async function moveItems(op: TicketOperation, sourceId: number, targetId: number) {
  const followups = await op.tx.updateTable('ticket_followups').set({ ticket_id: targetId }).where('ticket_id', '=', sourceId).executeTakeFirst();
  const tasks = await op.tx.updateTable('ticket_tasks').set({ ticket_id: targetId }).where('ticket_id', '=', sourceId).executeTakeFirst();
  const attachments = await op.tx.updateTable('ticket_attachments').set({ ticket_id: targetId }).where('ticket_id', '=', sourceId).executeTakeFirst();
  return {
    followups: Number(followups.numUpdatedRows),
    tasks: Number(tasks.numUpdatedRows),
    attachments: Number(attachments.numUpdatedRows),
  };
}

/** Adds the source's requester and observers as observers of the target, skipping its current actors. */
async function addSourceActorsAsObservers(op: TicketOperation, source: TicketRow, target: TicketRow): Promise<number[]> {
  const [sourceActors, targetActors] = await Promise.all([
    op.tx.selectFrom('ticket_actors').select('user_id').where('ticket_id', '=', source.id).where('role', 'in', ['requester', 'observer']).execute(),
    op.tx.selectFrom('ticket_actors').select('user_id').where('ticket_id', '=', target.id).execute(),
  ]);
  const present = new Set(targetActors.map((actor) => actor.user_id));
  const added = [...new Set(sourceActors.map((actor) => actor.user_id))].filter((userId): userId is number => userId !== null && !present.has(userId));
  if (added.length > 0) {
    await op.tx.insertInto('ticket_actors').values(added.map((userId) => ({ ticket_id: target.id, role: 'observer', user_id: userId, group_id: null }))).execute();
  }
  return added;
}

/**
 * Merges ticket `sourceId` into `targetId` and returns the target. The source's followups, tasks
 * and attachments move to the target, and its requester and observers become observers there.
 * A followup on the target names the merged ticket, the two are linked as duplicates, and the
 * source is closed with a note. Both tickets are locked lower id first, so crossed merges cannot deadlock.
 */
export async function mergeTicket(op: TicketOperation, sourceId: number, targetId: number): Promise<TicketRow> {
  if (sourceId === targetId) throw invalidField('intoTicketId', 'link_to_itself');
  const first = await lockTicket(op, Math.min(sourceId, targetId));
  const second = await lockTicket(op, Math.max(sourceId, targetId));
  const [source, target] = first.id === sourceId ? [first, second] : [second, first];
  requireOnTicket(op.principal, 'ticket:merge', source);
  requireOnTicket(op.principal, 'ticket:merge', target);
  for (const ticket of [source, target]) {
    if (ticket.status === 'closed') throw new AppError('ticket_closed', { id: ticket.id });
  }

  const moved = await moveItems(op, source.id, target.id);
  const observersAdded = await addSourceActorsAsObservers(op, source, target);
  // Stored text is written once, in French, the language of the service desk's users.
  await addFollowupNote(op, target.id, `Ticket n° ${source.id} fusionné dans ce ticket : ${source.title}\n\n${source.description}`);
  await addFollowupNote(op, source.id, `Ticket fusionné dans le ticket n° ${target.id}.`);
  await saveLink(op, source, target, 'duplicate', true);

  const sourceValues: Partial<TicketRow> = {
    ...(await moveStatus(op, source, 'closed', true)),
    waiting_reason: null,
    action_seconds: await totalTaskSeconds(op, source.id),
  };
  await writeTicket(op, source, 'merged_into', sourceValues, { intoTicketId: target.id, ...moved });
  return writeTicket(op, target, 'merged_from', { action_seconds: await totalTaskSeconds(op, target.id) }, { fromTicketId: source.id, ...moved, observersAdded });
}
