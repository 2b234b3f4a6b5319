import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createEntity, createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { STATUSES } from '../tickets/status.js';
import { openTicket, setTimeline } from './test-helpers.js';

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const WHOLE_PERIOD = 'from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z';

describe('statistics scope', () => {
  let server: TestServer;
  let nurse: Session;
  let technician: Session;
  let supervisor: Session;
  let ehpadTechnicianId: number;

  before(async () => {
    server = await startTestServer();
    const hospital = await createEntity(server, 'CH de Valbonne', server.rootEntityId);
    const ehpad = await createEntity(server, 'EHPAD Les Tilleuls', server.rootEntityId, 'ehpad');
    await createUser(server, 'nurse', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Self-Service' }] });
    await createUser(server, 'nurse-ehpad', { entityId: ehpad, assignments: [{ entityId: ehpad, profile: 'Self-Service' }] });
    const technicianId = await createUser(server, 'tech', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Technicien' }] });
    ehpadTechnicianId = await createUser(server, 'tech-ehpad', { entityId: ehpad, assignments: [{ entityId: ehpad, profile: 'Technicien' }] });
    await createUser(server, 'supervisor', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Superviseur' }] });
    nurse = await server.login('nurse');
    technician = await server.login('tech');
    supervisor = await server.login('supervisor');
    const ehpadNurse = await server.login('nurse-ehpad');

    // Hospital: one late new ticket, one assigned ticket due within 2 hours, one planned, one waiting, one solved.
    const late = await openTicket(server, nurse, { entityId: hospital });
    await setTimeline(server, late, { status: 'new', opened_at: inHours(-30), ttr_due_at: inHours(-1) });
    const dueSoon = await openTicket(server, nurse, { entityId: hospital, technicians: [technicianId] });
    await setTimeline(server, dueSoon, { status: 'assigned', opened_at: inHours(-20), ttr_due_at: inHours(2) });
    const planned = await openTicket(server, nurse, { entityId: hospital, technicians: [technicianId] });
    await setTimeline(server, planned, { status: 'planned', opened_at: inHours(-10), ttr_due_at: inHours(48) });
    const waiting = await openTicket(server, nurse, { entityId: hospital, technicians: [technicianId] });
    await setTimeline(server, waiting, { status: 'waiting', opened_at: inHours(-10) });
    const solved = await openTicket(server, nurse, { entityId: hospital, technicians: [technicianId] });
    await setTimeline(server, solved, { status: 'solved', opened_at: inHours(-10), solved_at: inHours(-1), ttr_due_at: inHours(-5), ttr_late: 1 });
    // EHPAD: two late tickets of its own technician, invisible from the hospital.
    for (const _ of [1, 2]) {
      const id = await openTicket(server, ehpadNurse, { entityId: ehpad, technicians: [ehpadTechnicianId] });
      await setTimeline(server, id, { status: 'assigned', opened_at: inHours(-30), ttr_due_at: inHours(-2) });
    }
  });
  after(() => server.close());

  const counters = async (as: Session, query = '') => {
    const response = await server.call('GET', `/api/v1/dashboard/counters${query}`, { as });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<Record<string, number>>();
  };

  test('counters require a session', async () => {
    const response = await server.call('GET', '/api/v1/dashboard/counters');
    assert.equal(response.statusCode, 401);
  });

  test('counters of the admin', async () => {
    const all = await counters(server.admin);
    assert.equal(all.all, 7);
    assert.equal(all.late, 3);
    assert.equal(all.dueSoon, 1);
    assert.equal(all.assigned, 3);
  });

  test('supervisor counts one entity', async () => {
    const scoped = await counters(supervisor);
    assert.equal(scoped.all, 5);
    assert.equal(scoped.late, 1);
    assert.equal(scoped.dueSoon, 1);
    assert.equal(scoped.assigned, 1);
  });

  test('due soon follows the hours', async () => {
    const narrow = await counters(supervisor, '?dueSoonHours=1');
    assert.equal(narrow.dueSoon, 0);
    const wide = await counters(supervisor, '?dueSoonHours=72');
    assert.equal(wide.dueSoon, 2);
  });

  for (const name of ['nurse', 'technician'] as const) {
    test(`counters match list for ${name}`, async () => {
      const as = name === 'nurse' ? nurse : technician;
      const counted = await counters(as);
      const list = await server.call('GET', '/api/v1/tickets', { as });
      assert.equal(counted.all, list.json().total, 'all');
      for (const status of STATUSES) {
        const filtered = await server.call('GET', `/api/v1/tickets?status=${status}`, { as });
        assert.equal(counted[status], filtered.json().total, status);
      }
    });
  }

  test('supervisor report stays in scope', async () => {
    const response = await server.call('GET', `/api/v1/stats/report?${WHOLE_PERIOD}&groupBy=technician`, { as: supervisor });
    assert.equal(response.statusCode, 200, response.body);
    const rows = response.json<{ rows: { key: number | null; figures: { opened: number } }[] }>().rows;
    assert.equal(rows.some((row) => row.key === ehpadTechnicianId), false);
    const opened = rows.reduce((sum, row) => sum + row.figures.opened, 0);
    assert.equal(opened, 5);
  });

  test('supervisor report by entity', async () => {
    const response = await server.call('GET', `/api/v1/stats/report?${WHOLE_PERIOD}&groupBy=entity`, { as: supervisor });
    const rows = response.json<{ rows: { label: string }[] }>().rows;
    assert.deepEqual(rows.map((row) => row.label), ['Entité racine > CH de Valbonne']);
  });

  test('admin report sees both entities', async () => {
    const response = await server.call('GET', `/api/v1/stats/report?${WHOLE_PERIOD}&groupBy=entity`, { as: server.admin });
    const rows = response.json<{ rows: { figures: { opened: number } }[] }>().rows;
    assert.equal(rows.length, 2);
  });
});
