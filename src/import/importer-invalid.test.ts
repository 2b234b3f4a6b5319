import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createEntity, startTestServer } from '../../test/helpers/server.js';
import type { TestServer } from '../../test/helpers/server.js';
import { SYSTEM_CONTEXT } from '../audit/audit.js';
import { verifyAuditChain } from '../audit/verify.js';
import type { DatabaseHandle } from '../db/connection.js';
import { GLPI_FULL_COLUMNS, writeGlpiTicketCsv } from './glpi-csv.js';
import type { GlpiColumnLabel, GlpiCsvWriteRow, GlpiPriority, GlpiStatus } from './glpi-csv.js';
import { importGlpiCsv } from './importer.js';
import type { ImportOptions } from './importer.js';

const LAST_NAMES = ['Lemoine', 'Perrin', 'Marchand', 'Faure', 'Rolland', 'Barbier'];
const FIRST_NAMES = ['Anaïs', 'Bastien', 'Céline', 'Damien', 'Émilie'];
const STATUSES: GlpiStatus[] = ['new', 'assigned', 'waiting', 'solved', 'closed'];

/** Invented tickets, one per GLPI id from 1, with consistent statuses and dates. */
function generateRows(count: number): GlpiCsvWriteRow[] {
  const start = Date.parse('2026-03-02T07:30:00Z');
  return Array.from({ length: count }, (_, index) => {
    const opened = start + index * 3_600_000;
    const status = STATUSES[index % STATUSES.length] ?? 'new';
    const done = status === 'solved' || status === 'closed';
    return {
      glpiId: index + 1,
      title: `Lecteur de badge en panne, salle ${index + 1}`,
      entityPath: ['Entité racine', index % 2 === 0 ? 'CH des Oliviers' : 'EHPAD Les Lavandes'],
      status,
      type: 'incident',
      priority: ((index % 5) + 1) as GlpiPriority,
      urgency: 3,
      impact: 3,
      openedAt: new Date(opened).toISOString(),
      updatedAt: new Date(opened + 7_200_000).toISOString(),
      solvedAt: done ? new Date(opened + 3_600_000).toISOString() : null,
      closedAt: status === 'closed' ? new Date(opened + 7_200_000).toISOString() : null,
      requesters: [{ name: `${LAST_NAMES[index % LAST_NAMES.length]} ${FIRST_NAMES[index % FIRST_NAMES.length]}` }],
      technicians: status === 'new' ? [] : ['Girard Noé'],
      groups: status === 'new' ? [] : ['Support N1'],
      categoryPath: ['Sûreté', 'Contrôle d’accès'],
      locationPath: ['Bâtiment C', 'Hall'],
    };
  });
}

/** Row index (0-based) and the raw cell that makes it invalid. */
const BAD_CELLS: { index: number; cells: Partial<Record<GlpiColumnLabel, string>> }[] = [
  { index: 10, cells: { Statut: 'Ouvert' } },
  { index: 250, cells: { "Date d'ouverture": '2026-02-30 10:00' } },
  { index: 499, cells: { Priorité: 'Urgente' } },
  { index: 500, cells: { ID: '12a' } },
  { index: 999, cells: { Impact: 'Énorme' } },
];
// The header is line 1, so row index i is on line i + 2.
const BAD_LINES = BAD_CELLS.map((bad) => bad.index + 2);

function fileWithBadRows(): Buffer {
  const rows = generateRows(1000);
  for (const bad of BAD_CELLS) {
    const row = rows[bad.index];
    if (row !== undefined) row.rawCells = bad.cells;
  }
  return Buffer.from(writeGlpiTicketCsv(rows));
}

