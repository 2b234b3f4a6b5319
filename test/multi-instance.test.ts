import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { after, before, describe, test } from 'node:test';
import { verifyAuditChain } from '../src/audit/verify.js';
import { ADMIN_PASSWORD, startPeerInstance, startTestServer, type Session, type TestServer } from './helpers/server.js';
import { countAuditRows, ON_POSTGRES } from './helpers/world.js';

// Two application instances share one PostgreSQL database, as behind a load balancer. SQLite is
// a single-process engine, so this file only runs when DATABASE_URL names a PostgreSQL server.
describe('two instances, one database', { skip: ON_POSTGRES ? false : 'needs PostgreSQL' }, () => {
  let server: TestServer;
  let peer: { app: FastifyInstance; close(): Promise<void> };
  before(async () => {
    server = await startTestServer();
    peer = await startPeerInstance(server);
  });
  after(async () => {
    await peer.close();
    await server.close();
  });

  const sendTo = (app: FastifyInstance, method: 'GET' | 'POST', url: string, session: Session, body?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      ...(body === undefined ? {} : { payload: body }),
    });

  test('session works on both', async () => {
    const response = await sendTo(peer.app, 'GET', '/api/v1/auth/me', server.admin);
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().login, 'admin');
  });

  test('logout on one ends both', async () => {
    const session = await server.login('admin', ADMIN_PASSWORD);
    assert.equal((await sendTo(server.app, 'GET', '/api/v1/auth/me', session)).statusCode, 200);

    const out = await sendTo(peer.app, 'POST', '/api/v1/auth/logout', session);
    assert.equal(out.statusCode, 204);
    const afterLogout = await sendTo(server.app, 'GET', '/api/v1/auth/me', session);
    assert.equal(afterLogout.statusCode, 401);
    assert.equal(afterLogout.json().code, 'unauthenticated');
  });

  test('parallel appends keep the chain', async () => {
    const rowsBefore = await countAuditRows(server);
    const creations = Array.from({ length: 20 }, (_, index) =>
      sendTo(index % 2 === 0 ? server.app : peer.app, 'POST', '/api/v1/services', server.admin, {
        entityId: server.rootEntityId,
        name: `Service parallèle ${index}`,
      }),
    );
    const responses = await Promise.all(creations);
    assert.deepEqual(responses.map((response) => response.statusCode), Array.from({ length: 20 }, () => 201));

    assert.equal(await countAuditRows(server), rowsBefore + 20);
    const result = await verifyAuditChain(server.handle.db);
    assert.equal(result.ok, true, JSON.stringify(result.firstBreak));
    assert.equal(result.rowsChecked, rowsBefore + 20);
  });
});
