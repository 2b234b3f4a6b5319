import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuthentication } from '../auth/authenticate.js';
import type { AppContext } from '../http/context.js';
import { registerErrorHandling } from '../http/error-handler.js';
import { registerWebApp } from './static.js';

// A bare application with the real error handler and authentication hook. Its requests carry no
// cookie and no token, so the hook never reads the database and the context can stay empty.
async function buildWebOnlyApp(root: string): Promise<{ app: FastifyInstance; registered: boolean }> {
  const app = Fastify({ logger: false });
  app.decorate('ctx', {} as AppContext);
  app.decorateRequest('locale', 'fr');
  registerErrorHandling(app);
  await app.register(cookie);
  registerAuthentication(app);
  app.get('/api/v1/private', async () => ({ ok: true }));
  const registered = await registerWebApp(app, root);
  return { app, registered };
}

describe('web app serving', () => {
  let root: string;
  let app: FastifyInstance;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-web-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Guichet</title>');
    fs.writeFileSync(path.join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    ({ app } = await buildWebOnlyApp(root));
  });

  after(async () => {
    await app.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('root serves index.html', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /<title>Guichet<\/title>/);
  });

  test('client route falls back to index', async () => {
    const response = await app.inject({ method: 'GET', url: '/tickets/42?tab=timeline' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<title>Guichet<\/title>/);
  });

  test('hashed asset cached for a year', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, 'console.log(1)');
    assert.match(String(response.headers['cache-control']), /max-age=31536000/);
    assert.match(String(response.headers['cache-control']), /immutable/);
  });

  test('other file sent as is', async () => {
    const response = await app.inject({ method: 'GET', url: '/favicon.svg' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<svg/);
  });

  test('missing asset is JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/gone-000.js' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().code, 'route_not_found');
  });

  test('path traversal gets index', async () => {
    const response = await app.inject({ method: 'GET', url: '/..%2f..%2fetc%2fpasswd' });
    assert.equal(response.statusCode, 200);
    assert.doesNotMatch(response.body, /root:/);
    assert.match(response.body, /<title>Guichet<\/title>/);
  });

  test('unknown API path stays JSON', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nowhere' });
    assert.equal(response.statusCode, 401);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    assert.equal(response.json().code, 'unauthenticated');
  });

  test('API routes still need a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/private' });
    assert.equal(response.statusCode, 401);
  });
});

describe('web app missing', () => {
  test('registration skipped without build', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-web-empty-'));
    const { app, registered } = await buildWebOnlyApp(empty);
    const response = await app.inject({ method: 'GET', url: '/tickets' });
    await app.close();
    fs.rmSync(empty, { recursive: true, force: true });
    assert.equal(registered, false);
    assert.equal(response.statusCode, 401);
  });
});
