import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../access/principal.js';
import { authorize } from '../access/policy.js';
import type { Executor } from '../db/connection.js';
import { type CrudResource, load, registerCrud } from '../http/crud.js';
import { conflict } from '../http/errors.js';
import { customIssue, recordId } from '../http/validation.js';
import { entityResource } from './entities.js';

export const SERVICE_CRITICALITIES = ['vital', 'high', 'normal', 'low'] as const;

const serviceOutput = z.object({
  id: z.number(),
  entityId: z.number(),
  name: z.string(),
  criticality: z.enum(SERVICE_CRITICALITIES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const serviceCreate = z.strictObject({
  entityId: recordId(),
  name: z.string().trim().min(1).max(255),
  criticality: z.enum(SERVICE_CRITICALITIES).default('normal'),
});
const serviceUpdate = z.strictObject({
  entityId: recordId().optional(),
  name: z.string().trim().min(1).max(255).optional(),
  criticality: z.enum(SERVICE_CRITICALITIES).optional(),
});

/** Checks that the entity a record is being placed in exists; scope is checked by the CRUD routes. */
export async function checkEntityExists(tx: Executor, values: Record<string, unknown>): Promise<void> {
  if (typeof values.entity_id === 'number') await load(tx, entityResource, values.entity_id);
}

export const serviceResource: CrudResource<z.infer<typeof serviceCreate>, z.infer<typeof serviceUpdate>, z.infer<typeof serviceOutput>> = {
  resource: 'service',
  table: 'services',
  path: '/services',
  tag: 'organisation',
  scoped: true,
  create: serviceCreate,
  update: serviceUpdate,
  output: serviceOutput,
  uniqueField: 'name',
  searchColumn: 'name',
  present: (row) => ({
    id: row.id,
    entityId: row.entity_id as number,
    name: row.name as string,
    criticality: row.criticality as (typeof SERVICE_CRITICALITIES)[number],
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  }),
  entityOf: (row) => row.entity_id as number,
  toInsert: (input) => ({ entity_id: input.entityId, name: input.name, criticality: input.criticality }),
  toUpdate: (input) => ({
    ...(input.entityId === undefined ? {} : { entity_id: input.entityId }),
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.criticality === undefined ? {} : { criticality: input.criticality }),
  }),
  check: (tx, _principal, values) => checkEntityExists(tx, values),
};

const locationOutput = z.object({
  id: z.number(),
  entityId: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  building: z.string().nullable(),
  floor: z.string().nullable(),
  room: z.string().nullable(),
  completeName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const optionalText = z.string().trim().max(100).nullable().optional();
const locationCreate = z.strictObject({
  entityId: recordId(),
  parentId: recordId().nullable().optional(),
  name: z.string().trim().min(1).max(255).refine((value) => !value.includes('>'), customIssue('name_contains_separator')),
  building: optionalText,
  floor: optionalText,
  room: optionalText,
});
const locationUpdate = locationCreate.partial();

export const locationResource: CrudResource<z.infer<typeof locationCreate>, z.infer<typeof locationUpdate>, z.infer<typeof locationOutput>> = {
  resource: 'location',
  table: 'locations',
  path: '/locations',
  tag: 'organisation',
  scoped: true,
  create: locationCreate,
  update: locationUpdate,
  output: locationOutput,
  uniqueField: 'name',
  searchColumn: 'complete_name',
  present: (row) => ({
    id: row.id,
    entityId: row.entity_id as number,
    parentId: row.parent_id as number | null,
    name: row.name as string,
    building: row.building as string | null,
    floor: row.floor as string | null,
    room: row.room as string | null,
    completeName: row.complete_name as string,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  }),
  entityOf: (row) => row.entity_id as number,
  toInsert: (input) => ({
    entity_id: input.entityId,
    parent_id: input.parentId ?? null,
    name: input.name,
    building: input.building ?? null,
    floor: input.floor ?? null,
    room: input.room ?? null,
    complete_name: input.name,
  }),
  toUpdate: (input) =>
    Object.fromEntries(
      Object.entries({
        entity_id: input.entityId,
        parent_id: input.parentId,
        name: input.name,
        building: input.building,
        floor: input.floor,
        room: input.room,
      }).filter(([, value]) => value !== undefined),
    ),
  check: checkLocation,
  afterWrite: async (tx, row) => {
    const parentId = row.parent_id as number | null;
    const parent = parentId === null ? undefined : await load(tx, locationResource, parentId);
    const completeName = parent === undefined ? (row.name as string) : `${parent.complete_name as string} > ${row.name as string}`;
    if (completeName !== row.complete_name) {
      await tx.updateTable('locations').set({ complete_name: completeName }).where('id', '=', row.id).execute();
      row.complete_name = completeName;
    }
  },
};

async function checkLocation(tx: Executor, principal: Principal, values: Record<string, unknown>, existing?: Record<string, unknown>) {
  await checkEntityExists(tx, values);
  const parentId = values.parent_id;
  if (typeof parentId !== 'number') return;
  const parent = await load(tx, locationResource, parentId);
  authorize(principal, 'location:read', parent.entity_id as number);
  if (existing !== undefined && parentId === existing.id) throw conflict('location_own_parent');
}

export function registerServiceAndLocationRoutes(app: FastifyInstance): void {
  registerCrud(app, serviceResource);
  registerCrud(app, locationResource);
}
