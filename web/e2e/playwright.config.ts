import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ADMIN_PASSWORD } from './environment';

const REPOSITORY = path.resolve(import.meta.dirname, '../..');
const PREFERRED_PORT = 8765;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  if (await isFree(PREFERRED_PORT)) return PREFERRED_PORT;
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

// The worker processes load this file again; the environment makes them reuse the runner's choice.
process.env.GUICHET_E2E_PORT ??= String(await freePort());
process.env.GUICHET_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-e2e-'));
const port = Number(process.env.GUICHET_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '.',
  outputDir: path.join(REPOSITORY, 'test-results', 'e2e'),
  globalTeardown: './teardown.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'e2e', testMatch: /.*\.e2e\.ts$/ },
    { name: 'screenshots', testMatch: /screenshots\.ts$/, use: { viewport: { width: 1366, height: 768 } } },
  ],
  webServer: {
    command: 'npx tsx src/server.ts',
    cwd: REPOSITORY,
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `sqlite:${path.join(process.env.GUICHET_E2E_DIR, 'guichet.sqlite')}`,
      GUICHET_DATA_DIR: process.env.GUICHET_E2E_DIR,
      GUICHET_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // Every spec signs in from 127.0.0.1, more often than the default 20 a minute.
      GUICHET_LOGIN_RATE_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
    },
  },
});
