import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { startTestServer } from '../../test/helpers/server.js';
import type { TestServer } from '../../test/helpers/server.js';
import { SYSTEM_CONTEXT } from '../audit/audit.js';
import { verifyAuditChain } from '../audit/verify.js';
import { parseGlpiTicketCsv } from './glpi-csv.js';
import type { GlpiTicketRow } from './glpi-csv.js';
import { importGlpiCsv } from './importer.js';
import type { ImportReport } from './importer.js';
import { GLPI_DATA_DIR, loadImportedTickets, readGlpiSample } from './importer-testing.js';
import type { ImportedTicket } from './importer-testing.js';

const SAMPLE_FILES = readdirSync(GLPI_DATA_DIR).filter((file) => file.endsWith('.csv')).sort();
const TICKET_FILES = SAMPLE_FILES.filter((file) => file.startsWith('tickets'));
const STATISTICS_FILES = SAMPLE_FILES.filter((file) => file.startsWith('stat-'));

const importFile = (server: TestServer, file: string, skipInvalid = false): Promise<ImportReport> =>
  importGlpiCsv(server.handle, readGlpiSample(file), { skipInvalid, actor: SYSTEM_CONTEXT });

async function rootName(server: TestServer): Promise<string> {
  const root = await server.handle.db.selectFrom('entities').select('complete_name').where('id', '=', server.rootEntityId).executeTakeFirstOrThrow();
  return root.complete_name;
}

/** Returns the entity's complete name in Guichet, where the root entity replaces the file's first level. */
function expectedEntity(row: GlpiTicketRow, root: string): string {
  return [root, ...(row.entityPath ?? []).slice(1)].join(' > ');
}

function expectedTitle(row: GlpiTicketRow): string {
  return row.title?.trim() || `Ticket GLPI ${row.glpiId}`;
}

/** Compares one imported ticket with the row it came from, one assert per column. */
function assertTicketMatchesRow(ticket: ImportedTicket, row: GlpiTicketRow, root: string): void {
  const at = `ticket ${row.glpiId}`;
  assert.equal(ticket.status, row.status, `${at}: status`);
  assert.equal(ticket.priority, row.priority, `${at}: priority`);
  assert.equal(ticket.urgency, row.urgency ?? 3, `${at}: urgency`);
  assert.equal(ticket.impact, row.impact ?? 3, `${at}: impact`);
  assert.equal(ticket.type, row.type ?? 'incident', `${at}: type`);
  assert.equal(ticket.title, expectedTitle(row), `${at}: title`);
  assert.equal(ticket.description, expectedTitle(row), `${at}: description`);
  assert.equal(ticket.source, 'import', `${at}: source`);
  assert.equal(ticket.openedAt, row.openedAt, `${at}: opened_at`);
  assert.equal(ticket.updatedAt, row.updatedAt ?? row.openedAt, `${at}: updated_at`);
  assert.equal(ticket.solvedAt, row.solvedAt ?? null, `${at}: solved_at`);
  assert.equal(ticket.closedAt, row.closedAt ?? null, `${at}: closed_at`);
  assert.equal(ticket.entity, expectedEntity(row, root), `${at}: entity`);
  assert.equal(ticket.category, row.categoryPath?.length ? row.categoryPath.join(' > ') : null, `${at}: category`);
  assert.equal(ticket.location, row.locationPath?.length ? row.locationPath.join(' > ') : null, `${at}: location`);
  assert.deepEqual(ticket.requesters, (row.requesters ?? []).map((requester) => requester.name ?? requester.email).sort(), `${at}: requesters`);
  assert.deepEqual(ticket.technicians, [...(row.technicians ?? [])].sort(), `${at}: technicians`);
  assert.deepEqual(ticket.groups, [...(row.groups ?? [])].sort(), `${at}: groups`);
}

