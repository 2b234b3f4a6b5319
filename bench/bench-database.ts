import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config/config.js';
import { type DatabaseHandle, openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { bootstrap } from '../src/bootstrap.js';
import { generateHospital, generateTickets } from './generate-tickets.js';

const BENCH_DIR = path.resolve(import.meta.dirname, '.data');

/**
 * Opens (and on first use fills) a benchmark database of `count` tickets: a file under bench/.data
 * on SQLite, or a database named after the count on the PostgreSQL server of DATABASE_URL. Later
 * runs reuse it, since filling a million tickets takes minutes.
 */
export async function openBenchDatabase(count: number): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  if (url !== undefined && url.startsWith('postgres')) {
    const name = `guichet_bench_${count}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    handle = openDatabase({ engine: 'postgres', url: target.toString(), poolSize: 5 });
  } else {
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    handle = openDatabase({ engine: 'sqlite', file: path.join(BENCH_DIR, `tickets-${count}.sqlite`) });
  }
  await migrateToLatest(handle);
  const present = await handle.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(present.n) < count) {
    if (Number(present.n) > 0) throw new Error(`bench database holds ${present.n} tickets, expected 0 or ${count}: delete it and run again`);
    const config = { ...loadConfig({ GUICHET_ADMIN_PASSWORD: 'bench-admin-password', LOG_LEVEL: 'silent' }), database: { engine: 'sqlite' as const, file: ':memory:' } };
    await bootstrap(handle, config);
    const started = Date.now();
    const hospital = await generateHospital(handle);
    await generateTickets(handle, hospital, count);
    // Autovacuum would do this on a live server: statistics for the planner and, on PostgreSQL, the
    // visibility map that index-only scans need.
    const maintenance = handle.engine === 'postgres' ? 'vacuum analyze' : 'analyze';
    await handle.db.executeQuery({ sql: maintenance, parameters: [], query: { kind: 'RawNode' } } as never);
    process.stdout.write(`filled ${count} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return handle;
}

/** Runs `work` `runs` times after a warm-up and returns the median and 95th percentile in milliseconds. */
export async function measure(work: () => Promise<unknown>, runs = 50): Promise<{ p50: number; p95: number }> {
  for (let index = 0; index < 5; index += 1) await work();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] as number;
  return { p50: Number(at(0.5).toFixed(2)), p95: Number(at(0.95).toFixed(2)) };
}
