import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../db/connection.js';
import { createEntity, createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { runSlaLevels } from './escalation.js';

describe('SLA escalation levels', () => {
  let server: TestServer;
  let nurse: Session;
  let slaId: number;
  let groupId: number;
  const levelIds: number[] = [];

  before(async () => {
    server = await startTestServer();
    const entity = await createEntity(server, 'CH Escalade', server.rootEntityId);
    await createUser(server, 'nurse.esc', { entityId: entity, assignments: [{ entityId: entity, profile: 'Self-Service' }] });
    nurse = await server.login('nurse.esc');
    const sla = await server.call('POST', '/api/v1/slas', { as: server.admin, body: { name: 'TTR 1 h', kind: 'sla', target: 'ttr', targetSeconds: 3600 } });
    slaId = sla.json<{ id: number }>().id;
    const group = await server.call('POST', '/api/v1/groups', { as: server.admin, body: { entityId: entity, name: 'Astreinte N3', isSupport: true, level: 'N3' } });
    groupId = group.json<{ id: number }>().id;
    for (const body of [
      { name: 'Prévenir 30 min avant', offsetSeconds: -1800, action: 'notify' },
      { name: 'Astreinte à l’échéance', offsetSeconds: 0, action: 'add_group', groupId },
      { name: 'Priorité très haute 1 h après', offsetSeconds: 3600, action: 'raise_priority', priority: 5 },
    ]) {
      const response = await server.call('POST', `/api/v1/slas/${slaId}/levels`, { as: server.admin, body });
      assert.equal(response.statusCode, 201, response.body);
      levelIds.push(response.json<{ id: number }>().id);
    }
  });
  after(() => server.close());

  test('level needs its parameter', async () => {
    const response = await server.call('POST', `/api/v1/slas/${slaId}/levels`, { as: server.admin, body: { name: 'x', offsetSeconds: 0, action: 'add_group' } });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'groupId');
  });

  test('levels run once, in order', async () => {
    const created = await server.call('POST', '/api/v1/tickets', { as: nurse, body: { description: 'Téléphone du poste de soins muet' } });
    const id = created.json<{ id: number }>().id;
    const row = await server.handle.db.selectFrom('tickets').select('ttr_due_at').where('id', '=', id).executeTakeFirstOrThrow();
    const due = Date.parse(row.ttr_due_at ?? '');

    await runSlaLevels(server.handle, new Date(due - 1000));
    let runs = await server.handle.db.selectFrom('ticket_sla_level_runs').selectAll().where('ticket_id', '=', id).execute();
    assert.deepEqual(runs.map((run) => run.level_id), [levelIds[0]]);

    await runSlaLevels(server.handle, new Date(due + 1000));
    await runSlaLevels(server.handle, new Date(due + 2000));
    runs = await server.handle.db.selectFrom('ticket_sla_level_runs').selectAll().where('ticket_id', '=', id).execute();
    assert.equal(runs.length, 2);
    const actor = await server.handle.db.selectFrom('ticket_actors').select('group_id').where('ticket_id', '=', id).where('role', '=', 'assigned').executeTakeFirst();
    assert.equal(actor?.group_id, groupId);
  });

  test('catch-up runs only the latest level', async () => {
    const created = await server.call('POST', '/api/v1/tickets', { as: nurse, body: { description: 'Imprimante des urgences hors ligne' } });
    const id = created.json<{ id: number }>().id;
    const row = await server.handle.db.selectFrom('tickets').select('ttr_due_at').where('id', '=', id).executeTakeFirstOrThrow();
    await runSlaLevels(server.handle, new Date(Date.parse(row.ttr_due_at ?? '') + 2 * 3600_000));
    const runs = await server.handle.db.selectFrom('ticket_sla_level_runs').selectAll().where('ticket_id', '=', id).orderBy('level_id').execute();
    assert.deepEqual(runs.map((run) => run.outcome), ['skipped', 'skipped', 'executed']);
    const ticket = await server.handle.db.selectFrom('tickets').select('priority').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(ticket.priority, 5);
  });

  // SQLite serves one process; several processes share a PostgreSQL database.
  test('two processes run a level once', { skip: process.env.DATABASE_URL?.startsWith('postgres') === true ? false : 'needs PostgreSQL' }, async () => {
    const created = await server.call('POST', '/api/v1/tickets', { as: nurse, body: { description: 'Scanner du secrétariat bloqué' } });
    const id = created.json<{ id: number }>().id;
    const row = await server.handle.db.selectFrom('tickets').select('ttr_due_at').where('id', '=', id).executeTakeFirstOrThrow();
    const when = new Date(Date.parse(row.ttr_due_at ?? '') - 1000);
    const other = openDatabase(server.config.database);
    try {
      await Promise.all([runSlaLevels(server.handle, when), runSlaLevels(other, when)]);
    } finally {
      await other.close();
    }
    const audits = await server.handle.db.selectFrom('audit_log').select('seq').where('action', '=', 'ticket.sla_level').where('record_id', '=', String(id)).execute();
    assert.equal(audits.length, 1);
  });
});
