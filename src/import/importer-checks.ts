// Checks made on the whole file before the import writes anything.

import type { Executor } from '../db/connection.js';
import type { GlpiCsvParseResult } from './glpi-csv-parse.js';
import { decodeCsvInput, firstNonBlankLine } from './glpi-csv-records.js';
import type { GlpiColumnLabel, GlpiRecordField } from './glpi-labels.js';
import { importMessages } from './importer-errors.js';
import type { ImportError } from './importer-errors.js';

/** Columns without which a ticket cannot be kept as GLPI had it: status, priority and opening date. */
const REQUIRED_COLUMNS: readonly { header: GlpiColumnLabel; field: GlpiRecordField }[] = [
  { header: 'Statut', field: 'status' },
  { header: 'Priorité', field: 'priority' },
  { header: "Date d'ouverture", field: 'openedAt' },
];

/** Line of the header: the file's first non-blank line, or 1. */
export function headerLineOf(file: Buffer): number {
  const text = decodeCsvInput(file);
  return (text === undefined ? undefined : firstNonBlankLine(text))?.line ?? 1;
}

/** True when the header itself is unreadable, which the parser reports as a syntax error on its line. */
export function isHeaderUnreadable(parsed: GlpiCsvParseResult, headerLine: number): boolean {
  return parsed.errors.some((error) => error.code === 'csv_syntax' && error.line === headerLine);
}

/**
 * Reports each required column the file lacks. A valid row contains every field its header binds,
 * so the first row tells which columns the file has.
 */
export function checkRequiredColumns(parsed: GlpiCsvParseResult, headerLine: number): ImportError[] {
  const first = parsed.rows[0];
  if (first === undefined) return [];
  return REQUIRED_COLUMNS.filter(({ field }) => first[field] === undefined).map(({ header }) => ({
    line: headerLine,
    column: header,
    code: 'missing_column',
    message: importMessages.missingColumn(header),
  }));
}

export interface TargetEntity {
  id: number;
  complete_name: string;
}

/**
 * Finds the entity that replaces the file's top level: the one named by `reference` (a complete
 * name, else a name that only one entity has), or the root entity when no reference is given.
 */
export async function findTargetEntity(db: Executor, reference: string | undefined, headerLine: number): Promise<TargetEntity | ImportError> {
  const query = db.selectFrom('entities').select(['id', 'complete_name']).orderBy('id');
  if (reference === undefined) return query.where('parent_id', 'is', null).executeTakeFirstOrThrow();

  const byCompleteName = await query.where('complete_name', '=', reference).executeTakeFirst();
  if (byCompleteName !== undefined) return byCompleteName;

  const byName = await query.where('name', '=', reference).execute();
  const [only] = byName;
  if (only !== undefined && byName.length === 1) return only;
  if (byName.length > 1) {
    const names = byName.map((entity) => entity.complete_name);
    return { line: headerLine, code: 'ambiguous_entity', message: importMessages.ambiguousEntity(reference, names) };
  }
  return { line: headerLine, code: 'entity_not_found', message: importMessages.entityNotFound(reference) };
}
