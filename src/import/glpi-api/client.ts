// A client for GLPI's legacy REST API (apirest.php): session, paged lists, single items, file sizes.
// Written against GLPI 10.0.18; the paging rules below are that version's.

import { createHash } from 'node:crypto';

export interface GlpiClientOptions {
  /** API root, up to and including `/apirest.php`. */
  url: string;
  /** The user's API token ("Jeton d'API" in the user's settings). */
  userToken: string;
  /** Token of the API client, when GLPI's API client requires one. */
  appToken?: string;
  /** Stops every request in flight and refuses new ones. */
  signal?: AbortSignal;
  /** Milliseconds one request may take, 60 000 by default. */
  timeoutMs?: number;
}

/** A GLPI row as the API returns it: field names to JSON values. */
export type GlpiRow = Record<string, unknown>;

/** GLPI answered with an error: its status, and the code and message of its `[code, message]` body. */
export class GlpiApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string,
  ) {
    super(`GLPI answered ${status} ${code} to ${path}: ${message}`);
    this.name = 'GlpiApiError';
  }
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Rows asked per page: `range=0-49`, `range=50-99`... */
export const PAGE_SIZE = 50;

/** Reads `Content-Range: START-END/TOTAL` and returns TOTAL, or undefined when the header is absent or unreadable. */
export function totalOf(contentRange: string | null): number | undefined {
  const match = contentRange === null ? null : /^\s*\d+-\d+\/(\d+)\s*$/.exec(contentRange);
  return match === null ? undefined : Number(match[1]);
}

async function errorOf(response: Response, path: string): Promise<GlpiApiError> {
  const text = await response.text();
  try {
    const body: unknown = JSON.parse(text);
    if (Array.isArray(body) && typeof body[0] === 'string') return new GlpiApiError(response.status, body[0], String(body[1] ?? ''), path);
  } catch {
    // Not JSON: the body is reported as it is, cut short below.
  }
  return new GlpiApiError(response.status, 'HTTP_ERROR', text.slice(0, 200), path);
}

export class GlpiClient {
  private sessionToken: string | undefined;
  private readonly root: string;
  /** Requests sent, for progress reports. */
  requests = 0;

  constructor(private readonly options: GlpiClientOptions) {
    this.root = options.url.replace(/\/+$/, '');
  }

  private headers(accept = 'application/json'): Record<string, string> {
    const headers: Record<string, string> = { Accept: accept };
    if (this.sessionToken !== undefined) headers['Session-Token'] = this.sessionToken;
    if (this.options.appToken !== undefined) headers['App-Token'] = this.options.appToken;
    return headers;
  }

  private async send(method: 'GET' | 'POST', path: string, query: string, init: { headers: Record<string, string>; body?: string }): Promise<Response> {
    this.options.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = this.options.signal === undefined ? timeout : AbortSignal.any([this.options.signal, timeout]);
    this.requests += 1;
    const address = `${this.root}${path}${query === '' ? '' : `?${query}`}`;
    return fetch(address, { method, headers: init.headers, signal, ...(init.body === undefined ? {} : { body: init.body }) });
  }

  private async getJson(path: string, query: string): Promise<{ body: unknown; response: Response }> {
    const response = await this.send('GET', path, query, { headers: this.headers() });
    if (!response.ok) throw await errorOf(response, path);
    return { body: await response.json(), response };
  }

  /** Opens a session with the user token and keeps its Session-Token for the next calls. */
  async initSession(): Promise<void> {
    const headers = { ...this.headers(), Authorization: `user_token ${this.options.userToken}` };
    const response = await this.send('GET', '/initSession', '', { headers });
    if (!response.ok) throw await errorOf(response, '/initSession');
    const body = (await response.json()) as { session_token?: unknown };
    if (typeof body.session_token !== 'string') throw new GlpiApiError(response.status, 'NO_SESSION_TOKEN', 'initSession returned no session_token', '/initSession');
    this.sessionToken = body.session_token;
  }

  /**
   * Restricts the session to an entity and its sub-entities. GLPI 10 wants a JSON boolean for
   * is_recursive (1 gives 400), and turns the string "all" into entity 0 alone.
   */
  async changeActiveEntities(entityId: number): Promise<void> {
    const headers = { ...this.headers(), 'Content-Type': 'application/json' };
    const body = JSON.stringify({ entities_id: entityId, is_recursive: true });
    const response = await this.send('POST', '/changeActiveEntities', '', { headers, body });
    if (!response.ok) throw await errorOf(response, '/changeActiveEntities');
    await response.body?.cancel();
  }

  /** Closes the session. Errors are ignored, because the session expires on its own anyway. */
  async killSession(): Promise<void> {
    if (this.sessionToken === undefined) return;
    try {
      const response = await this.send('GET', '/killSession', '', { headers: this.headers() });
      await response.body?.cancel();
    } catch {
      // An expired session or a closed connection changes nothing for the import.
    } finally {
      this.sessionToken = undefined;
    }
  }

  /**
   * Reads a whole collection, `PAGE_SIZE` rows at a time, with dropdowns expanded, starting at row
   * `start`. GLPI sends no Content-Range on an empty collection, so a missing header ends the list,
   * and the next window is computed from the header's total, because a window that starts past
   * the total gives 400 ERROR_RANGE_EXCEED_TOTAL.
   */
  async *pages(path: string, start = 0): AsyncGenerator<{ start: number; rows: GlpiRow[]; total: number }> {
    let offset = start;
    for (;;) {
      const query = `expand_dropdowns=true&range=${offset}-${offset + PAGE_SIZE - 1}`;
      let page: { body: unknown; response: Response };
      try {
        page = await this.getJson(path, query);
      } catch (error) {
        if (error instanceof GlpiApiError && error.code === 'ERROR_RANGE_EXCEED_TOTAL' && offset > 0) return;
        throw error;
      }
      const rows = Array.isArray(page.body) ? (page.body as GlpiRow[]) : [];
      const total = totalOf(page.response.headers.get('Content-Range'));
      yield { start: offset, rows, total: total ?? offset + rows.length };
      offset += PAGE_SIZE;
      if (total === undefined || offset >= total) return;
    }
  }

  /** Reads a whole collection into memory: for the short lists (entities, users, sub-items of a ticket). */
  async list(path: string): Promise<GlpiRow[]> {
    const rows: GlpiRow[] = [];
    for await (const page of this.pages(path)) rows.push(...page.rows);
    return rows;
  }

  /** Reads one item with its dropdowns expanded. */
  async item(path: string): Promise<GlpiRow> {
    const { body } = await this.getJson(path, 'expand_dropdowns=true');
    return (body ?? {}) as GlpiRow;
  }

  /**
   * Downloads a document's file to measure it, keeping only its size and SHA-256: GLPI stores no
   * size in the document's record.
   */
  async measureDocument(documentId: number): Promise<{ size: number; sha256: string }> {
    const path = `/Document/${documentId}`;
    const response = await this.send('GET', path, '', { headers: this.headers('application/octet-stream') });
    if (!response.ok) throw await errorOf(response, path);
    const hash = createHash('sha256');
    let size = 0;
    if (response.body !== null) {
      for await (const chunk of response.body) {
        size += chunk.byteLength;
        hash.update(chunk);
      }
    }
    return { size, sha256: hash.digest('hex') };
  }
}
