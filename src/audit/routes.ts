import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { entityScope } from '../access/policy.js';
import { principalOf } from '../http/context.js';
import { verifyAuditChain } from './verify.js';

const auditEntry = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  actorId: z.number().nullable(),
  actorLogin: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  entityId: z.number().nullable(),
  changes: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

const auditQuery = z.strictObject({
  actorId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  action: z.string().max(100).optional(),
  recordType: z.string().max(50).optional(),
  recordId: z.string().max(50).optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** Keyset pagination: entries with a sequence number below this one (newest first). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/audit',
    { config: { permission: 'audit:read' }, schema: { tags: ['audit'], querystring: auditQuery, response: { 200: z.object({ items: z.array(auditEntry), nextBefore: z.number().nullable() }) } } },
    async (request) => {
      const query = request.query;
      const scope = entityScope(principalOf(request), 'audit:read');
      // Rows about no entity (sign-ins of unknown logins, profiles) are shown to auditors of the root entity only.
      const root = await ctx.db.selectFrom('entities').select('id').where('parent_id', 'is', null).executeTakeFirst();
      const seesGlobal = root !== undefined && scope.includes(root.id);

      let select = ctx.db.selectFrom('audit_log').selectAll();
      select = select.where((eb) => {
        const inScope = eb('entity_id', 'in', scope.length === 0 ? [0] : scope);
        return seesGlobal ? eb.or([inScope, eb('entity_id', 'is', null)]) : inScope;
      });
      if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
      if (query.action !== undefined) select = select.where('action', '=', query.action);
      if (query.recordType !== undefined) select = select.where('record_type', '=', query.recordType);
      if (query.recordId !== undefined) select = select.where('record_id', '=', query.recordId);
      if (query.from !== undefined) select = select.where('occurred_at', '>=', query.from);
      if (query.to !== undefined) select = select.where('occurred_at', '<', query.to);
      if (query.before !== undefined) select = select.where('seq', '<', query.before);

      const rows = await select.orderBy('seq', 'desc').limit(query.limit + 1).execute();
      const page = rows.slice(0, query.limit);
      return {
        items: page.map((row) => ({
          seq: Number(row.seq),
          occurredAt: row.occurred_at,
          actorId: row.actor_id,
          actorLogin: row.actor_login,
          ip: row.ip,
          requestId: row.request_id,
          action: row.action,
          recordType: row.record_type,
          recordId: row.record_id,
          entityId: row.entity_id,
          changes: JSON.parse(row.changes) as Record<string, unknown>,
          hash: row.hash,
        })),
        nextBefore: rows.length > query.limit ? Number(page[page.length - 1]?.seq) : null,
      };
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { permission: 'config:update' },
      schema: {
        tags: ['audit'],
        response: {
          200: z.object({
            ok: z.boolean(),
            rowsChecked: z.number(),
            lastSeq: z.number(),
            firstBreak: z.object({ seq: z.number(), kind: z.string(), message: z.string() }).optional(),
          }),
        },
      },
    },
    async () => verifyAuditChain(ctx.db),
  );
};
