import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Writable } from 'node:stream';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../../test/helpers/server.js';

interface LogLine {
  level: number;
  reqId?: string;
  route?: string;
  statusCode?: number;
  msg?: string;
}

const WRONG_PASSWORD = 'mot-de-passe-errone-7731';

describe('request logs', () => {
  let server: TestServer;
  const lines: string[] = [];
  let sessionCookie = '';
  let csrfToken = '';
  let apiToken = '';

  before(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
        callback();
      },
    });
    server = await startTestServer({ LOG_LEVEL: 'info' }, { logStream: stream });

    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-request-id': 'req-login-ok-0001' },
      payload: { login: 'admin', password: ADMIN_PASSWORD },
    });
    sessionCookie = login.cookies.find((cookie) => cookie.name === 'guichet_session')?.value ?? '';
    csrfToken = login.json<{ csrfToken: string }>().csrfToken;
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-request-id': 'req-login-bad-0001' },
      payload: { login: 'admin', password: WRONG_PASSWORD },
    });
    const token = await server.call('POST', '/api/v1/auth/tokens', { as: server.admin, body: { name: 'supervision' } });
    apiToken = token.json<{ token: string }>().token;
    await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${apiToken}` } });
  });
  after(() => server.close());

  const parsed = () => lines.map((line) => JSON.parse(line) as LogLine);
  const completedFor = (reqId: string) => parsed().find((line) => line.reqId === reqId && line.msg === 'request completed');

  test('success line has id, route, status', () => {
    const line = completedFor('req-login-ok-0001');
    assert.ok(line, 'no completed line for the successful sign-in');
    assert.equal(line.route, '/api/v1/auth/login');
    assert.equal(line.statusCode, 200);
    assert.equal(line.level, 30);
  });

  test('failed sign-in logged at info', () => {
    const line = completedFor('req-login-bad-0001');
    assert.ok(line, 'no completed line for the failed sign-in');
    assert.equal(line.route, '/api/v1/auth/login');
    assert.equal(line.statusCode, 401);
    assert.equal(line.level, 30);
  });

  test('rejection reason logged without secrets', () => {
    const rejected = parsed().find((line) => line.reqId === 'req-login-bad-0001' && line.msg === 'sign-in rejected');
    assert.ok(rejected);
    assert.equal(rejected.level, 30);
  });

  test('secrets never reach the log', () => {
    const text = lines.join('\n');
    assert.ok(sessionCookie.length > 0);
    assert.ok(apiToken.length > 0);
    assert.equal(text.includes(ADMIN_PASSWORD), false);
    assert.equal(text.includes(WRONG_PASSWORD), false);
    assert.equal(text.includes(sessionCookie), false);
    assert.equal(text.includes(csrfToken), false);
    assert.equal(text.includes(apiToken), false);
  });

  test('every request has one line', () => {
    const completed = parsed().filter((line) => line.msg === 'request completed');
    assert.ok(completed.length >= 4);
    assert.ok(completed.every((line) => typeof line.reqId === 'string' && line.reqId.length >= 8));
  });
});
