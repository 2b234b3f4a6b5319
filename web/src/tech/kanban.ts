import { type Status, STATUSES, type Ticket } from '../api/types';

/** Tickets in one column per status, in the order of STATUSES, keeping the given order inside a column. */
export function groupByStatus(tickets: readonly Ticket[]): Record<Status, Ticket[]> {
  const columns = Object.fromEntries(STATUSES.map((status) => [status, [] as Ticket[]])) as Record<Status, Ticket[]>;
  for (const ticket of tickets) columns[ticket.status].push(ticket);
  return columns;
}

/** Returns the status of the column to the left (-1) or right (+1), or null past either end. */
export function adjacentStatus(status: Status, step: -1 | 1): Status | null {
  return STATUSES[STATUSES.indexOf(status) + step] ?? null;
}

/** Body of PATCH /tickets/:id for a move; moving to "waiting" needs a reason, as the server requires. */
export function statusChange(to: Status, waitingReason?: string): { status: Status; waitingReason?: string } {
  return to === 'waiting' && waitingReason !== undefined ? { status: to, waitingReason } : { status: to };
}
