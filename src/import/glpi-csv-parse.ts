// Parser for the CSV that GLPI 10.0.x writes from its ticket list ("Exporter > CSV").
// It only reads and normalises: writing the tickets into the database is another step.

import { parseGlpiId } from './glpi-csv-cells.js';
import { assertTimeZone, createGlpiDateParser, detectGlpiDateOrder } from './glpi-csv-dates.js';
import type { GlpiDateOrder } from './glpi-csv-dates.js';
import { glpiCsvMessages } from './glpi-csv-errors.js';
import type { GlpiCsvError } from './glpi-csv-errors.js';
import { DATE_FIELDS, FIELD_DECODERS } from './glpi-csv-fields.js';
import type { CellContext, GlpiTicketRow } from './glpi-csv-fields.js';
import { decodeCsvInput, detectDelimiter, firstNonBlankLine, readCsvRecords } from './glpi-csv-records.js';
import type { CsvRecord, GlpiCsvDelimiter } from './glpi-csv-records.js';
import { GLPI_TICKET_COLUMNS, isGlpiColumnLabel } from './glpi-labels.js';
import type { GlpiRecordField } from './glpi-labels.js';

export interface GlpiCsvParseOptions {
  /** IANA time zone of the GLPI server's wall-clock dates, 'Europe/Paris' by default. */
  timeZone?: string;
}

export interface GlpiCsvParseResult {
  /** Rows without any problem, in file order. A row with a problem is left out and reported in `errors`. */
  rows: GlpiTicketRow[];
  errors: GlpiCsvError[];
  /** Headers that this parser does not read. Their cells are skipped. */
  unknownColumns: string[];
  delimiter: GlpiCsvDelimiter;
  dateOrder: GlpiDateOrder;
}

interface ColumnBinding {
  index: number;
  header: string;
  field: GlpiRecordField;
}

/** Position and content of one cell, for a file-level error. */
interface CellRef {
  line: number;
  column: string;
  cell: string;
}

/** Date order of the file and the converter of its date cells. */
type DateReading = Omit<CellContext, 'header'>;

interface HeaderLayout {
  bindings: ColumnBinding[];
  unknownColumns: string[];
  /** Number of cells every row must have, the trailing empty one included. */
  cellCount: number;
  errors: GlpiCsvError[];
}

/** Maps each header to a record field, reporting unknown headers and headers read twice. */
function readHeader(header: CsvRecord): HeaderLayout {
  const labels = header.cells.map((cell) => cell.trim());
  // GLPI ends every line with the separator, which leaves an empty last header.
  if (labels.length > 1 && labels.at(-1) === '') labels.pop();

  const bindings: ColumnBinding[] = [];
  const unknownColumns: string[] = [];
  const errors: GlpiCsvError[] = [];
  labels.forEach((label, index) => {
    if (!isGlpiColumnLabel(label)) {
      unknownColumns.push(label);
      return;
    }
    const field = GLPI_TICKET_COLUMNS[label];
    const first = bindings.find((binding) => binding.field === field);
    if (first === undefined) {
      bindings.push({ index, header: label, field });
    } else {
      errors.push({
        line: header.line,
        column: label,
        code: 'duplicate_column',
        message: glpiCsvMessages.duplicateColumn(label, first.header),
      });
    }
  });
  return { bindings, unknownColumns, cellCount: header.cells.length, errors };
}

/**
 * Detects the date order from the first date cell: four leading digits mean Y-M-D, two mean
 * D-M-Y. GLPI can also write M-D-Y, so a two-digit file is rejected as M-D-Y when some middle
 * group exceeds 12 and no first group does. Otherwise the odd cells fail their own rows.
 * NOTE: an M-D-Y file whose days all stay at 12 or below is read as D-M-Y, without any error.
 */
function detectDateOrder(records: CsvRecord[], bindings: ColumnBinding[]): { order: GlpiDateOrder; monthFirst?: CellRef } {
  const dateColumns = bindings.filter((binding) => DATE_FIELDS.has(binding.field));
  let order: GlpiDateOrder | undefined;
  let dayFirstSeen = false;
  let monthFirst: CellRef | undefined;

  for (const record of records) {
    for (const column of dateColumns) {
      const cell = record.cells[column.index]?.trim() ?? '';
      const shape = detectGlpiDateOrder(cell);
      if (shape === undefined) continue;

      order ??= shape === 'ymd' ? 'ymd' : 'dmy';
      if (order === 'ymd') return { order };
      if (shape === 'dmy') dayFirstSeen = true;
      if (shape === 'mdy') monthFirst ??= { line: record.line, column: column.header, cell };
    }
  }
  if (monthFirst !== undefined && !dayFirstSeen) return { order: 'dmy', monthFirst };
  return { order: order ?? 'ymd' };
}

