// Fetch wrapper for Guichet's API: same-origin cookie session, CSRF header on every change,
// answers in the user's language, RFC 9457 problems turned into ApiError.

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: FieldProblem[];
}

/** An API answer with a status of 400 or more, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  /** Message about one field, matched on the last part of its dotted path as well ("criticality.scope" for "scope"). */
  fieldMessage(field: string): string | undefined {
    const errors = this.problem.errors ?? [];
    return errors.find((item) => item.field === field || item.field.endsWith(`.${field}`))?.message;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const SESSION_ENDED = new Set(['session_expired', 'unauthenticated']);

interface ClientState {
  csrfToken: string | null;
  language: string;
  /** Shows the sign-in dialog and resolves once the user has signed in again; rejects if they give up. */
  onSessionEnded: (() => Promise<void>) | null;
}

const state: ClientState = { csrfToken: null, language: 'fr', onSessionEnded: null };

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setApiLanguage(language: string): void {
  state.language = language;
}

export function setSessionEndedHandler(handler: (() => Promise<void>) | null): void {
  state.onSessionEnded = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON, except FormData, which goes as multipart with the browser's own boundary. */
  body?: unknown;
  /** Answer 401 as an error at once, without the sign-in dialog (the sign-in call itself). */
  noReauth?: boolean;
}

/** Calls the API; after a session ends mid-work, waits for the user to sign in again and retries once. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    const handler = state.onSessionEnded;
    if (!(error instanceof ApiError) || !SESSION_ENDED.has(error.code) || options.noReauth === true || handler === null) throw error;
    await handler();
    return send<T>(path, options);
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.language };
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && state.csrfToken !== null) headers['x-csrf-token'] = state.csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: requestBody(options.body, isForm),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', detail: '' });
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const payload: unknown = text === '' ? null : JSON.parse(text);
  if (!response.ok) throw new ApiError(toProblem(response.status, payload));
  return payload as T;
}

function requestBody(body: unknown, isForm: boolean): BodyInit | undefined {
  if (body === undefined) return undefined;
  return isForm ? (body as FormData) : JSON.stringify(body);
}

function toProblem(status: number, payload: unknown): Problem {
  if (typeof payload === 'object' && payload !== null && 'code' in payload) {
    const problem = payload as Partial<Problem>;
    return { status, code: String(problem.code), detail: problem.detail ?? '', ...(problem.errors === undefined ? {} : { errors: problem.errors }) };
  }
  return { status, code: 'unexpected_answer', detail: '' };
}

/** Builds a query string from defined values only. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
