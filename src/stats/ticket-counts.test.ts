import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createEntity, startTestServer, type TestServer } from '../../test/helpers/server.js';

describe('ticket counts table', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const countsMatchTickets = async () => {
    const stored = await server.handle.db.selectFrom('ticket_counts').selectAll().where('n', '>', 0).orderBy('entity_id').orderBy('status').execute();
    const actual = await server.handle.db
      .selectFrom('tickets')
      .select(['entity_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['entity_id', 'status'])
      .orderBy('entity_id')
      .orderBy('status')
      .execute();
    assert.deepEqual(
      stored.map((row) => [row.entity_id, row.status, Number(row.n)]),
      actual.map((row) => [row.entity_id, row.status, Number(row.n)]),
    );
  };

  test('counts follow every ticket change', async () => {
    const other = await createEntity(server, 'EHPAD Compteurs', server.rootEntityId, 'ehpad');
    const ids: number[] = [];
    for (const description of ['Écran noir', 'Clavier HS', 'Imprimante bloquée']) {
      const created = await server.call('POST', '/api/v1/tickets', { as: server.admin, body: { description } });
      ids.push(created.json<{ id: number }>().id);
    }
    await countsMatchTickets();
    await server.call('POST', `/api/v1/tickets/${ids[0]}/take`, { as: server.admin });
    await server.call('POST', `/api/v1/tickets/${ids[1]}/solution`, { as: server.admin, body: { content: 'Clavier remplacé' } });
    await server.handle.db.updateTable('tickets').set({ entity_id: other }).where('id', '=', ids[2] as number).execute();
    await countsMatchTickets();
    await server.handle.db.deleteFrom('tickets').where('id', '=', ids[2] as number).execute();
    await countsMatchTickets();
  });

  test('counters add table and own tickets', async () => {
    const response = await server.call('GET', '/api/v1/dashboard/counters', { as: server.admin });
    const list = await server.call('GET', '/api/v1/tickets?perPage=1', { as: server.admin });
    assert.equal(response.json().all, list.json().total);
  });
});
