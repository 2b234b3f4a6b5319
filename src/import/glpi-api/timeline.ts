// Brings a ticket's followups, tasks, solutions, approvals, documents, survey and links in line with GLPI's.

import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AuditEvent } from '../../audit/audit.js';
import type { TicketAttachmentTable, TicketFollowupTable, TicketSolutionTable, TicketTaskTable, TicketValidationTable } from '../../db/schema.js';
import { solutionStatusOf, taskStateOf, validationStatusOf } from './codes.js';
import { decodeGlpiText, expandedName, glpiContentToText, numberOf } from './fields.js';
import type { TicketLookups } from './lookups.js';
import { deleteRefs, REF_SOURCE, saveRef } from './state.js';
import type { RefType } from './state.js';
import type { TicketBundle } from './ticket-fetch.js';
import type { TicketWriteContext } from './ticket-write.js';

export interface TimelineContext extends TicketWriteContext {
  lookups: TicketLookups;
  ticketId: number;
  entityId: number;
  /** Audit events of the ticket's transaction, appended to by each writer. */
  events: AuditEvent[];
}

/** How to read and write one kind of timeline row of a ticket. */
interface ChildTable<V> {
  recordType: RefType;
  localIds(): Promise<number[]>;
  insert(values: V): Promise<number>;
  update(id: number, values: V): Promise<void>;
  remove(ids: number[]): Promise<void>;
}

/**
 * Updates the rows an earlier import brought in, inserts the new ones and deletes those GLPI no
 * longer has. Rows added in Guichet (without a mapping) are left alone.
 */
async function syncChildren<V>(context: TimelineContext, table: ChildTable<V>, rows: { glpiId: number; values: V }[]): Promise<void> {
  const localIds = await table.localIds();
  const previous = new Map<number, number>();
  if (localIds.length > 0) {
    const refs = await context.tx
      .selectFrom('import_refs')
      .select(['external_id', 'local_id'])
      .where('source', '=', REF_SOURCE)
      .where('record_type', '=', table.recordType)
      .where('local_id', 'in', localIds)
      .execute();
    for (const ref of refs) previous.set(Number(ref.external_id), ref.local_id);
  }

  const audit = (recordId: number, glpiId: number, outcome: string) =>
    context.events.push({
      action: `ticket_${table.recordType}.import`,
      recordType: `ticket_${table.recordType}`,
      recordId,
      entityId: context.entityId,
      changes: { ticketId: context.ticketId, glpiId, outcome, source: 'glpi-api' },
    });

  for (const row of rows) {
    const known = previous.get(row.glpiId);
    if (known === undefined) {
      const id = await table.insert(row.values);
      await saveRef(context.tx, table.recordType, row.glpiId, id);
      audit(id, row.glpiId, 'created');
    } else {
      await table.update(known, row.values);
      previous.delete(row.glpiId);
      audit(known, row.glpiId, 'updated');
    }
  }
  if (previous.size > 0) {
    await table.remove([...previous.values()]);
    await deleteRefs(context.tx, table.recordType, [...previous.keys()]);
    for (const [glpiId, id] of previous) audit(id, glpiId, 'deleted');
  }
}

type Values<T> = Omit<Insertable<T>, 'ticket_id'>;
const glpiIdOf = (row: Record<string, unknown>) => numberOf(row.id) ?? -1;

async function followupRows(context: TimelineContext, bundle: TicketBundle) {
  const rows: { glpiId: number; values: Values<TicketFollowupTable> }[] = [];
  for (const row of bundle.followups) {
    const values = {
      author_id: await context.lookups.user(expandedName(row.users_id)),
      content: glpiContentToText(row.content),
      is_private: numberOf(row.is_private) === 1 ? 1 : 0,
      created_at: context.readDate(row.date) ?? context.readDate(row.date_creation) ?? context.now,
    };
    rows.push({ glpiId: glpiIdOf(row), values });
  }
  return rows;
}

async function taskRows(context: TimelineContext, bundle: TicketBundle) {
  const rows: { glpiId: number; values: Values<TicketTaskTable> }[] = [];
  for (const row of bundle.tasks) {
    const createdAt = context.readDate(row.date) ?? context.readDate(row.date_creation) ?? context.now;
    const values = {
      author_id: await context.lookups.user(expandedName(row.users_id)),
      technician_id: await context.lookups.user(expandedName(row.users_id_tech), true),
      content: glpiContentToText(row.content),
      is_private: numberOf(row.is_private) === 1 ? 1 : 0,
      state: taskStateOf(numberOf(row.state)),
      duration_seconds: numberOf(row.actiontime) ?? 0,
      planned_start: context.readDate(row.begin),
      planned_end: context.readDate(row.end),
      mode: 'remote',
      created_at: createdAt,
      updated_at: context.readDate(row.date_mod) ?? createdAt,
    };
    rows.push({ glpiId: glpiIdOf(row), values });
  }
  return rows;
}

async function solutionRows(context: TimelineContext, bundle: TicketBundle) {
  const rows: { glpiId: number; values: Values<TicketSolutionTable> }[] = [];
  for (const row of bundle.solutions) {
    const values = {
      author_id: await context.lookups.user(expandedName(row.users_id)),
      solution_type: expandedName(row.solutiontypes_id) ?? null,
      content: glpiContentToText(row.content),
      status: solutionStatusOf(numberOf(row.status)),
      approver_id: await context.lookups.user(expandedName(row.users_id_approval)),
      // GLPI stores the requester's refusal comment as a followup, which is imported as one.
      approval_comment: null,
      answered_at: context.readDate(row.date_approval),
      created_at: context.readDate(row.date_creation) ?? context.now,
    };
    rows.push({ glpiId: glpiIdOf(row), values });
  }
  return rows;
}

