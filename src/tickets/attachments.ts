import { readFile } from 'node:fs/promises';
import { canIn } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import { nowIso } from '../db/connection.js';
import type { Executor } from '../db/connection.js';
import type { TicketRow } from '../db/schema.js';
import { AppError, forbidden, invalidField, notFound } from '../http/errors.js';
import { moveIntoPlace, newStorageKey, type ReceivedFile, storedPath } from './attachment-store.js';
import { type AcceptedType, checkText, detectType } from './attachment-types.js';
import { lockTicket, type TicketOperation, writeTicket } from './context.js';
import { canSeePrivate } from './visibility.js';

/** An attachment row with what visibility needs from its followup and the uploader's name. */
export interface AttachmentRecord {
  id: number;
  ticket_id: number;
  followup_id: number | null;
  uploader_id: number | null;
  name: string;
  size_bytes: number;
  content_type: string;
  storage_key: string;
  created_at: string;
  followup_private: number | null;
  followup_author_id: number | null;
  uploader_first_name: string | null;
  uploader_last_name: string | null;
}

function selectAttachments(db: Executor, ticketId: number) {
  return db
    .selectFrom('ticket_attachments')
    .leftJoin('ticket_followups', 'ticket_followups.id', 'ticket_attachments.followup_id')
    .leftJoin('users', 'users.id', 'ticket_attachments.uploader_id')
    .select([
      'ticket_attachments.id',
      'ticket_attachments.ticket_id',
      'ticket_attachments.followup_id',
      'ticket_attachments.uploader_id',
      'ticket_attachments.name',
      'ticket_attachments.size_bytes',
      'ticket_attachments.content_type',
      'ticket_attachments.storage_key',
      'ticket_attachments.created_at',
      'ticket_followups.is_private as followup_private',
      'ticket_followups.author_id as followup_author_id',
      'users.first_name as uploader_first_name',
      'users.last_name as uploader_last_name',
    ])
    .where('ticket_attachments.ticket_id', '=', ticketId);
}

/** Decides visibility: an attachment of a private followup is shown to those who see private items, the followup's author and the uploader. */
function isVisible(principal: Principal, ticket: TicketRow, row: AttachmentRecord): boolean {
  if (row.followup_private !== 1) return true;
  return canSeePrivate(principal, ticket) || row.followup_author_id === principal.userId || row.uploader_id === principal.userId;
}

export function presentAttachment(row: AttachmentRecord) {
  return {
    id: row.id,
    name: row.name,
    size: row.size_bytes,
    contentType: row.content_type,
    followupId: row.followup_id,
    uploadedBy: row.uploader_id === null ? null : { id: row.uploader_id, name: `${row.uploader_last_name ?? ''} ${row.uploader_first_name ?? ''}`.trim() },
    createdAt: row.created_at,
  };
}

export async function listAttachments(db: Executor, principal: Principal, ticket: TicketRow): Promise<AttachmentRecord[]> {
  const rows = await selectAttachments(db, ticket.id).orderBy('ticket_attachments.id').execute();
  return rows.filter((row) => isVisible(principal, ticket, row));
}

/** Loads one attachment of the ticket. Throws 404 when the caller may not see it. */
export async function loadVisibleAttachment(db: Executor, principal: Principal, ticket: TicketRow, attachmentId: number): Promise<AttachmentRecord> {
  const row = await selectAttachments(db, ticket.id).where('ticket_attachments.id', '=', attachmentId).executeTakeFirst();
  if (row === undefined || !isVisible(principal, ticket, row)) throw notFound('attachment');
  return row;
}

/** Throws unless the caller may add files to the ticket: an actor of it, or ticket:update in its entity, and the ticket not closed. */
export async function requireAttachable(db: Executor, principal: Principal, ticket: TicketRow): Promise<void> {
  if (!canIn(principal, 'ticket:update', ticket.entity_id)) {
    const actor = await db.selectFrom('ticket_actors').select('id').where('ticket_id', '=', ticket.id).where('user_id', '=', principal.userId).executeTakeFirst();
    if (actor === undefined) throw forbidden('ticket:update');
  }
  if (ticket.status === 'closed') throw new AppError('ticket_closed', { id: ticket.id });
}

