import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { assertProblem, buildWorld, fieldMessage, lastAuditRow, type World } from '../../test/helpers/world.js';

describe('entity routes', () => {
  let server: TestServer;
  let world: World;
  before(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
  });
  after(() => server.close());

  test('list requires a session', async () => {
    assertProblem(await server.call('GET', '/api/v1/entities'), 401, 'unauthenticated');
  });

  test('create requires a session', async () => {
    const response = await server.call('POST', '/api/v1/entities', { body: { parentId: world.chA, name: 'X', type: 'other' } });
    assertProblem(response, 401, 'unauthenticated');
  });

  test('create rejects each invalid field', async () => {
    const empty = await server.call('POST', '/api/v1/entities', { as: server.admin, body: {} });
    assert.equal(empty.json().detail, 'La requête contient des valeurs invalides.');
    assert.equal(fieldMessage(empty, 'parentId'), 'Entrée invalide : nombre attendu, indéfini reçu');
    assert.equal(fieldMessage(empty, 'name'), 'Entrée invalide : chaîne de caractères attendu, indéfini reçu');

    const wrong = await server.call('POST', '/api/v1/entities', {
      as: server.admin,
      body: { parentId: -1, name: '  ', type: 'clinic', color: 'red' },
    });
    assert.equal(fieldMessage(wrong, 'parentId'), 'Trop petit : nombre doit être >0');
    assert.equal(fieldMessage(wrong, 'name'), 'Trop petit : chaîne de caractères doit avoir >=1 caractères');
    assert.equal(
      fieldMessage(wrong, 'type'),
      'Option invalide : une valeur parmi "group"|"hospital"|"ehpad"|"administrative"|"other" attendue',
    );
    assert.equal(fieldMessage(wrong, ''), 'Clé non reconnue : "color"');
  });

  test('name separator rejected in French', async () => {
    const response = await server.call('POST', '/api/v1/entities', {
      as: server.admin,
      body: { parentId: world.chA, name: 'CH A > Pédiatrie', type: 'hospital' },
    });
    assert.equal(
      fieldMessage(response, 'name'),
      'Le nom ne doit pas contenir « > » : ce caractère sépare les niveaux du chemin.',
    );
  });

  test('validation messages in English', async () => {
    const response = await server.call('POST', '/api/v1/entities', {
      as: server.admin,
      body: { parentId: 1.5, name: 'x'.repeat(256), type: 'hospital' },
      headers: { 'accept-language': 'en' },
    });
    assert.equal(response.json().detail, 'The request contains invalid values.');
    assert.equal(fieldMessage(response, 'parentId'), 'Invalid input: expected int, received number');
    assert.equal(fieldMessage(response, 'name'), 'Too big: expected string to have <=255 characters');
  });

  test('update rejects each invalid field', async () => {
    const response = await server.call('PATCH', `/api/v1/entities/${world.pavillonA1}`, {
      as: server.admin,
      body: { parentId: 'root', name: 'a>b', type: 7 },
    });
    assert.equal(fieldMessage(response, 'parentId'), 'Entrée invalide : nombre attendu, chaîne de caractères reçu');
    assert.equal(
      fieldMessage(response, 'name'),
      'Le nom ne doit pas contenir « > » : ce caractère sépare les niveaux du chemin.',
    );
    assert.equal(
      fieldMessage(response, 'type'),
      'Option invalide : une valeur parmi "group"|"hospital"|"ehpad"|"administrative"|"other" attendue',
    );
  });

  test('technician cannot create', async () => {
    const response = await server.call('POST', '/api/v1/entities', {
      as: world.techA,
      body: { parentId: world.chA, name: 'Pavillon A2', type: 'hospital' },
    });
    const body = assertProblem(response, 403, 'forbidden');
    assert.equal(body.detail, "Vous n'avez pas le droit « entity:create » nécessaire à cette action.");
  });

  test('self-service cannot list', async () => {
    assertProblem(await server.call('GET', '/api/v1/entities', { as: world.selfA }), 403, 'forbidden');
  });

  test('create outside scope is refused', async () => {
    const response = await server.call('POST', '/api/v1/entities', {
      as: world.adminA,
      body: { parentId: world.ehpadB, name: 'Unité Alzheimer', type: 'ehpad' },
    });
    const body = assertProblem(response, 403, 'outside_scope');
    assert.equal(body.detail, 'Cet enregistrement appartient à une entité hors de votre périmètre.');
  });

  test('read and update outside scope refused', async () => {
    assertProblem(await server.call('GET', `/api/v1/entities/${world.ehpadB}`, { as: world.superA }), 403, 'outside_scope');
    const patch = await server.call('PATCH', `/api/v1/entities/${world.ehpadB}`, { as: world.adminA, body: { name: 'EHPAD C' } });
    assertProblem(patch, 403, 'outside_scope');
    assertProblem(await server.call('DELETE', `/api/v1/entities/${world.ehpadB}`, { as: world.adminA }), 403, 'outside_scope');
  });

  test('move under out-of-scope parent refused', async () => {
    const response = await server.call('PATCH', `/api/v1/entities/${world.chA}`, { as: world.adminA, body: { parentId: world.ehpadB } });
    assertProblem(response, 403, 'outside_scope');
  });

  test('create writes an audit row', async () => {
    const response = await server.call('POST', '/api/v1/entities', {
      as: world.adminA,
      body: { parentId: world.chA, name: 'Pavillon A2', type: 'hospital' },
    });
    assert.equal(response.statusCode, 201);
    const created = response.json<{ id: number; completeName: string; parentId: number }>();
    assert.equal(created.completeName, 'Entité racine > CH A > Pavillon A2');
    assert.equal(created.parentId, world.chA);

    const audit = await lastAuditRow(server, 'entity', created.id);
    assert.equal(audit.action, 'entity.create');
    assert.equal(audit.actor_login, 'admin.cha');
    assert.deepEqual(audit.changes.name, [null, 'Pavillon A2']);
  });

  test('rename updates descendants and audit', async () => {
    const parent = await server.call('POST', '/api/v1/entities', {
      as: server.admin,
      body: { parentId: server.rootEntityId, name: 'CH Nord', type: 'hospital' },
    });
    const parentId = parent.json<{ id: number }>().id;
    const child = await server.call('POST', '/api/v1/entities', { as: server.admin, body: { parentId, name: 'Urgences', type: 'other' } });
    const childId = child.json<{ id: number }>().id;

    const renamed = await server.call('PATCH', `/api/v1/entities/${parentId}`, { as: server.admin, body: { name: 'CH Sud' } });
    assert.equal(renamed.statusCode, 200);
    assert.equal(renamed.json().completeName, 'Entité racine > CH Sud');
    const reread = await server.call('GET', `/api/v1/entities/${childId}`, { as: server.admin });
    assert.equal(reread.json().completeName, 'Entité racine > CH Sud > Urgences');

    const audit = await lastAuditRow(server, 'entity', parentId);
    assert.equal(audit.action, 'entity.update');
    assert.deepEqual(audit.changes.name, ['CH Nord', 'CH Sud']);
  });

  test('entity cannot move under itself', async () => {
    const response = await server.call('PATCH', `/api/v1/entities/${world.chA}`, { as: server.admin, body: { parentId: world.pavillonA1 } });
    assertProblem(response, 409, 'conflict');
  });

  test('root entity cannot move', async () => {
    const response = await server.call('PATCH', `/api/v1/entities/${server.rootEntityId}`, { as: server.admin, body: { parentId: world.chA } });
    assertProblem(response, 409, 'conflict');
  });

  test('delete writes an audit row', async () => {
    const created = await server.call('POST', '/api/v1/entities', {
      as: server.admin,
      body: { parentId: world.ehpadB, name: 'Annexe', type: 'other' },
    });
    const id = created.json<{ id: number }>().id;
    const response = await server.call('DELETE', `/api/v1/entities/${id}`, { as: server.admin });
    assert.equal(response.statusCode, 204);
    assertProblem(await server.call('GET', `/api/v1/entities/${id}`, { as: server.admin }), 404, 'not_found');

    const audit = await lastAuditRow(server, 'entity', id);
    assert.equal(audit.action, 'entity.delete');
    assert.deepEqual(audit.changes.name, ['Annexe', null]);
  });

  test('unknown id is 404', async () => {
    const body = assertProblem(await server.call('GET', '/api/v1/entities/999999', { as: server.admin }), 404, 'not_found');
    assert.equal(body.detail, "L'entité est introuvable.");
    assertProblem(await server.call('PATCH', '/api/v1/entities/999999', { as: server.admin, body: { name: 'X' } }), 404, 'not_found');
    assertProblem(await server.call('DELETE', '/api/v1/entities/999999', { as: server.admin }), 404, 'not_found');
  });

  test('entity in use is 409', async () => {
    const created = await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: world.ehpadB, name: 'Accueil' } });
    assert.equal(created.statusCode, 201);
    const response = await server.call('DELETE', `/api/v1/entities/${world.ehpadB}`, { as: server.admin });
    assertProblem(response, 409, 'in_use');
  });

  test('non-recursive list sees one entity', async () => {
    const response = await server.call('GET', '/api/v1/entities', { as: world.superA });
    assert.equal(response.statusCode, 200);
    const body = response.json<{ items: { id: number }[]; total: number }>();
    assert.deepEqual(body.items.map((item) => item.id), [world.chA]);
    assert.equal(body.total, 1);
  });

  test('recursive list sees children', async () => {
    const response = await server.call('GET', '/api/v1/entities', { as: world.superARecursive });
    const body = response.json<{ items: { id: number }[]; total: number }>();
    const ids = body.items.map((item) => item.id);
    assert.ok(ids.includes(world.chA));
    assert.ok(ids.includes(world.pavillonA1));
    assert.equal(ids.includes(world.ehpadB), false);
    assert.equal(ids.includes(server.rootEntityId), false);
    assert.equal(body.total, ids.length);
  });

  test('recursive read reaches child', async () => {
    const recursive = await server.call('GET', `/api/v1/entities/${world.pavillonA1}`, { as: world.superARecursive });
    assert.equal(recursive.statusCode, 200);
    const flat = await server.call('GET', `/api/v1/entities/${world.pavillonA1}`, { as: world.superA });
    assertProblem(flat, 403, 'outside_scope');
  });
});
