// Brings GLPI's entities, locations, users, groups, memberships and ITIL categories into Guichet,
// through the CSV importer's find-or-create helpers, and records each GLPI id in import_refs.

import type { AuditEvent } from '../../audit/audit.js';
import { PATH_SEPARATOR } from '../importer-names.js';
import { insertImportedUser, resolveGroups } from '../importer-people.js';
import { locationKey } from '../importer-plan.js';
import { resolveCategories, resolveEntities, resolveLocations } from '../importer-trees.js';
import type { WriteContext } from '../importer-trees.js';
import type { GlpiRow } from './client.js';
import { decodeGlpiText, linkedId, numberOf, pathOf } from './fields.js';
import { loadRefs, saveRef } from './state.js';

/** The reference lists read from GLPI, each with dropdowns expanded. */
export interface GlpiReferenceLists {
  entities: GlpiRow[];
  locations: GlpiRow[];
  users: GlpiRow[];
  groups: GlpiRow[];
  groupUsers: GlpiRow[];
  categories: GlpiRow[];
}

/** Counts of local records created, per object type. */
export type CreatedCounts = Record<'entities' | 'locations' | 'users' | 'groups' | 'memberships' | 'categories', number>;

const idOf = (row: GlpiRow): number => numberOf(row.id) ?? -1;
const versionOf = (row: GlpiRow): string | null => (typeof row.date_mod === 'string' ? row.date_mod : null);
/** GLPI's root entity (id 0) has no link of its own: a row without an Entity link is on the root. */
const entityOf = (row: GlpiRow): number => linkedId(row, 'Entity') ?? 0;

/** Adds every ancestor of each path, so that parents come before their children. */
function withAncestors(paths: readonly string[][]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const path of paths) {
    for (let depth = 1; depth <= path.length; depth += 1) {
      const prefix = path.slice(0, depth);
      if (!byKey.has(prefix.join(PATH_SEPARATOR))) byKey.set(prefix.join(PATH_SEPARATOR), prefix);
    }
  }
  return [...byKey.values()].sort((a, b) => a.length - b.length);
}

/** Groups rows by the local entity of their GLPI entity. */
function byLocalEntity(rows: readonly GlpiRow[], entityIds: ReadonlyMap<number, number>, rootId: number): Map<number, GlpiRow[]> {
  const groups = new Map<number, GlpiRow[]>();
  for (const row of rows) {
    const local = entityIds.get(entityOf(row)) ?? rootId;
    groups.set(local, [...(groups.get(local) ?? []), row]);
  }
  return groups;
}

/**
 * Maps GLPI entities to local ones below the root entity, matched by path and created when missing.
 * GLPI's own root entity (the first name of every complete name) becomes Guichet's root.
 */
async function writeEntities(context: WriteContext, rows: readonly GlpiRow[], created: string[]): Promise<Map<number, number>> {
  const root = await context.tx.selectFrom('entities').select(['id', 'complete_name']).where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const pathById = new Map(rows.map((row) => [idOf(row), pathOf(decodeGlpiText(row.completename)).slice(1)]));
  const localByPath = await resolveEntities(context, root, withAncestors([...pathById.values()]), created);

  const result = new Map<number, number>([[0, root.id]]);
  for (const row of rows) {
    const local = localByPath.get((pathById.get(idOf(row)) ?? []).join(PATH_SEPARATOR)) ?? root.id;
    result.set(idOf(row), local);
    await saveRef(context.tx, 'entity', idOf(row), local, versionOf(row));
  }
  return result;
}

async function writeLocations(context: WriteContext, rows: readonly GlpiRow[], entityIds: ReadonlyMap<number, number>, created: string[]): Promise<void> {
  const entityIdByKey = new Map([...entityIds].map(([glpiId, local]) => [String(glpiId), local]));
  const planned = [...rows]
    .sort((a, b) => (numberOf(a.level) ?? 0) - (numberOf(b.level) ?? 0))
    .map((row) => ({ row, entityKey: String(entityIds.has(entityOf(row)) ? entityOf(row) : 0), path: pathOf(decodeGlpiText(row.completename)) }));
  const localByKey = await resolveLocations(context, entityIdByKey, planned, created);
  for (const { row, entityKey, path } of planned) {
    const local = localByKey.get(locationKey(entityKey, path));
    if (local !== undefined) await saveRef(context.tx, 'location', idOf(row), local, versionOf(row));
  }
}

/** Job profile from the user's GLPI title ("Médecin", "Infirmière"...), else from a central profile. */
export function jobProfileOf(row: GlpiRow): string {
  const title = decodeGlpiText(row.usertitles_id)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  const byTitle: [RegExp, string][] = [
    [/medecin/, 'medecin'],
    [/infirmi/, 'infirmier'],
    [/cadre de sante/, 'cadre_sante'],
    [/secretaire/, 'secretaire'],
    [/technicien|support|informati/, 'technicien'],
  ];
  for (const [pattern, profile] of byTitle) if (pattern.test(title)) return profile;
  return /^(Technician|Supervisor|Hotliner|Admin|Super-Admin)$/.test(decodeGlpiText(row.profiles_id)) ? 'technicien' : 'autre';
}

/**
 * Maps GLPI users to local accounts: through an earlier import, else by login (case-insensitive),
 * else a new inactive account without a password that keeps the GLPI login and names.
 * NOTE: GLPI's user list carries no e-mail address (GLPI keeps them in UserEmail), so new accounts have none.
 */
