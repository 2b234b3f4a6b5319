import type { Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import type { TicketRow } from '../db/schema.js';
import { canSeePrivate } from './visibility.js';

export interface TimelineItem {
  kind: 'followup' | 'task' | 'solution' | 'escalation';
  id: number;
  at: string;
  authorId: number | null;
  content: string;
  isPrivate: boolean;
  details: Record<string, unknown>;
}

/**
 * Followups, tasks, solutions and escalations in time order. Private items reach only those who
 * may read private items in the ticket's entity, and their own authors.
 */
export async function loadTimeline(db: Executor, principal: Principal, ticket: TicketRow): Promise<TimelineItem[]> {
  const seesPrivate = canSeePrivate(principal, ticket);
  const [followups, tasks, solutions, escalations] = await Promise.all([
    db.selectFrom('ticket_followups').selectAll().where('ticket_id', '=', ticket.id).execute(),
    db.selectFrom('ticket_tasks').selectAll().where('ticket_id', '=', ticket.id).execute(),
    db.selectFrom('ticket_solutions').selectAll().where('ticket_id', '=', ticket.id).execute(),
    db.selectFrom('ticket_escalations').selectAll().where('ticket_id', '=', ticket.id).execute(),
  ]);
  const visible = (isPrivate: number, authorId: number | null) => isPrivate === 0 || seesPrivate || authorId === principal.userId;

  const items: TimelineItem[] = [
    ...followups.filter((row) => visible(row.is_private, row.author_id)).map((row) => ({
      kind: 'followup' as const, id: row.id, at: row.created_at, authorId: row.author_id, content: row.content, isPrivate: row.is_private === 1, details: {},
    })),
    ...tasks.filter((row) => visible(row.is_private, row.author_id)).map((row) => ({
      kind: 'task' as const, id: row.id, at: row.created_at, authorId: row.author_id, content: row.content, isPrivate: row.is_private === 1,
      details: { state: row.state, durationSeconds: row.duration_seconds, plannedStart: row.planned_start, plannedEnd: row.planned_end, mode: row.mode, technicianId: row.technician_id },
    })),
    ...solutions.map((row) => ({
      kind: 'solution' as const, id: row.id, at: row.created_at, authorId: row.author_id, content: row.content, isPrivate: false,
      details: { status: row.status, solutionType: row.solution_type, approverId: row.approver_id, approvalComment: row.approval_comment, answeredAt: row.answered_at },
    })),
    ...escalations.map((row) => ({
      kind: 'escalation' as const, id: row.id, at: row.created_at, authorId: row.actor_id, content: row.reason, isPrivate: false,
      details: { fromLevel: row.from_level, toLevel: row.to_level, groupId: row.group_id },
    })),
  ];
  return items.sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
}

const PRIVATE_DETAIL_ACTIONS = new Set(['ticket.followup', 'ticket.task', 'ticket.attachment_add', 'ticket.attachment_delete']);

/** Every change of the ticket from the audit trail; rows about private items are hidden from those who may not see them. */
export async function loadHistory(db: Executor, principal: Principal, ticket: TicketRow) {
  const seesPrivate = canSeePrivate(principal, ticket);
  const rows = await db
    .selectFrom('audit_log')
    .select(['seq', 'occurred_at', 'actor_id', 'actor_login', 'action', 'changes'])
    .where('record_type', '=', 'ticket')
    .where('record_id', '=', String(ticket.id))
    .orderBy('seq')
    .execute();
  return rows
    .map((row) => ({ ...row, changes: JSON.parse(row.changes) as Record<string, unknown> }))
    .filter((row) => seesPrivate || !(PRIVATE_DETAIL_ACTIONS.has(row.action) && row.changes.isPrivate === true))
    .map((row) => ({ seq: Number(row.seq), at: row.occurred_at, actorId: row.actor_id, actorLogin: row.actor_login, action: row.action, changes: row.changes }));
}
