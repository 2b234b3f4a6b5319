// Imports a running GLPI through its legacy REST API: reference data first, then each ticket with
// its whole timeline in its own transaction, with a checkpoint that lets an interrupted run resume.

import { appendAuditRows } from '../../audit/audit.js';
import type { AuditContext, AuditEvent } from '../../audit/audit.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { nowIso } from '../../db/connection.js';
import { assertTimeZone } from '../glpi-csv-dates.js';
import { GlpiClient } from './client.js';
import type { GlpiRow } from './client.js';
import { createDateReader } from './codes.js';
import { linkedId, numberOf } from './fields.js';
import { loadReferenceMaps } from './lookups.js';
import type { ReferenceMaps } from './lookups.js';
import { writeReferences } from './references.js';
import type { CreatedCounts, GlpiReferenceLists } from './references.js';
import { closeRun, loadRefsOf, openRun, saveCheckpoint } from './state.js';
import type { ImportRun } from './state.js';
import { fetchTicketBundle, ticketVersion } from './ticket-fetch.js';
import { writeTicket } from './ticket-write.js';

export interface GlpiApiImportOptions {
  /** API root, up to and including `/apirest.php`. */
  url: string;
  userToken: string;
  appToken?: string;
  /** GLPI id of the entity to import with its sub-entities; without it, every entity the user's profile shows. */
  entityId?: number;
  /** IANA time zone of the GLPI server's wall-clock dates, Europe/Paris by default. */
  timeZone?: string;
  actor: AuditContext;
  /** Stops the import between two requests; what was written stays, and the next run resumes. */
  signal?: AbortSignal;
  /** Receives one English line per step and per page of tickets. */
  onProgress?: (line: string) => void;
}

export interface GlpiApiImportReport {
  runId: number;
  /** True when this run continued an interrupted one. */
  resumed: boolean;
  /** Local records created from GLPI's lists; zero when a resumed run had already written them. */
  created: CreatedCounts;
  tickets: {
    /** Tickets GLPI listed. */
    listed: number;
    created: number;
    updated: number;
    /** Tickets unchanged since the last import, or written by the interrupted run this one resumes. */
    unchanged: number;
  };
  /** HTTP requests sent to GLPI. */
  requests: number;
}

/** GLPI item types read before the tickets, in the order they are written. */
const REFERENCE_TYPES = ['Entity', 'Location', 'User', 'Group', 'Group_User', 'ITILCategory'] as const;

const NO_CREATIONS: CreatedCounts = { entities: 0, locations: 0, users: 0, groups: 0, memberships: 0, categories: 0 };

/**
 * Imports entities, locations, users, groups and memberships, ITIL categories, then the tickets
 * with their actors, followups, tasks, solutions, approvals, surveys, document metadata and links.
 * Every ticket is written whole in one transaction with its checkpoint and audit rows, so an
 * interruption never leaves half a ticket, and the next run resumes after the last one written.
 * A finished run can be repeated to catch up: tickets whose GLPI modification date and survey are
 * unchanged are skipped, the others updated in place (matched on external_ref `glpi:<id>`).
 * NOTE: tickets in GLPI's trash are not read, and a ticket deleted from GLPI after an import stays.
 * Throws a RangeError for an unknown time zone, GlpiApiError for an error response from GLPI, and
 * fetch's errors (including the AbortSignal's) as they come.
 */
