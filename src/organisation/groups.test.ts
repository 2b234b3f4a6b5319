import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { assertProblem, buildWorld, fieldMessage, lastAuditRow, type World } from '../../test/helpers/world.js';

const LEVEL_NEEDS_SUPPORT = 'Seul un groupe de support peut avoir un niveau (N1, N2, N3).';

describe('group routes', () => {
  let server: TestServer;
  let world: World;
  let groupA: number;
  let groupB: number;
  let nurseA: number;
  let nurseB: number;
  before(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    const a = await server.call('POST', '/api/v1/groups', { as: server.admin, body: { entityId: world.chA, name: 'Support N1', isSupport: true, level: 'N1' } });
    const b = await server.call('POST', '/api/v1/groups', { as: server.admin, body: { entityId: world.ehpadB, name: 'Cadres', isSupport: false } });
    groupA = a.json<{ id: number }>().id;
    groupB = b.json<{ id: number }>().id;
    nurseA = await createUser(server, 'infirmier.cha', { entityId: world.chA });
    nurseB = await createUser(server, 'infirmier.ehpadb', { entityId: world.ehpadB });
  });
  after(() => server.close());

  test('requires a session', async () => {
    assertProblem(await server.call('GET', '/api/v1/groups'), 401, 'unauthenticated');
    assertProblem(await server.call('GET', `/api/v1/groups/${groupA}/members`), 401, 'unauthenticated');
    assertProblem(await server.call('PUT', `/api/v1/groups/${groupA}/members`, { body: [] }), 401, 'unauthenticated');
  });

  test('create rejects each invalid field', async () => {
    const response = await server.call('POST', '/api/v1/groups', {
      as: server.admin,
      body: { entityId: -3, name: '', isSupport: 'oui', level: 'N4' },
    });
    assert.equal(fieldMessage(response, 'entityId'), 'Trop petit : nombre doit être >0');
    assert.equal(fieldMessage(response, 'name'), 'Trop petit : chaîne de caractères doit avoir >=1 caractères');
    assert.equal(fieldMessage(response, 'isSupport'), 'Entrée invalide : booléen attendu, chaîne de caractères reçu');
    assert.equal(fieldMessage(response, 'level'), 'Option invalide : une valeur parmi "N1"|"N2"|"N3" attendue');
  });

  test('level without support rejected', async () => {
    const response = await server.call('POST', '/api/v1/groups', {
      as: server.admin,
      body: { entityId: world.chA, name: 'Secrétariat', isSupport: false, level: 'N2' },
    });
    assert.equal(fieldMessage(response, 'level'), LEVEL_NEEDS_SUPPORT);
    const english = await server.call('POST', '/api/v1/groups', {
      as: server.admin,
      body: { entityId: world.chA, name: 'Secrétariat', isSupport: false, level: 'N2' },
      headers: { 'accept-language': 'en' },
    });
    assert.equal(fieldMessage(english, 'level'), 'Only a support group can have a level (N1, N2, N3).');
  });

  test('update rejects each invalid field', async () => {
    const response = await server.call('PATCH', `/api/v1/groups/${groupA}`, {
      as: server.admin,
      body: { entityId: null, name: 12, isSupport: null },
    });
    assert.equal(fieldMessage(response, 'entityId'), 'Entrée invalide : nombre attendu, null reçu');
    assert.equal(fieldMessage(response, 'name'), 'Entrée invalide : chaîne de caractères attendu, nombre reçu');
    assert.equal(fieldMessage(response, 'isSupport'), 'Entrée invalide : booléen attendu, null reçu');

    // The cross-field rule runs once every field has the right type.
    const level = await server.call('PATCH', `/api/v1/groups/${groupA}`, { as: server.admin, body: { isSupport: false, level: 'N3' } });
    assert.equal(fieldMessage(level, 'level'), LEVEL_NEEDS_SUPPORT);
  });

  test('level on plain group conflicts', async () => {
    const response = await server.call('PATCH', `/api/v1/groups/${groupB}`, { as: server.admin, body: { level: 'N2' } });
    assertProblem(response, 409, 'conflict');
  });

  test('supervisor cannot create', async () => {
    const response = await server.call('POST', '/api/v1/groups', { as: world.superA, body: { entityId: world.chA, name: 'Support N2' } });
    assertProblem(response, 403, 'forbidden');
  });

  test('outside scope is refused', async () => {
    const create = await server.call('POST', '/api/v1/groups', { as: world.adminA, body: { entityId: world.ehpadB, name: 'Support N2' } });
    assertProblem(create, 403, 'outside_scope');
    assertProblem(await server.call('GET', `/api/v1/groups/${groupB}`, { as: world.superA }), 403, 'outside_scope');
    assertProblem(await server.call('PATCH', `/api/v1/groups/${groupB}`, { as: world.adminA, body: { name: 'X' } }), 403, 'outside_scope');
    assertProblem(await server.call('GET', `/api/v1/groups/${groupB}/members`, { as: world.superA }), 403, 'outside_scope');
  });

  test('create and update are audited', async () => {
    const created = await server.call('POST', '/api/v1/groups', {
      as: world.adminA,
      body: { entityId: world.chA, name: 'Support N2', isSupport: true, level: 'N2' },
    });
    assert.equal(created.statusCode, 201);
    const id = created.json<{ id: number }>().id;
    assert.equal((await lastAuditRow(server, 'group', id)).action, 'group.create');

    const updated = await server.call('PATCH', `/api/v1/groups/${id}`, { as: world.adminA, body: { isSupport: false } });
    assert.equal(updated.statusCode, 200);
    assert.equal(updated.json().level, null);
    const audit = await lastAuditRow(server, 'group', id);
    assert.equal(audit.action, 'group.update');
    assert.deepEqual(audit.changes.level, ['N2', null]);
    assert.deepEqual(audit.changes.is_support, [1, 0]);
  });

  test('duplicate name in entity is 409', async () => {
    const response = await server.call('POST', '/api/v1/groups', { as: server.admin, body: { entityId: world.chA, name: 'Support N1' } });
    assertProblem(response, 409, 'already_exists');
  });

  test('unknown id is 404', async () => {
    assertProblem(await server.call('GET', '/api/v1/groups/999999', { as: server.admin }), 404, 'not_found');
    assertProblem(await server.call('GET', '/api/v1/groups/999999/members', { as: server.admin }), 404, 'not_found');
    assertProblem(await server.call('PUT', '/api/v1/groups/999999/members', { as: server.admin, body: [] }), 404, 'not_found');
  });

  test('members body rejects each field', async () => {
    const response = await server.call('PUT', `/api/v1/groups/${groupA}/members`, {
      as: server.admin,
      body: [{ userId: 'x', isManager: 1 }],
    });
    assert.equal(fieldMessage(response, '0.userId'), 'Entrée invalide : nombre attendu, chaîne de caractères reçu');
    assert.equal(fieldMessage(response, '0.isManager'), 'Entrée invalide : booléen attendu, nombre reçu');
    const notArray = await server.call('PUT', `/api/v1/groups/${groupA}/members`, { as: server.admin, body: { userId: nurseA } });
    assert.equal(fieldMessage(notArray, ''), 'Entrée invalide : tableau attendu, objet reçu');
  });

  test('members need group update right', async () => {
    const response = await server.call('PUT', `/api/v1/groups/${groupA}/members`, { as: world.superA, body: [] });
    assertProblem(response, 403, 'forbidden');
  });

  test('member outside scope is refused', async () => {
    const response = await server.call('PUT', `/api/v1/groups/${groupA}/members`, { as: world.adminA, body: [{ userId: nurseB }] });
    assertProblem(response, 403, 'outside_scope');
  });

  test('unknown member is 404', async () => {
    const response = await server.call('PUT', `/api/v1/groups/${groupA}/members`, { as: world.adminA, body: [{ userId: 999999 }] });
    assertProblem(response, 404, 'not_found');
  });

  test('members replaced and audited', async () => {
    const first = await server.call('PUT', `/api/v1/groups/${groupA}/members`, {
      as: world.adminA,
      body: [{ userId: nurseA, isManager: true }],
    });
    assert.equal(first.statusCode, 204);
    const listed = await server.call('GET', `/api/v1/groups/${groupA}/members`, { as: world.superA });
    assert.deepEqual(listed.json(), [{ userId: nurseA, login: 'infirmier.cha', isManager: true }]);

    const second = await server.call('PUT', `/api/v1/groups/${groupA}/members`, { as: world.adminA, body: [] });
    assert.equal(second.statusCode, 204);
    const audit = await lastAuditRow(server, 'group', groupA);
    assert.equal(audit.action, 'group.members');
    assert.deepEqual(audit.changes, { added: [], removed: [nurseA] });
  });

  test('delete is audited', async () => {
    const created = await server.call('POST', '/api/v1/groups', { as: world.adminA, body: { entityId: world.chA, name: 'Temporaire' } });
    const id = created.json<{ id: number }>().id;
    assert.equal((await server.call('DELETE', `/api/v1/groups/${id}`, { as: world.adminA })).statusCode, 204);
    assert.equal((await lastAuditRow(server, 'group', id)).action, 'group.delete');
  });

  test('list stays in scope', async () => {
    const response = await server.call('GET', '/api/v1/groups', { as: world.superA });
    const body = response.json<{ items: { id: number; entityId: number }[]; total: number }>();
    assert.ok(body.items.some((item) => item.id === groupA));
    assert.ok(body.items.every((item) => item.entityId === world.chA));
    assert.equal(body.total, body.items.length);
  });
});
