import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, canIn } from '../access/policy.js';
import { loadScopes, type Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import { forbidden } from '../http/errors.js';
import { hashPassword } from '../auth/passwords.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { type CrudResource, load, registerCrud } from '../http/crud.js';
import { customIssue, recordId } from '../http/validation.js';
import { serviceResource, checkEntityExists } from '../organisation/services.js';
import { registerAssignmentRoutes } from './assignments.js';

export const JOB_PROFILES = ['medecin', 'infirmier', 'cadre_sante', 'secretaire', 'administratif', 'technicien', 'autre'] as const;

const userOutput = z.object({
  id: z.number(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  entityId: z.number(),
  serviceId: z.number().nullable(),
  jobProfile: z.enum(JOB_PROFILES),
  isActive: z.boolean(),
  hasPassword: z.boolean(),
  language: z.enum(['fr', 'en']),
  timeZone: z.string(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const isTimeZone = (value: string) => {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

const userFields = {
  login: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((value) => /^[\p{L}\p{N}._@-]*$/u.test(value), customIssue('login_invalid_characters')),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.email().max(255).nullable(),
  phone: z.string().trim().max(30).nullable(),
  entityId: recordId(),
  serviceId: recordId().nullable(),
  jobProfile: z.enum(JOB_PROFILES),
  isActive: z.boolean(),
  password: z
    .string()
    .max(1024)
    .refine((value) => value.length >= 12, customIssue('password_too_weak'))
    .nullable(),
  language: z.enum(['fr', 'en']),
  timeZone: z.string().max(64).refine(isTimeZone, customIssue('unknown_time_zone')),
};

const userCreate = z.strictObject({
  ...userFields,
  email: userFields.email.default(null),
  phone: userFields.phone.default(null),
  serviceId: userFields.serviceId.default(null),
  jobProfile: userFields.jobProfile.default('autre'),
  isActive: userFields.isActive.default(true),
  password: userFields.password.default(null),
  language: userFields.language.default('fr'),
  timeZone: userFields.timeZone.default('Europe/Paris'),
});
const userUpdate = z.strictObject(userFields).partial().extend({
  /** Clears a temporary lock after repeated failed sign-ins. */
  unlock: z.literal(true).optional(),
});

const COLUMN_OF = {
  login: 'login',
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  entityId: 'entity_id',
  serviceId: 'service_id',
  jobProfile: 'job_profile',
  language: 'language',
  timeZone: 'time_zone',
} as const;

function toColumns(input: Partial<z.infer<typeof userCreate>> & { unlock?: true }): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMN_OF)) {
    const value = input[field as keyof typeof COLUMN_OF];
    if (value !== undefined) values[column] = value;
  }
  if (input.isActive !== undefined) values.is_active = input.isActive ? 1 : 0;
  // The clear password travels under this key only until prepare() replaces it with its hash.
  if (input.password !== undefined) values.password_hash = input.password;
  if (input.unlock === true) Object.assign(values, { locked_until: null, failed_logins: 0 });
  return values;
}

export const userResource: CrudResource<z.infer<typeof userCreate>, z.infer<typeof userUpdate>, z.infer<typeof userOutput>> = {
  resource: 'user',
  table: 'users',
  path: '/users',
  tag: 'users',
  scoped: true,
  create: userCreate,
  update: userUpdate,
  output: userOutput,
  uniqueField: 'login',
  searchColumn: 'login',
  secretFields: ['password_hash'],
  present: (row) => ({
    id: row.id,
    login: row.login as string,
    firstName: row.first_name as string,
    lastName: row.last_name as string,
    email: row.email as string | null,
    phone: row.phone as string | null,
    entityId: row.entity_id as number,
    serviceId: row.service_id as number | null,
    jobProfile: row.job_profile as (typeof JOB_PROFILES)[number],
    isActive: row.is_active === 1,
    hasPassword: row.password_hash !== null,
    language: row.language === 'en' ? 'en' : 'fr',
    timeZone: row.time_zone as string,
    lockedUntil: row.locked_until as string | null,
    lastLoginAt: row.last_login_at as string | null,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  }),
  entityOf: (row) => row.entity_id as number,
  toInsert: (input) => toColumns(input),
  toUpdate: (input) => toColumns(input),
  prepare: async (values) => {
    if (typeof values.password_hash === 'string') values.password_hash = await hashPassword(values.password_hash);
  },
  check: async (tx, principal, values, existing) => {
    await checkEntityExists(tx, values);
    if (existing !== undefined) await requireRightsOver(tx, principal, existing.id);
    if (typeof values.service_id === 'number') {
      const service = await load(tx, serviceResource, values.service_id);
      authorize(principal, 'service:read', service.entity_id as number);
    }
  },
  // A disabled account or a new password ends every open session of that user at once.
  afterWrite: async (tx, row, values) => {
    if (row.is_active !== 1 || values.password_hash !== undefined) await deleteUserSessions(tx, row.id);
  },
};

/**
 * Refuses to edit an account that holds a right the caller lacks somewhere, so nobody can reset the
 * password of, rename or disable a more privileged user and act in their name.
 */
async function requireRightsOver(tx: Executor, principal: Principal, userId: number): Promise<void> {
  const { scopes } = await loadScopes(tx, userId);
  for (const [permission, entities] of scopes) {
    for (const entityId of entities) {
      if (!canIn(principal, permission, entityId)) throw forbidden(permission);
    }
  }
}

export function registerUserRoutes(app: FastifyInstance): void {
  registerCrud(app, userResource);
  registerAssignmentRoutes(app);
}
