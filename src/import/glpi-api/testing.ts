// Test helpers for the GLPI API import: the recorded GLPI 10.0.18 exchanges, what they hold, and a
// view of an imported database keyed by GLPI ids, to compare two imports made in different databases.

import { sql } from 'kysely';
import type { Executor } from '../../db/connection.js';
import { GLPI_DATA_DIR } from '../importer-testing.js';
import { readExchanges } from './replay-server.js';
import type { RecordedExchange } from './replay-server.js';

export const EXCHANGES_FILE = new URL('api/exchanges.jsonl', GLPI_DATA_DIR);

export type Row = Record<string, unknown>;

/** The recorded exchanges, with readers for the lists they hold. */
export class Recording {
  readonly exchanges: RecordedExchange[] = readExchanges(EXCHANGES_FILE);

  /** Rows of a recorded list call with dropdowns expanded, e.g. `/User` or `/Ticket/14230/ITILFollowup`, every page. */
  list(path: string): Row[] {
    const pages = this.exchanges.filter(
      (exchange) => exchange.path === path && /^expand_dropdowns=true&range=\d+-\d+$/.test(exchange.query) && Array.isArray(exchange.body) && exchange.status < 300,
    );
    const rows = new Map<number, Row>();
    for (const page of pages) for (const row of page.body as Row[]) rows.set(Number(row.id), row);
    return [...rows.values()];
  }

  tickets(): Row[] {
    return this.list('/Ticket');
  }

  /** Returns the rows of one sub-list of every ticket, flattened. */
  subItems(itemType: string): Row[] {
    return this.tickets().flatMap((ticket) => this.list(`/Ticket/${String(ticket.id)}/${itemType}`));
  }

  /** Bytes of a recorded file download. */
  download(path: string): Buffer {
    const exchange = this.exchanges.find((item) => item.path === path && item.bodyEncoding === 'base64');
    return Buffer.from(typeof exchange?.body === 'string' ? exchange.body : '', 'base64');
  }
}

/** Local id of a GLPI record, read from the import's mapping. */
export async function localIdOf(db: Executor, recordType: string, glpiId: unknown): Promise<number | undefined> {
  const row = await db
    .selectFrom('import_refs')
    .select('local_id')
    .where('source', '=', 'glpi')
    .where('record_type', '=', recordType)
    .where('external_id', '=', String(glpiId))
    .executeTakeFirst();
  return row?.local_id;
}

/** Rows of a query as plain objects sorted by their JSON text, so that two databases compare equal. */
async function sortedRows(db: Executor, query: ReturnType<typeof sql>): Promise<string[]> {
  const result = await query.execute(db);
  return (result.rows as Row[]).map((row) => JSON.stringify(row)).sort();
}

/**
 * Everything an import wrote, with local ids replaced by GLPI ids, logins and names, so that a
 * resumed import can be compared with a clean one made in another database.
 */
export async function snapshotImport(db: Executor): Promise<Record<string, string[]>> {
  const ref = (type: string, column: string) => sql`(select r.external_id from import_refs r where r.record_type = ${type} and r.local_id = ${sql.ref(column)})`;
  const login = (column: string) => sql`(select u.login from users u where u.id = ${sql.ref(column)})`;
  return {
    tickets: await sortedRows(db, sql`select t.external_ref, t.status, t.type, t.title, t.description, t.priority, t.urgency, t.impact,
      t.opened_at, t.updated_at, t.taken_at, t.solved_at, t.closed_at, t.begin_waiting_at, t.waiting_seconds, t.action_seconds,
      t.take_delay_seconds, t.solve_delay_seconds, t.close_delay_seconds, t.source, t.level,
      ${login('t.requester_id')} as requester, ${login('t.writer_id')} as writer,
      (select e.complete_name from entities e where e.id = t.entity_id) as entity,
      (select c.complete_name from categories c where c.id = t.category_id) as category,
      (select l.complete_name from locations l where l.id = t.location_id) as location
      from tickets t where t.external_ref like 'glpi:%'`),
    actors: await sortedRows(db, sql`select t.external_ref, a.role, ${login('a.user_id')} as login, (select g.name from groups g where g.id = a.group_id) as group_name
      from ticket_actors a join tickets t on t.id = a.ticket_id`),
    followups: await sortedRows(db, sql`select ${ref('followup', 'f.id')} as glpi_id, t.external_ref, f.content, f.is_private, f.created_at, ${login('f.author_id')} as author
      from ticket_followups f join tickets t on t.id = f.ticket_id`),
    tasks: await sortedRows(db, sql`select ${ref('task', 'k.id')} as glpi_id, t.external_ref, k.state, k.duration_seconds, k.planned_start, k.planned_end, k.is_private, ${login('k.technician_id')} as technician
      from ticket_tasks k join tickets t on t.id = k.ticket_id`),
    solutions: await sortedRows(db, sql`select ${ref('solution', 's.id')} as glpi_id, t.external_ref, s.status, s.answered_at, s.created_at, ${login('s.approver_id')} as approver
      from ticket_solutions s join tickets t on t.id = s.ticket_id`),
    validations: await sortedRows(db, sql`select ${ref('validation', 'v.id')} as glpi_id, t.external_ref, v.status, v.requested_at, v.answered_at, ${login('v.validator_id')} as validator
      from ticket_validations v join tickets t on t.id = v.ticket_id`),
    attachments: await sortedRows(db, sql`select ${ref('attachment', 'a.id')} as glpi_id, t.external_ref, a.name, a.size_bytes, a.content_type, a.sha256, a.storage_key
      from ticket_attachments a join tickets t on t.id = a.ticket_id`),
    surveys: await sortedRows(db, sql`select t.external_ref, s.rating, s.comment, s.closed_at, s.answered_at from ticket_satisfactions s join tickets t on t.id = s.ticket_id`),
    links: await sortedRows(db, sql`select a.external_ref as first, b.external_ref as second, l.kind from ticket_links l
      join tickets a on a.id = l.ticket_id join tickets b on b.id = l.linked_ticket_id`),
    users: await sortedRows(db, sql`select u.login, u.first_name, u.last_name, u.job_profile from users u`),
    groups: await sortedRows(db, sql`select g.name, g.level, g.is_support from groups g`),
    memberships: await sortedRows(db, sql`select g.name, u.login from group_members m join groups g on g.id = m.group_id join users u on u.id = m.user_id`),
    categories: await sortedRows(db, sql`select c.complete_name from categories c`),
    entities: await sortedRows(db, sql`select e.complete_name, e.type from entities e`),
    locations: await sortedRows(db, sql`select l.complete_name, (select e.complete_name from entities e where e.id = l.entity_id) as entity from locations l`),
  };
}
