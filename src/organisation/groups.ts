import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../access/policy.js';
import { appendAudit } from '../audit/audit.js';
import { auditContextOf, principalOf } from '../http/context.js';
import { type CrudResource, load, registerCrud } from '../http/crud.js';
import { AppError } from '../http/errors.js';
import { customIssue, recordId } from '../http/validation.js';
import { checkEntityExists } from './services.js';

export const SUPPORT_LEVELS = ['N1', 'N2', 'N3'] as const;

const groupOutput = z.object({
  id: z.number(),
  entityId: z.number(),
  name: z.string(),
  isSupport: z.boolean(),
  level: z.enum(SUPPORT_LEVELS).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const groupFields = {
  entityId: recordId(),
  name: z.string().trim().min(1).max(255),
  isSupport: z.boolean(),
  level: z.enum(SUPPORT_LEVELS).nullable(),
};
const levelNeedsSupport = (group: { isSupport?: boolean; level?: string | null }) =>
  group.level === undefined || group.level === null || group.isSupport !== false;

const groupCreate = z
  .strictObject({ ...groupFields, isSupport: groupFields.isSupport.default(false), level: groupFields.level.default(null) })
  .refine(levelNeedsSupport, { ...customIssue('level_requires_support'), path: ['level'] });
const groupUpdate = z
  .strictObject(groupFields)
  .partial()
  .refine(levelNeedsSupport, { ...customIssue('level_requires_support'), path: ['level'] });

export const groupResource: CrudResource<z.infer<typeof groupCreate>, z.infer<typeof groupUpdate>, z.infer<typeof groupOutput>> = {
  resource: 'group',
  table: 'groups',
  path: '/groups',
  tag: 'organisation',
  scoped: true,
  create: groupCreate,
  update: groupUpdate,
  output: groupOutput,
  uniqueField: 'name',
  searchColumn: 'name',
  present: (row) => ({
    id: row.id,
    entityId: row.entity_id as number,
    name: row.name as string,
    isSupport: row.is_support === 1,
    level: row.level as (typeof SUPPORT_LEVELS)[number] | null,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  }),
  entityOf: (row) => row.entity_id as number,
  toInsert: (input) => ({
    entity_id: input.entityId,
    name: input.name,
    is_support: input.isSupport ? 1 : 0,
    level: input.isSupport ? input.level : null,
  }),
  toUpdate: (input) =>
    Object.fromEntries(
      Object.entries({
        entity_id: input.entityId,
        name: input.name,
        is_support: input.isSupport === undefined ? undefined : input.isSupport ? 1 : 0,
        level: input.isSupport === false ? null : input.level,
      }).filter(([, value]) => value !== undefined),
    ),
  check: async (tx, _principal, values, existing) => {
    await checkEntityExists(tx, values);
    const isSupport = values.is_support ?? existing?.is_support;
    const level = values.level === undefined ? existing?.level : values.level;
    if (isSupport !== 1 && level !== null && level !== undefined) {
      throw new AppError('conflict', { reason: 'level_requires_support' });
    }
  },
};

const memberSchema = z.object({ userId: z.number(), login: z.string(), isManager: z.boolean() });
const membersBody = z
  .array(z.strictObject({ userId: recordId(), isManager: z.boolean().default(false) }))
  .max(2000);

export function registerGroupRoutes(app: FastifyInstance): void {
  registerCrud(app, groupResource);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app;
  const params = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

  typed.get(
    '/groups/:id/members',
    { config: { permission: 'group:read' }, schema: { tags: ['organisation'], params, response: { 200: z.array(memberSchema) } } },
    async (request) => {
      const group = await load(ctx.db, groupResource, request.params.id);
      authorize(principalOf(request), 'group:read', group.entity_id as number);
      const rows = await ctx.db
        .selectFrom('group_members')
        .innerJoin('users', 'users.id', 'group_members.user_id')
        .select(['users.id', 'users.login', 'group_members.is_manager'])
        .where('group_members.group_id', '=', group.id)
        .orderBy('users.login')
        .execute();
      return rows.map((row) => ({ userId: row.id, login: row.login, isManager: row.is_manager === 1 }));
    },
  );

  // Replaces the whole member list; the audit row records who joined and who left.
  typed.put(
    '/groups/:id/members',
    { config: { permission: 'group:update' }, schema: { tags: ['organisation'], params, body: membersBody, response: { 204: z.null() } } },
    async (request, reply) => {
      const principal = principalOf(request);
      await ctx.db.transaction().execute(async (tx) => {
        const group = await load(tx, groupResource, request.params.id);
        authorize(principal, 'group:update', group.entity_id as number);
        const userIds = [...new Set(request.body.map((member) => member.userId))];
        if (userIds.length > 0) {
          const users = await tx.selectFrom('users').select(['id', 'entity_id']).where('id', 'in', userIds).execute();
          if (users.length !== userIds.length) throw new AppError('not_found', { resource: 'user' });
          for (const user of users) authorize(principal, 'user:read', user.entity_id);
        }
        const before = await tx.selectFrom('group_members').select('user_id').where('group_id', '=', group.id).execute();
        await tx.deleteFrom('group_members').where('group_id', '=', group.id).execute();
        if (request.body.length > 0) {
          const unique = new Map(request.body.map((member) => [member.userId, member]));
          await tx
            .insertInto('group_members')
            .values([...unique.values()].map((member) => ({ group_id: group.id, user_id: member.userId, is_manager: member.isManager ? 1 : 0 })))
            .execute();
        }
        const previous = before.map((row) => row.user_id);
        await appendAudit(tx, ctx.engine, auditContextOf(request), {
          action: 'group.members',
          recordType: 'group',
          recordId: group.id,
          entityId: group.entity_id as number,
          changes: {
            added: userIds.filter((id) => !previous.includes(id)),
            removed: previous.filter((id) => !userIds.includes(id)),
          },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
