import type { Executor } from '../db/connection.js';
import type { TicketRow } from '../db/schema.js';

interface ActorView {
  id: number;
  name: string;
}

/** Ticket JSON: readable enum values, ISO instants, actors with their names. */
export async function presentTickets(db: Executor, tickets: TicketRow[]) {
  if (tickets.length === 0) return [];
  const ids = tickets.map((ticket) => ticket.id);
  const actors = await db
    .selectFrom('ticket_actors')
    .leftJoin('users', 'users.id', 'ticket_actors.user_id')
    .leftJoin('groups', 'groups.id', 'ticket_actors.group_id')
    .select(['ticket_actors.ticket_id', 'ticket_actors.role', 'ticket_actors.user_id', 'ticket_actors.group_id', 'users.first_name', 'users.last_name', 'groups.name as group_name'])
    .where('ticket_actors.ticket_id', 'in', ids)
    .orderBy('ticket_actors.id')
    .execute();

  const byTicket = new Map<number, { requester: ActorView | null; observers: ActorView[]; assignedUsers: ActorView[]; assignedGroups: ActorView[] }>();
  for (const id of ids) byTicket.set(id, { requester: null, observers: [], assignedUsers: [], assignedGroups: [] });
  for (const actor of actors) {
    const entry = byTicket.get(actor.ticket_id);
    if (entry === undefined) continue;
    const view = actor.user_id !== null
      ? { id: actor.user_id, name: `${actor.last_name ?? ''} ${actor.first_name ?? ''}`.trim() }
      : { id: actor.group_id ?? 0, name: actor.group_name ?? '' };
    if (actor.role === 'requester' && actor.user_id !== null) entry.requester = view;
    else if (actor.role === 'observer') entry.observers.push(view);
    else if (actor.role === 'assigned' && actor.user_id !== null) entry.assignedUsers.push(view);
    else if (actor.role === 'assigned') entry.assignedGroups.push(view);
  }

  return tickets.map((ticket) => {
    const actorsOf = byTicket.get(ticket.id);
    const criticality = ticket.criticality === null ? null : (JSON.parse(ticket.criticality) as Record<string, unknown>);
    return {
      id: ticket.id,
      entityId: ticket.entity_id,
      type: ticket.type as 'incident' | 'request',
      title: ticket.title,
      description: ticket.description,
      status: ticket.status as 'new' | 'assigned' | 'planned' | 'waiting' | 'solved' | 'closed',
      urgency: ticket.urgency,
      impact: ticket.impact,
      priority: ticket.priority,
      categoryId: ticket.category_id,
      requester: actorsOf?.requester ?? null,
      requesterServiceId: ticket.requester_service_id,
      observers: actorsOf?.observers ?? [],
      assignedUsers: actorsOf?.assignedUsers ?? [],
      assignedGroups: actorsOf?.assignedGroups ?? [],
      locationId: ticket.location_id,
      device: ticket.device,
      source: ticket.source,
      level: ticket.level,
      criticality,
      priorityReason: ticket.priority_reason,
      waitingReason: ticket.waiting_reason,
      openedAt: ticket.opened_at,
      updatedAt: ticket.updated_at,
      takenAt: ticket.taken_at,
      solvedAt: ticket.solved_at,
      closedAt: ticket.closed_at,
      waitingSeconds: ticket.waiting_seconds,
      actionSeconds: ticket.action_seconds,
      externalRef: ticket.external_ref,
      sla: {
        ttoDueAt: ticket.tto_due_at,
        /** Null while the ticket is paused (En attente): the deadline moves when the pause ends. */
        ttrDueAt: ticket.ttr_due_at,
        internalTtoDueAt: ticket.ola_tto_due_at,
        internalTtrDueAt: ticket.ola_ttr_due_at,
        ttoLate: ticket.tto_late === null ? null : ticket.tto_late === 1,
        ttrLate: ticket.ttr_late === null ? null : ticket.ttr_late === 1,
        pausedBusinessSeconds: ticket.paused_business_seconds,
      },
    };
  });
}

export type TicketView = Awaited<ReturnType<typeof presentTickets>>[number];
