import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { GLPI_STATUS_LABELS_FR, parseGlpiTicketCsv } from './glpi-csv.js';
import type { GlpiCsvParseResult, GlpiTicketRow } from './glpi-csv.js';

// Real GLPI 10.0.18 exports (invented data), read-only, outside the repository.
const DATA_DIR = new URL('../../../shared/data/glpi/', import.meta.url);

function readRaw(file: string): Buffer {
  return readFileSync(new URL(file, DATA_DIR));
}

function parseFile(file: string): GlpiCsvParseResult {
  return parseGlpiTicketCsv(readRaw(file));
}

function findTicket(result: GlpiCsvParseResult, glpiId: number): GlpiTicketRow {
  const row = result.rows.find((candidate) => candidate.glpiId === glpiId);
  assert.ok(row, `ticket ${glpiId} is missing`);
  return row;
}

function withoutLine(row: GlpiTicketRow): Omit<GlpiTicketRow, 'line'> {
  const { line: _line, ...rest } = row;
  return rest;
}

describe('real GLPI exports', () => {
  const expectations = [
    { file: 'tickets.csv', rows: 175, delimiter: ';', dateOrder: 'ymd' },
    { file: 'tickets-default-view.csv', rows: 138, delimiter: ';', dateOrder: 'ymd' },
    { file: 'tickets-dmy-comma.csv', rows: 175, delimiter: ',', dateOrder: 'dmy' },
    { file: 'tickets-luberon.csv', rows: 62, delimiter: ';', dateOrder: 'ymd' },
    { file: 'tickets-luberon-default.csv', rows: 62, delimiter: ';', dateOrder: 'ymd' },
  ] as const;

  for (const expected of expectations) {
    test(`${expected.file} parses cleanly`, () => {
      const result = parseFile(expected.file);
      assert.equal(result.rows.length, expected.rows);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.unknownColumns, []);
      assert.equal(result.delimiter, expected.delimiter);
      assert.equal(result.dateOrder, expected.dateOrder);
    });
  }

  test('row line numbers follow file', () => {
    const rows = parseFile('tickets.csv').rows;
    assert.equal(rows[0]?.line, 2);
    assert.equal(rows.at(-1)?.line, 176);
    assert.equal(rows.at(-1)?.glpiId, 1);
  });
});

describe('tickets.csv records', () => {
  const result = parseFile('tickets.csv');

  test('ticket 179 edge cases', () => {
    const ticket = findTicket(result, 179);
    // GLPI writes `"` as `''`: the parser turns it back into `"`.
    assert.equal(ticket.title, 'Écran "noir" au poste IOA ; urgent');
    assert.equal(ticket.status, 'assigned');
    assert.equal(ticket.priority, 5);
    assert.deepEqual(ticket.requesters, [{ name: 'Durand Claire' }, { name: 'Moreau Marc' }]);
    assert.deepEqual(ticket.technicians, ['tech', 'Gauthier Élodie']);
    assert.deepEqual(ticket.categoryPath, ['Matériel', 'Poste de travail']);
    assert.equal(ticket.ttrDueAt, null);
  });

  test('ticket 180 keeps markup characters', () => {
    const ticket = findTicket(result, 180);
    assert.equal(ticket.title, 'Imprimante <RDC> & étage 2 (50% des pages blanches)');
    assert.deepEqual(ticket.requesters, [{ name: 'Lefebvre Sophie' }]);
    assert.deepEqual(ticket.technicians, []);
    assert.deepEqual(ticket.categoryPath, []);
  });

  test('winter date converts to UTC', () => {
    // Raw cells: opened "2026-10-29 07:10", after the switch to UTC+1 on 2026-10-25.
    const ticket = findTicket(result, 12);
    assert.equal(ticket.openedAt, '2026-10-29T06:10:00.000Z');
    assert.equal(ticket.updatedAt, '2026-12-04T19:37:00.000Z');
  });

  test('status counts match raw text', () => {
    const text = readRaw('tickets.csv').toString('utf8');
    const parsedCounts = new Map<string, number>();
    for (const row of result.rows) {
      assert.ok(row.status);
      parsedCounts.set(row.status, (parsedCounts.get(row.status) ?? 0) + 1);
    }

    let total = 0;
    for (const [status, label] of Object.entries(GLPI_STATUS_LABELS_FR)) {
      // Statut is the third column of this file: count its whole cells in the raw text.
      const pattern = new RegExp(`^"[^"]*";"[^"]*";"${label.replace(/[()]/g, '\\$&')}";`, 'gm');
      const rawCount = text.match(pattern)?.length ?? 0;
      total += rawCount;
      assert.equal(parsedCounts.get(status) ?? 0, rawCount, `count of ${label}`);
    }
    assert.equal(total, 175);
  });

  test('status counts are the known ones', () => {
    const count = (status: string): number => result.rows.filter((row) => row.status === status).length;
    assert.equal(count('new'), 66);
    assert.equal(count('assigned'), 53);
    assert.equal(count('planned'), 0);
    assert.equal(count('waiting'), 19);
    assert.equal(count('solved'), 13);
    assert.equal(count('closed'), 24);
  });

  test('dmy comma file gives same records', () => {
    const commaResult = parseFile('tickets-dmy-comma.csv');
    assert.deepEqual(
      commaResult.rows.map((row) => row.glpiId),
      result.rows.map((row) => row.glpiId),
    );
    assert.deepEqual(commaResult.rows, result.rows);
  });

  test('default view is the open subset', () => {
    const openStatuses = new Set(['new', 'assigned', 'planned', 'waiting']);
    const openRows = result.rows.filter((row) => row.status !== undefined && openStatuses.has(row.status));
    const defaultView = parseFile('tickets-default-view.csv').rows;
    assert.deepEqual(defaultView.map(withoutLine), openRows.map(withoutLine));
  });
});

