import type { Engine } from '../connection.js';
import type { MigrationDb } from './helpers.js';

// The late and due-soon counters read status, TTR deadline and entity from this index alone.
export async function up(db: MigrationDb, _engine: Engine): Promise<void> {
  await db.schema.createIndex('tickets_status_ttr_entity_idx').on('tickets').columns(['status', 'ttr_due_at', 'entity_id']).execute();
  await db.schema.dropIndex('tickets_ttr_due_at_idx').execute();
}
