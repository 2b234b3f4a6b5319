import type { Engine } from '../connection.js';
import { type MigrationDb, notNull, withId } from './helpers.js';

// Resumable imports from another tool: the runs, a checkpoint per run and object type, and the
// mapping from the other tool's ids to ours. Also the ticket approvals (GLPI's "validations"),
// which no earlier table holds and the GLPI import brings along.
export async function up(db: MigrationDb, engine: Engine): Promise<void> {
  await withId(engine, db.schema.createTable('import_runs'))
    /** glpi-api */
    .addColumn('source', 'text', notNull)
    /** Address of the instance read, so that a run resumes only against the same one. */
    .addColumn('source_url', 'text', notNull)
    /** running | failed | finished; a process killed outright leaves its run at running. */
    .addColumn('status', 'text', notNull)
    .addColumn('started_at', 'text', notNull)
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('import_runs_source_url_idx').on('import_runs').columns(['source', 'source_url', 'id']).execute();

  await db.schema
    .createTable('import_checkpoints')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('import_runs.id').onDelete('cascade'))
    /** The other tool's item type, e.g. Ticket or Entity. */
    .addColumn('object_type', 'text', notNull)
    /** JSON cursor: how far the run got in this object type. */
    .addColumn('position', 'text', notNull)
    .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', notNull)
    .addPrimaryKeyConstraint('import_checkpoints_pkey', ['run_id', 'object_type'])
    .execute();

  // One row per record brought in: the same external id always maps to the same local record, so
  // a second import updates instead of duplicating. version holds the source's modification mark.
  await db.schema
    .createTable('import_refs')
    /** glpi */
    .addColumn('source', 'text', notNull)
    /** entity | location | user | group | category | ticket | followup | task | solution | validation | attachment */
    .addColumn('record_type', 'text', notNull)
    .addColumn('external_id', 'text', notNull)
    .addColumn('local_id', 'integer', notNull)
    .addColumn('version', 'text')
    .addColumn('updated_at', 'text', notNull)
    .addPrimaryKeyConstraint('import_refs_pkey', ['source', 'record_type', 'external_id'])
    .execute();
  await db.schema.createIndex('import_refs_local_idx').on('import_refs').columns(['record_type', 'local_id']).execute();

  await withId(engine, db.schema.createTable('ticket_validations'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('requester_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('validator_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    /** waiting | accepted | refused */
    .addColumn('status', 'text', notNull)
    .addColumn('request_comment', 'text')
    .addColumn('answer_comment', 'text')
    .addColumn('requested_at', 'text', notNull)
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('ticket_validations_ticket_id_idx').on('ticket_validations').column('ticket_id').execute();
}
