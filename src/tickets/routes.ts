import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TicketRow } from '../db/schema.js';
import { auditContextOf, principalOf } from '../http/context.js';
import { addAssignee, escalate, removeAssignee } from './assignment.js';
import { lockTicket, type TicketOperation } from './context.js';
import { createTicket } from './create.js';
import { presentTickets } from './present.js';
import { loadHistory, loadTimeline } from './read.js';
import { approvalSchema, assigneeSchema, escalationSchema, followupSchema, solutionSchema, taskSchema, ticketCreateSchema, ticketIdParams, ticketUpdateSchema } from './schemas.js';
import { listTickets, TEXT_COUNT_CAP, ticketListQuery } from './search.js';
import { addFollowup, addSolution, addTask, answerSolution } from './timeline.js';
import { updateTicket } from './update.js';
import { loadVisibleTicket } from './visibility.js';

const tags = ['tickets'];

export const ticketRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  /** Runs one ticket operation in a transaction, with the ticket row locked, and returns the ticket JSON. */
  async function mutate(request: Parameters<typeof principalOf>[0] & { ip: string; id: string }, ticketId: number, work: (op: TicketOperation, ticket: TicketRow) => Promise<TicketRow>) {
    const updated = await ctx.db.transaction().execute(async (tx) => {
      const op: TicketOperation = { tx, engine: ctx.engine, principal: principalOf(request), audit: auditContextOf(request) };
      return work(op, await lockTicket(op, ticketId));
    });
    const [view] = await presentTickets(ctx.db, [updated]);
    return view;
  }

  const listDescription =
    'Lists the visible tickets matching every filter, one page at a time. `total` counts them all, except for a text (`q`) found in more than ' +
    `${TEXT_COUNT_CAP} tickets: the count then stops there and \`totalExact\` is false. Pass \`nextCursor\` as \`after\` for deep pages.`;
  app.get('/tickets', { config: { permission: 'ticket:read_own' }, schema: { tags, description: listDescription, querystring: ticketListQuery } }, async (request) => {
    const { rows, total, totalExact, nextCursor } = await listTickets(ctx.db, principalOf(request), request.query);
    return { items: await presentTickets(ctx.db, rows), total, totalExact, page: request.query.page, perPage: request.query.perPage, nextCursor };
  });

  app.post('/tickets', { config: { permission: 'ticket:create' }, schema: { tags, body: ticketCreateSchema } }, async (request, reply) => {
    const ticket = await ctx.db.transaction().execute((tx) =>
      createTicket({ tx, engine: ctx.engine, principal: principalOf(request), audit: auditContextOf(request) }, request.body),
    );
    const [view] = await presentTickets(ctx.db, [ticket]);
    return reply.code(201).send(view);
  });

  app.get('/tickets/:id', { config: { permission: 'ticket:read_own' }, schema: { tags, params: ticketIdParams } }, async (request) => {
    const ticket = await loadVisibleTicket(ctx.db, principalOf(request), request.params.id);
    const [view] = await presentTickets(ctx.db, [ticket]);
    return view;
  });

  app.patch('/tickets/:id', { config: { permission: 'ticket:update' }, schema: { tags, params: ticketIdParams, body: ticketUpdateSchema } }, async (request) =>
    mutate(request, request.params.id, (op, ticket) => updateTicket(op, ticket, request.body)),
  );

  app.post('/tickets/:id/assignees', { schema: { tags, params: ticketIdParams, body: assigneeSchema } }, async (request) =>
    mutate(request, request.params.id, (op, ticket) => addAssignee(op, ticket, request.body)),
  );

  app.delete(
    '/tickets/:id/assignees/:kind/:actorId',
    { config: { permission: 'ticket:assign' }, schema: { tags, params: ticketIdParams.extend({ kind: z.enum(['user', 'group']), actorId: z.coerce.number().int().positive().max(2_147_483_647) }) } },
    async (request) =>
      mutate(request, request.params.id, (op, ticket) =>
        removeAssignee(op, ticket, request.params.kind === 'user' ? { userId: request.params.actorId } : { groupId: request.params.actorId }),
      ),
  );

  app.post('/tickets/:id/take', { config: { permission: 'ticket:take' }, schema: { tags, params: ticketIdParams } }, async (request) =>
    mutate(request, request.params.id, (op, ticket) => addAssignee(op, ticket, { userId: op.principal.userId })),
  );

  app.post('/tickets/:id/escalations', { config: { permission: 'ticket:escalate' }, schema: { tags, params: ticketIdParams, body: escalationSchema } }, async (request) =>
    mutate(request, request.params.id, (op, ticket) => escalate(op, ticket, request.body)),
  );

  app.post('/tickets/:id/followups', { schema: { tags, params: ticketIdParams, body: followupSchema } }, async (request, reply) =>
    reply.code(201).send(await mutate(request, request.params.id, (op, ticket) => addFollowup(op, ticket, request.body))),
  );

  app.post('/tickets/:id/tasks', { config: { permission: 'ticket:update' }, schema: { tags, params: ticketIdParams, body: taskSchema } }, async (request, reply) =>
    reply.code(201).send(await mutate(request, request.params.id, (op, ticket) => addTask(op, ticket, request.body))),
  );

  app.post('/tickets/:id/solution', { config: { permission: 'ticket:solve' }, schema: { tags, params: ticketIdParams, body: solutionSchema } }, async (request, reply) =>
    reply.code(201).send(await mutate(request, request.params.id, (op, ticket) => addSolution(op, ticket, request.body))),
  );

  app.post('/tickets/:id/approval', { schema: { tags, params: ticketIdParams, body: approvalSchema } }, async (request) =>
    mutate(request, request.params.id, (op, ticket) => answerSolution(op, ticket, request.body)),
  );

  app.get('/tickets/:id/timeline', { config: { permission: 'ticket:read_own' }, schema: { tags, params: ticketIdParams } }, async (request) => {
    const principal = principalOf(request);
    const ticket = await loadVisibleTicket(ctx.db, principal, request.params.id);
    return loadTimeline(ctx.db, principal, ticket);
  });

  app.get('/tickets/:id/history', { config: { permission: 'ticket:read_own' }, schema: { tags, params: ticketIdParams } }, async (request) => {
    const principal = principalOf(request);
    const ticket = await loadVisibleTicket(ctx.db, principal, request.params.id);
    return loadHistory(ctx.db, principal, ticket);
  });
};
