// Turns the GLPI references of a ticket (ids in links, logins, names) into local ids, creating
// what an earlier step did not bring in through the CSV importer's helpers.

import { PATH_SEPARATOR } from '../importer-names.js';
import { locationKey, personKey } from '../importer-plan.js';
import type { PlannedPerson } from '../importer-plan.js';
import { resolveGroups, resolveUsers } from '../importer-people.js';
import type { ResolvedGroup } from '../importer-people.js';
import { resolveCategories, resolveLocations } from '../importer-trees.js';
import type { WriteContext } from '../importer-trees.js';
import type { Executor } from '../../db/connection.js';
import { loadRefs } from './state.js';

/** Local ids of the records the reference step mapped, keyed by GLPI id (users by login). */
export interface ReferenceMaps {
  rootId: number;
  entities: ReadonlyMap<number, number>;
  locations: ReadonlyMap<number, number>;
  categories: ReadonlyMap<number, number>;
  /** Every local account by lower-case login: GLPI logins are matched case-insensitively, as the import matches them. */
  usersByLogin: ReadonlyMap<string, number>;
  groups: ReadonlyMap<number, ResolvedGroup>;
}

const localIds = (refs: Map<number, { localId: number }>) => new Map([...refs].map(([glpiId, ref]) => [glpiId, ref.localId]));

/** Loads the mapping that the reference step stored, so that a resumed run need not read GLPI's lists again. */
export async function loadReferenceMaps(db: Executor): Promise<ReferenceMaps> {
  const root = await db.selectFrom('entities').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const entities = localIds(await loadRefs(db, 'entity'));
  entities.set(0, root.id);

  const users = await db.selectFrom('users').select(['id', 'login']).orderBy('id').execute();
  const usersByLogin = new Map<string, number>();
  for (const user of users) if (!usersByLogin.has(user.login.toLowerCase())) usersByLogin.set(user.login.toLowerCase(), user.id);

  const groupRefs = await loadRefs(db, 'group');
  const groupRows = await db.selectFrom('groups').select(['id', 'level']).execute();
  const levelById = new Map(groupRows.map((group) => [group.id, group.level]));
  const groups = new Map([...groupRefs].map(([glpiId, ref]) => [glpiId, { id: ref.localId, level: levelById.get(ref.localId) ?? null }]));

  return {
    rootId: root.id,
    entities,
    locations: localIds(await loadRefs(db, 'location')),
    categories: localIds(await loadRefs(db, 'category')),
    usersByLogin,
    groups,
  };
}

/**
 * Finds the local records of one ticket inside its transaction. A miss creates the record with
 * the CSV importer's helpers, which find it again on the next ticket, so nothing is cached here
 * that a rolled-back transaction could leave behind.
 */
export class TicketLookups {
  constructor(
    private readonly context: WriteContext,
    private readonly maps: ReferenceMaps,
    /** Local entity of the ticket, where created accounts and places go. */
    private readonly entityId: number,
  ) {}

  private async person(person: Omit<PlannedPerson, 'entityKey'>): Promise<number> {
    const key = personKey(person);
    const resolved = await resolveUsers(this.context, new Map([[key, { ...person, entityKey: '' }]]), new Map([['', this.entityId]]), []);
    return resolved.get(key) ?? -1;
  }

  /** Local account of a GLPI login; an unknown login becomes an inactive account named after it. */
  async user(login: string | undefined, technician = false): Promise<number | null> {
    if (login === undefined) return null;
    return this.maps.usersByLogin.get(login.toLowerCase()) ?? (await this.person({ display: login, technician }));
  }

  /** Local account of a requester known only by e-mail address, created when missing. */
  async emailUser(address: string): Promise<number> {
    return this.person({ email: address, technician: false });
  }

  async group(glpiId: number | undefined, name: string | undefined): Promise<ResolvedGroup | null> {
    const known = glpiId === undefined ? undefined : this.maps.groups.get(glpiId);
    if (known !== undefined) return known;
    if (name === undefined) return null;
    const byName = await resolveGroups(this.context, this.entityId, new Set([name]), []);
    return byName.get(name) ?? null;
  }

  async category(glpiId: number | undefined, path: string[]): Promise<number | null> {
    const known = glpiId === undefined ? undefined : this.maps.categories.get(glpiId);
    if (known !== undefined) return known;
    if (path.length === 0) return null;
    const byPath = await resolveCategories(this.context, this.maps.rootId, path.map((_, depth) => path.slice(0, depth + 1)), []);
    return byPath.get(path.join(PATH_SEPARATOR)) ?? null;
  }

  async location(glpiId: number | undefined, path: string[]): Promise<number | null> {
    const known = glpiId === undefined ? undefined : this.maps.locations.get(glpiId);
    if (known !== undefined) return known;
    if (path.length === 0) return null;
    const planned = path.map((_, depth) => ({ entityKey: '', path: path.slice(0, depth + 1) }));
    const byKey = await resolveLocations(this.context, new Map([['', this.entityId]]), planned, []);
    return byKey.get(locationKey('', path)) ?? null;
  }
}
