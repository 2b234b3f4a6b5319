import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_PASSWORD, createUser, startTestServer, type TestServer, USER_PASSWORD } from '../../test/helpers/server.js';

describe('sign-in', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ GUICHET_LOGIN_MAX_FAILURES: '3' });
  });
  after(() => server.close());

  test('me requires a session', async () => {
    const response = await server.call('GET', '/api/v1/auth/me');
    assert.equal(response.statusCode, 401);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(response.json().code, 'unauthenticated');
  });

  test('admin signs in and reads me', async () => {
    const response = await server.call('GET', '/api/v1/auth/me', { as: server.admin });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().login, 'admin');
    assert.ok(response.json().rights['entity:create'].includes(server.rootEntityId));
  });

  test('me lists the user groups', async () => {
    const userId = await createUser(server, 'technicien.groupes', { assignments: [{ entityId: server.rootEntityId, profile: 'Technicien' }] });
    const now = new Date().toISOString();
    const { db } = server.handle;
    const insertGroup = (name: string) =>
      db.insertInto('groups').values({ entity_id: server.rootEntityId, name, is_support: 1, level: 'N1', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const network = await insertGroup('Réseau N2');
    const desk = await insertGroup('Assistance N1');
    await insertGroup('Applications N3');
    await db.insertInto('group_members').values([{ group_id: network.id, user_id: userId }, { group_id: desk.id, user_id: userId }]).execute();

    const session = await server.login('technicien.groupes', USER_PASSWORD);
    const me = await server.call('GET', '/api/v1/auth/me', { as: session });
    assert.equal(me.statusCode, 200);
    assert.deepEqual(me.json().groups, [
      { id: desk.id, name: 'Assistance N1' },
      { id: network.id, name: 'Réseau N2' },
    ]);

    const admin = await server.call('GET', '/api/v1/auth/me', { as: server.admin });
    assert.deepEqual(admin.json().groups, []);
  });

  test('session cookie flags', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'admin', password: ADMIN_PASSWORD } });
    const cookie = response.cookies.find((item) => item.name === 'guichet_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
  });

  test('wrong password is rejected in French', async () => {
    const response = await server.call('POST', '/api/v1/auth/login', { body: { login: 'admin', password: 'nope' } });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().code, 'invalid_credentials');
    assert.equal(response.json().detail, 'Identifiant ou mot de passe incorrect.');
  });

  test('English detail with Accept-Language', async () => {
    const response = await server.call('POST', '/api/v1/auth/login', {
      body: { login: 'admin', password: 'nope' },
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    assert.equal(response.json().detail, 'Incorrect login or password.');
  });

  test('account locks after repeated failures', async () => {
    await createUser(server, 'infirmiere.locked');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const failed = await server.call('POST', '/api/v1/auth/login', { body: { login: 'infirmiere.locked', password: 'wrong-password' } });
      assert.equal(failed.statusCode, 401);
    }
    const locked = await server.call('POST', '/api/v1/auth/login', { body: { login: 'infirmiere.locked', password: 'user-password-for-tests' } });
    assert.equal(locked.statusCode, 423);
    assert.equal(locked.json().code, 'account_locked');
    assert.doesNotMatch(locked.json().detail, /\d{4}-\d{2}-\d{2}T/, 'the unlock time is written for people');
    const audit = await server.handle.db.selectFrom('audit_log').select(['action', 'changes']).where('action', '=', 'auth.lock').execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0]?.changes ?? '', /too_many_failures/);
  });

  test('CSRF header required for cookie changes', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: server.admin.cookie },
      payload: { name: 'centreon' },
    });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().code, 'csrf_invalid');
  });

  test('API token shown once, then revoked', async () => {
    const created = await server.call('POST', '/api/v1/auth/tokens', { as: server.admin, body: { name: 'centreon' } });
    assert.equal(created.statusCode, 201);
    const { token, id } = created.json<{ token: string; id: number }>();
    assert.match(token, /^gch_/);

    const me = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    const listed = await server.call('GET', '/api/v1/auth/tokens', { as: server.admin });
    assert.equal(JSON.stringify(listed.json()).includes(token), false);

    const stored = await server.handle.db.selectFrom('api_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token);

    const revoked = await server.call('DELETE', `/api/v1/auth/tokens/${id}`, { as: server.admin });
    assert.equal(revoked.statusCode, 204);
    const refused = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.json().code, 'invalid_token');
  });

  test('token needs no CSRF header', async () => {
    const created = await server.call('POST', '/api/v1/auth/tokens', { as: server.admin, body: { name: 'script' } });
    const { token } = created.json<{ token: string }>();
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'from token' },
    });
    assert.equal(response.statusCode, 201);
  });

  test('logout ends the session', async () => {
    const session = await server.login('admin', ADMIN_PASSWORD);
    const out = await server.call('POST', '/api/v1/auth/logout', { as: session });
    assert.equal(out.statusCode, 204);
    const me = await server.call('GET', '/api/v1/auth/me', { as: session });
    assert.equal(me.statusCode, 401);
  });
});
