import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { assertProblem, buildWorld, fieldMessage, lastAuditRow, type World } from '../../test/helpers/world.js';

const NEW_PASSWORD = 'nouveau-mot-de-passe-42';

describe('user routes', () => {
  let server: TestServer;
  let world: World;
  let userB: number;
  let serviceB: number;
  before(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    userB = await createUser(server, 'secretaire.ehpadb', { entityId: world.ehpadB });
    const service = await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: world.ehpadB, name: 'Direction' } });
    serviceB = service.json<{ id: number }>().id;
  });
  after(() => server.close());

  const newUser = (login: string, extra: Record<string, unknown> = {}) => ({
    login,
    firstName: 'Camille',
    lastName: 'Durand',
    entityId: world.chA,
    ...extra,
  });

  test('requires a session', async () => {
    assertProblem(await server.call('GET', '/api/v1/users'), 401, 'unauthenticated');
    assertProblem(await server.call('POST', '/api/v1/users', { body: newUser('anonyme') }), 401, 'unauthenticated');
  });

  test('create rejects each invalid field', async () => {
    const response = await server.call('POST', '/api/v1/users', {
      as: server.admin,
      body: {
        login: 'camille durand',
        firstName: '',
        lastName: 1,
        email: 'camille.chu',
        phone: '0'.repeat(31),
        entityId: 0,
        serviceId: 'radiologie',
        jobProfile: 'chirurgien',
        isActive: 'oui',
        password: 'court',
        language: 'de',
        timeZone: 'Europe/Lyon',
      },
    });
    const message = (field: string) => fieldMessage(response, field);
    assert.equal(message('login'), "L'identifiant ne peut contenir que des lettres, des chiffres et les caractères . _ @ -");
    assert.equal(message('firstName'), 'Trop petit : chaîne de caractères doit avoir >=1 caractères');
    assert.equal(message('lastName'), 'Entrée invalide : chaîne de caractères attendu, nombre reçu');
    assert.equal(message('email'), 'adresse e-mail invalide');
    assert.equal(message('phone'), 'Trop grand : chaîne de caractères doit avoir <=30 caractères');
    assert.equal(message('entityId'), 'Trop petit : nombre doit être >0');
    assert.equal(message('serviceId'), 'Entrée invalide : nombre attendu, chaîne de caractères reçu');
    assert.equal(
      message('jobProfile'),
      'Option invalide : une valeur parmi "medecin"|"infirmier"|"cadre_sante"|"secretaire"|"administratif"|"technicien"|"autre" attendue',
    );
    assert.equal(message('isActive'), 'Entrée invalide : booléen attendu, chaîne de caractères reçu');
    assert.equal(message('password'), 'Le mot de passe doit contenir au moins 12 caractères.');
    assert.equal(message('language'), 'Option invalide : une valeur parmi "fr"|"en" attendue');
    assert.equal(message('timeZone'), 'Fuseau horaire IANA inconnu.');
  });

  test('English field messages', async () => {
    const response = await server.call('POST', '/api/v1/users', {
      as: server.admin,
      body: newUser('camille.en', { password: 'short', timeZone: 'Europe/Lyon' }),
      headers: { 'accept-language': 'en' },
    });
    assert.equal(fieldMessage(response, 'password'), 'The password must contain at least 12 characters.');
    assert.equal(fieldMessage(response, 'timeZone'), 'Unknown IANA time zone.');
  });

  test('update rejects each invalid field', async () => {
    const response = await server.call('PATCH', `/api/v1/users/${userB}`, {
      as: server.admin,
      body: { login: '', unlock: false, email: 42, hash: 'x' },
    });
    assert.equal(fieldMessage(response, 'login'), 'Trop petit : chaîne de caractères doit avoir >=1 caractères');
    assert.equal(fieldMessage(response, 'unlock'), 'Entrée invalide : true attendu');
    assert.equal(fieldMessage(response, 'email'), 'Entrée invalide : chaîne de caractères attendu, nombre reçu');
    assert.equal(fieldMessage(response, ''), 'Clé non reconnue : "hash"');
  });

  test('technician cannot create', async () => {
    const response = await server.call('POST', '/api/v1/users', { as: world.techA, body: newUser('tech.cree') });
    assert.equal(assertProblem(response, 403, 'forbidden').detail, "Vous n'avez pas le droit « user:create » nécessaire à cette action.");
  });

  test('self-service cannot list', async () => {
    assertProblem(await server.call('GET', '/api/v1/users', { as: world.selfA }), 403, 'forbidden');
  });

  test('outside scope is refused', async () => {
    const create = await server.call('POST', '/api/v1/users', { as: world.adminA, body: newUser('hors.perimetre', { entityId: world.ehpadB }) });
    assertProblem(create, 403, 'outside_scope');
    assertProblem(await server.call('GET', `/api/v1/users/${userB}`, { as: world.superA }), 403, 'outside_scope');
    assertProblem(await server.call('PATCH', `/api/v1/users/${userB}`, { as: world.adminA, body: { phone: '0102' } }), 403, 'outside_scope');
    assertProblem(await server.call('DELETE', `/api/v1/users/${userB}`, { as: world.adminA }), 403, 'outside_scope');
  });

  test('service outside scope is refused', async () => {
    const response = await server.call('POST', '/api/v1/users', { as: world.adminA, body: newUser('service.b', { serviceId: serviceB }) });
    assertProblem(response, 403, 'outside_scope');
  });

  test('create masks the password in audit', async () => {
    const response = await server.call('POST', '/api/v1/users', {
      as: world.adminA,
      body: newUser('camille.durand', { password: NEW_PASSWORD, jobProfile: 'infirmier' }),
    });
    assert.equal(response.statusCode, 201);
    const created = response.json<{ id: number; hasPassword: boolean }>();
    assert.equal(created.hasPassword, true);
    assert.equal(response.body.includes(NEW_PASSWORD), false);
    assert.equal(response.body.includes('argon2'), false);

    const audit = await lastAuditRow(server, 'user', created.id);
    assert.equal(audit.action, 'user.create');
    assert.deepEqual(audit.changes.login, [null, 'camille.durand']);
    assert.equal(audit.changes.password_hash, '[changed]');
    assert.equal(JSON.stringify(audit.changes).includes(NEW_PASSWORD), false);
  });

  test('update and delete are audited', async () => {
    const created = await server.call('POST', '/api/v1/users', { as: world.adminA, body: newUser('dominique.petit') });
    const id = created.json<{ id: number }>().id;
    const updated = await server.call('PATCH', `/api/v1/users/${id}`, { as: world.adminA, body: { lastName: 'Moreau' } });
    assert.equal(updated.statusCode, 200);
    assert.deepEqual((await lastAuditRow(server, 'user', id)).changes, { last_name: ['Durand', 'Moreau'] });

    assert.equal((await server.call('DELETE', `/api/v1/users/${id}`, { as: world.adminA })).statusCode, 204);
    assert.equal((await lastAuditRow(server, 'user', id)).action, 'user.delete');
  });

  test('duplicate login ignores case', async () => {
    const response = await server.call('POST', '/api/v1/users', { as: server.admin, body: newUser('Camille.Durand') });
    assert.equal(assertProblem(response, 409, 'already_exists').detail, "L'utilisateur existe déjà avec cette valeur de login.");
  });

  test('unknown id is 404', async () => {
    const body = assertProblem(await server.call('GET', '/api/v1/users/999999', { as: server.admin }), 404, 'not_found');
    assert.equal(body.detail, "L'utilisateur est introuvable.");
    assertProblem(await server.call('GET', '/api/v1/users/999999/entities', { as: server.admin }), 404, 'not_found');
  });

  test('new password ends sessions', async () => {
    const id = await createUser(server, 'claude.leroy', { entityId: world.chA, assignments: [{ entityId: world.chA, profile: 'Technicien' }] });
    const session = await server.login('claude.leroy');
    assert.equal((await server.call('GET', '/api/v1/auth/me', { as: session })).statusCode, 200);

    const changed = await server.call('PATCH', `/api/v1/users/${id}`, { as: world.adminA, body: { password: NEW_PASSWORD } });
    assert.equal(changed.statusCode, 200);
    assertProblem(await server.call('GET', '/api/v1/auth/me', { as: session }), 401, 'unauthenticated');
    assert.equal((await server.login('claude.leroy', NEW_PASSWORD)).userId, id);
  });

  test('deactivation ends sessions', async () => {
    const id = await createUser(server, 'alex.bernard', { entityId: world.chA, assignments: [{ entityId: world.chA, profile: 'Technicien' }] });
    const session = await server.login('alex.bernard');
    const changed = await server.call('PATCH', `/api/v1/users/${id}`, { as: world.adminA, body: { isActive: false } });
    assert.equal(changed.statusCode, 200);
    assert.equal((await server.call('GET', '/api/v1/auth/me', { as: session })).statusCode, 401);
  });

  test('list and total stay in scope', async () => {
    const response = await server.call('GET', '/api/v1/users?perPage=500', { as: world.superA });
    const body = response.json<{ items: { id: number; entityId: number }[]; total: number }>();
    assert.ok(body.items.length > 0);
    assert.ok(body.items.every((item) => item.entityId === world.chA));
    assert.equal(body.items.some((item) => item.id === userB), false);
    assert.equal(body.total, body.items.length);
  });

  test('search with wildcards is literal', async () => {
    const response = await server.call('GET', '/api/v1/users?q=%25', { as: server.admin });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json<{ total: number }>().total, 0);
  });

  test('cannot edit a more privileged account', async () => {
    const powerful = await createUser(server, 'root.admin.in.cha', {
      entityId: world.chA,
      assignments: [{ entityId: server.rootEntityId, profile: 'Administrateur', recursive: true }],
    });
    const response = await server.call('PATCH', `/api/v1/users/${powerful}`, { as: world.adminA, body: { password: 'a-new-password-of-mine' } });
    assertProblem(response, 403, 'forbidden');
  });
});
