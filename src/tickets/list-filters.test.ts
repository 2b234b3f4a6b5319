import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser, startTestServer, type TestServer } from '../../test/helpers/server.js';

// The list filters that the statistics links use to select exactly the tickets of a figure or of
// a "none" row: missing values, a category without its sub-categories, the requester's job
// profile, the solved-late flag, surveys and known delays.
describe('ticket list: statistics filters', () => {
  let server: TestServer;
  let parent: number;
  let child: number;
  let groupId: number;
  const ids: Record<string, number> = {};

  const listIds = async (query: string): Promise<number[]> => {
    const response = await server.call('GET', `/api/v1/tickets?${query}&sort=id&order=asc&perPage=50`, { as: server.admin });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ items: { id: number }[] }>().items.map((item) => item.id);
  };
  const named = (...names: string[]) => names.map((name) => ids[name]);

  before(async () => {
    server = await startTestServer();
    const db = server.handle.db;
    const doctor = await createUser(server, 'dr.martin', { jobProfile: 'medecin', assignments: [{ entityId: server.rootEntityId, profile: 'Self-Service' }] });
    const categories = await db.selectFrom('categories').select(['id', 'parent_id']).where('parent_id', 'is not', null).orderBy('id').execute();
    child = categories[0]?.id ?? 0;
    parent = categories[0]?.parent_id ?? 0;
    const group = await server.call('POST', '/api/v1/groups', { as: server.admin, body: { entityId: server.rootEntityId, name: 'Support N1', isSupport: true } });
    groupId = group.json<{ id: number }>().id;
    const service = await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: server.rootEntityId, name: 'Pharmacie' } });
    assert.equal(service.statusCode, 201, service.body);
    const serviceId = service.json<{ id: number }>().id;

    for (const name of ['plain', 'inParent', 'inChild', 'doctor', 'late', 'inTime', 'surveyed', 'answered']) {
      const body = { title: name, description: 'Poste lent', ...(name === 'doctor' ? { requesterId: doctor } : {}) };
      const created = await server.call('POST', '/api/v1/tickets', { as: server.admin, body });
      assert.equal(created.statusCode, 201, created.body);
      ids[name] = created.json<{ id: number }>().id;
    }
    const set = (name: string, values: Record<string, unknown>) => db.updateTable('tickets').set(values).where('id', '=', ids[name] as number).execute();
    await db.updateTable('tickets').set({ level: null, category_id: null, requester_service_id: null, ttr_late: null, take_delay_seconds: null, action_seconds: 0 }).execute();
    await set('inParent', { category_id: parent, level: 'N2', requester_service_id: serviceId });
    await set('inChild', { category_id: child });
    await set('late', { ttr_late: 1, take_delay_seconds: 600 });
    await set('inTime', { ttr_late: 0, action_seconds: 1200 });
    const assigned = await server.call('POST', `/api/v1/tickets/${ids.plain}/assignees`, { as: server.admin, body: { groupId } });
    assert.equal(assigned.statusCode, 200, assigned.body);
    for (const [name, answered] of [
      ['surveyed', null],
      ['answered', '2026-03-02T10:00:00.000Z'],
    ] as const) {
      await db
        .insertInto('ticket_satisfactions')
        .values({ ticket_id: ids[name] as number, closed_at: '2026-03-01T10:00:00.000Z', expires_at: '2099-01-01T00:00:00.000Z', rating: answered === null ? null : 4, comment: null, answered_at: answered, created_at: '2026-03-01T10:00:00.000Z', updated_at: '2026-03-01T10:00:00.000Z' })
        .execute();
    }
  });
  after(() => server.close());

  test('category with and without sub-categories', async () => {
    assert.deepEqual(await listIds(`categoryId=${parent}`), named('inParent', 'inChild'));
    assert.deepEqual(await listIds(`categoryId=${parent}&includeSubcategories=false`), named('inParent'));
    assert.deepEqual(await listIds('categoryId=none'), named('plain', 'doctor', 'late', 'inTime', 'surveyed', 'answered'));
  });

  test('missing level, service and group', async () => {
    assert.deepEqual(await listIds('level=N2'), named('inParent'));
    assert.equal((await listIds('level=none')).length, 7);
    assert.equal((await listIds('serviceId=none')).length, 7);
    assert.equal((await listIds('serviceId=none')).includes(ids.inParent as number), false);
    assert.deepEqual(await listIds(`assignedGroupId=${groupId}`), named('plain'));
    assert.equal((await listIds('assignedGroupId=none')).includes(ids.plain as number), false);
  });

  test('requester job profile', async () => {
    assert.deepEqual(await listIds('requesterProfile=medecin'), named('doctor'));
    // The admin, a technician, requested the other tickets; a ticket without requester has no profile.
    assert.equal((await listIds('requesterProfile=technicien')).length, 7);
    await server.handle.db.updateTable('tickets').set({ requester_id: null }).where('id', '=', ids.plain as number).execute();
    assert.deepEqual(await listIds('requesterProfile=none'), named('plain'));
  });

  test('solved late or in time', async () => {
    assert.deepEqual(await listIds('ttrLate=true'), named('late'));
    assert.deepEqual(await listIds('ttrLate=false'), named('inTime'));
  });

  test('surveys opened and answered', async () => {
    assert.deepEqual(await listIds('survey=opened'), named('surveyed', 'answered'));
    assert.deepEqual(await listIds('survey=answered'), named('answered'));
  });

  test('known delays and task time', async () => {
    assert.deepEqual(await listIds('measured=takeDelay'), named('late'));
    assert.deepEqual(await listIds('measured=actionTime'), named('inTime'));
  });

  test('invalid values answer 400', async () => {
    for (const [field, value] of [
      ['categoryId', 'aucune'],
      ['includeSubcategories', 'non'],
      ['serviceId', '1,none'],
      ['level', 'N4'],
      ['assignedGroupId', '-1'],
      ['requesterProfile', 'chirurgien'],
      ['ttrLate', 'yes'],
      ['survey', 'sent'],
      ['measured', 'waitingTime'],
    ]) {
      const response = await server.call('GET', `/api/v1/tickets?${field}=${value}`, { as: server.admin });
      assert.equal(response.statusCode, 400, `${field}=${value}`);
      assert.equal(response.json().errors[0].field, field);
    }
  });
});
