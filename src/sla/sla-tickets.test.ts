import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { createEntity, createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';

const paris = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Paris' }).toUTC().toISO() as string;
const office = {
  timeZone: 'Europe/Paris',
  periods: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
  closedDays: [],
  closedRanges: [],
  frenchHolidays: true,
};

describe('SLA on tickets', () => {
  let server: TestServer;
  let entity: number;
  let nurse: Session;
  let tech: Session;

  /** Opens a ticket, then moves its opening date to a fixed instant and recomputes through a harmless edit. */
  const openAt = async (openedLocal: string, body: Record<string, unknown> = {}) => {
    const created = await server.call('POST', '/api/v1/tickets', { as: nurse, body: { description: 'Lecteur de badge en panne', ...body } });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: number }>().id;
    await server.handle.db.updateTable('tickets').set({ opened_at: paris(openedLocal) }).where('id', '=', id).execute();
    return id;
  };
  const setPauses = async (id: number, pauses: [string, string | null][]) => {
    await server.handle.db.deleteFrom('ticket_pauses').where('ticket_id', '=', id).execute();
    for (const [start, end] of pauses) {
      await server.handle.db.insertInto('ticket_pauses').values({ ticket_id: id, kind: 'waiting', start_at: paris(start), end_at: end === null ? null : paris(end) }).execute();
    }
  };
  const recompute = async (id: number) => {
    const response = await server.call('PATCH', `/api/v1/tickets/${id}`, { as: tech, body: { device: `PC-${Date.now()}` } });
    assert.equal(response.statusCode, 200, response.body);
    return server.handle.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  };
  const createSla = async (body: Record<string, unknown>) => {
    const response = await server.call('POST', '/api/v1/slas', { as: server.admin, body });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: number }>().id;
  };

  before(async () => {
    server = await startTestServer();
    const calendar = await server.call('POST', '/api/v1/calendars', { as: server.admin, body: { name: 'Bureaux', definition: office } });
    assert.equal(calendar.statusCode, 201, calendar.body);
    entity = await createEntity(server, 'CH SLA', server.rootEntityId);
    await server.handle.db.updateTable('entities').set({ calendar_id: calendar.json<{ id: number }>().id }).where('id', '=', entity).execute();
    await createUser(server, 'nurse.sla', { entityId: entity, assignments: [{ entityId: entity, profile: 'Self-Service' }] });
    await createUser(server, 'tech.sla', { entityId: entity, assignments: [{ entityId: entity, profile: 'Technicien' }] });
    nurse = await server.login('nurse.sla');
    tech = await server.login('tech.sla');
    await createSla({ name: 'TTR 10 h', kind: 'sla', target: 'ttr', targetSeconds: 10 * 3600, entityId: entity });
    await createSla({ name: 'TTO 2 h', kind: 'sla', target: 'tto', targetSeconds: 2 * 3600, entityId: entity });
  });
  after(() => server.close());

  test('SLA routes require a session', async () => {
    const response = await server.call('GET', '/api/v1/slas');
    assert.equal(response.statusCode, 401);
  });

  test('SLA needs exactly one target', async () => {
    const response = await server.call('POST', '/api/v1/slas', { as: server.admin, body: { name: 'x', kind: 'sla', target: 'ttr' } });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'targetSeconds');
  });

  test('technician cannot create an SLA', async () => {
    const response = await server.call('POST', '/api/v1/slas', { as: tech, body: { name: 'x', kind: 'sla', target: 'ttr', targetSeconds: 3600 } });
    assert.equal(response.statusCode, 403);
  });

  test('bad calendar definition is rejected', async () => {
    const response = await server.call('POST', '/api/v1/calendars', { as: server.admin, body: { name: 'Faux', definition: { timeZone: 'Mars/Olympus', periods: [] } } });
    assert.equal(response.statusCode, 400);
  });

  test('weekend pause counts business hours', async () => {
    const id = await openAt('2026-06-05T10:00');
    await setPauses(id, [['2026-06-05T16:00', '2026-06-08T09:00']]);
    const ticket = await recompute(id);
    assert.equal(ticket.ttr_due_at, paris('2026-06-08T13:00'));
    assert.equal(ticket.paused_business_seconds, 3 * 3600);
  });

  test('open pause hides the deadline', async () => {
    const id = await openAt('2026-06-05T10:00');
    await setPauses(id, [['2026-06-05T16:00', null]]);
    const ticket = await recompute(id);
    assert.equal(ticket.ttr_due_at, null);
    assert.equal(ticket.tto_due_at, paris('2026-06-05T12:00'));
  });

  test('waiting status opens and closes a pause', async () => {
    const id = await openAt('2026-06-05T10:00');
    await server.call('POST', `/api/v1/tickets/${id}/take`, { as: tech });
    const waiting = await server.call('PATCH', `/api/v1/tickets/${id}`, { as: tech, body: { status: 'waiting', waitingReason: 'Attente du fournisseur' } });
    assert.equal(waiting.json().status, 'waiting');
    const paused = await server.handle.db.selectFrom('tickets').select('ttr_due_at').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(paused.ttr_due_at, null);
    const resumed = await server.call('PATCH', `/api/v1/tickets/${id}`, { as: tech, body: { status: 'assigned' } });
    assert.equal(resumed.statusCode, 200, resumed.body);
    const pauses = await server.handle.db.selectFrom('ticket_pauses').selectAll().where('ticket_id', '=', id).execute();
    assert.equal(pauses.length, 1);
    assert.notEqual(pauses[0]?.end_at, null);
    const row = await server.handle.db.selectFrom('tickets').select('ttr_due_at').where('id', '=', id).executeTakeFirstOrThrow();
    assert.notEqual(row.ttr_due_at, null);
  });

  test('priority rule wins and recomputes', async () => {
    await createSla({ name: 'TTR 4 h très haute', kind: 'sla', target: 'ttr', targetSeconds: 4 * 3600, priority: 5, entityId: entity });
    const id = await openAt('2026-06-08T09:00');
    const before = await recompute(id);
    assert.equal(before.ttr_due_at, paris('2026-06-09T09:00'));
    const raised = await server.call('PATCH', `/api/v1/tickets/${id}`, { as: tech, body: { urgency: 5, impact: 5 } });
    assert.equal(raised.json().priority, 5);
    const after = await server.handle.db.selectFrom('tickets').select('ttr_due_at').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(after.ttr_due_at, paris('2026-06-08T13:00'));
    const history = await server.call('GET', `/api/v1/tickets/${id}/history`, { as: tech });
    const update = history.json<{ action: string; changes: Record<string, unknown> }[]>().find((row) => row.action === 'ticket.update' && 'ttr_due_at' in row.changes);
    assert.ok(update, 'the recomputation is in the history');
  });

  test('late solution is flagged', async () => {
    const id = await openAt('2026-06-01T09:00');
    const solved = await server.call('POST', `/api/v1/tickets/${id}/solution`, { as: tech, body: { content: 'Badge reprogrammé' } });
    assert.equal(solved.statusCode, 201, solved.body);
    const row = await server.handle.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.ttr_late, 1);
    assert.ok((row.solve_delay_seconds ?? 0) > 10 * 3600);
    assert.notEqual(row.ttr_due_at, null, 'the deadline stays visible while waiting for approval');
  });

  test('refusal reopens and keeps time spent', async () => {
    const id = await openAt('2026-06-08T09:00');
    await server.call('POST', `/api/v1/tickets/${id}/take`, { as: tech });
    await server.call('POST', `/api/v1/tickets/${id}/solution`, { as: tech, body: { content: 'Redémarrage' } });
    const refused = await server.call('POST', `/api/v1/tickets/${id}/approval`, { as: nurse, body: { approved: false, comment: 'Toujours en panne' } });
    assert.equal(refused.json().status, 'assigned');
    const row = await server.handle.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.ttr_late, null);
    assert.equal(row.solve_delay_seconds, null);
    const pauses = await server.handle.db.selectFrom('ticket_pauses').selectAll().where('ticket_id', '=', id).execute();
    assert.equal(pauses[0]?.kind, 'solved');
    assert.notEqual(pauses[0]?.end_at, null);
  });

  test('ticket opened on a Sunday', async () => {
    const id = await openAt('2026-06-07T15:00');
    const ticket = await recompute(id);
    assert.equal(ticket.tto_due_at, paris('2026-06-08T10:00'));
    assert.equal(ticket.ttr_due_at, paris('2026-06-08T18:00'));
  });
});

describe('late tickets in the list', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    const sla = await server.call('POST', '/api/v1/slas', { as: server.admin, body: { name: 'TTR 1 h', kind: 'sla', target: 'ttr', targetSeconds: 3600 } });
    assert.equal(sla.statusCode, 201, sla.body);
  });
  after(() => server.close());

  test('late filter lists overdue tickets', async () => {
    const overdue = await server.call('POST', '/api/v1/tickets', { as: server.admin, body: { description: 'Imprimante des admissions hors ligne' } });
    const fresh = await server.call('POST', '/api/v1/tickets', { as: server.admin, body: { description: 'Souris HS au secrétariat' } });
    const overdueId = overdue.json<{ id: number }>().id;
    await server.handle.db.updateTable('tickets').set({ ttr_due_at: '2026-01-01T00:00:00.000Z' }).where('id', '=', overdueId).execute();
    const late = await server.call('GET', '/api/v1/tickets?late=true', { as: server.admin });
    assert.deepEqual(late.json().items.map((item: { id: number }) => item.id), [overdueId]);
    const notLate = await server.call('GET', '/api/v1/tickets?late=false', { as: server.admin });
    assert.deepEqual(notLate.json().items.map((item: { id: number }) => item.id), [fresh.json().id]);
  });
});
