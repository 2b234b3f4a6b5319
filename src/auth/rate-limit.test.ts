import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';

describe('sign-in rate limit', () => {
  let server: TestServer;

  before(async () => {
    // The test server signs the admin in once at start: two attempts remain in this minute.
    server = await startTestServer({ GUICHET_LOGIN_RATE_PER_MINUTE: '3' });
  });
  after(() => server.close());

  test('attempts beyond the limit get 429', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await server.call('POST', '/api/v1/auth/login', { body: { login: 'admin', password: 'wrong password' } });
      assert.equal(response.statusCode, 401, response.body);
    }
    const limited = await server.call('POST', '/api/v1/auth/login', { body: { login: 'admin', password: 'wrong password' } });
    assert.equal(limited.statusCode, 429, limited.body);
    assert.equal(limited.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.ok(limited.json().detail.length > 0);
  });

  test('invalid limit stops the start', async () => {
    await assert.rejects(startTestServer({ GUICHET_LOGIN_RATE_PER_MINUTE: '0' }), /GUICHET_LOGIN_RATE_PER_MINUTE/);
  });
});
