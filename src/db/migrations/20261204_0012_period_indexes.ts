import type { Engine } from '../connection.js';
import type { MigrationDb } from './helpers.js';

// Lists and reports over a solving or closing period read the entity and the priority from the
// date index itself instead of each ticket row.
export async function up(db: MigrationDb, _engine: Engine): Promise<void> {
  await db.schema.createIndex('tickets_closed_entity_priority_idx').on('tickets').columns(['closed_at', 'entity_id', 'priority']).execute();
  await db.schema.createIndex('tickets_solved_entity_priority_idx').on('tickets').columns(['solved_at', 'entity_id', 'priority']).execute();
  await db.schema.dropIndex('tickets_closed_at_idx').execute();
  await db.schema.dropIndex('tickets_solved_at_idx').execute();
}