describe('tickets-luberon.csv records', () => {
  const result = parseFile('tickets-luberon.csv');

  test('ID with thousands separator', () => {
    const ticket = findTicket(result, 14292);
    assert.equal(ticket.line, 2);
    assert.deepEqual(ticket.entityPath, ['Entité racine', 'GH Luberon', 'CH de Valbonne']);
    assert.deepEqual(ticket.categoryPath, ['Panne matérielle', 'Ordinateur']);
    assert.deepEqual(ticket.locationPath, ['Bâtiment A', 'Urgences']);
    assert.equal(ticket.urgency, 3);
    assert.equal(ticket.impact, 3);
    assert.equal(ticket.type, 'incident');
    assert.equal(ticket.solvedAt, null);
    assert.equal(ticket.closedAt, null);
  });

  test('quotes and ampersand in title', () => {
    const ticket = findTicket(result, 14291);
    assert.equal(ticket.title, 'Imprimante "accueil" : "Papier A4 vide" alors que le bac est plein ; idem bacs 2 & 3');
    assert.equal(ticket.priority, 2);
    assert.equal(ticket.impact, 2);
    assert.deepEqual(ticket.locationPath, ['Accueil EHPAD']);
  });

  test('e-mail-only requester', () => {
    const ticket = findTicket(result, 14263);
    assert.deepEqual(ticket.requesters, [{ name: "N'Diaye Aurélie" }, { email: 'famille.garcia@example.org' }]);
    assert.equal(ticket.type, 'request');
    assert.equal(ticket.status, 'closed');
  });

  test('groups joined without space', () => {
    const ticket = findTicket(result, 14261);
    assert.deepEqual(ticket.groups, ['Support N2', 'Support N3']);
    assert.deepEqual(ticket.technicians, ['Caron Olivier', 'Vasseur Léa']);
    assert.deepEqual(ticket.categoryPath, ['Panne logicielle', 'Application métier']);
  });

  test('summer and winter dates', () => {
    // Raw cells of 14261 (summer, UTC+2): opened "2026-07-08 08:40", solved "2026-07-08 11:46".
    const summer = findTicket(result, 14261);
    assert.equal(summer.openedAt, '2026-07-08T06:40:00.000Z');
    assert.equal(summer.solvedAt, '2026-07-08T09:46:00.000Z');
    // Raw cells of 14247 (winter, UTC+1): opened "2025-12-17 09:35", closed "2025-12-24 10:00".
    const winter = findTicket(result, 14247);
    assert.equal(winter.openedAt, '2025-12-17T08:35:00.000Z');
    assert.equal(winter.closedAt, '2025-12-24T09:00:00.000Z');
  });

  test('timeZone option shifts instants', () => {
    const utcResult = parseGlpiTicketCsv(readRaw('tickets-luberon.csv'), { timeZone: 'UTC' });
    assert.equal(findTicket(utcResult, 14261).openedAt, '2026-07-08T08:40:00.000Z');
  });

  test('default columns agree with full', () => {
    const defaultColumns = parseFile('tickets-luberon-default.csv');
    assert.equal(defaultColumns.rows.length, result.rows.length);
    for (const row of defaultColumns.rows) {
      const full = findTicket(result, row.glpiId);
      assert.equal(row.title, full.title, `title of ${row.glpiId}`);
      assert.equal(row.status, full.status, `status of ${row.glpiId}`);
      assert.equal(row.openedAt, full.openedAt, `openedAt of ${row.glpiId}`);
      assert.deepEqual(row.requesters, full.requesters, `requesters of ${row.glpiId}`);
      assert.deepEqual(row.entityPath, full.entityPath, `entity of ${row.glpiId}`);
    }
  });
});
