import { reopenedStatus, type Status, type StatusDates, statusChange } from '../tickets/status.js';
import type { Level } from './catalog.js';
import type { Step, TicketPlan } from './timeline.js';

// Applies a ticket's planned steps up to an instant, with the same status rules as the API
// (statusChange) and the pauses the SLA engine records, and returns the rows to insert.

const PAUSING = new Set<string>(['waiting', 'solved']);
const iso = (at: number) => new Date(at).toISOString();

export interface ReplayedTicket {
  columns: StatusDates & {
    waiting_reason: string | null;
    taken_at: string | null;
    level: Level | null;
    action_seconds: number;
    updated_at: string;
    ola_started_at: string | null;
  };
  actors: { role: string; user_id: number | null; group_id: number | null }[];
  followups: { author_id: number; content: string; is_private: number; created_at: string }[];
  tasks: {
    author_id: number;
    technician_id: number;
    content: string;
    is_private: number;
    state: string;
    duration_seconds: number;
    planned_start: string | null;
    planned_end: string | null;
    mode: string;
    created_at: string;
    updated_at: string;
  }[];
  solutions: { author_id: number; content: string; status: string; approver_id: number | null; approval_comment: string | null; answered_at: string | null; created_at: string }[];
  escalations: { actor_id: number; from_level: string | null; to_level: string; group_id: number; reason: string; created_at: string }[];
  pauses: { kind: string; start_at: string; end_at: string | null }[];
  /** Each status the ticket entered, with the instant. */
  statusLog: { at: number; status: Status }[];
}

/** Replays the plan's steps dated at or before `until` (epoch milliseconds). */
export function replayPlan(plan: TicketPlan, until: number): ReplayedTicket {
  const typedByStaff = plan.writerId !== null && plan.writerId !== plan.requesterId;
  const ticket: ReplayedTicket = {
    columns: {
      status: 'new', solved_at: null, closed_at: null, begin_waiting_at: null, waiting_seconds: 0, waiting_reason: null,
      taken_at: typedByStaff ? iso(plan.openedAt) : null, level: null, action_seconds: 0, updated_at: iso(plan.openedAt), ola_started_at: null,
    },
    actors: [{ role: 'requester', user_id: plan.requesterId, group_id: null }],
    followups: [], tasks: [], solutions: [], escalations: [], pauses: [],
    statusLog: [{ at: plan.openedAt, status: 'new' }],
  };
  const steps = [...plan.steps].sort((a, b) => a.at - b.at);
  for (const step of steps) {
    if (step.at > until) break;
    applyStep(ticket, step, until);
    ticket.columns.updated_at = iso(step.at);
    const actor = actorOf(step);
    if (ticket.columns.taken_at === null && actor !== plan.requesterId && actor !== null) ticket.columns.taken_at = iso(step.at);
  }
  return ticket;
}

function actorOf(step: Step): number | null {
  switch (step.kind) {
    case 'assign': case 'task': return step.technicianId;
    case 'escalate': return step.actorId;
    case 'followup': case 'wait': case 'solve': return step.authorId;
    case 'resume': case 'refuse': case 'approve': return step.requesterId;
    case 'autoclose': return null;
  }
}

/** Moves to `next` as statusChange does, ending and starting pauses as refreshTicketSla records them. */
function move(ticket: ReplayedTicket, next: Status, at: number): void {
  const change = statusChange(ticket.columns, next, iso(at));
  if (Object.keys(change).length === 0) return;
  const before = ticket.columns.status;
  Object.assign(ticket.columns, change);
  if (PAUSING.has(before)) {
    for (const pause of ticket.pauses) if (pause.end_at === null) pause.end_at = iso(at);
  }
  if (PAUSING.has(next)) ticket.pauses.push({ kind: next, start_at: next === 'solved' ? (ticket.columns.solved_at ?? iso(at)) : iso(at), end_at: null });
  ticket.statusLog.push({ at, status: next });
}

