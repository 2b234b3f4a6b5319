import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import { bootstrap } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createDemoHospital } from '../src/demo/demo.js';

// Measures the web app as a browser loads it: the built app served by a Guichet server on a free
// 127.0.0.1 port, over a temporary SQLite database holding the demo hospital (5,000 tickets), driven
// by Debian's Chromium through Playwright. Each run opens a fresh browser context, so nothing is cached.
// Prints, as median and maximum of BENCH_RUNS runs (default 10):
// - the time from navigation to the technician's and to the portal's home being usable;
// - the time from the ticket list's API response to its 15 rows being in the page;
// - the JavaScript the portal loads, gzipped and as the server sent it.
// Run: npm run bench -- web (builds web/dist first).

const REPOSITORY = path.resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const ADMIN_PASSWORD = 'bench-admin-password';
const DEMO_PASSWORD = 'bench-demo-password';
const LIST_ROWS = 15;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Creates the database file with the bootstrap data and the demo hospital; returns the demo accounts' logins by role. */
async function fillDatabase(dir: string, databaseUrl: string): Promise<{ technician: string; nurse: string }> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, GUICHET_DATA_DIR: dir, GUICHET_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'silent' });
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle);
    await bootstrap(handle, config);
    const silent = { info: () => undefined, warn: () => undefined };
    const demo = await createDemoHospital(handle, silent, { password: DEMO_PASSWORD });
    if (!demo.created) throw new Error(`demo hospital not created: ${demo.reason}`);
    const login = (role: string) => {
      const account = demo.accounts.find((item) => item.role.startsWith(role));
      if (account === undefined) throw new Error(`the demo has no ${role} account`);
      return account.login;
    };
    return { technician: login('N1 technician'), nurse: login('nurse') };
  } finally {
    await handle.close();
  }
}

async function startServer(dir: string, databaseUrl: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: REPOSITORY,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl, GUICHET_DATA_DIR: dir, GUICHET_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before it was ready`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill('SIGTERM');
  throw new Error(`the server timed out: /readyz on port ${port} failed for 60 s`);
}

/** Signs in through the API and returns the browser state holding the session cookie. */
async function sessionState(browser: Browser, baseURL: string, login: string, password: string) {
  const context = await browser.newContext({ baseURL });
  const response = await context.request.post('/api/v1/auth/login', { data: { login, password } });
  if (!response.ok()) throw new Error(`sign-in of ${login} failed: ${response.status()} ${await response.text()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}

type Session = Awaited<ReturnType<typeof sessionState>>;

/**
 * Opens `url` in a fresh context and returns the milliseconds from the start of navigation to the
 * moment `usable` first returns an instant, checked on every animation frame in the page.
 */
async function timeToUsable(browser: Browser, baseURL: string, session: Session, url: string, usable: () => number | false): Promise<number> {
  const context = await browser.newContext({ baseURL, storageState: session, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(usable, undefined, { polling: 'raf', timeout: 30_000 });
  const elapsed = (await handle.jsonValue()) as number;
  await context.close();
  return elapsed;
}

// These checks run in the page. performance.now() is the time since navigation started.

/** Returns the time once the technician's home is usable: the counters show numbers and the first list ("Tickets à traiter") shows its rows or its empty text. */
function technicianHomeUsable(): number | false {
  const counts = [...document.querySelectorAll('.tile-count')];
  if (counts.length === 0 || counts.some((count) => count.textContent === '–')) return false;
  const first = document.querySelector('main section[aria-describedby]');
  const ready = first !== null && (first.querySelector('tbody tr') !== null || first.querySelector(':scope > p:not(.hint)') !== null);
  return ready && performance.now();
}

/** Returns the time once the portal's home is usable: the user's requests, or the text saying there are none, are shown. */
function portalHomeUsable(): number | false {
  const section = document.querySelector('section[aria-labelledby="my-tickets-title"]');
  const ready = section !== null && section.querySelector('li, :scope > p') !== null;
  return ready && performance.now();
}

/**
 * Opens the ticket list in a fresh context and returns the milliseconds from the end of the list
 * request's response to its first LIST_ROWS rows being in the page. A mutation observer, added
 * before the app loads, notes the instant; both instants come from the page's own clock.
 */
async function listRenderTime(browser: Browser, baseURL: string, session: Session): Promise<number> {
  const context = await browser.newContext({ baseURL, storageState: session, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await page.addInitScript((rows) => {
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('main table tbody tr').length >= rows) {
        (window as unknown as { rowsAt: number }).rowsAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }, LIST_ROWS);
  await page.goto('/tickets', { waitUntil: 'commit' });
  await page.waitForFunction(() => 'rowsAt' in window, undefined, { timeout: 30_000 });
  const elapsed = await page.evaluate(() => {
    const rowsAt = (window as unknown as { rowsAt: number }).rowsAt;
    const responseEnds = performance
      .getEntriesByType('resource')
      .filter((entry) => /\/api\/v1\/tickets\?/.test(entry.name))
      .map((entry) => (entry as PerformanceResourceTiming).responseEnd)
      .filter((end) => end <= rowsAt);
    return responseEnds.length === 0 ? Number.NaN : rowsAt - Math.max(...responseEnds);
  });
  await context.close();
  if (Number.isNaN(elapsed)) throw new Error('no ticket list response preceded the rows');
  return elapsed;
}

/** Lists the scripts the portal's home loads, with their size gzipped at zlib level 9 and as sent by the server. */
async function portalScripts(browser: Browser, baseURL: string, session: Session) {
  const context = await browser.newContext({ baseURL, storageState: session, locale: 'fr-FR' });
  const page: Page = await context.newPage();
  const scripts: { url: string; raw: number; gzip: number; sent: number; encoding: string }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const body = await response.body();
        const sizes = await response.request().sizes();
        const headers = await response.allHeaders();
        scripts.push({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, sent: sizes.responseBodySize, encoding: headers['content-encoding'] ?? 'none' });
      })(),
    );
  });
  await page.goto('/', { waitUntil: 'networkidle' });
  await Promise.all(pending);
  await context.close();
  return scripts;
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
  const max = sorted[sorted.length - 1] ?? Number.NaN;
  return `${median.toFixed(0).padStart(6)} ${max.toFixed(0).padStart(6)}`;
}

