import type { AuditEvent } from '../audit/audit.js';
import type { Executor } from '../db/connection.js';
import type { Level } from './catalog.js';
import { IT_SERVICE } from './layout.js';
import type { DemoPlaces, DemoService } from './organisation.js';
import { createNameGenerator } from './people.js';
import type { Random } from './random.js';

export interface DemoPerson {
  id: number;
  login: string;
  entityId: number;
  serviceId: number;
  serviceName: string;
  jobProfile: string;
  /** Relative number of tickets this person opens: a few staff open many, most open few. */
  activity: number;
}

export interface DemoStaff {
  /** Hospital and EHPAD staff with the Self-Service profile: the requesters. */
  people: DemoPerson[];
  technicians: Record<Level, DemoPerson[]>;
  groups: Record<Level, number>;
  /** Head of the IT department, with the Superviseur profile and manager of the three groups. */
  manager: DemoPerson;
}

const TECHNICIANS_PER_LEVEL: Record<Level, number> = { N1: 7, N2: 5, N3: 3 };

const GROUP_NAMES: Record<Level, string> = {
  N1: 'Support de proximité (N1)',
  N2: 'Administration systèmes et réseaux (N2)',
  N3: 'Expertise applicative (N3)',
};

const EMAIL_DOMAIN = 'gh-luberon.example';

interface PendingUser {
  login: string;
  firstName: string;
  lastName: string;
  service: DemoService;
  jobProfile: string;
  profile: 'Self-Service' | 'Technicien' | 'Superviseur';
  level?: Level;
  activity: number;
}

/**
 * Creates the staff of every service with the Self-Service profile in their site, the 15
 * technicians (Technicien, recursive on the whole group) in the N1, N2 and N3 support groups, and
 * the head of the IT department (Superviseur). Every account gets the same password hash.
 */
export async function createStaff(tx: Executor, places: DemoPlaces, passwordHash: string, random: Random, now: string, audit: AuditEvent[]): Promise<DemoStaff> {
  const nextName = createNameGenerator(random);
  const pending: PendingUser[] = [];
  for (const service of places.services) {
    for (let index = 0; index < service.spec.staff; index += 1) {
      const jobProfile = random.weighted(service.spec.jobs);
      pending.push({ ...nextName(), service, jobProfile, profile: 'Self-Service', activity: random.logNormal(1, 0.9) });
    }
  }
  const itService = places.services.find((service) => service.name === IT_SERVICE);
  if (itService === undefined) throw new Error(`the demo layout has no "${IT_SERVICE}" service`);
  for (const level of ['N1', 'N2', 'N3'] as const) {
    for (let index = 0; index < TECHNICIANS_PER_LEVEL[level]; index += 1) {
      pending.push({ ...nextName(), service: itService, jobProfile: 'technicien', profile: 'Technicien', level, activity: random.logNormal(1, 0.4) });
    }
  }
  pending.push({ ...nextName(), service: itService, jobProfile: 'technicien', profile: 'Superviseur', activity: 1 });

  const inserted = await tx
    .insertInto('users')
    .values(
      pending.map((user) => ({
        login: user.login,
        first_name: user.firstName,
        last_name: user.lastName,
        email: `${user.login}@${EMAIL_DOMAIN}`,
        phone: String(random.int(4000, 4999)),
        entity_id: user.service.entityId,
        service_id: user.service.id,
        job_profile: user.jobProfile,
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'login'])
    .execute();
  const idOf = new Map(inserted.map((row) => [row.login, row.id]));
  const people = pending.map((user) => ({ user, person: toPerson(user, idOf.get(user.login)) }));

  await assignProfiles(tx, places.rootId, people);
  for (const { user, person } of people) {
    audit.push({ action: 'user.create', recordType: 'user', recordId: person.id, entityId: person.entityId, changes: { login: [null, user.login], profile: user.profile } });
  }

  const technicians: DemoStaff['technicians'] = { N1: [], N2: [], N3: [] };
  for (const { user, person } of people) if (user.level !== undefined) technicians[user.level].push(person);
  const manager = people.find(({ user }) => user.profile === 'Superviseur')?.person;
  if (manager === undefined) throw new Error('the demo staff has no Superviseur');
  const groups = await createGroups(tx, places.rootId, technicians, manager, now, audit);

  return { people: people.filter(({ user }) => user.profile === 'Self-Service').map(({ person }) => person), technicians, groups, manager };
}

function toPerson(user: PendingUser, id: number | undefined): DemoPerson {
  if (id === undefined) throw new Error(`user ${user.login} was not returned by the insert`);
  return { id, login: user.login, entityId: user.service.entityId, serviceId: user.service.id, serviceName: user.service.name, jobProfile: user.jobProfile, activity: user.activity };
}

/** Self-Service in the person's own site; Technicien and Superviseur recursive from the root. */
async function assignProfiles(tx: Executor, rootId: number, people: { user: PendingUser; person: DemoPerson }[]): Promise<void> {
  const profiles = await tx.selectFrom('profiles').select(['id', 'name']).execute();
  const profileId = (name: string) => {
    const profile = profiles.find((row) => row.name === name);
    if (profile === undefined) throw new Error(`profile "${name}" is missing: run the bootstrap first`);
    return profile.id;
  };
  const rows = people.map(({ user, person }) => {
    const central = user.profile !== 'Self-Service';
    return { user_id: person.id, entity_id: central ? rootId : person.entityId, profile_id: profileId(user.profile), is_recursive: central ? 1 : 0 };
  });
  await tx.insertInto('user_entities').values(rows).execute();
}

async function createGroups(tx: Executor, rootId: number, technicians: DemoStaff['technicians'], manager: DemoPerson, now: string, audit: AuditEvent[]): Promise<Record<Level, number>> {
  const groups = {} as Record<Level, number>;
  for (const level of ['N1', 'N2', 'N3'] as const) {
    const name = GROUP_NAMES[level];
    const group = await tx.insertInto('groups').values({ entity_id: rootId, name, is_support: 1, level, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const members = technicians[level].map((person) => ({ group_id: group.id, user_id: person.id, is_manager: 0 }));
    await tx.insertInto('group_members').values([...members, { group_id: group.id, user_id: manager.id, is_manager: 1 }]).execute();
    audit.push({ action: 'group.create', recordType: 'group', recordId: group.id, entityId: rootId, changes: { name: [null, name], level: [null, level], members: members.length + 1 } });
    groups[level] = group.id;
  }
  return groups;
}
