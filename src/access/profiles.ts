import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type CrudResource, registerCrud } from '../http/crud.js';
import { AppError, forbidden } from '../http/errors.js';
import { customIssue } from '../http/validation.js';
import { isPermission, PERMISSIONS } from './permissions.js';
import { hasPermission } from './policy.js';
import { STATUSES } from '../tickets/status.js';

const profileOutput = z.object({
  id: z.number(),
  name: z.string(),
  interface: z.enum(['central', 'helpdesk']),
  rights: z.array(z.string()),
  forbiddenTransitions: z.record(z.string(), z.array(z.string())),
  isSystem: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const rights = z
  .array(z.string().max(100).refine(isPermission, { ...customIssue('unknown_permission') }))
  .max(PERMISSIONS.length);

const forbiddenTransitions = z.partialRecord(z.enum(STATUSES), z.array(z.enum(STATUSES)).max(STATUSES.length));

const profileCreate = z.strictObject({
  name: z.string().trim().min(1).max(100),
  interface: z.enum(['central', 'helpdesk']),
  rights,
  /** Status changes this profile may not make, as { from: [to, ...] }. */
  forbiddenTransitions: forbiddenTransitions.default({}),
});
const profileUpdate = profileCreate.partial();

export const profileResource: CrudResource<z.infer<typeof profileCreate>, z.infer<typeof profileUpdate>, z.infer<typeof profileOutput>> = {
  resource: 'profile',
  table: 'profiles',
  path: '/profiles',
  tag: 'access',
  scoped: false,
  create: profileCreate,
  update: profileUpdate,
  output: profileOutput,
  uniqueField: 'name',
  searchColumn: 'name',
  present: (row) => ({
    id: row.id,
    name: row.name as string,
    interface: row.interface as 'central' | 'helpdesk',
    rights: JSON.parse(row.rights as string) as string[],
    forbiddenTransitions: JSON.parse(row.forbidden_transitions as string) as Record<string, string[]>,
    isSystem: row.is_system === 1,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  }),
  entityOf: () => null,
  toInsert: (input) => ({
    name: input.name,
    interface: input.interface,
    rights: JSON.stringify([...new Set(input.rights)].sort()),
    forbidden_transitions: JSON.stringify(input.forbiddenTransitions),
    is_system: 0,
  }),
  toUpdate: (input) =>
    Object.fromEntries(
      Object.entries({
        name: input.name,
        interface: input.interface,
        rights: input.rights === undefined ? undefined : JSON.stringify([...new Set(input.rights)].sort()),
        forbidden_transitions: input.forbiddenTransitions === undefined ? undefined : JSON.stringify(input.forbiddenTransitions),
      }).filter(([, value]) => value !== undefined),
    ),
  // Nobody can hand out a right they do not hold themselves.
  check: async (_tx, principal, values, existing) => {
    if (typeof values.rights === 'string') {
      for (const right of JSON.parse(values.rights) as string[]) {
        if (isPermission(right) && !hasPermission(principal, right)) throw forbidden(right);
      }
    }
    if (existing?.is_system === 1 && values.name !== undefined && values.name !== existing.name) {
      throw new AppError('conflict', { reason: 'system_profile_name' });
    }
  },
};

export function registerProfileRoutes(app: FastifyInstance): void {
  registerCrud(app, profileResource);
}
