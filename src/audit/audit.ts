import type { Engine, Executor } from '../db/connection.js';
import { nowIso } from '../db/connection.js';
import type { AuditLogRow } from '../db/schema.js';
import { hashAuditRow } from './chain.js';

/** Actor and origin of an audited action, taken from the request, or from the command line for CLI actions. */
export interface AuditContext {
  actorId: number | null;
  actorLogin: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEvent {
  action: string;
  recordType: string;
  recordId?: string | number | null;
  entityId?: number | null;
  /** { field: [old, new] } for updates, or any details of the action. */
  changes?: Record<string, unknown>;
}

export const SYSTEM_CONTEXT: AuditContext = { actorId: null, actorLogin: 'system', ip: null, requestId: null };

/**
 * Appends rows to the audit trail inside the caller's transaction, in order. The head row is locked
 * first, so concurrent writers (several processes on PostgreSQL) append one after another and the
 * chain keeps a single order. The rows of one call share the lock and one INSERT, so a large import
 * does not spend its time on the trail. The application never updates or deletes audit rows.
 * Returns the sequence number of the last row.
 */
export async function appendAuditRows(tx: Executor, engine: Engine, context: AuditContext, events: readonly AuditEvent[]): Promise<number> {
  const headQuery = tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  const head = await (engine === 'postgres' ? headQuery.forUpdate() : headQuery).executeTakeFirstOrThrow();
  if (events.length === 0) return Number(head.seq);

  const occurredAt = nowIso();
  let seq = Number(head.seq);
  let previousHash = head.hash;
  const rows: AuditLogRow[] = [];
  for (const event of events) {
    seq += 1;
    const row = {
      seq,
      occurred_at: occurredAt,
      actor_id: context.actorId,
      actor_login: context.actorLogin,
      ip: context.ip,
      request_id: context.requestId,
      action: event.action,
      record_type: event.recordType,
      record_id: event.recordId === undefined || event.recordId === null ? null : String(event.recordId),
      entity_id: event.entityId ?? null,
      changes: JSON.stringify(event.changes ?? {}),
      prev_hash: previousHash,
    };
    previousHash = hashAuditRow(row);
    rows.push({ ...row, hash: previousHash });
  }

  await tx.insertInto('audit_log').values(rows).execute();
  await tx.updateTable('audit_head').set({ seq, hash: previousHash }).where('id', '=', 1).execute();
  return seq;
}

/** Appends one row to the audit trail inside the caller's transaction; see appendAuditRows. */
export function appendAudit(tx: Executor, engine: Engine, context: AuditContext, event: AuditEvent): Promise<number> {
  return appendAuditRows(tx, engine, context, [event]);
}

/** Lists the fields whose value differs, as { field: [old, new] }; secrets are masked by the caller. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(value)) changes[field] = [before[field] ?? null, value];
  }
  return changes;
}
