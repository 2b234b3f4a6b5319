import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nowIso } from '../db/connection.js';
import { isUniqueViolation } from '../db/errors.js';
import { principalOf } from '../http/context.js';
import { AppError, notFound } from '../http/errors.js';
import { ticketListQuery } from './search.js';

const savedOutput = z.object({ id: z.number(), name: z.string(), query: z.record(z.string(), z.string()), createdAt: z.string() });
// Stored as the list's query-string parameters, checked against the list's own schema so a saved search always runs.
const savedCreate = z.strictObject({
  name: z.string().trim().min(1).max(100),
  query: z
    .record(z.string().max(50), z.string().max(500))
    .refine((query) => ticketListQuery.safeParse(query).success, { message: 'must be valid ticket list parameters' }),
});

/** A user's own saved ticket searches; nobody else can list or delete them. */
export const savedSearchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const present = (row: { id: number; name: string; query: string; created_at: string }) => ({
    id: row.id,
    name: row.name,
    query: JSON.parse(row.query) as Record<string, string>,
    createdAt: row.created_at,
  });

  app.get('/saved-searches', { config: { permission: 'ticket:read_own' }, schema: { tags: ['tickets'], response: { 200: z.array(savedOutput) } } }, async (request) => {
    const rows = await ctx.db.selectFrom('saved_searches').selectAll().where('user_id', '=', principalOf(request).userId).orderBy('name').execute();
    return rows.map(present);
  });

  app.post('/saved-searches', { config: { permission: 'ticket:read_own' }, schema: { tags: ['tickets'], body: savedCreate, response: { 201: savedOutput } } }, async (request, reply) => {
    const now = nowIso();
    try {
      const row = await ctx.db
        .insertInto('saved_searches')
        .values({ user_id: principalOf(request).userId, name: request.body.name, query: JSON.stringify(request.body.query), created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return await reply.code(201).send(present(row));
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('already_exists', { resource: 'saved_search', field: 'name' });
      throw error;
    }
  });

  app.delete(
    '/saved-searches/:id',
    { config: { permission: 'ticket:read_own' }, schema: { tags: ['tickets'], params: z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) }), response: { 204: z.null() } } },
    async (request, reply) => {
      const deleted = await ctx.db.deleteFrom('saved_searches').where('id', '=', request.params.id).where('user_id', '=', principalOf(request).userId).executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) throw notFound('saved_search');
      return reply.code(204).send(null);
    },
  );
};