for (const file of TICKET_FILES) {
  describe(`import of ${file}`, () => {
    const parsed = parseGlpiTicketCsv(readGlpiSample(file));
    let server: TestServer;
    let report: ImportReport;

    before(async () => {
      server = await startTestServer();
      report = await importFile(server, file);
    });
    after(() => server.close());

    test('report counts every row', () => {
      assert.equal(report.failed, false);
      assert.deepEqual(report.errors, []);
      assert.equal(report.rows, parsed.rows.length);
      assert.equal(report.created, parsed.rows.length);
      assert.equal(report.updated, 0);
      assert.equal(report.skipped, 0);
    });

    test('tickets match file rows', async () => {
      const tickets = await loadImportedTickets(server.handle.db);
      const root = await rootName(server);
      assert.equal(tickets.size, parsed.rows.length);
      for (const row of parsed.rows) {
        const ticket = tickets.get(row.glpiId);
        assert.ok(ticket, `ticket ${row.glpiId} was not imported`);
        assertTicketMatchesRow(ticket, row, root);
      }
    });

    test('requester_id is first requester', async () => {
      const tickets = await loadImportedTickets(server.handle.db);
      const users = await server.handle.db.selectFrom('users').select(['id', 'first_name', 'last_name']).execute();
      const displayById = new Map(users.map((user) => [user.id, `${user.last_name} ${user.first_name}`.trim()]));
      for (const row of parsed.rows) {
        const ticket = tickets.get(row.glpiId);
        const first = row.requesters?.[0];
        const expected = first === undefined ? undefined : (first.name ?? first.email);
        const actual = ticket?.requesterId == null ? undefined : displayById.get(ticket.requesterId);
        assert.equal(actual, expected, `ticket ${row.glpiId}: requester_id`);
      }
    });

    test('level follows first leveled group', async () => {
      const tickets = await loadImportedTickets(server.handle.db);
      const groups = await server.handle.db.selectFrom('groups').select(['name', 'level']).execute();
      const levelByName = new Map(groups.map((group) => [group.name, group.level]));
      for (const row of parsed.rows) {
        const expected = (row.groups ?? []).map((name) => levelByName.get(name) ?? null).find((level) => level !== null) ?? null;
        assert.equal(tickets.get(row.glpiId)?.level, expected, `ticket ${row.glpiId}: level`);
      }
    });

    test('created users are inactive', async () => {
      const users = await server.handle.db
        .selectFrom('users')
        .select(['login', 'is_active', 'password_hash'])
        .where('login', 'in', report.createdUsers.length > 0 ? report.createdUsers : [''])
        .execute();
      assert.equal(users.length, report.createdUsers.length);
      for (const user of users) {
        assert.equal(user.is_active, 0, `${user.login}: is_active`);
        assert.equal(user.password_hash, null, `${user.login}: password_hash`);
      }
    });

    test('technicians get technicien profile', async () => {
      const technicians = new Set(parsed.rows.flatMap((row) => row.technicians ?? []));
      const users = await server.handle.db.selectFrom('users').select(['first_name', 'last_name', 'job_profile']).where('login', '!=', 'admin').execute();
      for (const user of users) {
        const display = `${user.last_name} ${user.first_name}`.trim();
        assert.equal(user.job_profile, technicians.has(display) ? 'technicien' : 'autre', `${display}: job_profile`);
      }
    });

    test('audit has one row per ticket', async () => {
      const rows = await server.handle.db.selectFrom('audit_log').select(['record_id', 'changes']).where('action', '=', 'ticket.import').execute();
      assert.equal(rows.length, parsed.rows.length);
      const glpiIds = rows.map((row) => (JSON.parse(row.changes) as { glpiId: number }).glpiId).sort((a, b) => a - b);
      assert.deepEqual(glpiIds, parsed.rows.map((row) => row.glpiId).sort((a, b) => a - b));
    });

    test('audit has one row per created user', async () => {
      const rows = await server.handle.db.selectFrom('audit_log').select('record_id').where('action', '=', 'user.create').where('actor_login', '=', 'system').execute();
      // The bootstrap's admin account is the one user created before the import.
      assert.equal(rows.length, report.createdUsers.length + 1);
    });

    test('audit chain verifies after import', async () => {
      const result = await verifyAuditChain(server.handle.db);
      assert.equal(result.ok, true, result.firstBreak?.message);
    });

    test('second run updates every ticket', async () => {
      const actorsBefore = await server.handle.db.selectFrom('ticket_actors').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
      const again = await importFile(server, file);
      const tickets = await loadImportedTickets(server.handle.db);
      const actorsAfter = await server.handle.db.selectFrom('ticket_actors').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
      assert.equal(again.created, 0);
      assert.equal(again.updated, parsed.rows.length);
      assert.deepEqual(again.createdUsers, []);
      assert.deepEqual(again.createdCategories, []);
      assert.equal(tickets.size, parsed.rows.length);
      assert.equal(Number(actorsAfter.count), Number(actorsBefore.count));
      const chain = await verifyAuditChain(server.handle.db);
      assert.equal(chain.ok, true, chain.firstBreak?.message);
    });
  });
}

describe('import of statistics exports', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  for (const file of STATISTICS_FILES) {
    test(`${file} is rejected`, async () => {
      const report = await importFile(server, file, true);
      const tickets = await server.handle.db.selectFrom('tickets').select('id').execute();
      assert.equal(report.failed, true);
      assert.deepEqual(report.errors.map((error) => error.code), ['missing_id_column']);
      assert.equal(tickets.length, 0);
    });
  }
});