async function requireFollowup(op: TicketOperation, ticket: TicketRow, followupId: number) {
  const followup = await op.tx
    .selectFrom('ticket_followups')
    .select(['id', 'author_id', 'is_private'])
    .where('id', '=', followupId)
    .where('ticket_id', '=', ticket.id)
    .executeTakeFirst();
  const mine = followup?.author_id === op.principal.userId;
  if (followup === undefined || (followup.is_private === 1 && !mine && !canSeePrivate(op.principal, ticket))) throw notFound('followup');
  if (!mine && !canIn(op.principal, 'ticket:update', ticket.entity_id)) throw forbidden('ticket:update');
  return followup;
}

/** Decides the stored type from the file's bytes, or throws the 400/415 that explains the rejection. */
export async function verifyType(file: ReceivedFile): Promise<AcceptedType> {
  if (file.size === 0) throw invalidField('file', 'attachment_empty');
  const detection = detectType(file.head, file.name);
  switch (detection.verdict) {
    case 'accepted':
      return detection.type;
    case 'text': {
      // Text files are at most the upload limit, so reading one whole is bounded.
      const verdict = checkText(await readFile(file.tempPath));
      if (verdict === 'text') return detection.type;
      throw new AppError(verdict === 'active_content' ? 'attachment_active_content' : 'attachment_type_rejected', { name: file.name });
    }
    case 'extension_mismatch':
      throw new AppError('attachment_extension_mismatch', { name: file.name, type: detection.type.label, extensions: detection.type.extensions.join(', ') });
    case 'executable':
      throw new AppError('attachment_executable', { name: file.name });
    case 'active_content':
      throw new AppError('attachment_active_content', { name: file.name });
    case 'rejected':
      throw new AppError('attachment_type_rejected', { name: file.name });
  }
}

export interface NewAttachment {
  file: ReceivedFile;
  type: AcceptedType;
  followupId: number | undefined;
}

/**
 * Inserts the attachment row, audits it and moves the temporary file into place, all inside the
 * caller's transaction. Returns the new id and the stored path, which the caller removes if the
 * transaction fails to commit.
 */
export async function insertAttachment(op: TicketOperation, ticketId: number, dataDir: string, input: NewAttachment, stored: string[]): Promise<number> {
  const ticket = await lockTicket(op, ticketId);
  await requireAttachable(op.tx, op.principal, ticket);
  const followup = input.followupId === undefined ? undefined : await requireFollowup(op, ticket, input.followupId);

  const storageKey = newStorageKey();
  const row = await op.tx
    .insertInto('ticket_attachments')
    .values({
      ticket_id: ticket.id,
      followup_id: followup?.id ?? null,
      uploader_id: op.principal.userId,
      name: input.file.name,
      size_bytes: input.file.size,
      content_type: input.type.contentType,
      sha256: input.file.sha256,
      storage_key: storageKey,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // NOTE: the ticket history does not yet hide these rows for private followups from those who may
  // not see them. isPrivate is recorded so that its filter can cover attachment actions too.
  await writeTicket(op, ticket, 'attachment_add', {}, {
    attachmentId: row.id,
    name: input.file.name,
    size: input.file.size,
    contentType: input.type.contentType,
    followupId: followup?.id ?? null,
    isPrivate: followup?.is_private === 1,
  });
  stored.push(await moveIntoPlace(input.file.tempPath, dataDir, storageKey));
  return row.id;
}

/** Deletes an attachment row and audits it; returns the file path to remove once the transaction commits. */
export async function deleteAttachment(op: TicketOperation, ticketId: number, attachmentId: number, dataDir: string): Promise<string> {
  const ticket = await lockTicket(op, ticketId);
  const row = await loadVisibleAttachment(op.tx, op.principal, ticket, attachmentId);
  if (row.uploader_id !== op.principal.userId && !canIn(op.principal, 'ticket:update', ticket.entity_id)) throw forbidden('ticket:update');

  await op.tx.deleteFrom('ticket_attachments').where('id', '=', row.id).execute();
  await writeTicket(op, ticket, 'attachment_delete', {}, {
    attachmentId: row.id,
    name: row.name,
    size: row.size_bytes,
    followupId: row.followup_id,
    isPrivate: row.followup_private === 1,
  });
  return storedPath(dataDir, row.storage_key);
}