function answerLatestSolution(ticket: ReplayedTicket, status: 'accepted' | 'refused', approverId: number, comment: string | null, at: number): void {
  const latest = ticket.solutions[ticket.solutions.length - 1];
  if (latest === undefined) return;
  Object.assign(latest, { status, approver_id: approverId, approval_comment: comment, answered_at: iso(at) });
}

function assignUser(ticket: ReplayedTicket, userId: number): void {
  if (!ticket.actors.some((actor) => actor.role === 'assigned' && actor.user_id === userId)) ticket.actors.push({ role: 'assigned', user_id: userId, group_id: null });
}

function applyTask(ticket: ReplayedTicket, step: Extract<Step, { kind: 'task' }>, until: number): void {
  const at = iso(step.at);
  const { planned } = step;
  const done = planned === undefined || planned.end <= until;
  ticket.tasks.push({
    author_id: step.technicianId,
    technician_id: step.technicianId,
    content: step.content,
    is_private: 0,
    state: done ? 'done' : 'todo',
    duration_seconds: step.durationSeconds,
    planned_start: planned === undefined ? null : iso(planned.start),
    planned_end: planned === undefined ? null : iso(planned.end),
    mode: step.mode,
    created_at: at,
    updated_at: done && planned !== undefined ? iso(planned.end) : at,
  });
  // Durations add up at creation, planned or not, as the API's addTask does.
  ticket.columns.action_seconds += step.durationSeconds;
  const { status } = ticket.columns;
  if (planned !== undefined && (status === 'new' || status === 'assigned')) move(ticket, 'planned', step.at);
}

function applyStep(ticket: ReplayedTicket, step: Step, until: number): void {
  const at = iso(step.at);
  const { columns } = ticket;
  switch (step.kind) {
    case 'assign':
      assignUser(ticket, step.technicianId);
      ticket.actors.push({ role: 'assigned', user_id: null, group_id: step.groupId });
      columns.level ??= step.level;
      columns.ola_started_at ??= at;
      if (columns.status === 'new') move(ticket, 'assigned', step.at);
      return;
    case 'followup':
      ticket.followups.push({ author_id: step.authorId, content: step.content, is_private: step.isPrivate ? 1 : 0, created_at: at });
      return;
    case 'task':
      applyTask(ticket, step, until);
      return;
    case 'escalate':
      ticket.escalations.push({ actor_id: step.actorId, from_level: columns.level, to_level: step.toLevel, group_id: step.groupId, reason: step.reason, created_at: at });
      ticket.actors = ticket.actors.filter((actor) => !(actor.role === 'assigned' && actor.group_id !== null));
      ticket.actors.push({ role: 'assigned', user_id: null, group_id: step.groupId });
      assignUser(ticket, step.technicianId);
      columns.level = step.toLevel;
      return;
    case 'wait':
      ticket.followups.push({ author_id: step.authorId, content: step.reason, is_private: 0, created_at: at });
      move(ticket, 'waiting', step.at);
      columns.waiting_reason = step.reason;
      return;
    case 'resume':
      ticket.followups.push({ author_id: step.requesterId, content: step.content, is_private: 0, created_at: at });
      move(ticket, reopenedStatus(true), step.at);
      columns.waiting_reason = null;
      return;
    case 'solve':
      ticket.solutions.push({ author_id: step.authorId, content: step.content, status: 'waiting', approver_id: null, approval_comment: null, answered_at: null, created_at: at });
      move(ticket, 'solved', step.at);
      columns.waiting_reason = null;
      return;
    case 'refuse':
      answerLatestSolution(ticket, 'refused', step.requesterId, step.comment, step.at);
      ticket.followups.push({ author_id: step.requesterId, content: step.comment, is_private: 0, created_at: at });
      move(ticket, reopenedStatus(true), step.at);
      return;
    case 'approve':
      answerLatestSolution(ticket, 'accepted', step.requesterId, null, step.at);
      move(ticket, 'closed', step.at);
      return;
    case 'autoclose':
      // The automatic closing leaves the pending solution unanswered, as the closing job does.
      move(ticket, 'closed', step.at);
      return;
  }
}
