import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Executor } from '../db/connection.js';
import { type CrudResource, load, registerCrud } from '../http/crud.js';
import { conflict, notFound } from '../http/errors.js';
import { recordId } from '../http/validation.js';

const categoryOutput = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  completeName: z.string(),
  isIncident: z.boolean(),
  isRequest: z.boolean(),
  defaultGroupId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const categoryFields = {
  parentId: recordId().nullable(),
  name: z.string().trim().min(1).max(255).refine((value) => !value.includes('>'), { message: 'must not contain ">" (it separates levels of the category path)' }),
  isIncident: z.boolean(),
  isRequest: z.boolean(),
  defaultGroupId: recordId().nullable(),
};
const categoryCreate = z.strictObject({
  ...categoryFields,
  parentId: categoryFields.parentId.default(null),
  isIncident: categoryFields.isIncident.default(true),
  isRequest: categoryFields.isRequest.default(true),
  defaultGroupId: categoryFields.defaultGroupId.default(null),
});
const categoryUpdate = z.strictObject(categoryFields).partial();

const COLUMNS = { parentId: 'parent_id', name: 'name', defaultGroupId: 'default_group_id' } as const;

function toColumns(input: Partial<z.infer<typeof categoryCreate>>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = input[field as keyof typeof COLUMNS];
    if (value !== undefined) values[column] = value;
  }
  if (input.isIncident !== undefined) values.is_incident = input.isIncident ? 1 : 0;
  if (input.isRequest !== undefined) values.is_request = input.isRequest ? 1 : 0;
  return values;
}

/**
 * Ticket categories form one tree shared by every entity, as hospital groups keep one catalogue.
 * Each category says whether incidents, requests or both may use it, and may name a default group.
 */
export const categoryResource: CrudResource<z.infer<typeof categoryCreate>, z.infer<typeof categoryUpdate>, z.infer<typeof categoryOutput>> = {
  resource: 'category',
  table: 'categories',
  path: '/categories',
  tag: 'tickets',
  scoped: false,
  create: categoryCreate,
  update: categoryUpdate,
  output: categoryOutput,
  uniqueField: 'name',
  searchColumn: 'complete_name',
  present: (row) => ({
    id: row.id,
    parentId: row.parent_id as number | null,
    name: row.name as string,
    completeName: row.complete_name as string,
    isIncident: row.is_incident === 1,
    isRequest: row.is_request === 1,
    defaultGroupId: row.default_group_id as number | null,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  }),
  entityOf: () => null,
  toInsert: (input) => ({ ...toColumns(input), complete_name: input.name }),
  toUpdate: (input) => toColumns(input),
  check: async (tx, _principal, values, existing) => {
    if (typeof values.default_group_id === 'number') {
      const group = await tx.selectFrom('groups').select('id').where('id', '=', values.default_group_id).executeTakeFirst();
      if (group === undefined) throw notFound('group');
    }
    if (typeof values.parent_id === 'number') {
      await load(tx, categoryResource, values.parent_id);
      if (existing !== undefined && (await descendants(tx, existing.id)).includes(values.parent_id)) {
        throw conflict('category_cycle');
      }
    }
    if (existing === undefined) {
      const root = await tx.selectFrom('entities').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
      values.entity_id = root.id;
    }
  },
  afterWrite: refreshCompleteNames,
};

async function descendants(tx: Executor, rootId: number): Promise<number[]> {
  const all = await tx.selectFrom('categories').select(['id', 'parent_id']).execute();
  const result = [rootId];
  for (let index = 0; index < result.length; index += 1) {
    for (const category of all) if (category.parent_id === result[index]) result.push(category.id);
  }
  return result;
}

/** Recomputes "Parent > Child" paths below a renamed or moved category. */
async function refreshCompleteNames(tx: Executor, row: { id: number }): Promise<void> {
  const all = await tx.selectFrom('categories').select(['id', 'parent_id', 'name', 'complete_name']).execute();
  const byId = new Map(all.map((category) => [category.id, category]));
  const pathOf = (id: number, depth = 0): string => {
    const category = byId.get(id);
    if (category === undefined || depth > 50) return '';
    return category.parent_id === null ? category.name : `${pathOf(category.parent_id, depth + 1)} > ${category.name}`;
  };
  for (const id of await descendants(tx, row.id)) {
    const completeName = pathOf(id);
    if (byId.get(id)?.complete_name !== completeName) {
      await tx.updateTable('categories').set({ complete_name: completeName }).where('id', '=', id).execute();
    }
  }
}

export function registerCategoryRoutes(app: FastifyInstance): void {
  registerCrud(app, categoryResource);
}
