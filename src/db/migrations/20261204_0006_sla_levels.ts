import type { Engine } from '../connection.js';
import { type MigrationDb, notNull, withId, withTimestamps } from './helpers.js';

// Escalation levels of an SLA and the record of each level run on each ticket.
export async function up(db: MigrationDb, engine: Engine): Promise<void> {
  await withTimestamps(
    withId(engine, db.schema.createTable('sla_levels'))
      .addColumn('sla_id', 'integer', (c) => c.notNull().references('slas.id').onDelete('cascade'))
      .addColumn('name', 'text', notNull)
      /** Seconds relative to the deadline: negative before it, positive after it. */
      .addColumn('offset_seconds', 'integer', notNull)
      /** notify | add_group | raise_priority */
      .addColumn('action', 'text', notNull)
      .addColumn('group_id', 'integer', (c) => c.references('groups.id').onDelete('cascade'))
      .addColumn('priority', 'integer'),
  ).execute();

  await db.schema
    .createTable('ticket_sla_level_runs')
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('level_id', 'integer', (c) => c.notNull().references('sla_levels.id').onDelete('cascade'))
    /** executed | skipped (a later level was already due when the job caught up) */
    .addColumn('outcome', 'text', notNull)
    .addColumn('run_at', 'text', notNull)
    .addPrimaryKeyConstraint('ticket_sla_level_runs_pkey', ['ticket_id', 'level_id'])
    .execute();
}
