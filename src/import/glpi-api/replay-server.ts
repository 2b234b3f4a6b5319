// Test helper: an HTTP server on 127.0.0.1 that replays recorded GLPI REST API exchanges.
//
// A request matches a recorded exchange on method, path, raw query string and, for POST, the JSON
// body. The Authorization and Accept headers must also equal the recorded ones when the recording
// has them, because they distinguish the two initSession calls and the two /Document/1 calls. Among
// several matches, the exchanges recorded with the caller's session placeholder come first, and
// they are replayed in recording order, the last one repeating. Anything else gets 404.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';

export interface RecordedExchange {
  seq: number;
  method: string;
  path: string;
  query: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  status: number;
  responseHeaders?: Record<string, string>;
  bodyEncoding: 'json' | 'base64' | 'none';
  body?: unknown;
}

export interface ReplayServer {
  /** The API root to give the importer: `http://127.0.0.1:<port>/apirest.php`. */
  url: string;
  userToken: string;
  /** Every request received, as `METHOD /path?query`. */
  requests: string[];
  /** Requests that matched no recorded exchange. */
  unmatched: string[];
  /** Makes every request after the next `count` ones fail by closing the connection; undefined stops that. */
  failAfter(count: number | undefined): void;
  /** Called with each request's label before the response is sent. */
  onRequest: ((label: string) => void) | undefined;
  close(): Promise<void>;
}

const API_PATH = '/apirest.php';
const SESSION_PLACEHOLDER = /\{SESSION_TOKEN_\d+\}/;

export function readExchanges(file: URL): RecordedExchange[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RecordedExchange);
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

/** Starts the replay server on an ephemeral port of 127.0.0.1. */
export async function startReplayServer(exchanges: readonly RecordedExchange[]): Promise<ReplayServer> {
  const userToken = randomBytes(12).toString('hex');
  const basicCredentials = randomBytes(12).toString('base64');
  /** Session tokens the server handed out, with the placeholder they stand for; killed ones are removed. */
  const sessions = new Map<string, string>();
  const replayCounts = new Map<string, number>();
  const requests: string[] = [];
  const unmatched: string[] = [];
  let remainingBeforeFailure: number | undefined;
  let url = '';

  const secret = (text: string) => text.replace('{USER_TOKEN}', userToken).replace('{BASIC_CREDENTIALS}', basicCredentials);

  const candidatesFor = (method: string, path: string, query: string, headers: http.IncomingHttpHeaders, body: unknown) =>
    exchanges.filter((exchange) => {
      if (exchange.method !== method || exchange.path !== path || exchange.query !== query) return false;
      if (method === 'POST' && !isDeepStrictEqual(exchange.requestBody, body)) return false;
      for (const name of ['Authorization', 'Accept']) {
        const recorded = exchange.requestHeaders[name];
        if (recorded !== undefined && secret(recorded) !== headers[name.toLowerCase()]) return false;
      }
      return true;
    });

  const reply = (response: http.ServerResponse, exchange: RecordedExchange, issuedToken: string | undefined, callerToken: string | undefined) => {
    const placeholderOf = (token: string | undefined) => (token === undefined ? undefined : sessions.get(token));
    let text = JSON.stringify(exchange.body ?? null).replaceAll('{API_URL}', url);
    const placeholder = SESSION_PLACEHOLDER.exec(text)?.[0];
    if (placeholder !== undefined) {
      const token = issuedToken ?? (placeholderOf(callerToken) === placeholder ? callerToken : undefined) ?? randomBytes(16).toString('hex');
      sessions.set(token, placeholder);
      text = text.replaceAll(placeholder, token);
    }
    response.writeHead(exchange.status, exchange.responseHeaders ?? {});
    if (exchange.bodyEncoding === 'json') response.end(text);
    else if (exchange.bodyEncoding === 'base64') response.end(Buffer.from(String(exchange.body), 'base64'));
    else response.end();
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const target = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = target.pathname.startsWith(API_PATH) ? target.pathname.slice(API_PATH.length) : target.pathname;
    const query = target.search.replace(/^\?/, '');
    const method = request.method ?? 'GET';
    const label = `${method} ${path}${query === '' ? '' : `?${query}`}`;
    requests.push(label);
    replay.onRequest?.(label);

    if (remainingBeforeFailure !== undefined) {
      if (remainingBeforeFailure <= 0) {
        request.socket.destroy();
        return;
      }
      remainingBeforeFailure -= 1;
    }

    const text = await readBody(request);
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    const callerToken = typeof request.headers['session-token'] === 'string' ? request.headers['session-token'] : undefined;
    const candidates = candidatesFor(method, path, query, request.headers, body);
    if (candidates.length === 0) {
      unmatched.push(label);
      response.writeHead(404, { 'Content-Type': 'application/json; charset=UTF-8' });
      response.end(JSON.stringify(['ERROR_NOT_RECORDED', `No recorded exchange for ${label}`]));
      return;
    }

    if (path !== '/initSession' && (callerToken === undefined || !sessions.has(callerToken))) {
      const invalid = exchanges.find((exchange) => Array.isArray(exchange.body) && exchange.body[0] === 'ERROR_SESSION_TOKEN_INVALID');
      if (invalid !== undefined) reply(response, invalid, undefined, undefined);
      else response.writeHead(401).end();
      return;
    }

    const placeholder = callerToken === undefined ? undefined : sessions.get(callerToken);
    const sameSession = candidates.filter((exchange) => exchange.requestHeaders['Session-Token'] === placeholder);
    const pool = sameSession.length > 0 ? sameSession : candidates;
    const key = `${label}\u0000${placeholder ?? ''}`;
    const count = replayCounts.get(key) ?? 0;
    replayCounts.set(key, count + 1);
    const exchange = pool[Math.min(count, pool.length - 1)] as RecordedExchange;

    const issued = path === '/initSession' ? randomBytes(16).toString('hex') : undefined;
    reply(response, exchange, issued, callerToken);
    if (path === '/killSession' && callerToken !== undefined) sessions.delete(callerToken);
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}${API_PATH}`;

  const replay: ReplayServer = {
    url,
    userToken,
    requests,
    unmatched,
    onRequest: undefined,
    failAfter: (count) => {
      remainingBeforeFailure = count;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
  return replay;
}