/** Converts one data record, or returns the problems that keep it out of the result. */
function convertRecord(record: CsvRecord, layout: HeaderLayout, dates: DateReading): GlpiTicketRow | GlpiCsvError[] {
  if (record.cells.length !== layout.cellCount) {
    return [{ line: record.line, code: 'field_count', message: glpiCsvMessages.fieldCount(record.cells.length, layout.cellCount) }];
  }

  const row: Record<string, unknown> = { line: record.line };
  const errors: GlpiCsvError[] = [];
  for (const binding of layout.bindings) {
    const context: CellContext = { header: binding.header, ...dates };
    const decoded = FIELD_DECODERS[binding.field](record.cells[binding.index] ?? '', context);
    if (decoded.ok) {
      row[binding.field] = decoded.value;
    } else {
      errors.push({ line: record.line, column: binding.header, code: decoded.code, message: decoded.message });
    }
  }
  // The ID column is always bound (its absence stops the parse earlier), so `glpiId` is set here.
  return errors.length > 0 ? errors : (row as unknown as GlpiTicketRow);
}

function fileFailure(error: GlpiCsvError, delimiter: GlpiCsvDelimiter = ';'): GlpiCsvParseResult {
  return { rows: [], errors: [error], unknownColumns: [], delimiter, dateOrder: 'ymd' };
}

/**
 * Parses a GLPI ticket-list CSV export. Every problem is reported with its line, and a row with
 * any problem is left out of `rows`, so the caller decides whether the whole file fails.
 * Throws a RangeError only for an unknown `timeZone` option.
 */
export function parseGlpiTicketCsv(input: Buffer | string, options: GlpiCsvParseOptions = {}): GlpiCsvParseResult {
  const timeZone = options.timeZone ?? 'Europe/Paris';
  assertTimeZone(timeZone);

  const text = decodeCsvInput(input);
  if (text === undefined) return fileFailure({ line: 1, code: 'invalid_encoding', message: glpiCsvMessages.invalidEncoding() });
  const headerLine = firstNonBlankLine(text);
  if (headerLine === undefined) return fileFailure({ line: 1, code: 'empty_file', message: glpiCsvMessages.emptyFile() });

  const delimiter = detectDelimiter(headerLine.content);
  const { records, problems } = readCsvRecords(text, delimiter);
  const errors: GlpiCsvError[] = problems.map((problem) => ({
    line: problem.line,
    code: 'csv_syntax',
    message: glpiCsvMessages.csvSyntax(problem.unclosedQuote),
  }));
  const [header, ...dataRecords] = records;
  if (header === undefined || header.line !== headerLine.line) {
    // The header line itself is unreadable: its syntax error is already in `errors`.
    return { rows: [], errors, unknownColumns: [], delimiter, dateOrder: 'ymd' };
  }

  const layout = readHeader(header);
  errors.push(...layout.errors);
  const result: GlpiCsvParseResult = { rows: [], errors, unknownColumns: layout.unknownColumns, delimiter, dateOrder: 'ymd' };
  if (!layout.bindings.some((binding) => binding.field === 'glpiId')) {
    errors.push({
      line: header.line,
      column: 'ID',
      code: 'missing_id_column',
      message: glpiCsvMessages.missingIdColumn(),
    });
    return result;
  }

  const { order, monthFirst } = detectDateOrder(dataRecords, layout.bindings);
  result.dateOrder = order;
  if (monthFirst !== undefined) {
    errors.push({
      line: monthFirst.line,
      column: monthFirst.column,
      code: 'unsupported_date_order',
      message: glpiCsvMessages.unsupportedDateOrder(monthFirst.cell),
    });
    return result;
  }

  convertRecords(dataRecords, layout, { dateOrder: order, parseDate: createGlpiDateParser(timeZone, order) }, result);
  errors.sort((a, b) => a.line - b.line);
  return result;
}

/** Reads the ticket ID of a record whose cells line up with the header, or returns undefined. */
function readRecordId(record: CsvRecord, layout: HeaderLayout, idIndex: number): number | undefined {
  if (record.cells.length !== layout.cellCount) return undefined;
  return parseGlpiId(record.cells[idIndex] ?? '');
}

/** Converts the data records into `result`, reporting a ticket ID already seen on an earlier line. */
function convertRecords(records: CsvRecord[], layout: HeaderLayout, dates: DateReading, result: GlpiCsvParseResult): void {
  const idIndex = layout.bindings.find((binding) => binding.field === 'glpiId')?.index ?? 0;
  const firstLineById = new Map<number, number>();

  for (const record of records) {
    const converted = convertRecord(record, layout, dates);
    if (Array.isArray(converted)) result.errors.push(...converted);

    // A duplicate is reported even when either line has other problems.
    const id = readRecordId(record, layout, idIndex);
    const firstLine = id === undefined ? undefined : firstLineById.get(id);
    if (id !== undefined && firstLine !== undefined) {
      result.errors.push({
        line: record.line,
        column: 'ID',
        code: 'duplicate_id',
        message: glpiCsvMessages.duplicateId(id, firstLine),
      });
      continue;
    }
    if (id !== undefined) firstLineById.set(id, record.line);

    if (!Array.isArray(converted)) result.rows.push(converted);
  }
}
