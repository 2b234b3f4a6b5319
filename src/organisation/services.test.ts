import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { assertProblem, buildWorld, fieldMessage, lastAuditRow, type World } from '../../test/helpers/world.js';

const CRITICALITY_MESSAGE = 'Option invalide : une valeur parmi "vital"|"high"|"normal"|"low" attendue';

describe('service routes', () => {
  let server: TestServer;
  let world: World;
  let serviceB: number;
  before(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    const created = await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: world.ehpadB, name: 'Accueil' } });
    serviceB = created.json<{ id: number }>().id;
  });
  after(() => server.close());

  test('requires a session', async () => {
    assertProblem(await server.call('GET', '/api/v1/services'), 401, 'unauthenticated');
    assertProblem(await server.call('PATCH', `/api/v1/services/${serviceB}`, { body: { name: 'X' } }), 401, 'unauthenticated');
  });

  test('create rejects each invalid field', async () => {
    const missing = await server.call('POST', '/api/v1/services', { as: server.admin, body: {} });
    assert.equal(fieldMessage(missing, 'entityId'), 'Entrée invalide : nombre attendu, indéfini reçu');
    assert.equal(fieldMessage(missing, 'name'), 'Entrée invalide : chaîne de caractères attendu, indéfini reçu');

    const wrong = await server.call('POST', '/api/v1/services', {
      as: server.admin,
      body: { entityId: 0, name: '', criticality: 'urgent', head: 'Dr Martin' },
    });
    assert.equal(fieldMessage(wrong, 'entityId'), 'Trop petit : nombre doit être >0');
    assert.equal(fieldMessage(wrong, 'name'), 'Trop petit : chaîne de caractères doit avoir >=1 caractères');
    assert.equal(fieldMessage(wrong, 'criticality'), CRITICALITY_MESSAGE);
    assert.equal(fieldMessage(wrong, ''), 'Clé non reconnue : "head"');
  });

  test('update rejects each invalid field', async () => {
    const response = await server.call('PATCH', `/api/v1/services/${serviceB}`, {
      as: server.admin,
      body: { entityId: '2', name: 'x'.repeat(256), criticality: null },
    });
    assert.equal(fieldMessage(response, 'entityId'), 'Entrée invalide : nombre attendu, chaîne de caractères reçu');
    assert.equal(fieldMessage(response, 'name'), 'Trop grand : chaîne de caractères doit avoir <=255 caractères');
    assert.equal(fieldMessage(response, 'criticality'), CRITICALITY_MESSAGE);
  });

  test('English field message', async () => {
    const response = await server.call('POST', '/api/v1/services', {
      as: server.admin,
      body: { entityId: world.chA, name: 'Radiologie', criticality: 'urgent' },
      headers: { 'accept-language': 'en-US' },
    });
    assert.equal(fieldMessage(response, 'criticality'), 'Invalid option: expected one of "vital"|"high"|"normal"|"low"');
  });

  test('supervisor cannot create', async () => {
    const response = await server.call('POST', '/api/v1/services', { as: world.superA, body: { entityId: world.chA, name: 'Radiologie' } });
    assert.equal(assertProblem(response, 403, 'forbidden').detail, "Vous n'avez pas le droit « service:create » nécessaire à cette action.");
  });

  test('outside scope is refused', async () => {
    const create = await server.call('POST', '/api/v1/services', { as: world.adminA, body: { entityId: world.ehpadB, name: 'Cuisine' } });
    assertProblem(create, 403, 'outside_scope');
    assertProblem(await server.call('GET', `/api/v1/services/${serviceB}`, { as: world.superA }), 403, 'outside_scope');
    const patch = await server.call('PATCH', `/api/v1/services/${serviceB}`, { as: world.adminA, body: { criticality: 'low' } });
    assertProblem(patch, 403, 'outside_scope');
    assertProblem(await server.call('DELETE', `/api/v1/services/${serviceB}`, { as: world.adminA }), 403, 'outside_scope');
  });

  test('cannot move service out of scope', async () => {
    const created = await server.call('POST', '/api/v1/services', { as: world.adminA, body: { entityId: world.chA, name: 'Pharmacie' } });
    assert.equal(created.statusCode, 201);
    const id = created.json<{ id: number }>().id;
    const moved = await server.call('PATCH', `/api/v1/services/${id}`, { as: world.adminA, body: { entityId: world.ehpadB } });
    assertProblem(moved, 403, 'outside_scope');
  });

  test('create, update, delete are audited', async () => {
    const created = await server.call('POST', '/api/v1/services', {
      as: world.adminA,
      body: { entityId: world.chA, name: 'Urgences', criticality: 'vital' },
    });
    assert.equal(created.statusCode, 201);
    const id = created.json<{ id: number }>().id;
    const createdAudit = await lastAuditRow(server, 'service', id);
    assert.equal(createdAudit.action, 'service.create');
    assert.equal(createdAudit.entity_id, world.chA);
    assert.deepEqual(createdAudit.changes.criticality, [null, 'vital']);

    const updated = await server.call('PATCH', `/api/v1/services/${id}`, { as: world.adminA, body: { criticality: 'high' } });
    assert.equal(updated.statusCode, 200);
    assert.equal(updated.json().criticality, 'high');
    assert.deepEqual((await lastAuditRow(server, 'service', id)).changes, { criticality: ['vital', 'high'] });

    assert.equal((await server.call('DELETE', `/api/v1/services/${id}`, { as: world.adminA })).statusCode, 204);
    assert.equal((await lastAuditRow(server, 'service', id)).action, 'service.delete');
  });

  test('duplicate name in entity is 409', async () => {
    const first = await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: world.chA, name: 'Cardiologie' } });
    assert.equal(first.statusCode, 201);
    const again = await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: world.chA, name: 'Cardiologie' } });
    assert.equal(assertProblem(again, 409, 'already_exists').detail, 'Le service existe déjà avec cette valeur de name.');
    const elsewhere = await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: world.ehpadB, name: 'Cardiologie' } });
    assert.equal(elsewhere.statusCode, 201);
  });

  test('unknown entity or id refused', async () => {
    // An entity id that does not exist is outside every scope: the answer does not reveal which ids exist.
    const create = await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: 999999, name: 'Fantôme' } });
    assertProblem(create, 403, 'outside_scope');
    const body = assertProblem(await server.call('GET', '/api/v1/services/999999', { as: server.admin }), 404, 'not_found');
    assert.equal(body.detail, 'Le service est introuvable.');
  });

  test('list and total stay in scope', async () => {
    const response = await server.call('GET', '/api/v1/services?perPage=500', { as: world.superA });
    const body = response.json<{ items: { entityId: number }[]; total: number }>();
    assert.ok(body.items.length > 0);
    assert.ok(body.items.every((item) => item.entityId === world.chA));
    assert.equal(body.total, body.items.length);
    const all = await server.call('GET', '/api/v1/services?perPage=500', { as: server.admin });
    assert.ok(all.json<{ total: number }>().total > body.total);
  });
});

