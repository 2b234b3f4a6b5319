import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { assertProblem, buildWorld, fieldMessage, lastAuditRow, type World } from '../../test/helpers/world.js';

describe('user assignment routes', () => {
  let server: TestServer;
  let world: World;
  let profiles: Record<string, number>;
  /** Holds only the "Gestion des comptes" profile in CH A, not recursive. */
  let manager: Session;
  let nurseA: number;
  let nurseB: number;
  before(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    const created = await server.call('POST', '/api/v1/profiles', {
      as: server.admin,
      body: { name: 'Gestion des comptes', interface: 'central', rights: ['entity:read', 'user:read', 'user:update'] },
    });
    assert.equal(created.statusCode, 201);
    const listed = await server.call('GET', '/api/v1/profiles', { as: server.admin });
    profiles = Object.fromEntries(listed.json<{ items: { id: number; name: string }[] }>().items.map((item) => [item.name, item.id]));
    await createUser(server, 'gestion.cha', { entityId: world.chA, assignments: [{ entityId: world.chA, profile: 'Gestion des comptes' }] });
    manager = await server.login('gestion.cha');
    nurseA = await createUser(server, 'infirmier.cha', { entityId: world.chA });
    nurseB = await createUser(server, 'infirmier.ehpadb', { entityId: world.ehpadB });
  });
  after(() => server.close());

  const url = (userId: number) => `/api/v1/users/${userId}/entities`;

  test('requires a session', async () => {
    assertProblem(await server.call('GET', url(nurseA)), 401, 'unauthenticated');
    assertProblem(await server.call('PUT', url(nurseA), { body: [] }), 401, 'unauthenticated');
  });

  test('body rejects each invalid field', async () => {
    const response = await server.call('PUT', url(nurseA), {
      as: server.admin,
      body: [{ entityId: 'a', profileId: 0, isRecursive: 'non', note: 'x' }],
    });
    assert.equal(fieldMessage(response, '0.entityId'), 'Entrée invalide : nombre attendu, chaîne de caractères reçu');
    assert.equal(fieldMessage(response, '0.profileId'), 'Trop petit : nombre doit être >0');
    assert.equal(fieldMessage(response, '0.isRecursive'), 'Entrée invalide : booléen attendu, chaîne de caractères reçu');
    assert.equal(fieldMessage(response, '0'), 'Clé non reconnue : "note"');
  });

  test('technician cannot assign', async () => {
    const response = await server.call('PUT', url(nurseA), { as: world.techA, body: [] });
    assert.equal(assertProblem(response, 403, 'forbidden').detail, "Vous n'avez pas le droit « user:update » nécessaire à cette action.");
  });

  test('outside scope is refused', async () => {
    assertProblem(await server.call('GET', url(nurseB), { as: world.superA }), 403, 'outside_scope');
    assertProblem(await server.call('PUT', url(nurseB), { as: world.adminA, body: [] }), 403, 'outside_scope');
    const elsewhere = await server.call('PUT', url(nurseA), {
      as: world.adminA,
      body: [{ entityId: world.ehpadB, profileId: profiles.Technicien }],
    });
    assertProblem(elsewhere, 403, 'outside_scope');
  });

  test('unknown user or profile is 404', async () => {
    assertProblem(await server.call('PUT', url(999999), { as: server.admin, body: [] }), 404, 'not_found');
    const response = await server.call('PUT', url(nurseA), { as: server.admin, body: [{ entityId: world.chA, profileId: 999999 }] });
    assert.equal(assertProblem(response, 404, 'not_found').detail, 'Le profil est introuvable.');
  });

  test('cannot grant rights one lacks', async () => {
    const response = await server.call('PUT', url(nurseA), {
      as: manager,
      body: [{ entityId: world.chA, profileId: profiles.Technicien }],
    });
    assertProblem(response, 403, 'forbidden');
    const stored = await server.call('GET', url(nurseA), { as: server.admin });
    assert.deepEqual(stored.json(), []);
  });

  test('can grant rights one holds', async () => {
    const response = await server.call('PUT', url(nurseA), {
      as: manager,
      body: [{ entityId: world.chA, profileId: profiles['Gestion des comptes'] }],
    });
    assert.equal(response.statusCode, 204);
  });

  test('recursive grant needs rights below', async () => {
    const response = await server.call('PUT', url(nurseA), {
      as: manager,
      body: [{ entityId: world.chA, profileId: profiles['Gestion des comptes'], isRecursive: true }],
    });
    assertProblem(response, 403, 'forbidden');
  });

  test('assignments replaced and audited', async () => {
    const body = [{ entityId: world.chA, profileId: profiles.Superviseur, isRecursive: true }];
    const response = await server.call('PUT', url(nurseA), { as: server.admin, body });
    assert.equal(response.statusCode, 204);
    const stored = await server.call('GET', url(nurseA), { as: world.superA });
    assert.deepEqual(stored.json(), body);

    const audit = await lastAuditRow(server, 'user', nurseA);
    assert.equal(audit.action, 'user.assignments');
    assert.deepEqual(audit.changes.assignments, [
      [{ entityId: world.chA, profileId: profiles['Gestion des comptes'], isRecursive: false }],
      body,
    ]);
  });

  test('recursion follows the assignment', async () => {
    const session = await server.login('infirmier.cha');
    const child = `/api/v1/entities/${world.pavillonA1}`;
    await server.call('PUT', url(nurseA), {
      as: server.admin,
      body: [{ entityId: world.chA, profileId: profiles.Superviseur, isRecursive: true }],
    });
    assert.equal((await server.call('GET', child, { as: session })).statusCode, 200);

    await server.call('PUT', url(nurseA), {
      as: server.admin,
      body: [{ entityId: world.chA, profileId: profiles.Superviseur, isRecursive: false }],
    });
    assertProblem(await server.call('GET', child, { as: session }), 403, 'outside_scope');
    assert.equal((await server.call('GET', `/api/v1/entities/${world.chA}`, { as: session })).statusCode, 200);
  });
});
