import type { Engine } from '../connection.js';
import { type MigrationDb, notNull, withId, withTimestamps } from './helpers.js';

// Tickets, their categories, actors and timeline, plus instance-wide settings.
export async function up(db: MigrationDb, engine: Engine): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  // Days a solved ticket waits for its requester before closing: null never, 0 at once.
  await db.schema.alterTable('entities').addColumn('autoclose_days', 'integer').execute();
  // Forbidden status transitions of a profile, as { "from": ["to", ...] }; absent pairs are allowed.
  await db.schema.alterTable('profiles').addColumn('forbidden_transitions', 'text', (c) => c.notNull().defaultTo('{}')).execute();

  await withTimestamps(
    withId(engine, db.schema.createTable('categories'))
      .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('restrict'))
      .addColumn('parent_id', 'integer', (c) => c.references('categories.id').onDelete('restrict'))
      .addColumn('name', 'text', notNull)
      .addColumn('complete_name', 'text', notNull)
      .addColumn('is_incident', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('is_request', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('default_group_id', 'integer', (c) => c.references('groups.id').onDelete('set null')),
  ).execute();
  await db.schema.createIndex('categories_parent_id_idx').on('categories').column('parent_id').execute();

  await withId(engine, db.schema.createTable('tickets'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('restrict'))
    .addColumn('type', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('urgency', 'integer', notNull)
    .addColumn('impact', 'integer', notNull)
    .addColumn('priority', 'integer', notNull)
    .addColumn('category_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('requester_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requester_service_id', 'integer', (c) => c.references('services.id').onDelete('set null'))
    .addColumn('writer_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('location_id', 'integer', (c) => c.references('locations.id').onDelete('set null'))
    .addColumn('device', 'text')
    .addColumn('source', 'text', notNull)
    .addColumn('level', 'text')
    .addColumn('criticality', 'text')
    .addColumn('priority_reason', 'text')
    .addColumn('waiting_reason', 'text')
    .addColumn('opened_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('taken_at', 'text')
    .addColumn('solved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('begin_waiting_at', 'text')
    .addColumn('waiting_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('action_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('external_ref', 'text')
    // Title and description in lower case without accents, for the "text" filter on both engines.
    .addColumn('search_text', 'text', notNull)
    .execute();
  for (const [name, columns] of [
    ['tickets_entity_status_idx', ['entity_id', 'status']],
    ['tickets_status_updated_idx', ['status', 'updated_at']],
    ['tickets_updated_at_idx', ['updated_at']],
    ['tickets_opened_at_idx', ['opened_at']],
    ['tickets_requester_id_idx', ['requester_id']],
    ['tickets_category_id_idx', ['category_id']],
  ] as const) {
    await db.schema.createIndex(name).on('tickets').columns([...columns]).execute();
  }
  await db.schema.createIndex('tickets_external_ref_key').on('tickets').column('external_ref').unique().execute();

  await withId(engine, db.schema.createTable('ticket_actors'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('role', 'text', notNull)
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'integer', (c) => c.references('groups.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('ticket_actors_ticket_id_idx').on('ticket_actors').column('ticket_id').execute();
  await db.schema.createIndex('ticket_actors_user_role_idx').on('ticket_actors').columns(['user_id', 'role']).execute();
  await db.schema.createIndex('ticket_actors_group_role_idx').on('ticket_actors').columns(['group_id', 'role']).execute();

  await withId(engine, db.schema.createTable('ticket_followups'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('content', 'text', notNull)
    .addColumn('is_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('ticket_followups_ticket_id_idx').on('ticket_followups').column('ticket_id').execute();

  await withTimestamps(
    withId(engine, db.schema.createTable('ticket_tasks'))
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('technician_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('content', 'text', notNull)
      .addColumn('is_private', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', notNull)
      .addColumn('duration_seconds', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('planned_start', 'text')
      .addColumn('planned_end', 'text')
      .addColumn('mode', 'text', notNull),
  ).execute();
  await db.schema.createIndex('ticket_tasks_ticket_id_idx').on('ticket_tasks').column('ticket_id').execute();

  await withId(engine, db.schema.createTable('ticket_solutions'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('solution_type', 'text')
    .addColumn('content', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('approver_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approval_comment', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('ticket_solutions_ticket_id_idx').on('ticket_solutions').column('ticket_id').execute();

  await withId(engine, db.schema.createTable('ticket_escalations'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('from_level', 'text')
    .addColumn('to_level', 'text', notNull)
    .addColumn('group_id', 'integer', (c) => c.references('groups.id').onDelete('set null'))
    .addColumn('reason', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('ticket_escalations_ticket_id_idx').on('ticket_escalations').column('ticket_id').execute();
}
