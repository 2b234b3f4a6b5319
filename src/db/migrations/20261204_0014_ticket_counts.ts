import { sql } from 'kysely';
import type { Engine } from '../connection.js';
import type { MigrationDb } from './helpers.js';

// Ticket counts per entity and status, kept exact by triggers in the same transaction as each
// ticket change, so the dashboard counters add a few rows instead of counting every ticket.
export async function up(db: MigrationDb, engine: Engine): Promise<void> {
  await db.schema
    .createTable('ticket_counts')
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_counts_pkey', ['entity_id', 'status'])
    .execute();
  await sql`insert into ticket_counts (entity_id, status, n) select entity_id, status, count(*) from tickets group by entity_id, status`.execute(db);

  if (engine === 'postgres') {
    await sql`create function ticket_counts_refresh() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          update ticket_counts set n = n - 1 where entity_id = old.entity_id and status = old.status;
        end if;
        if tg_op in ('UPDATE', 'INSERT') then
          insert into ticket_counts (entity_id, status, n) values (new.entity_id, new.status, 1)
            on conflict (entity_id, status) do update set n = ticket_counts.n + 1;
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger ticket_counts_insert_delete after insert or delete on tickets
      for each row execute function ticket_counts_refresh()`.execute(db);
    await sql`create trigger ticket_counts_update after update of status, entity_id on tickets
      for each row when (old.status is distinct from new.status or old.entity_id is distinct from new.entity_id)
      execute function ticket_counts_refresh()`.execute(db);
    return;
  }
  await sql`create trigger ticket_counts_insert after insert on tickets begin
    insert into ticket_counts (entity_id, status, n) values (new.entity_id, new.status, 1)
      on conflict (entity_id, status) do update set n = n + 1;
  end`.execute(db);
  await sql`create trigger ticket_counts_delete after delete on tickets begin
    update ticket_counts set n = n - 1 where entity_id = old.entity_id and status = old.status;
  end`.execute(db);
  await sql`create trigger ticket_counts_update after update of status, entity_id on tickets
    when old.status is not new.status or old.entity_id is not new.entity_id begin
    update ticket_counts set n = n - 1 where entity_id = old.entity_id and status = old.status;
    insert into ticket_counts (entity_id, status, n) values (new.entity_id, new.status, 1)
      on conflict (entity_id, status) do update set n = n + 1;
  end`.execute(db);
}
