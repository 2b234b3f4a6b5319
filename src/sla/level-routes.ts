import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/audit.js';
import { nowIso } from '../db/connection.js';
import { auditContextOf } from '../http/context.js';
import { notFound } from '../http/errors.js';
import { recordId } from '../http/validation.js';

const levelOutput = z.object({
  id: z.number(),
  slaId: z.number(),
  name: z.string(),
  offsetSeconds: z.number(),
  action: z.enum(['notify', 'add_group', 'raise_priority']),
  groupId: z.number().nullable(),
  priority: z.number().nullable(),
});
const levelCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    offsetSeconds: z.number().int().min(-365 * 86_400).max(365 * 86_400),
    action: z.enum(['notify', 'add_group', 'raise_priority']),
    groupId: recordId().nullable().default(null),
    priority: z.number().int().min(1).max(6).nullable().default(null),
  })
  .refine((level) => level.action !== 'add_group' || level.groupId !== null, { message: 'add_group needs groupId', path: ['groupId'] })
  .refine((level) => level.action !== 'raise_priority' || level.priority !== null, { message: 'raise_priority needs priority', path: ['priority'] });

const present = (row: { id: number; sla_id: number; name: string; offset_seconds: number; action: string; group_id: number | null; priority: number | null }) => ({
  id: row.id,
  slaId: row.sla_id,
  name: row.name,
  offsetSeconds: row.offset_seconds,
  action: row.action as 'notify' | 'add_group' | 'raise_priority',
  groupId: row.group_id,
  priority: row.priority,
});

/** Escalation levels of an SLA: actions run once per ticket at an offset from its deadline. */
export const slaLevelRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const params = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

  app.get('/slas/:id/levels', { config: { permission: 'sla:read' }, schema: { tags: ['sla'], params, response: { 200: z.array(levelOutput) } } }, async (request) => {
    const rows = await ctx.db.selectFrom('sla_levels').selectAll().where('sla_id', '=', request.params.id).orderBy('offset_seconds').execute();
    return rows.map(present);
  });

  app.post('/slas/:id/levels', { config: { permission: 'sla:update' }, schema: { tags: ['sla'], params, body: levelCreate, response: { 201: levelOutput } } }, async (request, reply) => {
    const row = await ctx.db.transaction().execute(async (tx) => {
      const sla = await tx.selectFrom('slas').select('id').where('id', '=', request.params.id).executeTakeFirst();
      if (sla === undefined) throw notFound('sla');
      if (request.body.groupId !== null) {
        const group = await tx.selectFrom('groups').select('id').where('id', '=', request.body.groupId).executeTakeFirst();
        if (group === undefined) throw notFound('group');
      }
      const now = nowIso();
      const inserted = await tx
        .insertInto('sla_levels')
        .values({ sla_id: sla.id, name: request.body.name, offset_seconds: request.body.offsetSeconds, action: request.body.action, group_id: request.body.groupId, priority: request.body.priority, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(tx, ctx.engine, auditContextOf(request), { action: 'sla.level_create', recordType: 'sla', recordId: sla.id, changes: { level: present(inserted) } });
      return inserted;
    });
    return reply.code(201).send(present(row));
  });

  app.delete('/slas/:id/levels/:levelId', { config: { permission: 'sla:update' }, schema: { tags: ['sla'], params: params.extend({ levelId: z.coerce.number().int().positive().max(2_147_483_647) }), response: { 204: z.null() } } }, async (request, reply) => {
    await ctx.db.transaction().execute(async (tx) => {
      const deleted = await tx.deleteFrom('sla_levels').where('id', '=', request.params.levelId).where('sla_id', '=', request.params.id).executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) throw notFound('sla');
      await appendAudit(tx, ctx.engine, auditContextOf(request), { action: 'sla.level_delete', recordType: 'sla', recordId: request.params.id, changes: { levelId: request.params.levelId } });
    });
    return reply.code(204).send(null);
  });
};
