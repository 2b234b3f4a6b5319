import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf, principalOf } from '../http/context.js';
import { AppError, invalidField, notFound } from '../http/errors.js';
import { toFieldErrors } from '../http/validation.js';
import { receiveUpload, removeFile, storedPath } from './attachment-store.js';
import { deleteAttachment, insertAttachment, listAttachments, loadVisibleAttachment, presentAttachment, requireAttachable, verifyType } from './attachments.js';
import type { TicketOperation } from './context.js';
import { ticketIdParams } from './schemas.js';
import { loadVisibleTicket } from './visibility.js';

const tags = ['tickets'];
const attachmentParams = ticketIdParams.extend({ attachmentId: z.coerce.number().int().positive().max(2_147_483_647) });
const uploadFieldsSchema = z.strictObject({ followupId: z.coerce.number().int().positive().max(2_147_483_647).optional() });

/** Content-Disposition that always downloads, with an ASCII fallback name and the exact name in RFC 8187 form. */
export function contentDisposition(name: string): string {
  const fallback = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function parseUploadFields(fields: Record<string, string>, request: FastifyRequest) {
  const parsed = uploadFieldsSchema.safeParse(fields);
  if (!parsed.success) throw new AppError('validation_failed', {}, toFieldErrors(parsed.error.issues, 'body', request.locale));
  return parsed.data;
}

/** Attachment routes; the caller registers @fastify/multipart in the same plugin. */
export function attachmentRoutes(uploadLimitBytes: number): FastifyPluginAsyncZod {
  return async (app) => {
    const { ctx } = app;
    const { dataDir } = ctx.config;

    app.post('/tickets/:id/attachments', { config: { permission: 'ticket:read_own' }, schema: { tags, params: ticketIdParams } }, async (request, reply) => {
      const principal = principalOf(request);
      const ticket = await loadVisibleTicket(ctx.db, principal, request.params.id);
      await requireAttachable(ctx.db, principal, ticket);

      const { file, fields } = await receiveUpload(request, dataDir, uploadLimitBytes);
      const stored: string[] = [];
      let attachmentId: number;
      try {
        if (file === undefined) throw invalidField('file', 'attachment_file_required');
        const { followupId } = parseUploadFields(fields, request);
        const type = await verifyType(file);
        attachmentId = await ctx.db.transaction().execute((tx) => {
          const op: TicketOperation = { tx, engine: ctx.engine, principal, audit: auditContextOf(request) };
          return insertAttachment(op, ticket.id, dataDir, { file, type, followupId }, stored);
        });
      } catch (error) {
        // The file was moved into place before a commit that failed: the row is gone, so is the file.
        await Promise.all(stored.map(removeFile));
        throw error;
      } finally {
        if (file !== undefined) await removeFile(file.tempPath);
      }
      const row = await loadVisibleAttachment(ctx.db, principal, ticket, attachmentId);
      return reply.code(201).send(presentAttachment(row));
    });

    app.get('/tickets/:id/attachments', { config: { permission: 'ticket:read_own' }, schema: { tags, params: ticketIdParams } }, async (request) => {
      const principal = principalOf(request);
      const ticket = await loadVisibleTicket(ctx.db, principal, request.params.id);
      return (await listAttachments(ctx.db, principal, ticket)).map(presentAttachment);
    });

    app.get('/tickets/:id/attachments/:attachmentId', { config: { permission: 'ticket:read_own' }, schema: { tags, params: attachmentParams } }, async (request, reply) => {
      const principal = principalOf(request);
      const ticket = await loadVisibleTicket(ctx.db, principal, request.params.id);
      const row = await loadVisibleAttachment(ctx.db, principal, ticket, request.params.attachmentId);
      const file = storedPath(dataDir, row.storage_key);
      try {
        await stat(file);
      } catch (error) {
        request.log.error({ err: error, attachmentId: row.id, ticketId: ticket.id }, 'attachment file missing from storage');
        throw notFound('attachment');
      }
      return reply
        .header('content-type', row.content_type)
        .header('content-length', String(row.size_bytes))
        .header('content-disposition', contentDisposition(row.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', 'sandbox')
        .header('cache-control', 'private, no-store')
        .send(createReadStream(file));
    });

    app.delete('/tickets/:id/attachments/:attachmentId', { config: { permission: 'ticket:read_own' }, schema: { tags, params: attachmentParams } }, async (request, reply) => {
      const principal = principalOf(request);
      const file = await ctx.db.transaction().execute((tx) => {
        const op: TicketOperation = { tx, engine: ctx.engine, principal, audit: auditContextOf(request) };
        return deleteAttachment(op, request.params.id, request.params.attachmentId, dataDir);
      });
      try {
        await removeFile(file);
      } catch (error) {
        request.log.error({ err: error, attachmentId: request.params.attachmentId }, 'attachment file could not be removed after its row was deleted');
      }
      return reply.code(204).send();
    });
  };
}
