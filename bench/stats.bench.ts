import { sql } from 'kysely';
import { loadScopes, type Principal } from '../src/access/principal.js';
import type { DatabaseHandle } from '../src/db/connection.js';
import { countTickets } from '../src/stats/counters.js';
import { computeFigures, figureAggregates } from '../src/stats/report.js';
import { reportQuery, seriesQuery } from '../src/stats/schemas.js';
import { buildSeries } from '../src/stats/series.js';
import { refreshSummary } from '../src/stats/summary.js';
import { measure, openBenchDatabase } from './bench-database.js';

// Measures the dashboard counters, the two-year report grouped by technician and the two-year
// daily series, as the API runs them, after the summary job has recomputed every day, on the shared benchmark database of BENCH_TICKETS tickets
// (default 100,000; generated over the two years before 1 December 2026).
// Run: npm run bench -- stats, with DATABASE_URL for PostgreSQL.

const count = Number(process.env.BENCH_TICKETS ?? 100_000);
const RUNS = 20;
const handle = await openBenchDatabase(count);

/**
 * Opens a survey for one closed ticket in five, answered for two in three of those, once: the
 * shared generator writes no surveys and the closing figures join them.
 */
async function addSurveys(bench: DatabaseHandle): Promise<void> {
  const present = await bench.db.selectFrom('ticket_satisfactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(present.n) > 0) return;
  const surveyed = bench.db
    .selectFrom('tickets')
    .select([
      'id',
      'closed_at',
      sql<string>`'2099-01-01T00:00:00.000Z'`.as('expires_at'),
      sql<number | null>`case when id % 3 = 0 then null else 1 + id % 5 end`.as('rating'),
      sql<string | null>`case when id % 3 = 0 then null else closed_at end`.as('answered_at'),
      'closed_at as created_at',
      'closed_at as updated_at',
    ])
    .where('status', '=', 'closed')
    .where(sql<boolean>`id % 5 = 0`);
  await bench.db
    .insertInto('ticket_satisfactions')
    .columns(['ticket_id', 'closed_at', 'expires_at', 'rating', 'answered_at', 'created_at', 'updated_at'])
    .expression(surveyed)
    .execute();
}

async function principalFor(login: string): Promise<Principal> {
  const user = await handle.db.selectFrom('users').select(['id', 'login']).where('login', 'like', `${login}%`).orderBy('id').executeTakeFirstOrThrow();
  const { scopes, interface: ui } = await loadScopes(handle.db, user.id);
  return { userId: user.id, login: user.login, language: 'fr', timeZone: 'Europe/Paris', interface: ui, via: 'token', scopes };
}

await addSurveys(handle);
// The stats.summary job's work after the migration or an import, done here all at once and timed.
const refreshStarted = Date.now();
let refreshedDays = 0;
for (let days = -1; days !== 0; refreshedDays += days) days = Math.max(0, await refreshSummary(handle.db, figureAggregates));
if (refreshedDays > 0) process.stdout.write(`summary of ${refreshedDays} days recomputed in ${((Date.now() - refreshStarted) / 1000).toFixed(1)} s\n`);
const admin = await principalFor('admin');
const technician = await principalFor('tech');
const twoYears = { from: '2024-12-01T00:00:00+01:00', to: '2026-12-01T00:00:00+01:00' };
const now = new Date('2026-11-15T10:00:00Z');

const cases: [string, () => Promise<unknown>][] = [
  ['counters, admin', () => countTickets(handle.db, admin, { now, dueSoonHours: 4 })],
  ['counters, technician', () => countTickets(handle.db, technician, { now, dueSoonHours: 4 })],
  ['report 2 years by technician, admin', () => computeFigures(handle.db, admin, reportQuery.parse({ ...twoYears, groupBy: 'technician' }))],
  ['report 2 years by category, admin', () => computeFigures(handle.db, admin, reportQuery.parse({ ...twoYears, groupBy: 'category' }))],
  ['report 1 month by technician, admin', () => computeFigures(handle.db, admin, reportQuery.parse({ from: '2026-06-01T00:00:00+02:00', to: '2026-07-01T00:00:00+02:00', groupBy: 'technician' }))],
  ['report 2 years by technician, technician', () => computeFigures(handle.db, technician, reportQuery.parse({ ...twoYears, groupBy: 'technician' }))],
  ['series 2 years by day, admin', () => buildSeries(handle.db, admin, { ...seriesQuery.parse({ ...twoYears, interval: 'day' }), timeZone: 'Europe/Paris' })],
];

process.stdout.write(`statistics, ${handle.engine}, ${count} tickets (p50 / p95 ms over ${RUNS} runs)\n`);
for (const [name, work] of cases) {
  const { p50, p95 } = await measure(work, RUNS);
  process.stdout.write(`  ${name.padEnd(40)} ${String(p50).padStart(8)} ${String(p95).padStart(8)}\n`);
}

// The same report while 30 days wait for the job (changed tickets), then counting every ticket.
const recent = await handle.db.selectFrom('tickets').select(sql<string>`substr(opened_at, 1, 10)`.as('day')).distinct().orderBy('day', 'desc').limit(30).execute();
await handle.db.insertInto('ticket_stats_dirty').values(recent.map((row) => ({ day: row.day }))).execute();
const slowCases: [string, () => Promise<unknown>, number][] = [
  ['report 2 years by technician, 30 dirty days', () => computeFigures(handle.db, admin, reportQuery.parse({ ...twoYears, groupBy: 'technician' })), RUNS],
  ['report 2 years by technician, no summary', () => computeFigures(handle.db, admin, reportQuery.parse({ ...twoYears, groupBy: 'technician' }), { useSummary: false }), 5],
];
for (const [name, work, runs] of slowCases) {
  const { p50, p95 } = await measure(work, runs);
  process.stdout.write(`  ${name.padEnd(40)} ${String(p50).padStart(8)} ${String(p95).padStart(8)}\n`);
}
await handle.db.deleteFrom('ticket_stats_dirty').where('day', 'in', recent.map((row) => row.day)).execute();
await handle.close();
