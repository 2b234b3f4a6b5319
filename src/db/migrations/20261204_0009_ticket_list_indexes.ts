import type { Engine } from '../connection.js';
import type { MigrationDb } from './helpers.js';

// Indexes the ticket list sorts from: status first because every default view filters on it,
// then the sort column, then the entity so the visibility filter reads the index only.
export async function up(db: MigrationDb, _engine: Engine): Promise<void> {
  await db.schema.createIndex('tickets_status_updated_entity_idx').on('tickets').columns(['status', 'updated_at', 'entity_id']).execute();
  await db.schema.createIndex('tickets_status_opened_entity_idx').on('tickets').columns(['status', 'opened_at', 'entity_id']).execute();
  await db.schema.createIndex('tickets_status_priority_entity_idx').on('tickets').columns(['status', 'priority', 'entity_id']).execute();
  await db.schema.dropIndex('tickets_status_updated_idx').execute();
}
