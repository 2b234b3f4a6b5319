import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config/config.js';

/**
 * A fresh, empty database for one test file: a temporary SQLite file by default, or a new
 * PostgreSQL database on the server named by DATABASE_URL. `drop` removes it afterwards.
 */
export async function createTestDatabase(): Promise<{ config: DatabaseConfig; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url !== undefined && /^postgres(ql)?:\/\//.test(url)) {
    const name = `guichet_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    return {
      config: { engine: 'postgres', url: target.toString(), poolSize: 5 },
      drop: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        // Closed pool connections can linger for a moment on the server; a forced drop would then
        // kill them and surface as an error in the closed client, so wait for them to go first.
        for (let attempt = 0; attempt < 50; attempt += 1) {
          const result = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (result.rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-test-'));
  return {
    config: { engine: 'sqlite', file: path.join(dir, 'guichet.sqlite') },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
