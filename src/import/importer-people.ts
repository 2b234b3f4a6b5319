// Finds or creates the users and support groups that an import names.

import { appendAudit } from '../audit/audit.js';
import type { AuditEvent } from '../audit/audit.js';
import { baseLogin, displayOf, groupLevel, isBareLogin, splitDisplayName, uniqueLogin } from './importer-names.js';
import type { PersonName } from './importer-names.js';
import type { PlannedPerson } from './importer-plan.js';
import { asCreation } from './importer-trees.js';
import type { WriteContext } from './importer-trees.js';

export interface ResolvedGroup {
  id: number;
  level: string | null;
}

interface UserIndex {
  byDisplay: Map<string, number>;
  byLogin: Map<string, number>;
  byEmail: Map<string, number>;
  /** Every login in lower case, to derive new unique ones. */
  takenLogins: Set<string>;
}

async function loadUserIndex(context: WriteContext): Promise<UserIndex> {
  const users = await context.tx.selectFrom('users').select(['id', 'login', 'first_name', 'last_name', 'email']).orderBy('id').execute();
  const index: UserIndex = { byDisplay: new Map(), byLogin: new Map(), byEmail: new Map(), takenLogins: new Set() };
  const keep = (map: Map<string, number>, key: string, id: number) => {
    if (!map.has(key)) map.set(key, id);
  };
  for (const user of users) {
    // Homonyms keep the oldest account, as the lowest id comes first.
    keep(index.byDisplay, displayOf(user), user.id);
    keep(index.byLogin, user.login.toLowerCase(), user.id);
    if (user.email !== null) keep(index.byEmail, user.email.toLowerCase(), user.id);
    index.takenLogins.add(user.login.toLowerCase());
  }
  return index;
}

/** Matches a name by its exact `Nom Prénom` display, then by login; an address by login, then by e-mail. */
function findUser(index: UserIndex, person: PlannedPerson): number | undefined {
  if (person.email !== undefined) {
    const address = person.email.toLowerCase();
    return index.byLogin.get(address) ?? index.byEmail.get(address);
  }
  const display = person.display ?? '';
  return index.byDisplay.get(display) ?? index.byLogin.get(display.toLowerCase());
}

/** Login, names and e-mail of the account created for a person the database does not know. */
function newAccount(person: PlannedPerson, takenLogins: Set<string>): PersonName & { login: string; email: string | null } {
  if (person.email !== undefined) {
    takenLogins.add(person.email.toLowerCase());
    return { login: person.email, firstName: '', lastName: person.email, email: person.email };
  }
  const display = person.display ?? '';
  if (isBareLogin(display)) {
    // GLPI shows the login of an account without a real name: it stays the login.
    return { login: uniqueLogin(display, takenLogins), firstName: '', lastName: display, email: null };
  }
  const name = splitDisplayName(display);
  return { ...name, login: uniqueLogin(baseLogin(name), takenLogins), email: null };
}

function requireEntity(entityIdByKey: ReadonlyMap<string, number>, key: string): number {
  const id = entityIdByKey.get(key);
  if (id === undefined) throw new Error(`entity "${key}" was not resolved before the people of its tickets`);
  return id;
}

/**
 * Maps each planned person (by `personKey`) to a user. Missing people become inactive accounts
 * without a password, in the entity of the first ticket that names them, with the job profile
 * 'technicien' when they are assigned anywhere in the file, else 'autre'.
 */
export async function resolveUsers(
  context: WriteContext,
  people: ReadonlyMap<string, PlannedPerson>,
  entityIdByKey: ReadonlyMap<string, number>,
  created: string[],
): Promise<Map<string, number>> {
  const { tx } = context;
  const index = await loadUserIndex(context);
  const result = new Map<string, number>();

  for (const [key, person] of people) {
    const existing = findUser(index, person);
    if (existing !== undefined) {
      result.set(key, existing);
      continue;
    }
    const account = newAccount(person, index.takenLogins);
    const values = {
      login: account.login,
      first_name: account.firstName,
      last_name: account.lastName,
      email: account.email,
      entity_id: requireEntity(entityIdByKey, person.entityKey),
      job_profile: person.technician ? 'technicien' : 'autre',
      is_active: 0,
    };
    const inserted = await insertImportedUser(context, values);
    result.set(key, inserted.id);
    index.byDisplay.set(displayOf(values), inserted.id);
    index.byLogin.set(values.login.toLowerCase(), inserted.id);
    created.push(values.login);
    await appendAudit(tx, context.engine, context.audit, inserted.event);
  }
  return result;
}

/** The columns an import sets on a new account; the others get their defaults. */
export interface ImportedUserValues {
  login: string;
  first_name: string;
  last_name: string;
  email: string | null;
  entity_id: number;
  job_profile: string;
  is_active: number;
}

/**
 * Inserts an account without a password, phone or service, and returns its id with the audit
 * event of its creation, which the caller appends (alone or in a batch).
 */
export async function insertImportedUser(context: WriteContext, values: ImportedUserValues): Promise<{ id: number; event: AuditEvent }> {
  const inserted = await context.tx
    .insertInto('users')
    .values({ ...values, phone: null, service_id: null, password_hash: null, locked_until: null, last_login_at: null, created_at: context.now, updated_at: context.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const event: AuditEvent = {
    action: 'user.create',
    recordType: 'user',
    recordId: inserted.id,
    entityId: values.entity_id,
    changes: { ...asCreation({ ...values }), source: 'import' },
  };
  return { id: inserted.id, event };
}

/**
 * Maps each group name to a group, matched by name in any entity. Missing ones become support
 * groups of `entityId` (the root entity), with the level N1, N2 or N3 when their name contains it.
 */
export async function resolveGroups(
  context: WriteContext,
  entityId: number,
  names: ReadonlySet<string>,
  created: string[],
): Promise<Map<string, ResolvedGroup>> {
  const { tx } = context;
  const rows = await tx.selectFrom('groups').select(['id', 'name', 'level']).orderBy('id').execute();
  const byName = new Map<string, ResolvedGroup>();
  for (const row of rows) if (!byName.has(row.name)) byName.set(row.name, { id: row.id, level: row.level });

  for (const name of names) {
    if (byName.has(name)) continue;
    const values = { entity_id: entityId, name, is_support: 1, level: groupLevel(name) };
    const inserted = await tx
      .insertInto('groups')
      .values({ ...values, created_at: context.now, updated_at: context.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    byName.set(name, { id: inserted.id, level: values.level });
    created.push(name);
    await appendAudit(tx, context.engine, context.audit, {
      action: 'group.create',
      recordType: 'group',
      recordId: inserted.id,
      entityId,
      changes: { ...asCreation(values), source: 'import' },
    });
  }
  return byName;
}
