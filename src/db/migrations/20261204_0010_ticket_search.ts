import { sql } from 'kysely';
import type { Engine } from '../connection.js';
import type { MigrationDb } from './helpers.js';

// Substring search on tickets.search_text (title and description, lower case, no accents) through
// a trigram index on each engine, so "imprimante" does not read every ticket. PostgreSQL uses
// pg_trgm, a trusted extension a database owner may create; SQLite uses an FTS5 table with the
// trigram tokenizer, kept in step with tickets by triggers.
export async function up(db: MigrationDb, engine: Engine): Promise<void> {
  await db.schema.dropIndex('tickets_category_id_idx').execute();
  await db.schema.createIndex('tickets_category_priority_entity_idx').on('tickets').columns(['category_id', 'priority', 'entity_id', 'opened_at']).execute();

  if (engine === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index tickets_search_text_trgm_idx on tickets using gin (search_text gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`create virtual table tickets_fts using fts5(search_text, content='tickets', content_rowid='id', tokenize='trigram')`.execute(db);
  await sql`create trigger tickets_fts_insert after insert on tickets begin
    insert into tickets_fts(rowid, search_text) values (new.id, new.search_text);
  end`.execute(db);
  await sql`create trigger tickets_fts_delete after delete on tickets begin
    insert into tickets_fts(tickets_fts, rowid, search_text) values ('delete', old.id, old.search_text);
  end`.execute(db);
  await sql`create trigger tickets_fts_update after update of search_text on tickets begin
    insert into tickets_fts(tickets_fts, rowid, search_text) values ('delete', old.id, old.search_text);
    insert into tickets_fts(rowid, search_text) values (new.id, new.search_text);
  end`.execute(db);
  await sql`insert into tickets_fts(tickets_fts) values ('rebuild')`.execute(db);
}
