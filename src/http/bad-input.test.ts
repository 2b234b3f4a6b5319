import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';

const BODY_LIMIT = 2048;

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  hasBody: boolean;
  hasQuery: boolean;
  /** Query parameters typed as numbers. */
  numericQuery: string[];
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string; name: string; schema?: { type?: string } }[] }>>;
}

/** Lists every operation under /api/v1 in the OpenAPI document, so a new route is covered without editing this test. */
function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, operation] of Object.entries(methods)) {
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        hasBody: operation.requestBody !== undefined,
        hasQuery: (operation.parameters ?? []).some((parameter) => parameter.in === 'query'),
        numericQuery: (operation.parameters ?? [])
          .filter((parameter) => parameter.in === 'query' && ['integer', 'number'].includes(parameter.schema?.type ?? ''))
          .map((parameter) => parameter.name),
      });
    }
  }
  return operations;
}

// Path parameters get values that pass validation but name no record. Validation rejects bad
// bodies before any lookup, and an unknown id keeps valid-looking bodies (an empty member list)
// from changing real records.
const PARAMETER_DEFAULTS: Record<string, string> = { kind: 'user' };
const fillPath = (path: string, overrides: Record<string, string> = {}) =>
  path.replace(/\{(\w+)\}/g, (_match, name: string) => overrides[name] ?? PARAMETER_DEFAULTS[name] ?? '999999');
const pathParameters = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');

