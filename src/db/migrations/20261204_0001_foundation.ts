import { sql } from 'kysely';
import type { Engine } from '../connection.js';
import { type MigrationDb, notNull, withId, withTimestamps } from './helpers.js';

// Organisation, accounts, rights, sessions, API tokens and the audit trail.
export async function up(db: MigrationDb, engine: Engine): Promise<void> {
  await withTimestamps(
    withId(engine, db.schema.createTable('entities'))
      .addColumn('parent_id', 'integer', (c) => c.references('entities.id').onDelete('restrict'))
      .addColumn('name', 'text', notNull)
      .addColumn('type', 'text', notNull)
      .addColumn('complete_name', 'text', notNull),
  ).execute();
  await db.schema.createIndex('entities_parent_id_idx').on('entities').column('parent_id').execute();

  await withTimestamps(
    withId(engine, db.schema.createTable('services'))
      .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('restrict'))
      .addColumn('name', 'text', notNull)
      .addColumn('criticality', 'text', (c) => c.notNull().defaultTo('normal'))
      .addUniqueConstraint('services_entity_id_name_key', ['entity_id', 'name']),
  ).execute();

  await withTimestamps(
    withId(engine, db.schema.createTable('locations'))
      .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('restrict'))
      .addColumn('parent_id', 'integer', (c) => c.references('locations.id').onDelete('restrict'))
      .addColumn('name', 'text', notNull)
      .addColumn('building', 'text')
      .addColumn('floor', 'text')
      .addColumn('room', 'text')
      .addColumn('complete_name', 'text', notNull),
  ).execute();
  await db.schema.createIndex('locations_entity_id_idx').on('locations').column('entity_id').execute();

  await withTimestamps(
    withId(engine, db.schema.createTable('profiles'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('interface', 'text', notNull)
      .addColumn('rights', 'text', notNull)
      .addColumn('is_system', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();

  await withTimestamps(
    withId(engine, db.schema.createTable('users'))
      .addColumn('login', 'text', notNull)
      .addColumn('first_name', 'text', notNull)
      .addColumn('last_name', 'text', notNull)
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('restrict'))
      .addColumn('service_id', 'integer', (c) => c.references('services.id').onDelete('set null'))
      .addColumn('job_profile', 'text', notNull)
      .addColumn('password_hash', 'text')
      .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('language', 'text', (c) => c.notNull().defaultTo('fr'))
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('last_login_at', 'text'),
  ).execute();
  // Logins compare case-insensitively, as directory logins do.
  await sql`create unique index users_login_key on users (lower(login))`.execute(db);
  await db.schema.createIndex('users_entity_id_idx').on('users').column('entity_id').execute();

  await withId(engine, db.schema.createTable('user_entities'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id').onDelete('restrict'))
    .addColumn('is_recursive', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('user_entities_user_entity_profile_key', ['user_id', 'entity_id', 'profile_id'])
    .execute();

  await withTimestamps(
    withId(engine, db.schema.createTable('groups'))
      .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('restrict'))
      .addColumn('name', 'text', notNull)
      .addColumn('is_support', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('level', 'text')
      .addUniqueConstraint('groups_entity_id_name_key', ['entity_id', 'name']),
  ).execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('is_manager', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('group_members_pkey', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_user_id_idx').on('group_members').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('last_seen_at', 'text', notNull)
    .addColumn('expires_at', 'text', notNull)
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();

  await withId(engine, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', notNull)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('occurred_at', 'text', notNull)
    .addColumn('actor_id', 'integer')
    .addColumn('actor_login', 'text')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('action', 'text', notNull)
    .addColumn('record_type', 'text', notNull)
    .addColumn('record_id', 'text')
    .addColumn('entity_id', 'integer')
    .addColumn('changes', 'text', notNull)
    .addColumn('prev_hash', 'text', notNull)
    .addColumn('hash', 'text', notNull)
    .execute();
  await db.schema.createIndex('audit_log_record_idx').on('audit_log').columns(['record_type', 'record_id']).execute();
  await db.schema.createIndex('audit_log_occurred_at_idx').on('audit_log').column('occurred_at').execute();
  await db.schema.createIndex('audit_log_actor_id_idx').on('audit_log').column('actor_id').execute();

  // One row whose lock serialises appends, so the chain has one order across processes.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', notNull)
    .addColumn('hash', 'text', notNull)
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();
}
