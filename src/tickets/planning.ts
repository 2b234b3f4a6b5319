import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../http/context.js';
import { invalidQuery } from '../http/errors.js';
import { MAX_RECORD_ID } from '../http/validation.js';
import { visibleTickets } from './visibility.js';

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const MAX_RANGE_DAYS = 62;

const planningQuery = z.strictObject({
  from: instant,
  to: instant,
  technicianId: z.coerce.number().int().positive().max(MAX_RECORD_ID).optional(),
});

const plannedTask = z.object({
  taskId: z.number(),
  ticketId: z.number(),
  ticketTitle: z.string(),
  ticketStatus: z.string(),
  priority: z.number(),
  technicianId: z.number().nullable(),
  technicianName: z.string().nullable(),
  content: z.string(),
  isPrivate: z.boolean(),
  state: z.string(),
  mode: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
});

/** Planned tasks overlapping a period, for the technicians' week calendar. */
export const planningRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/planning',
    { config: { permission: 'ticket:read' }, schema: { tags: ['tickets'], querystring: planningQuery, response: { 200: z.array(plannedTask) } } },
    async (request) => {
      const { from, to, technicianId } = request.query;
      if (to <= from) throw invalidQuery('to', 'range_end_before_start');
      if (Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS * 86_400_000) throw invalidQuery('to', 'range_too_long');
      const principal = principalOf(request);

      let query = ctx.db
        .selectFrom('ticket_tasks')
        .innerJoin('tickets', 'tickets.id', 'ticket_tasks.ticket_id')
        .leftJoin('users', 'users.id', 'ticket_tasks.technician_id')
        .select([
          'ticket_tasks.id as taskId',
          'tickets.id as ticketId',
          'tickets.title as ticketTitle',
          'tickets.status as ticketStatus',
          'tickets.priority',
          'tickets.entity_id',
          'ticket_tasks.technician_id as technicianId',
          'users.first_name',
          'users.last_name',
          'ticket_tasks.content',
          'ticket_tasks.is_private',
          'ticket_tasks.author_id',
          'ticket_tasks.state',
          'ticket_tasks.mode',
          'ticket_tasks.planned_start',
          'ticket_tasks.planned_end',
        ])
        .where(visibleTickets(principal))
        .where('ticket_tasks.planned_start', '<', to)
        .where('ticket_tasks.planned_end', '>', from);
      if (technicianId !== undefined) query = query.where('ticket_tasks.technician_id', '=', technicianId);
      const rows = await query.orderBy('ticket_tasks.planned_start').limit(2000).execute();

      const seesPrivate = (entityId: number) => principal.scopes.get('ticket:read_private')?.has(entityId) ?? false;
      return rows
        .filter((row) => row.is_private === 0 || row.author_id === principal.userId || seesPrivate(row.entity_id))
        .map((row) => ({
          taskId: row.taskId,
          ticketId: row.ticketId,
          ticketTitle: row.ticketTitle,
          ticketStatus: row.ticketStatus,
          priority: row.priority,
          technicianId: row.technicianId,
          technicianName: row.last_name === null ? null : `${row.last_name} ${row.first_name ?? ''}`.trim(),
          content: row.content,
          isPrivate: row.is_private === 1,
          state: row.state,
          mode: row.mode,
          plannedStart: row.planned_start as string,
          plannedEnd: row.planned_end as string,
        }));
    },
  );
};