async function validationRows(context: TimelineContext, bundle: TicketBundle) {
  const rows: { glpiId: number; values: Values<TicketValidationTable> }[] = [];
  for (const row of bundle.validations) {
    const values = {
      requester_id: await context.lookups.user(expandedName(row.users_id)),
      validator_id: await context.lookups.user(expandedName(row.users_id_validate)),
      status: validationStatusOf(numberOf(row.status)),
      request_comment: glpiContentToText(row.comment_submission) || null,
      answer_comment: glpiContentToText(row.comment_validation) || null,
      requested_at: context.readDate(row.submission_date) ?? context.now,
      answered_at: context.readDate(row.validation_date),
    };
    rows.push({ glpiId: glpiIdOf(row), values });
  }
  return rows;
}

/**
 * Document metadata only. The storage key has the shape of a stored file's but no file behind it,
 * derived from the GLPI link id so that it stays the same from one import to the next.
 * NOTE: the file's bytes are not copied, so downloading such an attachment returns 404.
 */
async function attachmentRows(context: TimelineContext, bundle: TicketBundle) {
  const rows: { glpiId: number; values: Values<TicketAttachmentTable> }[] = [];
  for (const { item, document, size, sha256 } of bundle.documents) {
    const createdAt = context.readDate(item.date_creation) ?? context.readDate(document.date_creation) ?? context.now;
    const digest = createHash('sha256').update(`glpi-document-item:${glpiIdOf(item)}`).digest('hex');
    const values = {
      followup_id: null,
      uploader_id: await context.lookups.user(expandedName(item.users_id) ?? expandedName(document.users_id)),
      name: decodeGlpiText(document.filename) || decodeGlpiText(document.name) || `document-${glpiIdOf(document)}`,
      size_bytes: size,
      content_type: typeof document.mime === 'string' && document.mime !== '' ? document.mime : 'application/octet-stream',
      sha256,
      storage_key: `${createdAt.slice(0, 4)}/${createdAt.slice(5, 7)}/${digest.slice(0, 32)}`,
      created_at: createdAt,
    };
    rows.push({ glpiId: glpiIdOf(item), values });
  }
  return rows;
}

/** Writes the followups, tasks, solutions, approvals and document metadata of the ticket. */
export async function writeTimeline(context: TimelineContext, bundle: TicketBundle): Promise<void> {
  const { tx, ticketId } = context;
  await syncChildren(context, {
    recordType: 'followup',
    localIds: async () => (await tx.selectFrom('ticket_followups').select('id').where('ticket_id', '=', ticketId).execute()).map((row) => row.id),
    insert: async (values) => (await tx.insertInto('ticket_followups').values({ ...values, ticket_id: ticketId }).returning('id').executeTakeFirstOrThrow()).id,
    update: async (id, values) => void (await tx.updateTable('ticket_followups').set(values).where('id', '=', id).execute()),
    remove: async (ids) => void (await tx.deleteFrom('ticket_followups').where('id', 'in', ids).execute()),
  }, await followupRows(context, bundle));
  await syncChildren(context, {
    recordType: 'task',
    localIds: async () => (await tx.selectFrom('ticket_tasks').select('id').where('ticket_id', '=', ticketId).execute()).map((row) => row.id),
    insert: async (values) => (await tx.insertInto('ticket_tasks').values({ ...values, ticket_id: ticketId }).returning('id').executeTakeFirstOrThrow()).id,
    update: async (id, values) => void (await tx.updateTable('ticket_tasks').set(values).where('id', '=', id).execute()),
    remove: async (ids) => void (await tx.deleteFrom('ticket_tasks').where('id', 'in', ids).execute()),
  }, await taskRows(context, bundle));
  await syncChildren(context, {
    recordType: 'solution',
    localIds: async () => (await tx.selectFrom('ticket_solutions').select('id').where('ticket_id', '=', ticketId).execute()).map((row) => row.id),
    insert: async (values) => (await tx.insertInto('ticket_solutions').values({ ...values, ticket_id: ticketId }).returning('id').executeTakeFirstOrThrow()).id,
    update: async (id, values) => void (await tx.updateTable('ticket_solutions').set(values).where('id', '=', id).execute()),
    remove: async (ids) => void (await tx.deleteFrom('ticket_solutions').where('id', 'in', ids).execute()),
  }, await solutionRows(context, bundle));
  await syncChildren(context, {
    recordType: 'validation',
    localIds: async () => (await tx.selectFrom('ticket_validations').select('id').where('ticket_id', '=', ticketId).execute()).map((row) => row.id),
    insert: async (values) => (await tx.insertInto('ticket_validations').values({ ...values, ticket_id: ticketId }).returning('id').executeTakeFirstOrThrow()).id,
    update: async (id, values) => void (await tx.updateTable('ticket_validations').set(values).where('id', '=', id).execute()),
    remove: async (ids) => void (await tx.deleteFrom('ticket_validations').where('id', 'in', ids).execute()),
  }, await validationRows(context, bundle));
  await syncChildren(context, {
    recordType: 'attachment',
    localIds: async () => (await tx.selectFrom('ticket_attachments').select('id').where('ticket_id', '=', ticketId).execute()).map((row) => row.id),
    insert: async (values) => (await tx.insertInto('ticket_attachments').values({ ...values, ticket_id: ticketId }).returning('id').executeTakeFirstOrThrow()).id,
    update: async (id, values) => void (await tx.updateTable('ticket_attachments').set(values).where('id', '=', id).execute()),
    remove: async (ids) => void (await tx.deleteFrom('ticket_attachments').where('id', 'in', ids).execute()),
  }, await attachmentRows(context, bundle));
}
