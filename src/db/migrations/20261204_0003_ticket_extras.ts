import { sql } from 'kysely';
import type { Engine } from '../connection.js';
import { type MigrationDb, notNull, withId } from './helpers.js';

// Ticket attachments, satisfaction surveys and links between tickets, plus the entity's survey settings.
export async function up(db: MigrationDb, engine: Engine): Promise<void> {
  // Days the requester has to answer after the ticket closes, and the percentage of closed tickets surveyed.
  await db.schema.alterTable('entities').addColumn('satisfaction_delay_days', 'integer', (c) => c.notNull().defaultTo(30)).execute();
  await db.schema.alterTable('entities').addColumn('satisfaction_rate', 'integer', (c) => c.notNull().defaultTo(100)).execute();

  // Files live under the data directory at storage_key, and the original name is only metadata.
  // An attachment of a private followup is private too, so deleting the followup deletes the row.
  // NOTE: a cascade from a deleted ticket or followup removes rows only, so their files stay on disk.
  await withId(engine, db.schema.createTable('ticket_attachments'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('followup_id', 'integer', (c) => c.references('ticket_followups.id').onDelete('cascade'))
    .addColumn('uploader_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', notNull)
    .addColumn('size_bytes', 'integer', notNull)
    .addColumn('content_type', 'text', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('storage_key', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('ticket_attachments_storage_key_key', ['storage_key'])
    .execute();
  await db.schema.createIndex('ticket_attachments_ticket_id_idx').on('ticket_attachments').column('ticket_id').execute();
  await db.schema.createIndex('ticket_attachments_followup_id_idx').on('ticket_attachments').column('followup_id').execute();

  // One survey per ticket, for its latest closing: closed_at says which closing it belongs to.
  await withId(engine, db.schema.createTable('ticket_satisfactions'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('closed_at', 'text', notNull)
    .addColumn('expires_at', 'text', notNull)
    .addColumn('rating', 'integer')
    .addColumn('comment', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('ticket_satisfactions_ticket_id_key', ['ticket_id'])
    .execute();

  // One link per pair of tickets, stored with ticket_id < linked_ticket_id; kind reads
  // "linked_ticket_id is the <kind> of ticket_id".
  await withId(engine, db.schema.createTable('ticket_links'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('linked_ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('ticket_links_pair_key', ['ticket_id', 'linked_ticket_id'])
    .addCheckConstraint('ticket_links_order_check', sql`ticket_id < linked_ticket_id`)
    .execute();
  await db.schema.createIndex('ticket_links_linked_ticket_id_idx').on('ticket_links').column('linked_ticket_id').execute();
}

