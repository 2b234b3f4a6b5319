import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { assertProblem, buildWorld, fieldMessage, type World } from '../../test/helpers/world.js';

interface AuditPage {
  items: { seq: number; action: string; entityId: number | null; actorLogin: string | null; changes: Record<string, unknown> }[];
  nextBefore: number | null;
}

describe('audit routes', () => {
  let server: TestServer;
  let world: World;
  before(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: world.chA, name: 'Urgences' } });
    await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: world.ehpadB, name: 'Accueil' } });
  });
  after(() => server.close());

  test('requires a session', async () => {
    assertProblem(await server.call('GET', '/api/v1/audit'), 401, 'unauthenticated');
    assertProblem(await server.call('GET', '/api/v1/audit/verify'), 401, 'unauthenticated');
  });

  test('query rejects each invalid field', async () => {
    const response = await server.call('GET', '/api/v1/audit?limit=0&from=hier&actorId=-1&before=x&page=2', { as: server.admin });
    assert.equal(fieldMessage(response, 'limit'), 'Trop petit : nombre doit être >=1');
    assert.equal(fieldMessage(response, 'from'), 'date et heure ISO invalide');
    assert.equal(fieldMessage(response, 'actorId'), 'Trop petit : nombre doit être >0');
    assert.equal(fieldMessage(response, 'before'), 'Entrée invalide : nombre attendu, NaN reçu');
    assert.equal(fieldMessage(response, ''), 'Clé non reconnue : "page"');
    assert.equal(response.json().errors[0].in, 'querystring');
  });

  test('query message in English', async () => {
    const response = await server.call('GET', '/api/v1/audit?limit=501', { as: server.admin, headers: { 'accept-language': 'en' } });
    assert.equal(fieldMessage(response, 'limit'), 'Too big: expected number to be <=500');
  });

  test('technician cannot read audit', async () => {
    const response = await server.call('GET', '/api/v1/audit', { as: world.techA });
    assert.equal(assertProblem(response, 403, 'forbidden').detail, "Vous n'avez pas le droit « audit:read » nécessaire à cette action.");
  });

  test('supervisor cannot verify chain', async () => {
    const response = await server.call('GET', '/api/v1/audit/verify', { as: world.superA });
    assert.equal(assertProblem(response, 403, 'forbidden').detail, "Vous n'avez pas le droit « config:update » nécessaire à cette action.");
  });

  test('supervisor sees own entity only', async () => {
    const response = await server.call('GET', '/api/v1/audit?limit=500', { as: world.superA });
    assert.equal(response.statusCode, 200);
    const page = response.json<AuditPage>();
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((item) => item.entityId === world.chA));
    assert.ok(page.items.some((item) => item.action === 'service.create'));
  });

  test('root auditor sees global rows', async () => {
    const response = await server.call('GET', '/api/v1/audit?limit=500', { as: server.admin });
    const page = response.json<AuditPage>();
    const entities = new Set(page.items.map((item) => item.entityId));
    assert.ok(entities.has(null));
    assert.ok(entities.has(world.ehpadB));
    assert.ok(entities.has(world.chA));
  });

  test('filters by action and record', async () => {
    const response = await server.call('GET', '/api/v1/audit?action=service.create&recordType=service', { as: server.admin });
    const page = response.json<AuditPage>();
    assert.equal(page.items.length, 2);
    assert.ok(page.items.every((item) => item.action === 'service.create'));
    assert.deepEqual(page.items[0]?.changes.name, [null, 'Accueil']);
  });

  test('pages newest first', async () => {
    const first = (await server.call('GET', '/api/v1/audit?limit=2', { as: server.admin })).json<AuditPage>();
    assert.equal(first.items.length, 2);
    const [newest = 0, second = 0] = first.items.map((item) => item.seq);
    assert.ok(newest > second);
    assert.equal(first.nextBefore, second);

    const next = (await server.call('GET', `/api/v1/audit?limit=2&before=${first.nextBefore}`, { as: server.admin })).json<AuditPage>();
    assert.equal(next.items.length, 2);
    assert.ok(next.items.every((item) => item.seq < second));
  });

  test('admin verifies intact chain', async () => {
    const response = await server.call('GET', '/api/v1/audit/verify', { as: server.admin });
    assert.equal(response.statusCode, 200);
    const result = response.json<{ ok: boolean; rowsChecked: number; lastSeq: number }>();
    assert.equal(result.ok, true);
    assert.equal(result.rowsChecked, result.lastSeq);
    assert.ok(result.lastSeq > 0);
  });
});
