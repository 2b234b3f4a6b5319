import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { assertProblem, buildWorld, fieldMessage, lastAuditRow, type World } from '../../test/helpers/world.js';

describe('profile routes', () => {
  let server: TestServer;
  let world: World;
  /** Holds only profile:read, profile:create and profile:update. */
  let editor: Session;
  let technicien: number;
  before(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    const created = await server.call('POST', '/api/v1/profiles', {
      as: server.admin,
      body: { name: 'Éditeur de profils', interface: 'central', rights: ['profile:read', 'profile:create', 'profile:update'] },
    });
    assert.equal(created.statusCode, 201);
    await createUser(server, 'editeur.profils', { entityId: world.chA, assignments: [{ entityId: world.chA, profile: 'Éditeur de profils' }] });
    editor = await server.login('editeur.profils');
    const listed = await server.call('GET', '/api/v1/profiles?q=techn', { as: server.admin });
    technicien = listed.json<{ items: { id: number }[] }>().items[0]?.id ?? 0;
  });
  after(() => server.close());

  test('requires a session', async () => {
    assertProblem(await server.call('GET', '/api/v1/profiles'), 401, 'unauthenticated');
    assertProblem(await server.call('DELETE', `/api/v1/profiles/${technicien}`), 401, 'unauthenticated');
  });

  test('create rejects each invalid field', async () => {
    const response = await server.call('POST', '/api/v1/profiles', {
      as: server.admin,
      body: { name: '', interface: 'web', rights: ['ticket:read', 'ticket:fly'] },
    });
    assert.equal(fieldMessage(response, 'name'), 'Trop petit : chaîne de caractères doit avoir >=1 caractères');
    assert.equal(fieldMessage(response, 'interface'), 'Option invalide : une valeur parmi "central"|"helpdesk" attendue');
    assert.equal(fieldMessage(response, 'rights.1'), 'Droit inconnu : ticket:fly.');
  });

  test('unknown right in English', async () => {
    const response = await server.call('POST', '/api/v1/profiles', {
      as: server.admin,
      body: { name: 'Test', interface: 'central', rights: ['ticket:fly'] },
      headers: { 'accept-language': 'en' },
    });
    assert.equal(fieldMessage(response, 'rights.0'), 'Unknown right: ticket:fly.');
  });

  test('update rejects each invalid field', async () => {
    const response = await server.call('PATCH', `/api/v1/profiles/${technicien}`, {
      as: server.admin,
      body: { name: 'x'.repeat(101), interface: null, rights: 'ticket:read' },
    });
    assert.equal(fieldMessage(response, 'name'), 'Trop grand : chaîne de caractères doit avoir <=100 caractères');
    assert.equal(fieldMessage(response, 'interface'), 'Option invalide : une valeur parmi "central"|"helpdesk" attendue');
    assert.equal(fieldMessage(response, 'rights'), 'Entrée invalide : tableau attendu, chaîne de caractères reçu');
  });

  test('supervisor cannot create', async () => {
    const response = await server.call('POST', '/api/v1/profiles', {
      as: world.superA,
      body: { name: 'Lecture', interface: 'central', rights: [] },
    });
    assert.equal(assertProblem(response, 403, 'forbidden').detail, "Vous n'avez pas le droit « profile:create » nécessaire à cette action.");
  });

  test('cannot create with rights one lacks', async () => {
    const response = await server.call('POST', '/api/v1/profiles', {
      as: editor,
      body: { name: 'Super', interface: 'central', rights: ['profile:read', 'ticket:delete'] },
    });
    assert.equal(assertProblem(response, 403, 'forbidden').detail, "Vous n'avez pas le droit « ticket:delete » nécessaire à cette action.");
  });

  test('cannot add rights one lacks', async () => {
    const response = await server.call('PATCH', `/api/v1/profiles/${technicien}`, {
      as: editor,
      body: { rights: ['config:update'] },
    });
    assertProblem(response, 403, 'forbidden');
  });

  test('create and update are audited', async () => {
    const created = await server.call('POST', '/api/v1/profiles', {
      as: editor,
      body: { name: 'Observateur', interface: 'helpdesk', rights: ['profile:read', 'profile:read'] },
    });
    assert.equal(created.statusCode, 201);
    const profile = created.json<{ id: number; rights: string[]; isSystem: boolean }>();
    assert.deepEqual(profile.rights, ['profile:read']);
    assert.equal(profile.isSystem, false);
    const audit = await lastAuditRow(server, 'profile', profile.id);
    assert.equal(audit.action, 'profile.create');
    assert.equal(audit.entity_id, null);
    assert.deepEqual(audit.changes.name, [null, 'Observateur']);

    const updated = await server.call('PATCH', `/api/v1/profiles/${profile.id}`, { as: editor, body: { interface: 'central' } });
    assert.equal(updated.statusCode, 200);
    assert.deepEqual((await lastAuditRow(server, 'profile', profile.id)).changes, { interface: ['helpdesk', 'central'] });
  });

  test('duplicate name is 409', async () => {
    const response = await server.call('POST', '/api/v1/profiles', {
      as: server.admin,
      body: { name: 'Superviseur', interface: 'central', rights: [] },
    });
    assertProblem(response, 409, 'already_exists');
  });

  test('shipped profile keeps its name', async () => {
    const response = await server.call('PATCH', `/api/v1/profiles/${technicien}`, { as: server.admin, body: { name: 'Tech' } });
    assertProblem(response, 409, 'conflict');
  });

  test('profile in use is 409', async () => {
    const response = await server.call('DELETE', `/api/v1/profiles/${technicien}`, { as: server.admin });
    assertProblem(response, 409, 'in_use');
  });

  test('delete is audited', async () => {
    const created = await server.call('POST', '/api/v1/profiles', { as: server.admin, body: { name: 'Jetable', interface: 'central', rights: [] } });
    const id = created.json<{ id: number }>().id;
    assert.equal((await server.call('DELETE', `/api/v1/profiles/${id}`, { as: server.admin })).statusCode, 204);
    assert.equal((await lastAuditRow(server, 'profile', id)).action, 'profile.delete');
  });

  test('unknown id is 404', async () => {
    const body = assertProblem(await server.call('GET', '/api/v1/profiles/999999', { as: server.admin }), 404, 'not_found');
    assert.equal(body.detail, 'Le profil est introuvable.');
  });
});
