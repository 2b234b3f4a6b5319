import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isPermission } from '../access/permissions.js';
import { authorize, canIn } from '../access/policy.js';
import { expandEntity } from '../access/principal.js';
import { appendAudit } from '../audit/audit.js';
import { auditContextOf, principalOf } from '../http/context.js';
import { load } from '../http/crud.js';
import { recordId } from '../http/validation.js';
import { AppError, forbidden } from '../http/errors.js';
import { entityResource } from '../organisation/entities.js';
import { userResource } from './users.js';

const assignmentSchema = z.object({ entityId: z.number(), profileId: z.number(), isRecursive: z.boolean() });
const assignmentsBody = z
  .array(
    z.strictObject({
      entityId: recordId(),
      profileId: recordId(),
      isRecursive: z.boolean().default(false),
    }),
  )
  .max(200);
const params = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** Routes for a user's entity assignments: which profile applies in which entity, optionally recursive. */
export function registerAssignmentRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app;

  typed.get(
    '/users/:id/entities',
    { config: { permission: 'user:read' }, schema: { tags: ['users'], params, response: { 200: z.array(assignmentSchema) } } },
    async (request) => {
      const user = await load(ctx.db, userResource, request.params.id);
      authorize(principalOf(request), 'user:read', user.entity_id as number);
      const rows = await ctx.db
        .selectFrom('user_entities')
        .select(['entity_id', 'profile_id', 'is_recursive'])
        .where('user_id', '=', user.id)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({ entityId: row.entity_id, profileId: row.profile_id, isRecursive: row.is_recursive === 1 }));
    },
  );

  // Replaces every assignment of the user. The caller may only grant a profile in an entity where
  // they hold every right of that profile themselves, so nobody can raise anyone above their own rights.
  typed.put(
    '/users/:id/entities',
    { config: { permission: 'user:update' }, schema: { tags: ['users'], params, body: assignmentsBody, response: { 204: z.null() } } },
    async (request, reply) => {
      const principal = principalOf(request);
      await ctx.db.transaction().execute(async (tx) => {
        const user = await load(tx, userResource, request.params.id);
        authorize(principal, 'user:update', user.entity_id as number);

        const needsTree = request.body.some((assignment) => assignment.isRecursive);
        const tree = needsTree ? await tx.selectFrom('entities').select(['id', 'parent_id']).execute() : [];
        for (const assignment of request.body) {
          await load(tx, entityResource, assignment.entityId);
          authorize(principal, 'user:update', assignment.entityId);
          const profile = await tx.selectFrom('profiles').select(['rights']).where('id', '=', assignment.profileId).executeTakeFirst();
          if (profile === undefined) throw new AppError('not_found', { resource: 'profile' });
          // A recursive assignment reaches every descendant, so the caller must hold each right in all of them.
          const reached = assignment.isRecursive ? expandEntity(tree, assignment.entityId) : [assignment.entityId];
          for (const right of JSON.parse(profile.rights) as string[]) {
            if (!isPermission(right)) continue;
            if (reached.some((entityId) => !canIn(principal, right, entityId))) throw forbidden(right);
          }
        }

        const before = await tx.selectFrom('user_entities').select(['entity_id', 'profile_id', 'is_recursive']).where('user_id', '=', user.id).execute();
        for (const existing of before) authorize(principal, 'user:update', existing.entity_id);
        await tx.deleteFrom('user_entities').where('user_id', '=', user.id).execute();
        const unique = new Map(request.body.map((item) => [`${item.entityId}:${item.profileId}`, item]));
        if (unique.size > 0) {
          await tx
            .insertInto('user_entities')
            .values([...unique.values()].map((item) => ({ user_id: user.id, entity_id: item.entityId, profile_id: item.profileId, is_recursive: item.isRecursive ? 1 : 0 })))
            .execute();
        }
        await appendAudit(tx, ctx.engine, auditContextOf(request), {
          action: 'user.assignments',
          recordType: 'user',
          recordId: user.id,
          entityId: user.entity_id as number,
          changes: {
            assignments: [
              before.map((row) => ({ entityId: row.entity_id, profileId: row.profile_id, isRecursive: row.is_recursive === 1 })),
              [...unique.values()],
            ],
          },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
