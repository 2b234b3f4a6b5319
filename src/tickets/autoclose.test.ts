import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../db/connection.js';
import { claimSlot, runIfDue } from '../jobs/scheduler.js';
import { createEntity, createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { autocloseJob, closeUnansweredSolutions } from './autoclose.js';

describe('automatic closing', () => {
  let server: TestServer;
  let entity: number;
  let nurse: Session;

  const solvedTicket = async (daysAgo: number) => {
    const created = await server.call('POST', '/api/v1/tickets', { as: nurse, body: { description: 'Souris sans fil HS' } });
    const id = created.json<{ id: number }>().id;
    const solved = await server.call('POST', `/api/v1/tickets/${id}/solution`, { as: server.admin, body: { content: 'Piles changées' } });
    assert.equal(solved.json().status, 'solved');
    const solvedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    await server.handle.db.updateTable('tickets').set({ solved_at: solvedAt }).where('id', '=', id).execute();
    return id;
  };
  const statusOf = async (id: number) =>
    (await server.handle.db.selectFrom('tickets').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  before(async () => {
    server = await startTestServer();
    entity = await createEntity(server, 'CH Autoclose', server.rootEntityId);
    await server.handle.db.updateTable('entities').set({ autoclose_days: 7 }).where('id', '=', entity).execute();
    await createUser(server, 'nurse.ac', { entityId: entity, assignments: [{ entityId: entity, profile: 'Self-Service' }] });
    nurse = await server.login('nurse.ac');
  });
  after(() => server.close());

  test('closes only tickets past the delay', async () => {
    const old = await solvedTicket(8);
    const recent = await solvedTicket(2);
    const result = await closeUnansweredSolutions(server.handle, new Date());
    assert.ok(result.processed >= 1);
    assert.equal(await statusOf(old), 'closed');
    assert.equal(await statusOf(recent), 'solved');
    const audit = await server.handle.db.selectFrom('audit_log').select('actor_login').where('action', '=', 'ticket.autoclose').where('record_id', '=', String(old)).executeTakeFirstOrThrow();
    assert.equal(audit.actor_login, 'system');
  });

  test('entity without delay never closes', async () => {
    await server.handle.db.updateTable('entities').set({ autoclose_days: null }).where('id', '=', entity).execute();
    const old = await solvedTicket(30);
    await closeUnansweredSolutions(server.handle, new Date());
    assert.equal(await statusOf(old), 'solved');
    await server.handle.db.updateTable('entities').set({ autoclose_days: 7 }).where('id', '=', entity).execute();
  });

  test('reopened ticket is not closed', async () => {
    const id = await solvedTicket(10);
    const refused = await server.call('POST', `/api/v1/tickets/${id}/approval`, { as: nurse, body: { approved: false, comment: 'La souris ne marche toujours pas' } });
    assert.equal(refused.json().status, 'new');
    await closeUnansweredSolutions(server.handle, new Date());
    assert.equal(await statusOf(id), 'new');
  });

  test('delay counts working days', async () => {
    const calendar = await server.call('POST', '/api/v1/calendars', {
      as: server.admin,
      body: { name: 'Semaine', definition: { timeZone: 'Europe/Paris', periods: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })), frenchHolidays: true } },
    });
    assert.equal(calendar.statusCode, 201, calendar.body);
    await server.handle.db.updateTable('entities').set({ calendar_id: calendar.json<{ id: number }>().id, autoclose_days: 2 }).where('id', '=', entity).execute();
    const id = await solvedTicket(0);
    // Solved on Friday 4 December 2026 at 10:00 Paris time: two working days later is Tuesday 8 at 10:00.
    await server.handle.db.updateTable('tickets').set({ solved_at: '2026-12-04T09:00:00.000Z' }).where('id', '=', id).execute();
    await closeUnansweredSolutions(server.handle, new Date('2026-12-07T12:00:00Z'));
    assert.equal(await statusOf(id), 'solved', 'Monday is only one working day later');
    await closeUnansweredSolutions(server.handle, new Date('2026-12-08T09:30:00Z'));
    assert.equal(await statusOf(id), 'closed');
    await server.handle.db.updateTable('entities').set({ calendar_id: null, autoclose_days: 7 }).where('id', '=', entity).execute();
  });

  test('one slot runs once', async () => {
    const job = { ...autocloseJob, name: `test.slot.${Date.now()}` };
    const now = new Date();
    assert.equal(await claimSlot(server.handle, job, now), true);
    await server.handle.db.updateTable('job_runs').set({ locked_until: null }).where('name', '=', job.name).execute();
    assert.equal(await claimSlot(server.handle, job, now), false);
    assert.equal(await claimSlot(server.handle, job, new Date(now.getTime() + job.intervalMs)), true);
  });

  test('two processes, one run', async () => {
    const other = openDatabase(server.config.database);
    try {
      const job = { name: `test.race.${Date.now()}`, intervalMs: 60_000, run: async () => ({ processed: 0 }) };
      const now = new Date();
      const results = await Promise.all([runIfDue(server.handle, job, server.app.log, now), runIfDue(other, job, server.app.log, now)]);
      assert.equal(results.filter(Boolean).length, 1);
    } finally {
      await other.close();
    }
  });
});
