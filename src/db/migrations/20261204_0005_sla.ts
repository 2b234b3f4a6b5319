import type { Engine } from '../connection.js';
import { type MigrationDb, notNull, withId, withTimestamps } from './helpers.js';

// Business calendars, SLA/OLA targets, ticket deadlines, pauses and per-ticket statistics.
export async function up(db: MigrationDb, engine: Engine): Promise<void> {
  await withTimestamps(
    withId(engine, db.schema.createTable('calendars'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      /** JSON CalendarDefinition: time zone, working periods, closed days and ranges, French holidays. */
      .addColumn('definition', 'text', notNull),
  ).execute();
  await db.schema.alterTable('entities').addColumn('calendar_id', 'integer', (c) => c.references('calendars.id').onDelete('set null')).execute();

  await withTimestamps(
    withId(engine, db.schema.createTable('slas'))
      .addColumn('name', 'text', notNull)
      /** sla (promised to the requester) | ola (internal, per support group) */
      .addColumn('kind', 'text', notNull)
      /** tto | ttr */
      .addColumn('target', 'text', notNull)
      .addColumn('target_seconds', 'integer')
      .addColumn('target_working_days', 'integer')
      .addColumn('end_of_working_day', 'integer', (c) => c.notNull().defaultTo(0))
      /** null: the calendar of the ticket's entity */
      .addColumn('calendar_id', 'integer', (c) => c.references('calendars.id').onDelete('restrict'))
      .addColumn('priority', 'integer')
      .addColumn('category_id', 'integer', (c) => c.references('categories.id').onDelete('cascade'))
      .addColumn('entity_id', 'integer', (c) => c.references('entities.id').onDelete('cascade'))
      .addColumn('service_id', 'integer', (c) => c.references('services.id').onDelete('cascade'))
      .addColumn('group_id', 'integer', (c) => c.references('groups.id').onDelete('cascade')),
  ).execute();

  await withId(engine, db.schema.createTable('ticket_pauses'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    /** waiting | solved */
    .addColumn('kind', 'text', notNull)
    .addColumn('start_at', 'text', notNull)
    .addColumn('end_at', 'text')
    .execute();
  await db.schema.createIndex('ticket_pauses_ticket_id_idx').on('ticket_pauses').column('ticket_id').execute();

  // SQLite adds one column per ALTER TABLE statement, so each column is its own statement.
  for (const column of ['tto_due_at', 'ttr_due_at', 'ola_tto_due_at', 'ola_ttr_due_at', 'ola_started_at']) {
    await db.schema.alterTable('tickets').addColumn(column, 'text').execute();
  }
  for (const column of ['sla_tto_id', 'sla_ttr_id', 'ola_tto_id', 'ola_ttr_id', 'tto_late', 'ttr_late', 'take_delay_seconds', 'solve_delay_seconds', 'close_delay_seconds']) {
    await db.schema.alterTable('tickets').addColumn(column, 'integer').execute();
  }
  await db.schema.alterTable('tickets').addColumn('paused_business_seconds', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('tickets_ttr_due_at_idx').on('tickets').columns(['status', 'ttr_due_at']).execute();
  await db.schema.createIndex('tickets_solved_at_idx').on('tickets').column('solved_at').execute();
  await db.schema.createIndex('tickets_closed_at_idx').on('tickets').column('closed_at').execute();
}