async function countRows(handle: DatabaseHandle, table: 'tickets' | 'users' | 'audit_log'): Promise<number> {
  const row = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

const run = (handle: DatabaseHandle, file: Buffer, options: Partial<ImportOptions> = {}) =>
  importGlpiCsv(handle, file, { skipInvalid: false, actor: SYSTEM_CONTEXT, ...options });

describe('file with five invalid rows', () => {
  let server: TestServer;
  const file = fileWithBadRows();
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('invalid rows block whole import', async () => {
    const usersBefore = await countRows(server.handle, 'users');
    const auditBefore = await countRows(server.handle, 'audit_log');
    const report = await run(server.handle, file);
    assert.equal(report.failed, true);
    assert.deepEqual(report.errors.map((error) => error.line), BAD_LINES);
    assert.equal(report.created, 0);
    assert.equal(report.rows, 1000);
    assert.equal(report.skipped, 1000);
    assert.equal(await countRows(server.handle, 'tickets'), 0);
    assert.equal(await countRows(server.handle, 'users'), usersBefore);
    assert.equal(await countRows(server.handle, 'audit_log'), auditBefore);
  });

  test('errors carry both languages', async () => {
    const report = await run(server.handle, file);
    for (const error of report.errors) {
      assert.ok(error.message.fr.length > 0, `line ${error.line}: French message`);
      assert.ok(error.message.en.length > 0, `line ${error.line}: English message`);
      assert.notEqual(error.message.fr, error.message.en, `line ${error.line}: messages differ`);
    }
  });

  test('skip-invalid imports valid rows', async () => {
    const report = await run(server.handle, file, { skipInvalid: true });
    assert.equal(report.failed, false);
    assert.equal(report.created, 995);
    assert.equal(report.skipped, 5);
    assert.deepEqual(report.errors.map((error) => error.line), BAD_LINES);
    assert.equal(await countRows(server.handle, 'tickets'), 995);
  });

  test('skipped rows leave no ticket', async () => {
    const refs = await server.handle.db.selectFrom('tickets').select('external_ref').execute();
    const imported = new Set(refs.map((ref) => ref.external_ref));
    // Row 500 has an unreadable ID, so only the four others have a GLPI id to look for.
    for (const bad of BAD_CELLS.filter((item) => item.cells.ID === undefined)) {
      assert.equal(imported.has(`glpi:${bad.index + 1}`), false, `ticket ${bad.index + 1}`);
    }
  });

  test('audit chain verifies after skipping', async () => {
    const result = await verifyAuditChain(server.handle.db);
    assert.equal(result.ok, true, result.firstBreak?.message);
  });
});

/** Wraps a handle so that its transaction number `failAt` (1-based) does its work, then throws before committing. */
function failingHandle(handle: DatabaseHandle, failAt: number): DatabaseHandle {
  let count = 0;
  const transaction = () => ({
    execute: <T>(work: (tx: DatabaseHandle['db']) => Promise<T>) => {
      count += 1;
      const current = count;
      return handle.db.transaction().execute(async (tx) => {
        const result = await work(tx);
        if (current === failAt) throw new Error('simulated write failure');
        return result;
      });
    },
  });
  const db = new Proxy(handle.db, {
    get: (target, property) => {
      if (property === 'transaction') return transaction;
      // Kysely keeps its state in private fields, so its methods must run on the real object.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...handle, db };
}

describe('write failure midway', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('rerun completes interrupted import', async () => {
    const file = Buffer.from(writeGlpiTicketCsv(generateRows(1000)));
    // Transaction 1 creates the references, then one per chunk of 100: the third chunk fails.
    await assert.rejects(run(failingHandle(server.handle, 4), file, { chunkSize: 100 }), /simulated write failure/);
    assert.equal(await countRows(server.handle, 'tickets'), 200);

    const report = await run(server.handle, file, { chunkSize: 100 });
    assert.equal(report.created, 800);
    assert.equal(report.updated, 200);
    assert.equal(await countRows(server.handle, 'tickets'), 1000);
    const chain = await verifyAuditChain(server.handle.db);
    assert.equal(chain.ok, true, chain.firstBreak?.message);
  });
});

describe('entity option', () => {
  let server: TestServer;
  // Without the Entité column, as GLPI exports for a user who sees a single entity.
  const columns = GLPI_FULL_COLUMNS.filter((column) => column !== 'Entité');
  const file = Buffer.from(writeGlpiTicketCsv(generateRows(3), { columns }));
  before(async () => {
    server = await startTestServer();
    const chA = await createEntity(server, 'CH Alpilles', server.rootEntityId);
    await createEntity(server, 'Pédiatrie', chA);
    const chB = await createEntity(server, 'CH Durance', server.rootEntityId);
    await createEntity(server, 'Pédiatrie', chB);
  });
  after(() => server.close());

  const entitiesOfTickets = async () => {
    const rows = await server.handle.db.selectFrom('tickets').innerJoin('entities', 'entities.id', 'tickets.entity_id').select('entities.complete_name').distinct().execute();
    return rows.map((row) => row.complete_name);
  };

  test('unknown entity fails import', async () => {
    const report = await run(server.handle, file, { entity: 'CH Inconnu', skipInvalid: true });
    assert.equal(report.failed, true);
    assert.deepEqual(report.errors.map((error) => error.code), ['entity_not_found']);
    assert.equal(await countRows(server.handle, 'tickets'), 0);
  });

  test('ambiguous name fails import', async () => {
    const report = await run(server.handle, file, { entity: 'Pédiatrie' });
    assert.equal(report.failed, true);
    assert.deepEqual(report.errors.map((error) => error.code), ['ambiguous_entity']);
    assert.equal(await countRows(server.handle, 'tickets'), 0);
  });

  test('entity found by name', async () => {
    const report = await run(server.handle, file, { entity: 'CH Alpilles' });
    assert.equal(report.created, 3);
    assert.deepEqual(await entitiesOfTickets(), [`${await rootName(server)} > CH Alpilles`]);
  });

  test('entity found by complete name', async () => {
    const target = `${await rootName(server)} > CH Durance > Pédiatrie`;
    const report = await run(server.handle, file, { entity: target });
    assert.equal(report.updated, 3);
    assert.deepEqual(await entitiesOfTickets(), [target]);
  });

  test('root entity without option', async () => {
    await run(server.handle, file);
    assert.deepEqual(await entitiesOfTickets(), [await rootName(server)]);
  });
});

async function rootName(server: TestServer): Promise<string> {
  const root = await server.handle.db.selectFrom('entities').select('complete_name').where('id', '=', server.rootEntityId).executeTakeFirstOrThrow();
  return root.complete_name;
}

describe('file columns', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('missing status column fails', async () => {
    const columns = GLPI_FULL_COLUMNS.filter((column) => column !== 'Statut');
    const report = await run(server.handle, Buffer.from(writeGlpiTicketCsv(generateRows(2), { columns })), { skipInvalid: true });
    assert.equal(report.failed, true);
    assert.deepEqual(report.errors.map((error) => [error.line, error.code, error.column]), [[1, 'missing_column', 'Statut']]);
    assert.equal(await countRows(server.handle, 'tickets'), 0);
  });

  test('missing title gets GLPI id', async () => {
    const columns = GLPI_FULL_COLUMNS.filter((column) => column !== 'Titre');
    await run(server.handle, Buffer.from(writeGlpiTicketCsv(generateRows(1), { columns })));
    const ticket = await server.handle.db.selectFrom('tickets').select(['title', 'description']).where('external_ref', '=', 'glpi:1').executeTakeFirstOrThrow();
    assert.equal(ticket.title, 'Ticket GLPI 1');
    assert.equal(ticket.description, 'Ticket GLPI 1');
  });

  test('update keeps columns file lacks', async () => {
    // Row index 3 is a solved ticket with a group.
    const full = generateRows(4).slice(3);
    await run(server.handle, Buffer.from(writeGlpiTicketCsv(full)));
    const columns = GLPI_FULL_COLUMNS.filter((column) => !['Date de résolution', 'Attribué à - Groupe de techniciens', 'Titre'].includes(column));
    const changed = full.map((row) => ({ ...row, status: 'closed' as const }));
    const report = await run(server.handle, Buffer.from(writeGlpiTicketCsv(changed, { columns })));
    const ticket = await server.handle.db.selectFrom('tickets').select(['id', 'status', 'title', 'solved_at']).where('external_ref', '=', 'glpi:4').executeTakeFirstOrThrow();
    const groups = await server.handle.db.selectFrom('ticket_actors').select('group_id').where('ticket_id', '=', ticket.id).where('group_id', 'is not', null).execute();
    assert.equal(report.updated, 1);
    assert.equal(ticket.status, 'closed');
    assert.equal(ticket.title, full[0]?.title);
    assert.notEqual(ticket.solved_at, null);
    assert.equal(ticket.solved_at, full[0]?.solvedAt);
    assert.equal(groups.length, 1);
  });
});
