// Cell decoders for each record field of a GLPI ticket row, returning a value or the reason it failed.

import {
  parseGlpiId,
  splitGlpiList,
  splitGlpiPath,
  splitGlpiRequesters,
  decodeGlpiText,
} from './glpi-csv-cells.js';
import type { GlpiRequester } from './glpi-csv-cells.js';
import type { GlpiDateOrder } from './glpi-csv-dates.js';
import { glpiCsvMessages } from './glpi-csv-errors.js';
import type { GlpiCsvErrorCode, LocalizedMessage } from './glpi-csv-errors.js';
import {
  GLPI_IMPACT_LABELS_FR,
  GLPI_PRIORITY_LABELS_FR,
  GLPI_STATUS_LABELS_FR,
  GLPI_TYPE_LABELS_FR,
  GLPI_URGENCY_LABELS_FR,
  invertLabels,
} from './glpi-labels.js';
import type { GlpiLevel, GlpiPriority, GlpiRecordField, GlpiStatus, GlpiTicketType } from './glpi-labels.js';

/** One ticket of a GLPI ticket-list export. A field is absent when its column is not in the file. */
export interface GlpiTicketRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  glpiId: number;
  title?: string;
  entityPath?: string[];
  status?: GlpiStatus;
  type?: GlpiTicketType;
  priority?: GlpiPriority;
  urgency?: GlpiLevel;
  impact?: GlpiLevel;
  /** ISO 8601 UTC instants, converted from the GLPI server's wall-clock time. */
  openedAt?: string;
  updatedAt?: string;
  /** Null when the cell is empty: not solved, not closed, or no deadline. */
  solvedAt?: string | null;
  closedAt?: string | null;
  ttrDueAt?: string | null;
  ttoDueAt?: string | null;
  requesters?: GlpiRequester[];
  technicians?: string[];
  groups?: string[];
  categoryPath?: string[];
  locationPath?: string[];
}

export interface CellContext {
  header: string;
  dateOrder: GlpiDateOrder;
  /** Converts a date cell of the file to an ISO 8601 UTC instant, or returns undefined. */
  parseDate: (cell: string) => string | undefined;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; code: GlpiCsvErrorCode; message: LocalizedMessage };

type FieldDecoders = {
  [F in GlpiRecordField]: (cell: string, context: CellContext) => Decoded<Exclude<GlpiTicketRow[F], undefined>>;
};

const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });

function missing(context: CellContext): Decoded<never> {
  return { ok: false, code: 'missing_value', message: glpiCsvMessages.missingValue(context.header) };
}

function labelDecoder<K extends string | number>(labels: Readonly<Record<K, string>>) {
  const byLabel = invertLabels(labels);
  const accepted = [...byLabel.keys()];

  return (cell: string, context: CellContext): Decoded<K> => {
    const label = decodeGlpiText(cell).trim();
    if (label === '') return missing(context);

    const key = byLabel.get(label);
    if (key === undefined) {
      return { ok: false, code: 'invalid_label', message: glpiCsvMessages.invalidLabel(context.header, label, accepted) };
    }
    return ok(key);
  };
}

function decodeDate(cell: string, context: CellContext): Decoded<string> {
  const trimmed = cell.trim();
  if (trimmed === '') return missing(context);

  const instant = context.parseDate(trimmed);
  if (instant === undefined) {
    return { ok: false, code: 'invalid_date', message: glpiCsvMessages.invalidDate(context.header, trimmed, context.dateOrder) };
  }
  return ok(instant);
}

function decodeOptionalDate(cell: string, context: CellContext): Decoded<string | null> {
  return cell.trim() === '' ? ok(null) : decodeDate(cell, context);
}

function decodeId(cell: string, context: CellContext): Decoded<number> {
  if (cell.trim() === '') return missing(context);

  const id = parseGlpiId(cell);
  if (id === undefined) return { ok: false, code: 'invalid_id', message: glpiCsvMessages.invalidId(cell) };
  return ok(id);
}

function decodeEntityPath(cell: string, context: CellContext): Decoded<string[]> {
  const path = splitGlpiPath(cell);
  // Every GLPI ticket belongs to an entity, the root one at least ("Entité racine").
  return path.length === 0 ? missing(context) : ok(path);
}

export const FIELD_DECODERS: FieldDecoders = {
  glpiId: decodeId,
  title: (cell) => ok(decodeGlpiText(cell)),
  entityPath: decodeEntityPath,
  status: labelDecoder(GLPI_STATUS_LABELS_FR),
  type: labelDecoder(GLPI_TYPE_LABELS_FR),
  priority: labelDecoder(GLPI_PRIORITY_LABELS_FR),
  urgency: labelDecoder(GLPI_URGENCY_LABELS_FR),
  impact: labelDecoder(GLPI_IMPACT_LABELS_FR),
  openedAt: decodeDate,
  updatedAt: decodeDate,
  solvedAt: decodeOptionalDate,
  closedAt: decodeOptionalDate,
  ttrDueAt: decodeOptionalDate,
  ttoDueAt: decodeOptionalDate,
  requesters: (cell) => ok(splitGlpiRequesters(cell)),
  technicians: (cell) => ok(splitGlpiList(cell)),
  groups: (cell) => ok(splitGlpiList(cell)),
  categoryPath: (cell) => ok(splitGlpiPath(cell)),
  locationPath: (cell) => ok(splitGlpiPath(cell)),
};

/** Record fields whose cells contain dates, used to detect the file's date order. */
export const DATE_FIELDS: ReadonlySet<GlpiRecordField> = new Set([
  'openedAt',
  'updatedAt',
  'solvedAt',
  'closedAt',
  'ttrDueAt',
  'ttoDueAt',
]);
