import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import type { Me, Ticket } from './api/types';
import { SessionProvider } from './session/SessionProvider';

/** Builds a ticket as the API returns it: a new incident of average priority, with `values` applied. */
export function sampleTicket(values: Partial<Ticket> & Pick<Ticket, 'id'>): Ticket {
  return {
    entityId: 1,
    type: 'incident',
    title: `Panne ${values.id}`,
    description: values.title ?? '',
    status: 'new',
    urgency: 3,
    impact: 3,
    priority: 3,
    categoryId: null,
    requester: { id: 30, name: 'Durand Alice' },
    observers: [],
    assignedUsers: [],
    assignedGroups: [],
    locationId: null,
    level: null,
    criticality: null,
    priorityReason: null,
    waitingReason: null,
    openedAt: '2026-12-04T08:00:00.000Z',
    updatedAt: '2026-12-04T09:00:00.000Z',
    solvedAt: null,
    closedAt: null,
    ...values,
  };
}

export const TECHNICIAN: Me = {
  id: 7,
  login: 'tech.n1',
  firstName: 'Claire',
  lastName: 'Martin',
  language: 'fr',
  timeZone: 'Europe/Paris',
  interface: 'central',
  rights: { 'ticket:read': [1], 'ticket:update': [1], 'ticket:approve': [1] },
  groups: [],
  csrfToken: 'csrf-token-1',
};

export interface RecordedCall {
  method: string;
  path: string;
  /** The query string's parameters. */
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: RecordedCall) => { status: number; body?: unknown };

/**
 * Replaces fetch with a table of API answers keyed by "METHOD /path" (without /api/v1 and the
 * query string). Unknown paths answer 404 like the server. Returns the calls made, in order.
 */
export function fakeApi(routes: Record<string, Handler>): RecordedCall[] {
  const calls: RecordedCall[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const path = url.replace(/^\/api\/v1/, '').split('?')[0] ?? '';
    const method = init.method ?? 'GET';
    const query = new URLSearchParams(url.split('?')[1] ?? '');
    const call = { method, path, query, headers: (init.headers ?? {}) as Record<string, string>, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
    calls.push(call);
    const handler = routes[`${method} ${path}`];
    const answer = handler === undefined ? { status: 404, body: { code: 'route_not_found', detail: 'Route inconnue' } } : handler(call);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  });
  return calls;
}

/** Renders inside the app's providers, signed in through the fake API's /auth/me, at the given URL. */
export function renderSignedIn(element: ReactElement, { path = '/', route = '/' }: { path?: string; route?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <SessionProvider>
          <Routes>
            <Route path={route} element={element} />
            <Route path="*" element={<p>moved away</p>} />
          </Routes>
        </SessionProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
