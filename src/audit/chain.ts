import { createHash } from 'node:crypto';
import type { AuditLogRow } from '../db/schema.js';

export const GENESIS_HASH = '0'.repeat(64);

type HashedFields = Omit<AuditLogRow, 'hash'>;

/**
 * SHA-256 over the row's content and the previous row's hash. The fields are hashed as a JSON
 * array in a fixed order, so the same row always gives the same hash on both engines.
 */
export function hashAuditRow(row: HashedFields): string {
  const content = JSON.stringify([
    row.seq,
    row.occurred_at,
    row.actor_id,
    row.actor_login,
    row.ip,
    row.request_id,
    row.action,
    row.record_type,
    row.record_id,
    row.entity_id,
    row.changes,
    row.prev_hash,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

export type ChainBreakKind = 'altered' | 'missing' | 'inserted' | 'relinked';

export interface ChainBreak {
  seq: number;
  kind: ChainBreakKind;
  message: string;
}

export interface ChainState {
  expectedSeq: number;
  previousHash: string;
}

/**
 * Checks one row against the state left by the rows before it and returns the first break.
 * - missing: the sequence jumps, so rows were deleted before this one;
 * - altered: the row's content no longer matches its own hash;
 * - relinked: the row's hash is intact but it points at another predecessor (a row was
 *   removed or inserted and the neighbours re-hashed);
 */
export function checkAuditRow(row: AuditLogRow, state: ChainState): ChainBreak | undefined {
  if (row.seq > state.expectedSeq) {
    return {
      seq: state.expectedSeq,
      kind: 'missing',
      message: `rows ${state.expectedSeq} to ${row.seq - 1} are missing`,
    };
  }
  if (row.seq < state.expectedSeq) {
    return { seq: row.seq, kind: 'inserted', message: `row ${row.seq} is out of sequence` };
  }
  if (hashAuditRow(row) !== row.hash) {
    return { seq: row.seq, kind: 'altered', message: `row ${row.seq} was modified after it was written` };
  }
  if (row.prev_hash !== state.previousHash) {
    return { seq: row.seq, kind: 'relinked', message: `row ${row.seq} does not follow row ${row.seq - 1}` };
  }
  return undefined;
}
