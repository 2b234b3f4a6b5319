import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { Engine } from '../connection.js';

// Migrations only see an untyped Kysely: the schema they build is what db/schema.ts describes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>;

/** Adds an auto-incremented integer primary key named `id`, in each engine's own form. */
export function withId<T extends string>(
  engine: Engine,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  if (engine === 'postgres') {
    return table.addColumn('id', 'serial', (column) => column.primaryKey());
  }
  return table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement());
}

/** Adds the created_at and updated_at instants every editable record carries. */
export function withTimestamps<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull());
}

export const notNull = (column: ColumnDefinitionBuilder) => column.notNull();
