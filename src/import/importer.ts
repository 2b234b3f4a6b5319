// Imports a GLPI ticket-list CSV export into Guichet's database, keeping GLPI's ids, dates and statuses.

import type { AuditContext } from '../audit/audit.js';
import type { DatabaseHandle } from '../db/connection.js';
import { nowIso } from '../db/connection.js';
import { parseGlpiTicketCsv } from './glpi-csv-parse.js';
import type { GlpiCsvParseResult } from './glpi-csv-parse.js';
import type { GlpiTicketRow } from './glpi-csv-fields.js';
import { checkRequiredColumns, findTargetEntity, headerLineOf, isHeaderUnreadable } from './importer-checks.js';
import type { TargetEntity } from './importer-checks.js';
import { FILE_ERROR_CODES, ROW_ERROR_CODES } from './importer-errors.js';
import type { ImportError } from './importer-errors.js';
import { resolveGroups, resolveUsers } from './importer-people.js';
import { planImport } from './importer-plan.js';
import { writeTicketChunk } from './importer-tickets.js';
import type { PresentFields, ResolvedReferences } from './importer-tickets.js';
import { resolveCategories, resolveEntities, resolveLocations } from './importer-trees.js';
import type { WriteContext } from './importer-trees.js';

export type { ImportError, ImportErrorCode } from './importer-errors.js';

export interface ImportOptions {
  /**
   * Entity, by complete name or by a name only one entity has, that receives the tickets of a file
   * without an Entité column, or replaces the first level of the file's entity paths. The root
   * entity when absent.
   */
  entity?: string;
  /** Import the valid rows and report the others. Without it, one invalid row stops the whole import. */
  skipInvalid: boolean;
  /** IANA time zone of the GLPI server's wall-clock dates, 'Europe/Paris' by default. */
  timeZone?: string;
  actor: AuditContext;
  /** Rows written per transaction, 500 by default. */
  chunkSize?: number;
}

export interface ImportReport {
  /** True when errors stopped the import before it wrote anything. */
  failed: boolean;
  /** Data rows in the file, valid or not. */
  rows: number;
  created: number;
  updated: number;
  /** Rows not imported: the invalid ones, or every row when the import failed. */
  skipped: number;
  errors: ImportError[];
  /** Headers the parser does not read. Their cells are ignored. */
  unknownColumns: string[];
  /** Logins of the accounts created. */
  createdUsers: string[];
  createdGroups: string[];
  /** Complete names of the categories, entities and locations created. */
  createdCategories: string[];
  createdEntities: string[];
  createdLocations: string[];
}

const DEFAULT_CHUNK_SIZE = 500;

function emptyReport(parsed: GlpiCsvParseResult): ImportReport {
  const invalidLines = new Set(parsed.errors.filter((error) => ROW_ERROR_CODES.has(error.code)).map((error) => error.line));
  return {
    failed: false,
    rows: parsed.rows.length + invalidLines.size,
    created: 0,
    updated: 0,
    skipped: invalidLines.size,
    errors: [...parsed.errors],
    unknownColumns: parsed.unknownColumns,
    createdUsers: [],
    createdGroups: [],
    createdCategories: [],
    createdEntities: [],
    createdLocations: [],
  };
}

/**
 * Imports the tickets of a GLPI ticket-list export. The whole file is checked before anything is
 * written: without `skipInvalid`, any error leaves the database untouched. Missing users, groups,
 * categories, entities and locations are created first, in one transaction, then the tickets in
 * transactions of `chunkSize` rows. A ticket keeps its GLPI id as external_ref `glpi:<id>`, so a
 * second run updates the tickets of the first instead of adding copies, and completes a run that a
 * write failure stopped midway (the chunks written before the failure stay).
 * The export has no description, so each ticket's description repeats its title.
 * NOTE: the export has no take-into-account or pending-start date, so taken_at and begin_waiting_at
 * stay null, and solved_at and closed_at stay null when the file lacks their columns.
 * Throws a RangeError for an unknown `timeZone`, and database errors as they come.
 */
export async function importGlpiCsv(handle: DatabaseHandle, file: Buffer, options: ImportOptions): Promise<ImportReport> {
  const parsed = parseGlpiTicketCsv(file, options.timeZone === undefined ? {} : { timeZone: options.timeZone });
  const report = emptyReport(parsed);
  const headerLine = headerLineOf(file);

  report.errors.push(...checkRequiredColumns(parsed, headerLine));
  const target = await findTargetEntity(handle.db, options.entity, headerLine);
  if ('code' in target) report.errors.push(target);
  report.errors.sort((a, b) => a.line - b.line);

  const fatal = report.errors.some((error) => FILE_ERROR_CODES.has(error.code)) || isHeaderUnreadable(parsed, headerLine);
  if ('code' in target || fatal || (!options.skipInvalid && report.errors.length > 0)) {
    report.failed = true;
    report.skipped = report.rows;
    return report;
  }

  const now = nowIso();
  const references = await handle.db.transaction().execute((tx) =>
    createReferences({ tx, engine: handle.engine, audit: options.actor, now }, target, parsed.rows, report),
  );

  const fields = presentFields(parsed.rows);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  for (let start = 0; start < parsed.rows.length; start += chunkSize) {
    const chunk = parsed.rows.slice(start, start + chunkSize);
    const result = await handle.db.transaction().execute((tx) =>
      writeTicketChunk({ tx, engine: handle.engine, audit: options.actor, now }, chunk, references, fields),
    );
    report.created += result.created;
    report.updated += result.updated;
  }
  return report;
}

/** Finds or creates every record the rows name, and records the created ones in the report. */
async function createReferences(
  context: WriteContext,
  target: TargetEntity,
  rows: readonly GlpiTicketRow[],
  report: ImportReport,
): Promise<ResolvedReferences> {
  const plan = planImport(rows);
  const root = await context.tx.selectFrom('entities').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();

  const entityIdByKey = await resolveEntities(context, target, plan.entityPaths, report.createdEntities);
  const groupByName = await resolveGroups(context, root.id, plan.groups, report.createdGroups);
  const categoryIdByPath = await resolveCategories(context, root.id, plan.categoryPaths, report.createdCategories);
  const locationIdByKey = await resolveLocations(context, entityIdByKey, plan.locations, report.createdLocations);
  const userIdByKey = await resolveUsers(context, plan.people, entityIdByKey, report.createdUsers);
  return { entityIdByKey, userIdByKey, groupByName, categoryIdByPath, locationIdByKey };
}

/** Record fields the file's header provides, read from its first valid row (every valid row has the same). */
function presentFields(rows: readonly GlpiTicketRow[]): PresentFields {
  const first = rows[0];
  return new Set(first === undefined ? [] : (Object.keys(first) as (keyof GlpiTicketRow)[]));
}