describe('location routes', () => {
  let server: TestServer;
  let world: World;
  before(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
  });
  after(() => server.close());

  test('requires a session', async () => {
    assertProblem(await server.call('POST', '/api/v1/locations', { body: { entityId: world.chA, name: 'Bâtiment A' } }), 401, 'unauthenticated');
  });

  test('create rejects each invalid field', async () => {
    const response = await server.call('POST', '/api/v1/locations', {
      as: server.admin,
      body: { entityId: 'a', parentId: 0, name: 'Bât A > 2e', building: 'x'.repeat(101), floor: 2, room: [] },
    });
    assert.equal(fieldMessage(response, 'entityId'), 'Entrée invalide : nombre attendu, chaîne de caractères reçu');
    assert.equal(fieldMessage(response, 'parentId'), 'Trop petit : nombre doit être >0');
    assert.equal(fieldMessage(response, 'name'), 'Le nom ne doit pas contenir « > » : ce caractère sépare les niveaux du chemin.');
    assert.equal(fieldMessage(response, 'building'), 'Trop grand : chaîne de caractères doit avoir <=100 caractères');
    assert.equal(fieldMessage(response, 'floor'), 'Entrée invalide : chaîne de caractères attendu, nombre reçu');
    assert.equal(fieldMessage(response, 'room'), 'Entrée invalide : chaîne de caractères attendu, tableau reçu');
  });

  test('update rejects invalid name', async () => {
    const created = await server.call('POST', '/api/v1/locations', { as: server.admin, body: { entityId: world.chA, name: 'Bâtiment C' } });
    const id = created.json<{ id: number }>().id;
    const response = await server.call('PATCH', `/api/v1/locations/${id}`, { as: server.admin, body: { name: '' } });
    assert.equal(fieldMessage(response, 'name'), 'Trop petit : chaîne de caractères doit avoir >=1 caractères');
  });

  test('technician cannot create', async () => {
    const response = await server.call('POST', '/api/v1/locations', { as: world.techA, body: { entityId: world.chA, name: 'Bâtiment A' } });
    assertProblem(response, 403, 'forbidden');
  });

  test('outside scope is refused', async () => {
    const response = await server.call('POST', '/api/v1/locations', { as: world.adminA, body: { entityId: world.ehpadB, name: 'Aile Est' } });
    assertProblem(response, 403, 'outside_scope');
  });

  test('parent outside scope is refused', async () => {
    const parent = await server.call('POST', '/api/v1/locations', { as: server.admin, body: { entityId: world.ehpadB, name: 'Aile Ouest' } });
    const parentId = parent.json<{ id: number }>().id;
    const response = await server.call('POST', '/api/v1/locations', {
      as: world.adminA,
      body: { entityId: world.chA, parentId, name: 'Chambre 12' },
    });
    assertProblem(response, 403, 'outside_scope');
  });

  test('nested location is audited', async () => {
    const parent = await server.call('POST', '/api/v1/locations', {
      as: world.adminA,
      body: { entityId: world.chA, name: 'Bâtiment A', building: 'A' },
    });
    assert.equal(parent.statusCode, 201);
    const parentId = parent.json<{ id: number }>().id;
    const child = await server.call('POST', '/api/v1/locations', {
      as: world.adminA,
      body: { entityId: world.chA, parentId, name: '2e étage', floor: '2' },
    });
    assert.equal(child.statusCode, 201);
    assert.equal(child.json().completeName, 'Bâtiment A > 2e étage');

    const audit = await lastAuditRow(server, 'location', child.json<{ id: number }>().id);
    assert.equal(audit.action, 'location.create');
    assert.deepEqual(audit.changes.floor, [null, '2']);
  });

  test('location cannot be its own parent', async () => {
    const created = await server.call('POST', '/api/v1/locations', { as: server.admin, body: { entityId: world.chA, name: 'Bâtiment D' } });
    const id = created.json<{ id: number }>().id;
    const response = await server.call('PATCH', `/api/v1/locations/${id}`, { as: server.admin, body: { parentId: id } });
    assertProblem(response, 409, 'conflict');
  });

  test('parent in use is 409', async () => {
    const parent = await server.call('POST', '/api/v1/locations', { as: server.admin, body: { entityId: world.chA, name: 'Bâtiment E' } });
    const parentId = parent.json<{ id: number }>().id;
    await server.call('POST', '/api/v1/locations', { as: server.admin, body: { entityId: world.chA, parentId, name: 'RDC' } });
    assertProblem(await server.call('DELETE', `/api/v1/locations/${parentId}`, { as: server.admin }), 409, 'in_use');
  });

  test('unknown id is 404', async () => {
    assertProblem(await server.call('DELETE', '/api/v1/locations/999999', { as: server.admin }), 404, 'not_found');
  });

  test('list stays in scope', async () => {
    await server.call('POST', '/api/v1/locations', { as: server.admin, body: { entityId: world.ehpadB, name: 'Jardin' } });
    const response = await server.call('GET', '/api/v1/locations', { as: world.superA });
    const body = response.json<{ items: { entityId: number }[]; total: number }>();
    assert.ok(body.items.every((item) => item.entityId === world.chA));
    assert.equal(body.total, body.items.length);
  });
});
