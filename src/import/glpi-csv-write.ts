// Writer of ticket-list CSV files in GLPI 10.0.x's export format, for tests and benchmarks.

import { formatGlpiId } from './glpi-csv-cells.js';
import type { GlpiRequester } from './glpi-csv-cells.js';
import { assertTimeZone, formatGlpiDate } from './glpi-csv-dates.js';
import type { GlpiDateOrder } from './glpi-csv-dates.js';
import type { GlpiTicketRow } from './glpi-csv-fields.js';
import type { GlpiCsvDelimiter } from './glpi-csv-records.js';
import {
  GLPI_FULL_COLUMNS,
  GLPI_IMPACT_LABELS_FR,
  GLPI_PRIORITY_LABELS_FR,
  GLPI_STATUS_LABELS_FR,
  GLPI_TICKET_COLUMNS,
  GLPI_TYPE_LABELS_FR,
  GLPI_URGENCY_LABELS_FR,
} from './glpi-labels.js';
import type { GlpiColumnLabel, GlpiRecordField } from './glpi-labels.js';

export interface GlpiCsvWriteOptions {
  delimiter?: GlpiCsvDelimiter;
  dateOrder?: GlpiDateOrder;
  /** IANA time zone of the wall-clock dates written, 'Europe/Paris' by default. */
  timeZone?: string;
  /** Columns in file order, by default the 17 columns of a full GLPI export. */
  columns?: readonly GlpiColumnLabel[];
}

/** A row to write. `rawCells` replaces the formatted text of some cells, to build invalid files. */
export type GlpiCsvWriteRow = Omit<GlpiTicketRow, 'line'> & {
  rawCells?: Partial<Record<GlpiColumnLabel, string>>;
};

const BYTE_ORDER_MARK = '\uFEFF';

/** Writes a `"` as GLPI does (two apostrophes) and flattens line breaks, which GLPI never exports. */
function encodeText(value: string): string {
  return value.replaceAll('"', "''").replace(/\r?\n/g, ' ');
}

/** Joins requesters as GLPI does: `Nom Prénom <br>` between users, `address<br>` after every e-mail. */
function formatRequesters(requesters: readonly GlpiRequester[]): string {
  let cell = '';
  requesters.forEach((requester, index) => {
    if (requester.name !== undefined) {
      cell += encodeText(requester.name);
      if (index < requesters.length - 1) cell += ' <br>';
    } else if (requester.email !== undefined) {
      cell += `${encodeText(requester.email)}<br>`;
    }
  });
  return cell;
}

function formatDate(instant: string | null | undefined, options: Required<Omit<GlpiCsvWriteOptions, 'columns'>>): string {
  return instant == null ? '' : formatGlpiDate(instant, options.dateOrder, options.timeZone);
}

function formatPath(path: readonly string[] | undefined): string {
  return (path ?? []).map(encodeText).join(' > ');
}

/** Formats the cell of one record field; an absent field gives an empty cell. */
function formatField(row: GlpiCsvWriteRow, field: GlpiRecordField, options: Required<Omit<GlpiCsvWriteOptions, 'columns'>>): string {
  switch (field) {
    case 'glpiId':
      return formatGlpiId(row.glpiId);
    case 'title':
      return encodeText(row.title ?? '');
    case 'entityPath':
    case 'categoryPath':
    case 'locationPath':
      return formatPath(row[field]);
    case 'status':
      return row.status === undefined ? '' : GLPI_STATUS_LABELS_FR[row.status];
    case 'type':
      return row.type === undefined ? '' : GLPI_TYPE_LABELS_FR[row.type];
    case 'priority':
      return row.priority === undefined ? '' : GLPI_PRIORITY_LABELS_FR[row.priority];
    case 'urgency':
      return row.urgency === undefined ? '' : GLPI_URGENCY_LABELS_FR[row.urgency];
    case 'impact':
      return row.impact === undefined ? '' : GLPI_IMPACT_LABELS_FR[row.impact];
    case 'openedAt':
    case 'updatedAt':
    case 'solvedAt':
    case 'closedAt':
    case 'ttrDueAt':
    case 'ttoDueAt':
      return formatDate(row[field], options);
    case 'requesters':
      return formatRequesters(row.requesters ?? []);
    case 'technicians':
      return (row.technicians ?? []).map(encodeText).join(' <br>');
    case 'groups':
      return (row.groups ?? []).map(encodeText).join('<br>');
  }
}

function formatLine(cells: readonly string[], delimiter: GlpiCsvDelimiter): string {
  // GLPI quotes every cell and ends every line, the header included, with the separator.
  return cells.map((cell) => `"${cell}"${delimiter}`).join('') + '\n';
}

/**
 * Writes rows as GLPI 10.0.x exports its ticket list: UTF-8 BOM, every cell quoted, a trailing
 * separator, LF line ends, `''` for `"`, `<br>` between values and wall-clock dates without
 * seconds. Returns the file content as a string, BOM included.
 */
export function writeGlpiTicketCsv(rows: readonly GlpiCsvWriteRow[], options: GlpiCsvWriteOptions = {}): string {
  const columns = options.columns ?? GLPI_FULL_COLUMNS;
  const formatOptions = {
    delimiter: options.delimiter ?? ';',
    dateOrder: options.dateOrder ?? 'ymd',
    timeZone: options.timeZone ?? 'Europe/Paris',
  };
  assertTimeZone(formatOptions.timeZone);

  const lines = [formatLine(columns, formatOptions.delimiter)];
  for (const row of rows) {
    const cells = columns.map((column) => row.rawCells?.[column] ?? formatField(row, GLPI_TICKET_COLUMNS[column], formatOptions));
    lines.push(formatLine(cells, formatOptions.delimiter));
  }
  return BYTE_ORDER_MARK + lines.join('');
}