async function writeUsers(context: WriteContext, rows: readonly GlpiRow[], entityIds: ReadonlyMap<number, number>, rootId: number, created: string[], events: AuditEvent[]): Promise<void> {
  const refs = await loadRefs(context.tx, 'user');
  const locals = await context.tx.selectFrom('users').select(['id', 'login']).execute();
  const byLogin = new Map(locals.map((user) => [user.login.toLowerCase(), user.id]));

  for (const row of rows) {
    const login = decodeGlpiText(row.name);
    if (login === '') continue;
    let local = refs.get(idOf(row))?.localId ?? byLogin.get(login.toLowerCase());
    if (local === undefined) {
      const values = {
        login,
        first_name: decodeGlpiText(row.firstname),
        last_name: decodeGlpiText(row.realname) || login,
        email: null,
        entity_id: entityIds.get(entityOf(row)) ?? rootId,
        job_profile: jobProfileOf(row),
        is_active: 0,
      };
      const inserted = await insertImportedUser(context, values);
      local = inserted.id;
      byLogin.set(login.toLowerCase(), local);
      created.push(login);
      events.push(inserted.event);
    }
    await saveRef(context.tx, 'user', idOf(row), local, versionOf(row));
  }
}

async function writeGroups(context: WriteContext, rows: readonly GlpiRow[], entityIds: ReadonlyMap<number, number>, rootId: number, created: string[], events: AuditEvent[]): Promise<void> {
  for (const [entityId, entityRows] of byLocalEntity(rows, entityIds, rootId)) {
    const before = created.length;
    const byName = await resolveGroups(context, entityId, new Set(entityRows.map((row) => decodeGlpiText(row.name))), created);
    const createdNow = new Set(created.slice(before));
    for (const row of entityRows) {
      const name = decodeGlpiText(row.name);
      const group = byName.get(name);
      if (group === undefined) continue;
      await saveRef(context.tx, 'group', idOf(row), group.id, versionOf(row));
      // A group GLPI cannot assign tickets to (requesters or observers only) is no support group.
      if (createdNow.has(name) && numberOf(row.is_assign) === 0) {
        await context.tx.updateTable('groups').set({ is_support: 0, updated_at: context.now }).where('id', '=', group.id).execute();
        events.push({ action: 'group.update', recordType: 'group', recordId: group.id, entityId, changes: { is_support: [1, 0], source: 'import' } });
      }
    }
  }
}

async function writeMemberships(context: WriteContext, rows: readonly GlpiRow[], events: AuditEvent[]): Promise<number> {
  const users = await loadRefs(context.tx, 'user');
  const groups = await loadRefs(context.tx, 'group');
  const existing = await context.tx.selectFrom('group_members').select(['group_id', 'user_id']).execute();
  const present = new Set(existing.map((member) => `${member.group_id}:${member.user_id}`));
  let added = 0;
  for (const row of rows) {
    const userId = users.get(linkedId(row, 'User') ?? -1)?.localId;
    const groupId = groups.get(linkedId(row, 'Group') ?? -1)?.localId;
    if (userId === undefined || groupId === undefined || present.has(`${groupId}:${userId}`)) continue;
    const isManager = numberOf(row.is_manager) === 1 ? 1 : 0;
    await context.tx.insertInto('group_members').values({ group_id: groupId, user_id: userId, is_manager: isManager }).execute();
    present.add(`${groupId}:${userId}`);
    added += 1;
    events.push({ action: 'group.member_add', recordType: 'group', recordId: groupId, changes: { userId, isManager, source: 'import' } });
  }
  return added;
}

async function writeCategories(context: WriteContext, rows: readonly GlpiRow[], entityIds: ReadonlyMap<number, number>, rootId: number, created: string[]): Promise<void> {
  for (const [entityId, entityRows] of byLocalEntity(rows, entityIds, rootId)) {
    const paths = entityRows.map((row) => pathOf(decodeGlpiText(row.completename)));
    const localByPath = await resolveCategories(context, entityId, withAncestors(paths), created);
    for (const row of entityRows) {
      const local = localByPath.get(pathOf(decodeGlpiText(row.completename)).join(PATH_SEPARATOR));
      if (local !== undefined) await saveRef(context.tx, 'category', idOf(row), local, versionOf(row));
    }
  }
}

/**
 * Writes every reference list in the caller's transaction and returns the counts of created
 * records. The helpers audit each record they create; the other changes are returned in `events`
 * for the caller to append in one batch.
 */
export async function writeReferences(context: WriteContext, lists: GlpiReferenceLists, events: AuditEvent[]): Promise<CreatedCounts> {
  const created = { entities: [] as string[], locations: [] as string[], users: [] as string[], groups: [] as string[], categories: [] as string[] };
  const entityIds = await writeEntities(context, lists.entities, created.entities);
  const rootId = entityIds.get(0) ?? 0;
  await writeLocations(context, lists.locations, entityIds, created.locations);
  await writeUsers(context, lists.users, entityIds, rootId, created.users, events);
  await writeGroups(context, lists.groups, entityIds, rootId, created.groups, events);
  const memberships = await writeMemberships(context, lists.groupUsers, events);
  await writeCategories(context, lists.categories, entityIds, rootId, created.categories);
  return {
    entities: created.entities.length,
    locations: created.locations.length,
    users: created.users.length,
    groups: created.groups.length,
    memberships,
    categories: created.categories.length,
  };
}
