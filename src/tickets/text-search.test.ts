import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createEntity, createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { TEXT_COUNT_CAP } from './search.js';

interface Page {
  items: { id: number; title: string }[];
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
}

// A word found in more tickets than the list counts (TEXT_COUNT_CAP). The list stops counting at
// the cap, and on SQLite it also matches the word row by row along the sort index. The rows and
// their order stay those of a full search.
describe('ticket list: common words', () => {
  let server: TestServer;
  let clinic: number;
  let clinicTechnician: Session;
  const COPIES = TEXT_COUNT_CAP + 20;

  const search = async (query: string, as: Session): Promise<Page> => {
    const response = await server.call('GET', `/api/v1/tickets?${query}`, { as });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<Page>();
  };

  before(async () => {
    server = await startTestServer();
    const hospital = await createEntity(server, 'CH de Valbonne', server.rootEntityId);
    clinic = await createEntity(server, 'Clinique du Parc', server.rootEntityId);
    await createUser(server, 'tech-clinique', { entityId: clinic, assignments: [{ entityId: clinic, profile: 'Technicien' }] });
    clinicTechnician = await server.login('tech-clinique');

    const created = await server.call('POST', '/api/v1/tickets', { as: server.admin, body: { entityId: hospital, title: "Imprimante de l'accueil bloquée", description: 'Bourrage papier' } });
    assert.equal(created.statusCode, 201, created.body);
    const model = created.json<{ id: number }>().id;
    // Copies of the ticket, each with its own change date, inserted in one statement.
    const columns = sql.raw('entity_id, type, title, description, status, urgency, impact, priority, source, opened_at, updated_at, search_text');
    await sql`with recursive copies (n) as (select 1 union all select n + 1 from copies where n < ${COPIES})
      insert into tickets (${columns})
      select entity_id, type, title, description, status, urgency, impact, priority, source, opened_at,
        '2026-01-01T00:00:00.000Z' || substr('00000' || n, -5), search_text
      from tickets, copies where tickets.id = ${model}`.execute(server.handle.db);
    for (const title of ['Imprimante du bloc B', 'Imprimante des urgences', 'Écran noir au secrétariat']) {
      const response = await server.call('POST', '/api/v1/tickets', { as: server.admin, body: { entityId: clinic, title, description: 'Signalé par le cadre' } });
      assert.equal(response.statusCode, 201, response.body);
    }
  });
  after(() => server.close());

  test('common word total', async () => {
    const page = await search('q=imprimante', server.admin);
    assert.equal(page.total, TEXT_COUNT_CAP);
    assert.equal(page.totalExact, false);
  });

  test('common word rows in sort order', async () => {
    const page = await search('q=IMPRIMANTE&sort=updatedAt&order=desc&perPage=5', server.admin);
    const expected = await server.handle.db
      .selectFrom('tickets')
      .select('id')
      .where('search_text', 'like', '%imprimante%')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(5)
      .execute();
    assert.deepEqual(
      page.items.map((item) => item.id),
      expected.map((row) => row.id),
    );
  });

  test('common word keyset pages', async () => {
    const first = await search('q=imprimante&sort=id&order=asc&perPage=50', server.admin);
    assert.ok(first.nextCursor);
    const second = await search(`q=imprimante&sort=id&order=asc&perPage=50&after=${first.nextCursor}`, server.admin);
    const ids = [...first.items, ...second.items].map((item) => item.id);
    assert.equal(new Set(ids).size, 100);
    assert.deepEqual([...ids].sort((a, b) => a - b), ids);
  });

  test('common word within rights', async () => {
    const page = await search('q=imprimante', clinicTechnician);
    assert.equal(page.total, 2);
    assert.equal(page.totalExact, true);
    assert.deepEqual(page.items.map((item) => item.title).sort(), ['Imprimante des urgences', 'Imprimante du bloc B']);
  });

  test('rare word counted exactly', async () => {
    const page = await search('q=ecran%20noir', server.admin);
    assert.equal(page.total, 1);
    assert.equal(page.totalExact, true);
  });

  test('quotes in the text', async () => {
    const page = await search(`q=${encodeURIComponent('"accueil')}`, server.admin);
    assert.equal(page.total, 0);
    assert.equal(page.totalExact, true);
    const apostrophe = await search(`q=${encodeURIComponent("l'accueil")}`, server.admin);
    assert.equal(apostrophe.totalExact, false);
    assert.equal(apostrophe.total, TEXT_COUNT_CAP);
  });

  test('short common text', async () => {
    // Two letters: below a trigram, so SQLite reads search_text and counts every match.
    const page = await search('q=im', server.admin);
    assert.ok(page.items.length > 0);
  });
});
