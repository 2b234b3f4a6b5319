import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { GLPI_FULL_COLUMNS, parseGlpiTicketCsv, writeGlpiTicketCsv } from './glpi-csv.js';
import type { GlpiColumnLabel, GlpiCsvWriteRow, GlpiTicketRow } from './glpi-csv.js';

const DATA_DIR = new URL('../../../shared/data/glpi/', import.meta.url);

const DEFAULT_VIEW_COLUMNS: readonly GlpiColumnLabel[] = [
  'ID',
  'Titre',
  'Statut',
  'Dernière modification',
  "Date d'ouverture",
  'Priorité',
  'Demandeur - Demandeur',
  'Attribué à - Technicien',
  'Catégorie',
  'TTR',
];

function sampleRow(glpiId: number): GlpiCsvWriteRow {
  return {
    glpiId,
    title: `Imprimante "accueil" n°${glpiId} ; bac 2 & 3 <RDC>`,
    entityPath: ['Entité racine', 'GH Luberon', 'EHPAD du Parc'],
    status: 'solved',
    openedAt: '2026-07-08T06:40:00.000Z',
    updatedAt: '2026-12-04T19:39:00.000Z',
    priority: 6,
    urgency: 5,
    impact: 1,
    type: 'request',
    requesters: [{ name: "N'Diaye Aurélie" }, { email: 'famille.garcia@example.org' }],
    technicians: ['tech', 'Gauthier Élodie'],
    groups: ['Support N2', 'Support N3'],
    categoryPath: ['Panne matérielle', 'Imprimante'],
    locationPath: ['Bâtiment A', 'Urgences'],
    solvedAt: '2026-10-25T01:30:00.000Z',
    closedAt: null,
  };
}

function withLines(rows: readonly GlpiCsvWriteRow[]): GlpiTicketRow[] {
  return rows.map((row, index) => ({ ...row, line: index + 2 }));
}

describe('writeGlpiTicketCsv', () => {
  test('rewrites luberon export byte for byte', () => {
    const original = readFileSync(new URL('tickets-luberon.csv', DATA_DIR), 'utf8');
    const rows = parseGlpiTicketCsv(original).rows;
    assert.equal(writeGlpiTicketCsv(rows, { columns: GLPI_FULL_COLUMNS }), original);
  });

  test('rewrites dmy comma export byte for byte', () => {
    const original = readFileSync(new URL('tickets-dmy-comma.csv', DATA_DIR), 'utf8');
    const rows = parseGlpiTicketCsv(original).rows;
    const written = writeGlpiTicketCsv(rows, { columns: DEFAULT_VIEW_COLUMNS, delimiter: ',', dateOrder: 'dmy' });
    assert.equal(written, original);
  });

  test('writes GLPI envelope', () => {
    const text = writeGlpiTicketCsv([sampleRow(14292)], { columns: ['ID', 'Titre', 'Attribué à - Groupe de techniciens'] });
    assert.ok(text.startsWith('\uFEFF"ID";"Titre";"Attribué à - Groupe de techniciens";\n'));
    assert.ok(text.endsWith('"Support N2<br>Support N3";\n'));
    assert.match(text, /^"14 292";"Imprimante ''accueil'' n°14292 ; bac 2 & 3 <RDC>";/m);
  });

  test('round trip keeps records', () => {
    const rows = [sampleRow(1), sampleRow(999), sampleRow(14292)];
    for (const dateOrder of ['ymd', 'dmy'] as const) {
      for (const delimiter of [';', ','] as const) {
        const text = writeGlpiTicketCsv(rows, { dateOrder, delimiter });
        const result = parseGlpiTicketCsv(text);
        assert.deepEqual(result.errors, []);
        assert.equal(result.delimiter, delimiter);
        assert.equal(result.dateOrder, dateOrder);
        assert.deepEqual(result.rows, withLines(rows));
      }
    }
  });

  test('round trip in another zone', () => {
    const rows = [sampleRow(5)];
    const text = writeGlpiTicketCsv(rows, { timeZone: 'America/Martinique' });
    assert.match(text, /"2026-07-08 02:40"/);
    assert.deepEqual(parseGlpiTicketCsv(text, { timeZone: 'America/Martinique' }).rows, withLines(rows));
  });

  test('thousand rows with five bad', () => {
    const rows: GlpiCsvWriteRow[] = [];
    for (let id = 1; id <= 1000; id++) rows.push(sampleRow(id));
    const badCells: [number, GlpiCsvWriteRow['rawCells'], string][] = [
      [10, { Statut: 'Fermé' }, 'invalid_label'],
      [200, { "Date d'ouverture": '2026-02-30 10:00' }, 'invalid_date'],
      [350, { ID: 'n/a' }, 'invalid_id'],
      [600, { ID: '14 292' }, 'duplicate_id'],
      [999, { Impact: 'Moyenne' }, 'invalid_label'],
    ];
    for (const [index, rawCells] of badCells) {
      const row = rows[index];
      assert.ok(row);
      row.rawCells = rawCells;
    }
    rows[0] = sampleRow(14292);

    const result = parseGlpiTicketCsv(writeGlpiTicketCsv(rows));
    assert.equal(result.rows.length, 995);
    assert.deepEqual(
      result.errors.map((error) => [error.line, error.code]),
      badCells.map(([index, , code]) => [index + 2, code]),
    );
  });
});
