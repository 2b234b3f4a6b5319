import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseGlpiTicketCsv } from './glpi-csv.js';
import type { GlpiCsvError, GlpiCsvParseResult } from './glpi-csv.js';

const HEADER = ['ID', 'Titre', 'Statut', "Date d'ouverture", 'Priorité', 'Demandeur - Demandeur'];

/** Builds a file the way GLPI does: BOM, quoted cells, trailing separator, LF. */
function glpiFile(lines: readonly (readonly string[])[], delimiter = ';'): string {
  const body = lines.map((cells) => cells.map((cell) => `"${cell}"${delimiter}`).join('')).join('\n');
  return `\uFEFF${body}\n`;
}

function validRow(id: string): string[] {
  return [id, `Ticket ${id}`, 'Nouveau', '2026-01-15 09:30', 'Moyenne', 'Durand Claire'];
}

function onlyError(result: GlpiCsvParseResult): GlpiCsvError {
  assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
  const [error] = result.errors;
  assert.ok(error);
  return error;
}

describe('row errors', () => {
  test('unknown status label', () => {
    const row = validRow('3');
    row[2] = 'Fermé';
    const result = parseGlpiTicketCsv(glpiFile([HEADER, validRow('1'), row, validRow('2')]));
    const error = onlyError(result);
    assert.equal(error.line, 3);
    assert.equal(error.column, 'Statut');
    assert.equal(error.code, 'invalid_label');
    assert.match(error.message.fr, /Fermé/);
    assert.match(error.message.en, /Fermé/);
    assert.deepEqual(result.rows.map((kept) => kept.glpiId), [1, 2]);
  });

  test('impossible date', () => {
    const row = validRow('2');
    row[3] = '2026-13-45 10:00';
    const error = onlyError(parseGlpiTicketCsv(glpiFile([HEADER, validRow('1'), row])));
    assert.equal(error.line, 3);
    assert.equal(error.column, "Date d'ouverture");
    assert.equal(error.code, 'invalid_date');
  });

  test('date in other order', () => {
    const row = validRow('2');
    row[3] = '15-01-2026 09:30';
    const result = parseGlpiTicketCsv(glpiFile([HEADER, validRow('1'), row]));
    const error = onlyError(result);
    assert.equal(result.dateOrder, 'ymd');
    assert.equal(error.line, 3);
    assert.equal(error.code, 'invalid_date');
  });

  test('missing field', () => {
    const short = validRow('2').slice(0, -1);
    const result = parseGlpiTicketCsv(glpiFile([HEADER, validRow('1'), short, validRow('3')]));
    const error = onlyError(result);
    assert.equal(error.line, 3);
    assert.equal(error.code, 'field_count');
    assert.deepEqual(result.rows.map((kept) => kept.glpiId), [1, 3]);
  });

  test('duplicate id', () => {
    const result = parseGlpiTicketCsv(glpiFile([HEADER, validRow('7'), validRow('8'), validRow('7')]));
    const error = onlyError(result);
    assert.equal(error.line, 4);
    assert.equal(error.code, 'duplicate_id');
    assert.match(error.message.en, /line 2/);
    assert.deepEqual(result.rows.map((kept) => kept.line), [2, 3]);
  });

  test('non-numeric id', () => {
    const error = onlyError(parseGlpiTicketCsv(glpiFile([HEADER, validRow('12a')])));
    assert.equal(error.line, 2);
    assert.equal(error.column, 'ID');
    assert.equal(error.code, 'invalid_id');
  });

  test('badly grouped id', () => {
    const error = onlyError(parseGlpiTicketCsv(glpiFile([HEADER, validRow('14 29')])));
    assert.equal(error.code, 'invalid_id');
  });

  test('empty required cell', () => {
    const row = validRow('1');
    row[2] = '';
    const error = onlyError(parseGlpiTicketCsv(glpiFile([HEADER, row])));
    assert.equal(error.column, 'Statut');
    assert.equal(error.code, 'missing_value');
  });

  test('every bad cell reported', () => {
    const row = validRow('1');
    row[2] = 'Fermé';
    row[4] = 'Urgente';
    const result = parseGlpiTicketCsv(glpiFile([HEADER, row]));
    assert.deepEqual(
      result.errors.map((error) => error.column),
      ['Statut', 'Priorité'],
    );
    assert.equal(result.rows.length, 0);
  });

  test('unclosed quote spares next line', () => {
    const text = glpiFile([HEADER, validRow('1')]) + '"2";"Titre sans fin;"Nouveau";\n' + glpiFile([validRow('3')]).slice(1);
    const result = parseGlpiTicketCsv(text);
    const error = onlyError(result);
    assert.equal(error.line, 3);
    assert.equal(error.code, 'csv_syntax');
    assert.deepEqual(result.rows.map((kept) => kept.glpiId), [1, 3]);
    assert.equal(result.rows[1]?.line, 4);
  });

  test('quote open at line end', () => {
    const text = glpiFile([HEADER, validRow('1')]) + '"2";"Titre sans fin;\n' + glpiFile([validRow('3')]).slice(1);
    const result = parseGlpiTicketCsv(text);
    const error = onlyError(result);
    assert.equal(error.line, 3);
    assert.equal(error.code, 'csv_syntax');
    assert.match(error.message.en, /not closed/);
    assert.deepEqual(result.rows.map((kept) => kept.glpiId), [1, 3]);
  });

  test('messages in both languages', () => {
    const row = validRow('1');
    row[3] = 'hier';
    const error = onlyError(parseGlpiTicketCsv(glpiFile([HEADER, row])));
    assert.match(error.message.fr, /AAAA-MM-JJ HH:MM/);
    assert.match(error.message.en, /YYYY-MM-DD HH:MM/);
    assert.notEqual(error.message.fr, error.message.en);
  });
});

