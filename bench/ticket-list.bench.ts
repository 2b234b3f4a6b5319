import { loadScopes, type Principal } from '../src/access/principal.js';
import { listTickets, ticketListQuery } from '../src/tickets/search.js';
import { measure, openBenchDatabase } from './bench-database.js';

// Measures the ticket list as the API runs it (visibility, filters, sort, count) on a database of
// BENCH_TICKETS tickets (default 100,000). Run: npm run bench -- ticket-list, with DATABASE_URL for PostgreSQL.

const count = Number(process.env.BENCH_TICKETS ?? 100_000);
const handle = await openBenchDatabase(count);

async function principalFor(login: string): Promise<Principal> {
  const user = await handle.db.selectFrom('users').select(['id', 'login']).where('login', 'like', `${login}%`).orderBy('id').executeTakeFirstOrThrow();
  const { scopes, interface: ui } = await loadScopes(handle.db, user.id);
  return { userId: user.id, login: user.login, language: 'fr', timeZone: 'Europe/Paris', interface: ui, via: 'token', scopes };
}

const technician = await principalFor('tech');
const requester = await principalFor('agent');
const category = await handle.db.selectFrom('categories').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
const query = (parameters: Record<string, string>) => ticketListQuery.parse(parameters);

const firstPage = await listTickets(handle.db, technician, query({ sort: 'id', perPage: '15' }));
let deepCursor = firstPage.nextCursor ?? '';
for (let page = 0; page < 200 && deepCursor !== ''; page += 1) {
  deepCursor = (await listTickets(handle.db, technician, query({ sort: 'id', perPage: '15', after: deepCursor }))).nextCursor ?? '';
}

const cases: [string, () => Promise<unknown>][] = [
  ['open tickets, newest change first', () => listTickets(handle.db, technician, query({ status: 'new,assigned,planned,waiting' }))],
  ['category tree + priority 4-5, by opening', () => listTickets(handle.db, technician, query({ categoryId: String(category.id), priority: '4,5', sort: 'openedAt' }))],
  ['closed in one month, by priority', () => listTickets(handle.db, technician, query({ status: 'closed', closedFrom: '2026-06-01T00:00:00Z', closedTo: '2026-07-01T00:00:00Z', sort: 'priority' }))],
  ['requester: my tickets', () => listTickets(handle.db, requester, query({}))],
  ['text "imprimante"', () => listTickets(handle.db, technician, query({ q: 'imprimante' }))],
  ['page 200 by keyset cursor', () => listTickets(handle.db, technician, query({ sort: 'id', after: deepCursor }))],
  ['page 200 by offset', () => listTickets(handle.db, technician, query({ sort: 'id', page: '200' }))],
];

process.stdout.write(`ticket list, ${handle.engine}, ${count} tickets (p50 / p95 ms over 50 runs)\n`);
for (const [name, work] of cases) {
  const { p50, p95 } = await measure(work);
  process.stdout.write(`  ${name.padEnd(45)} ${String(p50).padStart(8)} ${String(p95).padStart(8)}\n`);
}
await handle.close();
