import type { Executor } from '../db/connection.js';
import { isPermission, type Permission } from './permissions.js';

/** The authenticated caller and the entities in which each of their rights applies. */
export interface Principal {
  userId: number;
  login: string;
  language: 'fr' | 'en';
  timeZone: string;
  interface: 'central' | 'helpdesk';
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  /** Entity ids in which each permission is granted, recursion already expanded. */
  scopes: ReadonlyMap<Permission, ReadonlySet<number>>;
}

interface EntityNode {
  id: number;
  parent_id: number | null;
}

/** Returns the entity and all its descendants. */
export function expandEntity(entities: EntityNode[], rootId: number): number[] {
  const children = new Map<number, number[]>();
  for (const entity of entities) {
    if (entity.parent_id === null) continue;
    const siblings = children.get(entity.parent_id) ?? [];
    siblings.push(entity.id);
    children.set(entity.parent_id, siblings);
  }
  const result: number[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    result.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}

/** Loads the caller's entity assignments and computes the scope of each of their rights. */
export async function loadScopes(
  db: Executor,
  userId: number,
): Promise<{ scopes: Map<Permission, Set<number>>; interface: 'central' | 'helpdesk' }> {
  const assignments = await db
    .selectFrom('user_entities')
    .innerJoin('profiles', 'profiles.id', 'user_entities.profile_id')
    .select(['user_entities.entity_id', 'user_entities.is_recursive', 'profiles.rights', 'profiles.interface'])
    .where('user_entities.user_id', '=', userId)
    .execute();

  const scopes = new Map<Permission, Set<number>>();
  if (assignments.length === 0) return { scopes, interface: 'helpdesk' };

  const needsTree = assignments.some((assignment) => assignment.is_recursive === 1);
  const entities = needsTree ? await db.selectFrom('entities').select(['id', 'parent_id']).execute() : [];

  let anyCentral = false;
  for (const assignment of assignments) {
    if (assignment.interface === 'central') anyCentral = true;
    const entityIds =
      assignment.is_recursive === 1 ? expandEntity(entities, assignment.entity_id) : [assignment.entity_id];
    for (const right of JSON.parse(assignment.rights) as string[]) {
      if (!isPermission(right)) continue;
      const scope = scopes.get(right) ?? new Set<number>();
      for (const id of entityIds) scope.add(id);
      scopes.set(right, scope);
    }
  }
  return { scopes, interface: anyCentral ? 'central' : 'helpdesk' };
}
