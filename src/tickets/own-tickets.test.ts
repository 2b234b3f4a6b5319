import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { MAX_LISTED_IDS } from './own-tickets.js';

// A requester with more tickets than the list passes to the database by id (an account that
// monitoring opens tickets for, say): the list and the counters read them through a subquery.
describe('ticket list: requester of many tickets', () => {
  let server: TestServer;
  let monitoring: Session;
  const COPIES = MAX_LISTED_IDS + 5;

  before(async () => {
    server = await startTestServer();
    const userId = await createUser(server, 'supervision', { assignments: [{ entityId: server.rootEntityId, profile: 'Self-Service' }] });
    monitoring = await server.login('supervision');
    const created = await server.call('POST', '/api/v1/tickets', { as: monitoring, body: { title: 'Sonde du PACS injoignable', description: 'Alerte de supervision' } });
    assert.equal(created.statusCode, 201, created.body);
    const model = created.json<{ id: number }>().id;
    const columns = sql.raw('entity_id, type, title, description, status, urgency, impact, priority, source, opened_at, updated_at, search_text');
    await sql`with recursive copies (n) as (select 1 union all select n + 1 from copies where n < ${COPIES - 1})
      insert into tickets (${columns})
      select entity_id, type, title, description, status, urgency, impact, priority, source, opened_at,
        '2026-02-01T00:00:00.000Z' || substr('00000' || n, -5), search_text
      from tickets, copies where tickets.id = ${model}`.execute(server.handle.db);
    await sql`insert into ticket_actors (ticket_id, role, user_id, group_id)
      select id, 'requester', ${userId}, null from tickets where id <> ${model}`.execute(server.handle.db);
  });
  after(() => server.close());

  test('list counts every own ticket', async () => {
    const page = await server.call('GET', '/api/v1/tickets?sort=updatedAt&order=desc', { as: monitoring });
    assert.equal(page.statusCode, 200, page.body);
    const body = page.json<{ items: { id: number; updatedAt: string }[]; total: number }>();
    assert.equal(body.total, COPIES);
    assert.equal(body.items.length, 15);
    const dates = body.items.map((item) => item.updatedAt);
    assert.deepEqual([...dates].sort().reverse(), dates);
  });

  test('filtered list counts them too', async () => {
    const page = await server.call('GET', '/api/v1/tickets?q=pacs&type=incident', { as: monitoring });
    assert.equal(page.statusCode, 200, page.body);
    assert.ok(page.json<{ total: number }>().total >= 1000);
  });

  test('counters count every own ticket', async () => {
    const counters = await server.call('GET', '/api/v1/dashboard/counters', { as: monitoring });
    assert.equal(counters.statusCode, 200, counters.body);
    assert.equal(counters.json<{ all: number }>().all, COPIES);
  });
});
