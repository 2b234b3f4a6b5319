import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf, principalOf } from '../http/context.js';
import { attachmentRoutes } from './attachment-routes.js';
import { maxUploadBytes } from './attachment-store.js';
import type { TicketOperation } from './context.js';
import { addLink, linkCreateSchema, listLinks, removeLink } from './links.js';
import { mergeSchema, mergeTicket } from './merge.js';
import { presentTickets } from './present.js';
import { answerSurvey, presentSurvey, readSurvey, satisfactionAnswerSchema } from './satisfaction.js';
import { ticketIdParams } from './schemas.js';
import { loadVisibleTicket } from './visibility.js';

const tags = ['tickets'];
const linkParams = ticketIdParams.extend({ linkId: z.coerce.number().int().positive().max(2_147_483_647) });

/** Attachments, satisfaction surveys, links and merge of tickets. */
export const ticketExtraRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const uploadLimit = maxUploadBytes();
  // Registered here only, so multipart bodies reach no other route. An oversized file is reported
  // through its stream's `truncated` flag, which receiveUpload turns into a 413.
  await app.register(multipart, { limits: { fileSize: uploadLimit }, throwFileSizeLimit: false });
  await app.register(attachmentRoutes(uploadLimit));

  const inTransaction = <T>(request: Parameters<typeof auditContextOf>[0], work: (op: TicketOperation) => Promise<T>) =>
    ctx.db.transaction().execute((tx) => work({ tx, engine: ctx.engine, principal: principalOf(request), audit: auditContextOf(request) }));

  app.get('/tickets/:id/satisfaction', { config: { permission: 'ticket:read_own' }, schema: { tags, params: ticketIdParams } }, async (request) => {
    const principal = principalOf(request);
    const ticket = await loadVisibleTicket(ctx.db, principal, request.params.id);
    return presentSurvey(await readSurvey(ctx.db, principal, ticket));
  });

  app.put('/tickets/:id/satisfaction', { config: { permission: 'ticket:approve' }, schema: { tags, params: ticketIdParams, body: satisfactionAnswerSchema } }, async (request) => {
    const survey = await inTransaction(request, async (op) => {
      const ticket = await loadVisibleTicket(op.tx, op.principal, request.params.id);
      return answerSurvey(op, ticket, request.body);
    });
    return presentSurvey(survey);
  });

  app.get('/tickets/:id/links', { config: { permission: 'ticket:read_own' }, schema: { tags, params: ticketIdParams } }, async (request) => {
    const principal = principalOf(request);
    const ticket = await loadVisibleTicket(ctx.db, principal, request.params.id);
    return listLinks(ctx.db, principal, ticket);
  });

  app.post('/tickets/:id/links', { config: { permission: 'ticket:update' }, schema: { tags, params: ticketIdParams, body: linkCreateSchema } }, async (request, reply) => {
    const principal = principalOf(request);
    const link = await inTransaction(request, (op) => addLink(op, request.params.id, request.body));
    const ticket = await loadVisibleTicket(ctx.db, principal, request.params.id);
    const view = (await listLinks(ctx.db, principal, ticket)).find((item) => item.id === link.id);
    return reply.code(201).send(view);
  });

  app.delete('/tickets/:id/links/:linkId', { config: { permission: 'ticket:update' }, schema: { tags, params: linkParams } }, async (request, reply) => {
    await inTransaction(request, (op) => removeLink(op, request.params.id, request.params.linkId));
    return reply.code(204).send();
  });

  app.post('/tickets/:id/merge', { config: { permission: 'ticket:merge' }, schema: { tags, params: ticketIdParams, body: mergeSchema } }, async (request) => {
    const target = await inTransaction(request, (op) => mergeTicket(op, request.params.id, request.body.intoTicketId));
    const [view] = await presentTickets(ctx.db, [target]);
    return view;
  });
};