async function repeat(work: () => Promise<number>): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) times.push(await work());
  return times;
}

execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: REPOSITORY, stdio: ['ignore', 'ignore', 'inherit'] });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-web-bench-'));
const databaseUrl = `sqlite:${path.join(dir, 'guichet.sqlite')}`;
let server: ChildProcess | undefined;
let browser: Browser | undefined;
try {
  const accounts = await fillDatabase(dir, databaseUrl);
  const port = await freePort();
  server = await startServer(dir, databaseUrl, port);
  const baseURL = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const technician = await sessionState(browser, baseURL, accounts.technician, DEMO_PASSWORD);
  const nurse = await sessionState(browser, baseURL, accounts.nurse, DEMO_PASSWORD);
  const active = browser;

  const technicianHome = await repeat(() => timeToUsable(active, baseURL, technician, '/', technicianHomeUsable));
  const portalHome = await repeat(() => timeToUsable(active, baseURL, nurse, '/', portalHomeUsable));
  const listRender = await repeat(() => listRenderTime(active, baseURL, technician));
  const scripts = await portalScripts(active, baseURL, nurse);

  process.stdout.write(`web, SQLite demo hospital (5,000 tickets), Chromium ${browser.version()}, fresh context per run (median / max ms over ${RUNS} runs)\n`);
  // Other work on the machine slows every figure, so the load is printed with them.
  process.stdout.write(`  load average at the end: ${os.loadavg().map((value) => value.toFixed(1)).join(' ')} on ${os.cpus().length} cores\n`);
  process.stdout.write(`  ${'technician home usable after navigation'.padEnd(48)} ${summary(technicianHome)}\n`);
  process.stdout.write(`  ${'portal home usable after navigation'.padEnd(48)} ${summary(portalHome)}\n`);
  process.stdout.write(`  ${`ticket list: ${LIST_ROWS} rows after the API response`.padEnd(48)} ${summary(listRender)}\n`);
  const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const total = (key: 'raw' | 'gzip' | 'sent') => scripts.reduce((sum, script) => sum + script[key], 0);
  process.stdout.write(`portal JavaScript: ${scripts.length} files, ${kilobytes(total('raw'))} raw, ${kilobytes(total('gzip'))} gzip -9, ${kilobytes(total('sent'))} as sent\n`);
  for (const script of scripts) {
    process.stdout.write(`  ${script.url.padEnd(48)} ${kilobytes(script.raw).padStart(10)} ${kilobytes(script.gzip).padStart(10)} ${kilobytes(script.sent).padStart(10)} (${script.encoding})\n`);
  }
} finally {
  await browser?.close();
  if (server !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
