import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../access/policy.js';
import { expandEntity, type Principal } from '../access/principal.js';
import type { Executor } from '../db/connection.js';
import { conflict } from '../http/errors.js';
import { type CrudResource, load, registerCrud } from '../http/crud.js';
import { customIssue, recordId } from '../http/validation.js';

export const ENTITY_TYPES = ['group', 'hospital', 'ehpad', 'administrative', 'other'] as const;

/** Solved tickets close after this many days without an answer, unless the entity sets otherwise. */
export const DEFAULT_AUTOCLOSE_DAYS = 7;

const entityOutput = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  type: z.enum(ENTITY_TYPES),
  completeName: z.string(),
  /** Days a solved ticket waits for its requester's answer before closing: null never, 0 at once. */
  autocloseDays: z.number().nullable(),
  /** Business calendar of the entity's SLA deadlines; null inherits the parent's, 24/7 at the root. */
  calendarId: z.number().nullable(),
  /** Share (0-100 %) of closed tickets whose requester gets the satisfaction survey. */
  satisfactionRate: z.number(),
  /** Days after closing during which the survey can be answered. */
  satisfactionDelayDays: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const name = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((value) => !value.includes('>'), customIssue('name_contains_separator'));

const entityCreate = z.strictObject({
  parentId: recordId(),
  name,
  type: z.enum(ENTITY_TYPES),
  autocloseDays: z.number().int().min(0).max(365).nullable().optional(),
  calendarId: recordId().nullable().optional(),
  satisfactionRate: z.number().int().min(0).max(100).optional(),
  satisfactionDelayDays: z.number().int().min(1).max(365).optional(),
});
const entityUpdate = entityCreate.partial();

type EntityCreate = z.infer<typeof entityCreate>;
type EntityUpdate = z.infer<typeof entityUpdate>;

export const entityResource: CrudResource<EntityCreate, EntityUpdate, z.infer<typeof entityOutput>> = {
  resource: 'entity',
  table: 'entities',
  path: '/entities',
  tag: 'organisation',
  scoped: true,
  create: entityCreate,
  update: entityUpdate,
  output: entityOutput,
  uniqueField: 'name',
  searchColumn: 'complete_name',
  present: (row) => ({
    id: row.id,
    parentId: row.parent_id as number | null,
    name: row.name as string,
    type: row.type as (typeof ENTITY_TYPES)[number],
    completeName: row.complete_name as string,
    autocloseDays: row.autoclose_days as number | null,
    calendarId: row.calendar_id as number | null,
    satisfactionRate: row.satisfaction_rate as number,
    satisfactionDelayDays: row.satisfaction_delay_days as number,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  }),
  // A new entity is authorised against its parent: creating a child needs the right there.
  entityOf: (row) => ('id' in row && typeof row.id === 'number' ? row.id : (row.parent_id as number)),
  toInsert: (input) => ({
    parent_id: input.parentId,
    name: input.name,
    type: input.type,
    complete_name: input.name,
    autoclose_days: input.autocloseDays === undefined ? DEFAULT_AUTOCLOSE_DAYS : input.autocloseDays,
    calendar_id: input.calendarId ?? null,
    ...(input.satisfactionRate === undefined ? {} : { satisfaction_rate: input.satisfactionRate }),
    ...(input.satisfactionDelayDays === undefined ? {} : { satisfaction_delay_days: input.satisfactionDelayDays }),
  }),
  toUpdate: (input) => ({
    ...(input.parentId === undefined ? {} : { parent_id: input.parentId }),
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.type === undefined ? {} : { type: input.type }),
    ...(input.autocloseDays === undefined ? {} : { autoclose_days: input.autocloseDays }),
    ...(input.calendarId === undefined ? {} : { calendar_id: input.calendarId }),
    ...(input.satisfactionRate === undefined ? {} : { satisfaction_rate: input.satisfactionRate }),
    ...(input.satisfactionDelayDays === undefined ? {} : { satisfaction_delay_days: input.satisfactionDelayDays }),
  }),
  check: checkParent,
  afterWrite: refreshCompleteNames,
};

async function checkParent(tx: Executor, principal: Principal, values: Record<string, unknown>, existing?: Record<string, unknown>) {
  const parentId = values.parent_id as number | undefined;
  if (existing !== undefined && existing.parent_id === null && parentId !== undefined) {
    throw conflict('root_entity_move');
  }
  if (parentId === undefined) return;
  await load(tx, entityResource, parentId);
  authorize(principal, existing === undefined ? 'entity:create' : 'entity:update', parentId);
  if (existing !== undefined) {
    const ancestors = await ancestorIds(tx, parentId);
    if (ancestors.includes(existing.id as number)) throw conflict('entity_cycle');
  }
}

async function ancestorIds(tx: Executor, entityId: number): Promise<number[]> {
  const all = await tx.selectFrom('entities').select(['id', 'parent_id']).execute();
  const parents = new Map(all.map((entity) => [entity.id, entity.parent_id]));
  const result: number[] = [];
  let current: number | null | undefined = entityId;
  while (current !== null && current !== undefined && !result.includes(current)) {
    result.push(current);
    current = parents.get(current);
  }
  return result;
}

/**
 * Recomputes "Parent > Child" names of the entity and its descendants after a rename or move,
 * and updates the given row too, since the route presents it after this step.
 */
async function refreshCompleteNames(tx: Executor, row: { id: number; complete_name?: unknown }): Promise<void> {
  const all = await tx.selectFrom('entities').select(['id', 'parent_id', 'name', 'complete_name']).execute();
  const byId = new Map(all.map((entity) => [entity.id, entity]));
  const nameOf = (id: number): string => {
    const entity = byId.get(id);
    if (entity === undefined) return '';
    return entity.parent_id === null ? entity.name : `${nameOf(entity.parent_id)} > ${entity.name}`;
  };
  for (const id of expandEntity(all, row.id)) {
    const completeName = nameOf(id);
    if (byId.get(id)?.complete_name !== completeName) {
      await tx.updateTable('entities').set({ complete_name: completeName }).where('id', '=', id).execute();
    }
    if (id === row.id) row.complete_name = completeName;
  }
}

export function registerEntityRoutes(app: FastifyInstance): void {
  registerCrud(app, entityResource);
}