export async function importGlpiApi(handle: DatabaseHandle, options: GlpiApiImportOptions): Promise<GlpiApiImportReport> {
  const timeZone = options.timeZone ?? 'Europe/Paris';
  assertTimeZone(timeZone);
  const progress = options.onProgress ?? (() => undefined);
  const client = new GlpiClient({
    url: options.url,
    userToken: options.userToken,
    ...(options.appToken === undefined ? {} : { appToken: options.appToken }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });

  await client.initSession();
  const run = await openRun(handle.db, options.url.replace(/\/+$/, ''));
  progress(run.resumed ? `Resuming import run ${run.id}.` : `Starting import run ${run.id}.`);
  const report: GlpiApiImportReport = { runId: run.id, resumed: run.resumed, created: NO_CREATIONS, tickets: { listed: 0, created: 0, updated: 0, unchanged: 0 }, requests: 0 };
  try {
    if (options.entityId !== undefined) await client.changeActiveEntities(options.entityId);
    report.created = await importReferences(handle, client, run, options.actor, progress);
    const maps = await loadReferenceMaps(handle.db);
    await importTickets({ handle, client, run, maps, options, readDate: createDateReader(timeZone), progress }, report);
    await closeRun(handle.db, run.id, { status: 'finished' });
    progress('Import finished.');
  } catch (error) {
    await closeRun(handle.db, run.id, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    await client.killSession();
    report.requests = client.requests;
  }
  return report;
}

/** Reads GLPI's reference lists and writes them in one transaction, unless this run already did. */
async function importReferences(handle: DatabaseHandle, client: GlpiClient, run: ImportRun, actor: AuditContext, progress: (line: string) => void): Promise<CreatedCounts> {
  if (REFERENCE_TYPES.every((type) => run.checkpoints.get(type)?.done === true)) {
    progress('Entities, locations, users, groups and categories: already imported by this run.');
    return NO_CREATIONS;
  }
  const read = async (type: (typeof REFERENCE_TYPES)[number]) => {
    const rows = await client.list(`/${type}`);
    progress(`${type}: ${rows.length} read.`);
    return rows;
  };
  const lists: GlpiReferenceLists = {
    entities: await read('Entity'),
    locations: await read('Location'),
    users: await read('User'),
    groups: await read('Group'),
    groupUsers: await read('Group_User'),
    categories: await read('ITILCategory'),
  };
  const counts = [lists.entities, lists.locations, lists.users, lists.groups, lists.groupUsers, lists.categories].map((rows) => rows.length);

  const created = await handle.db.transaction().execute(async (tx) => {
    const events: AuditEvent[] = [];
    const result = await writeReferences({ tx, engine: handle.engine, audit: actor, now: nowIso() }, lists, events);
    for (const [index, type] of REFERENCE_TYPES.entries()) await saveCheckpoint(tx, run.id, type, { position: {}, items: counts[index] ?? 0, done: true });
    await appendAuditRows(tx, handle.engine, actor, events);
    return result;
  });
  progress(
    `Created ${created.entities} entities, ${created.locations} locations, ${created.users} users, ${created.groups} groups, ` +
      `${created.memberships} group memberships, ${created.categories} categories.`,
  );
  return created;
}

interface TicketStep {
  handle: DatabaseHandle;
  client: GlpiClient;
  run: ImportRun;
  maps: ReferenceMaps;
  options: GlpiApiImportOptions;
  readDate: (value: unknown) => string | null;
  progress: (line: string) => void;
}

/** Reads every satisfaction survey, keyed by GLPI ticket id (GLPI lists them apart from the tickets). */
async function readSurveys(client: GlpiClient): Promise<Map<number, GlpiRow>> {
  const surveys = new Map<number, GlpiRow>();
  for (const row of await client.list('/TicketSatisfaction')) {
    const ticketId = linkedId(row, 'Ticket');
    if (ticketId !== undefined) surveys.set(ticketId, row);
  }
  return surveys;
}

/**
 * Walks GLPI's ticket list page by page and writes each new or changed ticket. A resumed run
 * starts at the page of its checkpoint and skips the tickets up to it, which relies on the list's
 * order: GLPI 10's getItems sorts by id, ascending, when no sort is given.
 */
async function importTickets(step: TicketStep, report: GlpiApiImportReport): Promise<void> {
  const { handle, client, run, progress } = step;
  const surveys = await readSurveys(client);
  progress(`TicketSatisfaction: ${surveys.size} read.`);
  const checkpoint = run.checkpoints.get('Ticket');
  let lastId = checkpoint?.position.lastId;
  let items = checkpoint?.items ?? 0;

  for await (const page of client.pages('/Ticket', checkpoint?.position.offset ?? 0)) {
    const ids = page.rows.map((row) => numberOf(row.id) ?? -1);
    const stored = await loadRefsOf(handle.db, 'ticket', ids);
    for (const row of page.rows) {
      const glpiId = numberOf(row.id) ?? -1;
      const survey = surveys.get(glpiId);
      if ((lastId !== undefined && glpiId <= lastId) || stored.get(glpiId)?.version === ticketVersion(row, survey)) {
        report.tickets.unchanged += 1;
        continue;
      }
      const bundle = await fetchTicketBundle(client, row, survey);
      const created = await handle.db.transaction().execute(async (tx) => {
        const context = { tx, engine: handle.engine, audit: step.options.actor, now: nowIso(), maps: step.maps, readDate: step.readDate };
        const written = await writeTicket(context, bundle);
        await saveCheckpoint(tx, run.id, 'Ticket', { position: { lastId: glpiId, offset: page.start }, items: items + 1, done: false });
        await appendAuditRows(tx, handle.engine, step.options.actor, written.events);
        return written.created;
      });
      items += 1;
      lastId = glpiId;
      if (created) report.tickets.created += 1;
      else report.tickets.updated += 1;
    }
    report.tickets.listed = page.total;
    progress(`Ticket: ${Math.min(page.start + page.rows.length, page.total)}/${page.total} read (${report.tickets.created} created, ${report.tickets.updated} updated, ${report.tickets.unchanged} unchanged).`);
  }
  await handle.db.transaction().execute((tx) => saveCheckpoint(tx, run.id, 'Ticket', { position: { lastId: lastId ?? 0, offset: 0 }, items, done: true }));
}
