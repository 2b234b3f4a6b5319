// First pass over the parsed rows: the people, groups, categories, entities and locations they name.

import type { GlpiTicketRow } from './glpi-csv-fields.js';
import { PATH_SEPARATOR } from './importer-names.js';

/** A person named in the file, keyed by `personKey`. */
export interface PlannedPerson {
  /** `Nom Prénom` or a bare login, when the file shows a name. */
  display?: string;
  /** The address of a requester without an account. */
  email?: string;
  /** True when the person is assigned as technician on at least one ticket. */
  technician: boolean;
  /** Entity path key of the first ticket that names the person, where a created account is placed. */
  entityKey: string;
}

export interface ImportPlan {
  /** Entity paths below the file's top level, each as its list of names, parents before children. */
  entityPaths: string[][];
  people: Map<string, PlannedPerson>;
  groups: Set<string>;
  /** Category paths, each as its list of names. */
  categoryPaths: string[][];
  /** Location paths with the entity path key of their tickets. */
  locations: { entityKey: string; path: string[] }[];
}

/**
 * Key of a ticket's entity: the path below the file's top level, joined with " > ".
 * The empty key is the top-level entity itself, and the entity of files without an Entité column.
 */
export function entityKeyOf(row: GlpiTicketRow): string {
  return (row.entityPath ?? []).slice(1).join(PATH_SEPARATOR);
}

/** Key of a person in the plan and in the importer's user cache. */
export function personKey(person: { display?: string; email?: string }): string {
  return person.email === undefined ? `name:${person.display ?? ''}` : `email:${person.email.toLowerCase()}`;
}

/** Key of a location: its entity key and its path. */
export function locationKey(entityKey: string, path: readonly string[]): string {
  return `${entityKey}\u0000${path.join(PATH_SEPARATOR)}`;
}

/** Adds a path and each of its ancestors to `target`, so parents are created before children. */
function addPathWithAncestors(target: Map<string, string[]>, path: readonly string[]): void {
  for (let depth = 1; depth <= path.length; depth += 1) {
    const prefix = path.slice(0, depth);
    const key = prefix.join(PATH_SEPARATOR);
    if (!target.has(key)) target.set(key, prefix);
  }
}

function addPerson(people: Map<string, PlannedPerson>, person: Omit<PlannedPerson, 'technician' | 'entityKey'>, technician: boolean, entityKey: string) {
  const key = personKey(person);
  const known = people.get(key);
  if (known === undefined) {
    people.set(key, { ...person, technician, entityKey });
  } else if (technician) {
    known.technician = true;
  }
}

/** Lists every reference the rows name, each once, in the order of the file. */
export function planImport(rows: readonly GlpiTicketRow[]): ImportPlan {
  const entities = new Map<string, string[]>();
  const categories = new Map<string, string[]>();
  const locations = new Map<string, { entityKey: string; path: string[] }>();
  const people = new Map<string, PlannedPerson>();
  const groups = new Set<string>();

  for (const row of rows) {
    const entityKey = entityKeyOf(row);
    addPathWithAncestors(entities, (row.entityPath ?? []).slice(1));
    for (const requester of row.requesters ?? []) {
      const person = requester.email === undefined ? { display: requester.name ?? '' } : { email: requester.email };
      addPerson(people, person, false, entityKey);
    }
    for (const technician of row.technicians ?? []) addPerson(people, { display: technician }, true, entityKey);
    for (const group of row.groups ?? []) groups.add(group);
    addPathWithAncestors(categories, row.categoryPath ?? []);
    const locationPath = row.locationPath ?? [];
    for (let depth = 1; depth <= locationPath.length; depth += 1) {
      const path = locationPath.slice(0, depth);
      const key = locationKey(entityKey, path);
      if (!locations.has(key)) locations.set(key, { entityKey, path });
    }
  }
  return {
    entityPaths: [...entities.values()],
    people,
    groups,
    categoryPaths: [...categories.values()],
    locations: [...locations.values()],
  };
}
