import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';

describe('security headers over plain HTTP', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('no HTTPS upgrade without TLS', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(String(response.headers['content-security-policy']).includes('upgrade-insecure-requests'), false);
    assert.equal(response.headers['strict-transport-security'], undefined);
  });
});

describe('security headers behind TLS', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ TRUST_PROXY: 'true' });
  });
  after(() => server.close());

  test('HTTPS upgrade and HSTS behind TLS', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/healthz' });
    assert.ok(String(response.headers['content-security-policy']).includes('upgrade-insecure-requests'));
    assert.ok(response.headers['strict-transport-security']);
  });
});
