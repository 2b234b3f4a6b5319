import { sql } from 'kysely';
import type { Engine } from '../connection.js';
import { type MigrationDb, withId } from './helpers.js';

/** The ticket columns whose change alters a figure of the statistics report or its grouping. */
const REPORTED_COLUMNS = [
  'opened_at',
  'solved_at',
  'closed_at',
  'entity_id',
  'category_id',
  'requester_service_id',
  'level',
  'priority',
  'ttr_late',
  'take_delay_seconds',
  'solve_delay_seconds',
  'close_delay_seconds',
  'action_seconds',
];

const FIGURE_COLUMNS = [
  'opened',
  'solved',
  'late',
  'closed',
  'surveys_sent',
  'surveys_answered',
  'rating_sum',
  'rating_count',
  'take_sum',
  'take_count',
  'solve_sum',
  'solve_count',
  'close_sum',
  'close_count',
  'action_sum',
  'action_count',
];

// The report's figures summed per UTC day, entity, grouping and group, so a report over two years
// adds a few thousand rows instead of reading every ticket. Triggers record in
// ticket_stats_dirty, in the same transaction as the change, each day whose figures a change of a
// ticket, its assignees or its survey may alter; the stats.summary job recomputes those days, and
// the report counts them from the tickets until it has. Every day that has tickets starts dirty.
export async function up(db: MigrationDb, engine: Engine): Promise<void> {
  let table = db.schema
    .createTable('ticket_stats_days')
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    /** The group's id or value as text; '' for tickets without one. */
    .addColumn('key', 'text', (c) => c.notNull());
  for (const column of FIGURE_COLUMNS) table = table.addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0));
  await table.addPrimaryKeyConstraint('ticket_stats_days_pkey', ['dimension', 'day', 'entity_id', 'key']).execute();

  await withId(engine, db.schema.createTable('ticket_stats_dirty')).addColumn('day', 'text', (c) => c.notNull()).execute();
  await db.schema.createIndex('ticket_stats_dirty_day_idx').on('ticket_stats_dirty').column('day').execute();
  await sql`insert into ticket_stats_dirty (day)
    select day from (
      select substr(opened_at, 1, 10) as day from tickets
      union select substr(solved_at, 1, 10) from tickets
      union select substr(closed_at, 1, 10) from tickets
    ) days where day is not null`.execute(db);

  if (engine === 'postgres') await createPostgresTriggers(db);
  else await createSqliteTriggers(db);
}

/** The three report dates of a ticket row (`new`, `old`) as UTC days, for a VALUES list. */
const daysOf = (row: string) => ['opened_at', 'solved_at', 'closed_at'].map((column) => `(substr(${row}.${column}, 1, 10))`).join(', ');

const changed = (isDistinct: string) => REPORTED_COLUMNS.map((column) => `old.${column} ${isDistinct} new.${column}`).join(' or ');

async function createSqliteTriggers(db: MigrationDb): Promise<void> {
  const markTicket = (row: string) => `insert into ticket_stats_dirty (day) select distinct column1 from (values ${daysOf(row)}) where column1 is not null;`;
  const markRelated = (row: string) =>
    `insert into ticket_stats_dirty (day) select day from (select substr(opened_at, 1, 10) as day from tickets where id = ${row}.ticket_id
      union select substr(solved_at, 1, 10) from tickets where id = ${row}.ticket_id
      union select substr(closed_at, 1, 10) from tickets where id = ${row}.ticket_id) where day is not null;`;

  await sql.raw(`create trigger ticket_stats_tickets_insert after insert on tickets begin ${markTicket('new')} end`).execute(db);
  await sql.raw(`create trigger ticket_stats_tickets_delete after delete on tickets begin ${markTicket('old')} end`).execute(db);
  await sql.raw(`create trigger ticket_stats_tickets_update after update on tickets when ${changed('is not')} begin ${markTicket('old')} ${markTicket('new')} end`).execute(db);
  await sql.raw(`create trigger ticket_stats_actors_insert after insert on ticket_actors when new.role = 'assigned' begin ${markRelated('new')} end`).execute(db);
  await sql.raw(`create trigger ticket_stats_actors_delete after delete on ticket_actors when old.role = 'assigned' begin ${markRelated('old')} end`).execute(db);
  await sql
    .raw(`create trigger ticket_stats_actors_update after update on ticket_actors when old.role = 'assigned' or new.role = 'assigned' begin ${markRelated('old')} ${markRelated('new')} end`)
    .execute(db);
  await sql.raw(`create trigger ticket_stats_surveys_insert after insert on ticket_satisfactions begin ${markRelated('new')} end`).execute(db);
  await sql.raw(`create trigger ticket_stats_surveys_delete after delete on ticket_satisfactions begin ${markRelated('old')} end`).execute(db);
  await sql.raw(`create trigger ticket_stats_surveys_update after update on ticket_satisfactions begin ${markRelated('old')} ${markRelated('new')} end`).execute(db);
}

async function createPostgresTriggers(db: MigrationDb): Promise<void> {
  const markTicket = (row: string) => `insert into ticket_stats_dirty (day) select distinct day from (values ${daysOf(row)}) as days (day) where day is not null;`;
  const markRelated = (row: string) =>
    `insert into ticket_stats_dirty (day) select distinct day from tickets, lateral (values ${daysOf('tickets')}) as days (day)
      where tickets.id = ${row}.ticket_id and day is not null;`;
  const ifOperation = (operations: string, body: string) => `if tg_op in (${operations}) then ${body} end if;`;
  const body = (mark: (row: string) => string) => `${ifOperation(`'UPDATE', 'DELETE'`, mark('old'))} ${ifOperation(`'UPDATE', 'INSERT'`, mark('new'))} return null;`;

  await sql.raw(`create function ticket_stats_mark_ticket() returns trigger language plpgsql as $$ begin ${body(markTicket)} end $$`).execute(db);
  await sql.raw(`create function ticket_stats_mark_related() returns trigger language plpgsql as $$ begin ${body(markRelated)} end $$`).execute(db);

  await sql.raw(`create trigger ticket_stats_tickets_insert_delete after insert or delete on tickets for each row execute function ticket_stats_mark_ticket()`).execute(db);
  await sql.raw(`create trigger ticket_stats_tickets_update after update on tickets for each row when (${changed('is distinct from')}) execute function ticket_stats_mark_ticket()`).execute(db);
  await sql.raw(`create trigger ticket_stats_actors_insert after insert on ticket_actors for each row when (new.role = 'assigned') execute function ticket_stats_mark_related()`).execute(db);
  await sql.raw(`create trigger ticket_stats_actors_delete after delete on ticket_actors for each row when (old.role = 'assigned') execute function ticket_stats_mark_related()`).execute(db);
  await sql
    .raw(`create trigger ticket_stats_actors_update after update on ticket_actors for each row when (old.role = 'assigned' or new.role = 'assigned') execute function ticket_stats_mark_related()`)
    .execute(db);
  await sql.raw(`create trigger ticket_stats_surveys_change after insert or update or delete on ticket_satisfactions for each row execute function ticket_stats_mark_related()`).execute(db);
}
