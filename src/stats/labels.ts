import type { Executor } from '../db/connection.js';
import type { Locale } from '../http/messages.js';
import { ANSWER_LABELS } from '../priority/explain.js';
import { isPriorityLevel, priorityLabel } from '../priority/labels.js';
import type { GroupKey } from './aggregate.js';
import type { GroupBy } from './schemas.js';

type Text = Readonly<Record<Locale, string>>;

/** Label of the row that gathers the tickets without a value for the dimension. */
const NONE_LABELS: Readonly<Record<GroupBy, Text>> = {
  technician: { fr: 'Aucun technicien', en: 'No technician' },
  group: { fr: 'Aucun groupe', en: 'No group' },
  level: { fr: 'Aucun niveau', en: 'No level' },
  category: { fr: 'Sans catégorie', en: 'No category' },
  service: { fr: 'Service non renseigné', en: 'No service' },
  entity: { fr: 'Aucune entité', en: 'No entity' },
  requesterProfile: { fr: 'Demandeur inconnu', en: 'Unknown requester' },
  priority: { fr: 'Sans priorité', en: 'No priority' },
};

/** The dimension's name, for titles and the first column of the exports. */
export const GROUP_BY_LABELS: Readonly<Record<GroupBy, Text>> = {
  technician: { fr: 'Technicien assigné', en: 'Assigned technician' },
  group: { fr: 'Groupe assigné', en: 'Assigned group' },
  level: { fr: 'Niveau', en: 'Level' },
  category: { fr: 'Catégorie', en: 'Category' },
  service: { fr: 'Service du demandeur', en: "Requester's service" },
  entity: { fr: 'Entité', en: 'Entity' },
  requesterProfile: { fr: 'Profil du demandeur', en: "Requester's job profile" },
  priority: { fr: 'Priorité', en: 'Priority' },
};

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}

function numericKeys(keys: GroupKey[]): number[] {
  return keys.filter((key): key is number => typeof key === 'number');
}

/** Loads the display names of the keys that are record ids, as a map from id to name. */
async function recordNames(db: Executor, groupBy: GroupBy, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  switch (groupBy) {
    case 'technician': {
      const users = await db.selectFrom('users').select(['id', 'first_name', 'last_name']).where('id', 'in', ids).execute();
      return new Map(users.map((user) => [user.id, `${user.last_name} ${user.first_name}`.trim()]));
    }
    case 'group': {
      const groups = await db.selectFrom('groups').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(groups.map((group) => [group.id, group.name]));
    }
    case 'category': {
      const categories = await db.selectFrom('categories').select(['id', 'complete_name']).where('id', 'in', ids).execute();
      return new Map(categories.map((category) => [category.id, category.complete_name]));
    }
    case 'service': {
      const services = await db.selectFrom('services').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(services.map((service) => [service.id, service.name]));
    }
    case 'entity': {
      const entities = await db.selectFrom('entities').select(['id', 'complete_name']).where('id', 'in', ids).execute();
      return new Map(entities.map((entity) => [entity.id, entity.complete_name]));
    }
    default:
      return new Map();
  }
}

/** Returns a function that names a group key in the caller's language. */
export async function loadGroupLabels(db: Executor, groupBy: GroupBy, keys: GroupKey[], locale: Locale): Promise<(key: GroupKey) => string> {
  const names = await recordNames(db, groupBy, numericKeys(keys));
  return (key) => {
    if (key === null) return NONE_LABELS[groupBy][locale];
    if (groupBy === 'priority') return isPriorityLevel(key) ? priorityLabel(key, locale) : String(key);
    if (groupBy === 'requesterProfile') {
      const label = ANSWER_LABELS[`profile_${String(key)}` as keyof typeof ANSWER_LABELS] as Text | undefined;
      return label === undefined ? String(key) : capitalize(label[locale]);
    }
    if (typeof key === 'number') return names.get(key) ?? `#${key}`;
    return key;
  };
}

/** Ids of the categories that have sub-categories: the list's category filter includes those too. */
export async function categoriesWithChildren(db: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('categories').select('parent_id').where('parent_id', 'in', ids).distinct().execute();
  return new Set(rows.map((row) => row.parent_id).filter((id): id is number => id !== null));
}
