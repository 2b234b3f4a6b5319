import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser, startTestServer, type TestServer } from '../../test/helpers/server.js';

describe('ticket list: technician filter', () => {
  let server: TestServer;
  let groupId: number;
  const ids = { groupOnly: 0, groupAndTechnician: 0, nobody: 0 };

  const listIds = async (query: string): Promise<number[]> => {
    const response = await server.call('GET', `/api/v1/tickets?${query}&sort=id&order=asc`, { as: server.admin });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ items: { id: number }[] }>().items.map((item) => item.id);
  };

  before(async () => {
    server = await startTestServer();
    const technicianId = await createUser(server, 'technicien.reseau', { assignments: [{ entityId: server.rootEntityId, profile: 'Technicien' }] });
    const group = await server.call('POST', '/api/v1/groups', { as: server.admin, body: { entityId: server.rootEntityId, name: 'Réseau N2', isSupport: true, level: 'N2' } });
    assert.equal(group.statusCode, 201, group.body);
    groupId = group.json<{ id: number }>().id;

    for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
      const created = await server.call('POST', '/api/v1/tickets', { as: server.admin, body: { title: key, description: 'Commutateur du 2e étage injoignable' } });
      assert.equal(created.statusCode, 201, created.body);
      ids[key] = created.json<{ id: number }>().id;
    }
    for (const [ticketId, body] of [
      [ids.groupOnly, { groupId }],
      [ids.groupAndTechnician, { groupId }],
      [ids.groupAndTechnician, { userId: technicianId }],
    ] as const) {
      const assigned = await server.call('POST', `/api/v1/tickets/${ticketId}/assignees`, { as: server.admin, body });
      assert.equal(assigned.statusCode, 200, assigned.body);
    }
  });
  after(() => server.close());

  test('group tickets nobody took', async () => {
    assert.deepEqual(await listIds(`assignedGroupId=${groupId}&withoutTechnician=true`), [ids.groupOnly]);
  });

  test('group tickets a technician took', async () => {
    assert.deepEqual(await listIds(`assignedGroupId=${groupId}&withoutTechnician=false`), [ids.groupAndTechnician]);
  });

  test('without technician, any group', async () => {
    assert.deepEqual(await listIds('withoutTechnician=true'), [ids.groupOnly, ids.nobody]);
  });

  test('total counts the filter', async () => {
    const response = await server.call('GET', '/api/v1/tickets?withoutTechnician=true', { as: server.admin });
    assert.equal(response.json<{ total: number }>().total, 2);
  });

  test('invalid value answers 400', async () => {
    const response = await server.call('GET', '/api/v1/tickets?withoutTechnician=yes', { as: server.admin });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'withoutTechnician');
  });
});
