import assert from 'node:assert/strict';
import type { Updateable } from 'kysely';
import type { TicketTable } from '../db/schema.js';
import type { Session, TestServer } from '../../test/helpers/server.js';

/** Opens a ticket through the API as `as`, then assigns the given technicians as the admin. */
export async function openTicket(server: TestServer, as: Session, options: { entityId?: number; technicians?: number[] } = {}): Promise<number> {
  const body = { description: 'Le poste de soins ne démarre plus', ...(options.entityId === undefined ? {} : { entityId: options.entityId }) };
  const created = await server.call('POST', '/api/v1/tickets', { as, body });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json<{ id: number }>().id;
  for (const userId of options.technicians ?? []) {
    const assigned = await server.call('POST', `/api/v1/tickets/${id}/assignees`, { as: server.admin, body: { userId } });
    assert.equal(assigned.statusCode, 200, assigned.body);
  }
  return id;
}

/** Statistics columns a test sets by hand, so that it does not depend on the SLA engine filling them. */
const CLEARED: Updateable<TicketTable> = {
  taken_at: null,
  solved_at: null,
  closed_at: null,
  tto_due_at: null,
  ttr_due_at: null,
  tto_late: null,
  ttr_late: null,
  take_delay_seconds: null,
  solve_delay_seconds: null,
  close_delay_seconds: null,
  action_seconds: 0,
};

/** Overwrites a ticket's timeline columns in the database: every statistics column not given is cleared. */
export async function setTimeline(server: TestServer, ticketId: number, values: Updateable<TicketTable>): Promise<void> {
  await server.handle.db.updateTable('tickets').set({ ...CLEARED, ...values }).where('id', '=', ticketId).execute();
}

/** Inserts a satisfaction survey for a closed ticket, answered with `rating` unless it is null. */
export async function addSurvey(server: TestServer, ticketId: number, closedAt: string, rating: number | null): Promise<void> {
  await server.handle.db
    .insertInto('ticket_satisfactions')
    .values({
      ticket_id: ticketId,
      closed_at: closedAt,
      expires_at: '2099-01-01T00:00:00.000Z',
      rating,
      comment: null,
      answered_at: rating === null ? null : closedAt,
      created_at: closedAt,
      updated_at: closedAt,
    })
    .execute();
}

/** Renames a test user, to give the statistics an accented name to show. */
export async function renameUser(server: TestServer, userId: number, firstName: string, lastName: string): Promise<void> {
  await server.handle.db.updateTable('users').set({ first_name: firstName, last_name: lastName }).where('id', '=', userId).execute();
}
