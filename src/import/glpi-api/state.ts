// What an API import remembers between runs: its runs and checkpoints, and the GLPI-to-local id mapping.

import type { Executor } from '../../db/connection.js';
import { nowIso } from '../../db/connection.js';

/** Source name of the mapping rows: GLPI ids are global to one instance, as tickets' `glpi:<id>` refs are. */
export const REF_SOURCE = 'glpi';
const RUN_SOURCE = 'glpi-api';

export type RefType = 'entity' | 'location' | 'user' | 'group' | 'category' | 'ticket' | 'followup' | 'task' | 'solution' | 'validation' | 'attachment';

export interface StoredRef {
  localId: number;
  version: string | null;
}

/** Loads the mapping of one record type, keyed by GLPI id. */
export async function loadRefs(db: Executor, recordType: RefType): Promise<Map<number, StoredRef>> {
  const rows = await db
    .selectFrom('import_refs')
    .select(['external_id', 'local_id', 'version'])
    .where('source', '=', REF_SOURCE)
    .where('record_type', '=', recordType)
    .execute();
  return new Map(rows.map((row) => [Number(row.external_id), { localId: row.local_id, version: row.version }]));
}

/** Loads the mapping of one record type for the given GLPI ids only. */
export async function loadRefsOf(db: Executor, recordType: RefType, externalIds: readonly number[]): Promise<Map<number, StoredRef>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('import_refs')
    .select(['external_id', 'local_id', 'version'])
    .where('source', '=', REF_SOURCE)
    .where('record_type', '=', recordType)
    .where('external_id', 'in', externalIds.map(String))
    .execute();
  return new Map(rows.map((row) => [Number(row.external_id), { localId: row.local_id, version: row.version }]));
}

/** Records (or moves) the local record a GLPI record maps to. */
export async function saveRef(tx: Executor, recordType: RefType, externalId: number, localId: number, version: string | null = null): Promise<void> {
  const now = nowIso();
  await tx
    .insertInto('import_refs')
    .values({ source: REF_SOURCE, record_type: recordType, external_id: String(externalId), local_id: localId, version, updated_at: now })
    .onConflict((conflict) => conflict.columns(['source', 'record_type', 'external_id']).doUpdateSet({ local_id: localId, version, updated_at: now }))
    .execute();
}

export async function deleteRefs(tx: Executor, recordType: RefType, externalIds: readonly number[]): Promise<void> {
  if (externalIds.length === 0) return;
  await tx
    .deleteFrom('import_refs')
    .where('source', '=', REF_SOURCE)
    .where('record_type', '=', recordType)
    .where('external_id', 'in', externalIds.map(String))
    .execute();
}

export interface Checkpoint {
  /** Ticket list: the GLPI id of the last ticket written, and the list offset of its page. */
  position: { lastId?: number; offset?: number };
  items: number;
  done: boolean;
}

export interface ImportRun {
  id: number;
  /** True when the run continues one that stopped before its end. */
  resumed: boolean;
  checkpoints: Map<string, Checkpoint>;
}

/**
 * Continues the latest unfinished run against the same API address, or starts a new one.
 * NOTE: nothing stops two processes from running the same import at once; they would write the
 * same records twice over, each in its own transactions.
 */
export async function openRun(db: Executor, sourceUrl: string): Promise<ImportRun> {
  const latest = await db
    .selectFrom('import_runs')
    .select(['id', 'status'])
    .where('source', '=', RUN_SOURCE)
    .where('source_url', '=', sourceUrl)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (latest !== undefined && latest.status !== 'finished') {
    await db.updateTable('import_runs').set({ status: 'running', error: null }).where('id', '=', latest.id).execute();
    const rows = await db.selectFrom('import_checkpoints').select(['object_type', 'position', 'items', 'done']).where('run_id', '=', latest.id).execute();
    const checkpoints = new Map(rows.map((row) => [row.object_type, { position: JSON.parse(row.position) as Checkpoint['position'], items: row.items, done: row.done === 1 }]));
    return { id: latest.id, resumed: true, checkpoints };
  }
  const inserted = await db
    .insertInto('import_runs')
    .values({ source: RUN_SOURCE, source_url: sourceUrl, status: 'running', started_at: nowIso(), finished_at: null, error: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: inserted.id, resumed: false, checkpoints: new Map() };
}

/** Stores how far the run got in one object type, inside the transaction that wrote those records. */
export async function saveCheckpoint(tx: Executor, runId: number, objectType: string, checkpoint: Checkpoint): Promise<void> {
  const values = { position: JSON.stringify(checkpoint.position), items: checkpoint.items, done: checkpoint.done ? 1 : 0, updated_at: nowIso() };
  await tx
    .insertInto('import_checkpoints')
    .values({ run_id: runId, object_type: objectType, ...values })
    .onConflict((conflict) => conflict.columns(['run_id', 'object_type']).doUpdateSet(values))
    .execute();
}

export async function closeRun(db: Executor, runId: number, outcome: { status: 'finished' } | { status: 'failed'; error: string }): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({ status: outcome.status, finished_at: outcome.status === 'finished' ? nowIso() : null, error: outcome.status === 'failed' ? outcome.error : null })
    .where('id', '=', runId)
    .execute();
}