describe('bad input never fails with 500', () => {
  let server: TestServer;
  let operations: Operation[];
  before(async () => {
    server = await startTestServer({ GUICHET_BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    operations = operationsOf(response.json<OpenApiDocument>());
  });
  after(() => server.close());

  // The JSON content type goes only with a body: without one, Fastify rejects the empty body first
  // and the parameter checks would never run.
  const send = (method: Operation['method'], url: string, payload?: string) =>
    server.app.inject({
      method,
      url,
      headers: {
        cookie: server.admin.cookie,
        'x-csrf-token': server.admin.csrf,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { payload }),
    });

  function assertClientProblem(response: LightMyRequestResponse, label: string) {
    assert.equal(problemIn(response, label), undefined);
  }

  /** Describes what is wrong with a response that should be a 4xx problem, or returns undefined. */
  function problemIn(response: LightMyRequestResponse, label: string, status?: number): string | undefined {
    const summary = `${label}: ${response.statusCode} ${response.body.slice(0, 200)}`;
    if (response.statusCode < 400 || response.statusCode >= 500) return summary;
    if (status !== undefined && response.statusCode !== status) return `${summary} (expected ${status})`;
    if (response.headers['content-type'] !== 'application/problem+json; charset=utf-8') return `${summary} (not problem+json)`;
    if (typeof response.json<{ code: unknown }>().code !== 'string') return `${summary} (no code)`;
    return undefined;
  }

  /** Sends every case and asserts once, so a failure lists every route that responded wrongly. */
  async function sweep(cases: { method: Operation['method']; url: string; payload?: string; status?: number }[]) {
    assert.ok(cases.length > 0);
    const failures: string[] = [];
    for (const item of cases) {
      const response = await send(item.method, item.url, item.payload);
      const failure = problemIn(response, `${item.method} ${item.url} ${item.payload?.slice(0, 20) ?? ''}`, item.status);
      if (failure !== undefined) failures.push(failure);
    }
    assert.deepEqual(failures, []);
  }

  const withBody = () => operations.filter((item) => ['POST', 'PUT', 'PATCH'].includes(item.method));

  test('document lists the routes', () => {
    const listed = new Set(operations.map((operation) => `${operation.method} ${operation.path}`));
    for (const expected of ['POST /api/v1/entities', 'PUT /api/v1/users/{id}/entities', 'GET /api/v1/audit/verify', 'DELETE /api/v1/auth/tokens/{id}']) {
      assert.ok(listed.has(expected), expected);
    }
  });

  test('malformed JSON body', async () => {
    await sweep(withBody().map((operation) => ({ method: operation.method, url: fillPath(operation.path), payload: '{"a":', status: 400 })));
  });

  test('wrong body types', async () => {
    const typed = operations.filter((item) => item.hasBody);
    await sweep(
      typed.flatMap((operation) =>
        ['[]', '"x"', '123', 'null'].map((payload) => ({ method: operation.method, url: fillPath(operation.path), payload })),
      ),
    );
  });

  test('unknown body fields', async () => {
    const typed = operations.filter((item) => item.hasBody);
    await sweep(typed.map((operation) => ({ method: operation.method, url: fillPath(operation.path), payload: '{"zzUnknown":1}' })));
  });

  test('oversized body is 413', async () => {
    const payload = JSON.stringify({ name: 'x'.repeat(10 * 1024) });
    await sweep(withBody().map((operation) => ({ method: operation.method, url: fillPath(operation.path), payload, status: 413 })));
    const response = await send('POST', '/api/v1/entities', payload);
    assert.equal(response.json().detail, `Le corps de la requête dépasse la taille maximale de ${BODY_LIMIT} octets.`);
  });

  test('invalid path parameters', async () => {
    await sweep(
      operations.flatMap((operation) =>
        pathParameters(operation.path).flatMap((name) =>
          ['abc', '-1', '0', '1.5', '99999999999'].map((value) => ({
            method: operation.method,
            url: fillPath(operation.path, { [name]: value }),
            ...(operation.hasBody ? { payload: '{}' } : {}),
            status: 400,
          })),
        ),
      ),
    );
  });

  test('unknown query parameters', async () => {
    const queried = operations.filter((item) => item.hasQuery);
    await sweep(queried.map((operation) => ({ method: operation.method, url: `${fillPath(operation.path, { id: '1' })}?zzUnknown=1` })));
  });

  test('invalid query numbers', async () => {
    await sweep(
      operations.flatMap((operation) =>
        operation.numericQuery.flatMap((name) =>
          ['-1', 'abc'].map((value) => ({ method: operation.method, url: `${fillPath(operation.path, { id: '1' })}?${name}=${value}`, status: 400 })),
        ),
      ),
    );
  });

  test('huge query numbers never fail', async () => {
    // A huge number may be valid (a 64-bit sequence number) but must never reach a 32-bit column as is.
    const failures: string[] = [];
    for (const operation of operations) {
      for (const name of operation.numericQuery) {
        const url = `${fillPath(operation.path, { id: '1' })}?${name}=99999999999`;
        const response = await send(operation.method, url);
        if (response.statusCode >= 500) failures.push(`${operation.method} ${url}: ${response.statusCode}`);
        else if (response.statusCode >= 400) {
          const failure = problemIn(response, `${operation.method} ${url}`);
          if (failure !== undefined) failures.push(failure);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  test('out-of-range ids in bodies', async () => {
    const group = await server.call('POST', '/api/v1/groups', { as: server.admin, body: { entityId: server.rootEntityId, name: 'Support' } });
    const groupId = group.json<{ id: number }>().id;
    const huge = 99_999_999_999;
    const cases: [Operation['method'], string, unknown][] = [
      ['PUT', `/api/v1/groups/${groupId}/members`, [{ userId: huge }]],
      ['PUT', `/api/v1/users/${server.admin.userId}/entities`, [{ entityId: huge, profileId: 1 }]],
      ['POST', '/api/v1/services', { entityId: huge, name: 'Biologie' }],
      ['POST', '/api/v1/entities', { parentId: huge, name: 'Clinique', type: 'hospital' }],
      ['PATCH', `/api/v1/users/${server.admin.userId}`, { serviceId: huge }],
    ];
    for (const [method, url, body] of cases) {
      const response = await send(method, url, JSON.stringify(body));
      assertClientProblem(response, `${method} ${url}`);
      assert.equal(response.statusCode, 400, `${method} ${url}`);
    }
  });

  test('non-JSON content type', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/entities',
      headers: { cookie: server.admin.cookie, 'x-csrf-token': server.admin.csrf, 'content-type': 'text/xml' },
      payload: '<entity/>',
    });
    assertClientProblem(response, 'text/xml');
    assert.equal(response.json().code, 'unsupported_media_type');
  });

  test('unknown route is problem 404', async () => {
    const response = await send('GET', '/api/v1/nowhere');
    assertClientProblem(response, 'unknown route');
    assert.equal(response.json().code, 'route_not_found');
  });
});

describe('service endpoints', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('healthz and readyz answer 200', async () => {
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready' });
  });

  test('OpenAPI document is 3.1.0', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json<OpenApiDocument>();
    assert.equal(document.openapi, '3.1.0');
    assert.ok(Object.keys(document.paths).length > 10);
  });

  test('docs page answers 200', async () => {
    let response = await server.app.inject({ method: 'GET', url: '/api/v1/docs' });
    const location = response.headers.location;
    if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
      response = await server.app.inject({ method: 'GET', url: new URL(location, 'http://localhost/api/v1/docs').pathname });
    }
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
  });
});
