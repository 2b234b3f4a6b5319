import type { Engine } from '../connection.js';
import { type MigrationDb, notNull } from './helpers.js';

// One row per scheduled job: the lease that lets exactly one process run each time slot.
export async function up(db: MigrationDb, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('job_runs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_slot', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('runs', 'integer', notNull)
    .execute();
}
