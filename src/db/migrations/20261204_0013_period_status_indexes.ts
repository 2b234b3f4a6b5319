import type { Engine } from '../connection.js';
import type { MigrationDb } from './helpers.js';

// Lists of tickets solved or closed in a period usually also filter on the status: with it in the
// date index, the page and its total are read from the index without touching ticket rows.
export async function up(db: MigrationDb, _engine: Engine): Promise<void> {
  await db.schema.createIndex('tickets_closed_status_entity_priority_idx').on('tickets').columns(['closed_at', 'status', 'entity_id', 'priority']).execute();
  await db.schema.createIndex('tickets_solved_status_entity_priority_idx').on('tickets').columns(['solved_at', 'status', 'entity_id', 'priority']).execute();
  await db.schema.dropIndex('tickets_closed_entity_priority_idx').execute();
  await db.schema.dropIndex('tickets_solved_entity_priority_idx').execute();
}
