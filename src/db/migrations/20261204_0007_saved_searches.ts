import type { Engine } from '../connection.js';
import { type MigrationDb, notNull, withId, withTimestamps } from './helpers.js';

// Ticket searches a user saved under a name, to reopen the list with the same filters.
export async function up(db: MigrationDb, engine: Engine): Promise<void> {
  await withTimestamps(
    withId(engine, db.schema.createTable('saved_searches'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', notNull)
      /** JSON object of ticket list query parameters. */
      .addColumn('query', 'text', notNull)
      .addUniqueConstraint('saved_searches_user_id_name_key', ['user_id', 'name']),
  ).execute();
}
