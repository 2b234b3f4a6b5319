// Finds or creates the entities, categories and locations that an import names by their paths.

import { appendAudit } from '../audit/audit.js';
import type { AuditContext } from '../audit/audit.js';
import type { Engine, Executor } from '../db/connection.js';
import { entityType, PATH_SEPARATOR } from './importer-names.js';
import { locationKey } from './importer-plan.js';

/** The transaction an import writes in, with the audit actor and the instant stamped on new records. */
export interface WriteContext {
  tx: Executor;
  engine: Engine;
  audit: AuditContext;
  now: string;
}

interface TreeNode {
  id: number;
  complete_name: string;
}

/** Key of a child record among its siblings. */
const childKey = (parentId: number, name: string): string => `${parentId}\u0000${name}`;

/**
 * Maps each entity path below the file's top level to an entity, creating the missing ones under
 * `top` with the type that `entityType` gives. The empty key maps to `top` itself.
 */
export async function resolveEntities(
  context: WriteContext,
  top: TreeNode,
  paths: readonly string[][],
  created: string[],
): Promise<Map<string, number>> {
  const { tx } = context;
  const rows = await tx.selectFrom('entities').select(['id', 'parent_id', 'name', 'complete_name']).orderBy('id').execute();
  const byChildKey = new Map<string, TreeNode>();
  for (const row of rows) {
    if (row.parent_id !== null && !byChildKey.has(childKey(row.parent_id, row.name))) byChildKey.set(childKey(row.parent_id, row.name), row);
  }

  const byPath = new Map<string, TreeNode>([['', top]]);
  for (const path of paths) {
    const parent = byPath.get(path.slice(0, -1).join(PATH_SEPARATOR)) ?? top;
    const name = path.at(-1) ?? '';
    let node = byChildKey.get(childKey(parent.id, name));
    if (node === undefined) {
      const values = { parent_id: parent.id, name, type: entityType(name), complete_name: `${parent.complete_name}${PATH_SEPARATOR}${name}` };
      const inserted = await tx
        .insertInto('entities')
        .values({ ...values, created_at: context.now, updated_at: context.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      node = { id: inserted.id, complete_name: values.complete_name };
      byChildKey.set(childKey(parent.id, name), node);
      created.push(values.complete_name);
      await appendAudit(tx, context.engine, context.audit, {
        action: 'entity.create',
        recordType: 'entity',
        recordId: inserted.id,
        entityId: inserted.id,
        changes: { ...asCreation(values), source: 'import' },
      });
    }
    byPath.set(path.join(PATH_SEPARATOR), node);
  }
  return new Map([...byPath].map(([key, node]) => [key, node.id]));
}

/**
 * Maps each category path to a category, matched by complete name in any entity. Missing ones are
 * created in `entityId` (the root entity), parents first.
 */
export async function resolveCategories(
  context: WriteContext,
  entityId: number,
  paths: readonly string[][],
  created: string[],
): Promise<Map<string, number>> {
  const { tx } = context;
  const rows = await tx.selectFrom('categories').select(['id', 'complete_name']).orderBy('id').execute();
  const byPath = new Map<string, number>();
  for (const row of rows) if (!byPath.has(row.complete_name)) byPath.set(row.complete_name, row.id);

  for (const path of paths) {
    const completeName = path.join(PATH_SEPARATOR);
    if (byPath.has(completeName)) continue;
    const parentId = path.length > 1 ? (byPath.get(path.slice(0, -1).join(PATH_SEPARATOR)) ?? null) : null;
    const values = { entity_id: entityId, parent_id: parentId, name: path.at(-1) ?? '', complete_name: completeName };
    const inserted = await tx
      .insertInto('categories')
      .values({ ...values, default_group_id: null, created_at: context.now, updated_at: context.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    byPath.set(completeName, inserted.id);
    created.push(completeName);
    await appendAudit(tx, context.engine, context.audit, {
      action: 'category.create',
      recordType: 'category',
      recordId: inserted.id,
      entityId,
      changes: { ...asCreation(values), source: 'import' },
    });
  }
  return byPath;
}

/**
 * Maps each location (entity key and path) to a location of that entity, matched by complete name.
 * Missing ones are created in the ticket's entity, parents first, because two entities can each
 * have a place with the same name.
 */
export async function resolveLocations(
  context: WriteContext,
  entityIdByKey: ReadonlyMap<string, number>,
  locations: readonly { entityKey: string; path: string[] }[],
  created: string[],
): Promise<Map<string, number>> {
  const { tx } = context;
  const rows = await tx.selectFrom('locations').select(['id', 'entity_id', 'complete_name']).orderBy('id').execute();
  const byEntityPath = new Map<string, number>();
  for (const row of rows) {
    const key = childKey(row.entity_id, row.complete_name);
    if (!byEntityPath.has(key)) byEntityPath.set(key, row.id);
  }

  const result = new Map<string, number>();
  for (const { entityKey, path } of locations) {
    const entityId = entityIdByKey.get(entityKey);
    if (entityId === undefined) throw new Error(`entity "${entityKey}" was not resolved before its locations`);
    const completeName = path.join(PATH_SEPARATOR);
    let id = byEntityPath.get(childKey(entityId, completeName));
    if (id === undefined) {
      const parentId = path.length > 1 ? (byEntityPath.get(childKey(entityId, path.slice(0, -1).join(PATH_SEPARATOR))) ?? null) : null;
      const values = { entity_id: entityId, parent_id: parentId, name: path.at(-1) ?? '', complete_name: completeName };
      const inserted = await tx
        .insertInto('locations')
        .values({ ...values, building: null, floor: null, room: null, created_at: context.now, updated_at: context.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = inserted.id;
      byEntityPath.set(childKey(entityId, completeName), id);
      created.push(completeName);
      await appendAudit(tx, context.engine, context.audit, {
        action: 'location.create',
        recordType: 'location',
        recordId: id,
        entityId,
        changes: { ...asCreation(values), source: 'import' },
      });
    }
    result.set(locationKey(entityKey, path), id);
  }
  return result;
}

/** Audit changes of a new record, `{ field: [null, value] }`, as the API writes them. */
export function asCreation(values: Record<string, unknown>): Record<string, [null, unknown]> {
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [field, [null, value]]));
}