describe('file-level errors', () => {
  test('unknown column skipped', () => {
    const header = [...HEADER.slice(0, 2), 'Source de la demande', ...HEADER.slice(2)];
    const row = [...validRow('1').slice(0, 2), 'Helpdesk', ...validRow('1').slice(2)];
    const result = parseGlpiTicketCsv(glpiFile([header, row]));
    assert.deepEqual(result.unknownColumns, ['Source de la demande']);
    assert.deepEqual(result.errors, []);
    assert.equal(result.rows[0]?.status, 'new');
    assert.equal(result.rows[0]?.title, 'Ticket 1');
  });

  test('missing ID column', () => {
    const result = parseGlpiTicketCsv(glpiFile([HEADER.slice(1), validRow('1').slice(1)]));
    const error = onlyError(result);
    assert.equal(error.line, 1);
    assert.equal(error.code, 'missing_id_column');
    assert.deepEqual(result.rows, []);
  });

  test('column read twice', () => {
    const result = parseGlpiTicketCsv(glpiFile([['ID', 'TTR', 'Temps de solution'], ['1', '', '']]));
    const error = onlyError(result);
    assert.equal(error.line, 1);
    assert.equal(error.column, 'Temps de solution');
    assert.equal(error.code, 'duplicate_column');
    assert.equal(result.rows[0]?.ttrDueAt, null);
  });

  test('empty file', () => {
    for (const input of ['', '\uFEFF', '\n\n', Buffer.alloc(0)]) {
      const result = parseGlpiTicketCsv(input);
      const error = onlyError(result);
      assert.equal(error.code, 'empty_file');
      assert.deepEqual(result.rows, []);
    }
  });

  test('header only', () => {
    const result = parseGlpiTicketCsv(glpiFile([HEADER]));
    assert.deepEqual(result.rows, []);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.unknownColumns, []);
  });

  test('invalid UTF-8', () => {
    const latin1 = Buffer.from('"ID";"Titre";\n"1";"\xe9cran";\n', 'latin1');
    const error = onlyError(parseGlpiTicketCsv(latin1));
    assert.equal(error.code, 'invalid_encoding');
  });

  test('month-first dates rejected', () => {
    const first = validRow('1');
    first[3] = '01-05-2026 09:30';
    const second = validRow('2');
    second[3] = '01-25-2026 09:30';
    const result = parseGlpiTicketCsv(glpiFile([HEADER, first, second]));
    const error = onlyError(result);
    assert.equal(error.code, 'unsupported_date_order');
    assert.equal(error.line, 3);
    assert.deepEqual(result.rows, []);
  });

  test('one odd day-first cell', () => {
    const first = validRow('1');
    first[3] = '25-12-2026 09:30';
    const second = validRow('2');
    second[3] = '04-13-2026 09:30';
    const result = parseGlpiTicketCsv(glpiFile([HEADER, first, second]));
    const error = onlyError(result);
    assert.equal(result.dateOrder, 'dmy');
    assert.equal(error.code, 'invalid_date');
    assert.equal(error.line, 3);
    assert.equal(result.rows[0]?.openedAt, '2026-12-25T08:30:00.000Z');
  });

  test('unknown time zone throws', () => {
    assert.throws(() => parseGlpiTicketCsv(glpiFile([HEADER]), { timeZone: 'Mars/Olympus' }), RangeError);
  });
});

describe('format details', () => {
  test('separator inside quoted title', () => {
    const row = validRow('1');
    row[1] = 'Poste ; écran, clavier';
    for (const delimiter of [';', ',']) {
      const result = parseGlpiTicketCsv(glpiFile([HEADER, row], delimiter));
      assert.equal(result.delimiter, delimiter);
      assert.deepEqual(result.errors, []);
      assert.equal(result.rows[0]?.title, 'Poste ; écran, clavier');
      assert.deepEqual(result.rows[0]?.requesters, [{ name: 'Durand Claire' }]);
    }
  });

  test('blank and CRLF lines', () => {
    const text = glpiFile([HEADER, validRow('1'), [], validRow('2')]).replaceAll('\n', '\r\n');
    const result = parseGlpiTicketCsv(text);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.rows.map((row) => row.line), [2, 4]);
  });

  test('entities decoded once', () => {
    const row = validRow('1');
    row[1] = 'A &amp; B &lt;C&gt; & D';
    const result = parseGlpiTicketCsv(glpiFile([HEADER, row]));
    assert.equal(result.rows[0]?.title, 'A & B <C> & D');
  });

  test('login that looks like e-mail', () => {
    const row = validRow('1');
    row[5] = 'jdupont@chu.example <br>alerte@chu.example<br>';
    const result = parseGlpiTicketCsv(glpiFile([HEADER, row]));
    assert.deepEqual(result.rows[0]?.requesters, [{ name: 'jdupont@chu.example' }, { email: 'alerte@chu.example' }]);
  });

  test('large id with separators', () => {
    const result = parseGlpiTicketCsv(glpiFile([HEADER, validRow('1 234 567')]));
    assert.equal(result.rows[0]?.glpiId, 1234567);
  });
});
