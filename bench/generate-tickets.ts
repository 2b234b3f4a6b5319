import { hashPassword } from '../src/auth/passwords.js';
import type { DatabaseHandle } from '../src/db/connection.js';
import { createRandom } from '../src/demo/random.js';
import { searchable } from '../src/tickets/create.js';

// Invented hospital data for benchmarks and demos: nothing here describes real people or places.

const FIRST_NAMES = ['Claire', 'Marc', 'Sophie', 'Julien', 'Nadia', 'Hugo', 'Amina', 'Élodie', 'Yannick', 'Léa', 'Thomas', 'Camille', 'Karim', 'Inès', 'Mathieu', 'Chloé', 'Nicolas', 'Fatou', 'Pierre', 'Manon'];
const LAST_NAMES = ['Durand', 'Moreau', 'Lefebvre', 'Garnier', 'Faure', 'Benali', 'Gauthier', 'Leroy', 'Vasseur', 'Morel', 'Roux', 'Fontaine', 'Chevalier', 'Mercier', 'Blanc', 'Guerin', 'Boyer', 'Lambert', 'Perrin', 'Marchand'];
export const SERVICES = ['Urgences', 'Bloc opératoire', 'Réanimation', 'Radiologie', 'Pharmacie', 'Laboratoire', 'Médecine interne', 'Pédiatrie', 'Maternité', 'Cardiologie', 'Admissions', 'Direction', 'Ressources humaines', 'Stérilisation'];
const TITLES = [
  'pb écran radio', 'Outlook ne démarre plus', 'accueil stagiaire', 'boîte mail psychologue non fonctionnelle', 'déménagement de postes',
  'Imprimante bloquée', 'Poste de soins ne démarre plus', 'Mot de passe expiré', 'Lecteur carte Vitale HS', 'Scanner code-barres ne bipe plus',
  'Accès au dossier patient impossible', 'Session Windows très lente', 'Demande de droits sur le partage', 'Téléphone DECT muet', 'Wi-Fi instable en chambre',
];
// A DSI's backlog is recent: old tickets are almost all closed, the last weeks hold the open ones.
const RECENT_WEIGHTS: [string, number][] = [['closed', 0.45], ['solved', 0.15], ['assigned', 0.18], ['new', 0.1], ['waiting', 0.08], ['planned', 0.04]];
const OLD_WEIGHTS: [string, number][] = [['closed', 0.985], ['solved', 0.005], ['waiting', 0.006], ['assigned', 0.004]];

export interface GeneratedHospital {
  entityIds: number[];
  technicianIds: number[];
  requesterIds: number[];
  groupIds: number[];
  categoryIds: number[];
}

/** Creates the entities, services, staff, technicians and support groups of an invented hospital group. */
export async function generateHospital(handle: DatabaseHandle, staffCount = 300): Promise<GeneratedHospital> {
  const { db } = handle;
  const now = new Date().toISOString();
  const root = await db.selectFrom('entities').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const entityIds: number[] = [];
  for (const [name, type] of [['Centre hospitalier de Valbonne', 'hospital'], ['EHPAD Les Tilleuls', 'ehpad'], ['EHPAD du Parc', 'ehpad']] as const) {
    const row = await db.insertInto('entities').values({ parent_id: root.id, name, type, complete_name: `Groupe hospitalier > ${name}`, autoclose_days: 7, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    entityIds.push(row.id);
  }
  const serviceIds: number[] = [];
  for (const name of SERVICES) {
    const row = await db.insertInto('services').values({ entity_id: entityIds[0] as number, name, criticality: ['Urgences', 'Bloc opératoire', 'Réanimation'].includes(name) ? 'vital' : 'normal', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    serviceIds.push(row.id);
  }
  const random = createRandom(42);
  const passwordHash = await hashPassword('demo-password-not-for-production');
  const profiles = await db.selectFrom('profiles').select(['id', 'name']).execute();
  const profileId = (name: string) => profiles.find((profile) => profile.name === name)?.id as number;

  const insertUsers = async (count: number, prefix: string, jobProfile: string, profile: string) => {
    const ids: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const entityId = index % 10 === 9 ? random.pick<number>(entityIds.slice(1)) : (entityIds[0] as number);
      const user = await db
        .insertInto('users')
        .values({ login: `${prefix}${index}.${last.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}`, first_name: first, last_name: last, entity_id: entityId, service_id: random.pick(serviceIds), job_profile: jobProfile, password_hash: passwordHash, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('user_entities').values({ user_id: user.id, entity_id: jobProfile === 'technicien' ? root.id : entityId, profile_id: profileId(profile), is_recursive: jobProfile === 'technicien' ? 1 : 0 }).execute();
      ids.push(user.id);
    }
    return ids;
  };
  const requesterIds = await insertUsers(staffCount, 'agent', 'infirmier', 'Self-Service');
  const technicianIds = await insertUsers(15, 'tech', 'technicien', 'Technicien');
  const groupIds: number[] = [];
  for (const level of ['N1', 'N2', 'N3']) {
    const group = await db.insertInto('groups').values({ entity_id: root.id, name: `Support ${level}`, is_support: 1, level, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    groupIds.push(group.id);
  }
  const categoryIds = (await db.selectFrom('categories').select('id').where('parent_id', 'is not', null).execute()).map((row) => row.id);
  return { entityIds, technicianIds, requesterIds, groupIds, categoryIds };
}

function pickStatus(value: number, ageDays: number): string {
  let total = 0;
  for (const [status, weight] of ageDays < 45 ? RECENT_WEIGHTS : OLD_WEIGHTS) {
    total += weight;
    if (value < total) return status;
  }
  return 'closed';
}

/**
 * Inserts `count` tickets spread over the two years before `end`, each with its requester and
 * technician, one or two followups, a task with a duration and, once solved, a solution.
 * Rows go in batches inside transactions; SLA delays are filled with plausible values.
 */
export async function generateTickets(handle: DatabaseHandle, hospital: GeneratedHospital, count: number, end = new Date('2026-12-01T00:00:00Z'), seed = 7): Promise<void> {
  const random = createRandom(seed);
  const span = 2 * 365 * 86_400_000;
  // SQLite binds at most 32,766 parameters per statement; a ticket row has 26 columns.
  const batch = 1000;
  for (let offset = 0; offset < count; offset += batch) {
    const size = Math.min(batch, count - offset);
    await handle.db.transaction().execute(async (tx) => {
      const tickets = [];
      for (let index = 0; index < size; index += 1) {
        const opened = end.getTime() - Math.floor(random.next() * span);
        const status = pickStatus(random.next(), (end.getTime() - opened) / 86_400_000);
        const title = `${random.pick(TITLES)} ${random.pick(SERVICES)}`;
        const urgency = random.int(1, 5);
        const impact = random.int(1, 5);
        const taken = opened + random.int(60, 4 * 3600) * 1000;
        const solved = ['solved', 'closed'].includes(status) ? taken + random.int(600, 3 * 86_400) * 1000 : null;
        const closed = status === 'closed' && solved !== null ? solved + random.int(3600, 7 * 86_400) * 1000 : null;
        const iso = (value: number | null) => (value === null ? null : new Date(value).toISOString());
        tickets.push({
          entity_id: random.next() < 0.85 ? (hospital.entityIds[0] as number) : random.pick(hospital.entityIds),
          type: random.next() < 0.7 ? 'incident' : 'request',
          title,
          description: `${title} : signalé par le service, merci d'intervenir.`,
          status,
          urgency,
          impact,
          priority: Math.min(5, Math.round((urgency + impact) / 2)),
          category_id: random.pick(hospital.categoryIds),
          requester_id: random.pick(hospital.requesterIds),
          writer_id: null,
          location_id: null,
          source: random.pick(['web', 'phone', 'email']),
          level: random.pick(['N1', 'N1', 'N1', 'N2', 'N3']),
          opened_at: iso(opened) as string,
          updated_at: iso(closed ?? solved ?? taken) as string,
          taken_at: status === 'new' ? null : iso(taken),
          solved_at: iso(solved),
          closed_at: iso(closed),
          ttr_due_at: iso(opened + 8 * 3600_000),
          ttr_late: solved === null ? null : Number(solved > opened + 8 * 3600_000),
          take_delay_seconds: status === 'new' ? null : Math.round((taken - opened) / 1000),
          solve_delay_seconds: solved === null ? null : Math.round((solved - opened) / 1000),
          close_delay_seconds: closed === null ? null : Math.round((closed - opened) / 1000),
          action_seconds: random.int(5, 120) * 60,
          search_text: searchable(title, `${title} : signalé par le service, merci d'intervenir.`),
        });
      }
      const inserted = await tx.insertInto('tickets').values(tickets).returning(['id', 'requester_id', 'status', 'opened_at', 'solved_at', 'action_seconds']).execute();
      const actors = [];
      const followups = [];
      const tasks = [];
      const solutions = [];
      for (const ticket of inserted) {
        actors.push({ ticket_id: ticket.id, role: 'requester', user_id: ticket.requester_id, group_id: null });
        if (ticket.status !== 'new') {
          actors.push({ ticket_id: ticket.id, role: 'assigned', user_id: random.pick(hospital.technicianIds), group_id: null });
          actors.push({ ticket_id: ticket.id, role: 'assigned', user_id: null, group_id: random.pick(hospital.groupIds) });
        }
        followups.push({ ticket_id: ticket.id, author_id: ticket.requester_id, content: 'Toujours bloqué ce matin.', is_private: 0, created_at: ticket.opened_at });
        tasks.push({ ticket_id: ticket.id, author_id: random.pick(hospital.technicianIds), technician_id: random.pick(hospital.technicianIds), content: 'Prise en main à distance', is_private: 0, state: 'done', duration_seconds: ticket.action_seconds, mode: random.next() < 0.7 ? 'remote' : 'on_site', planned_start: null, planned_end: null, created_at: ticket.opened_at, updated_at: ticket.opened_at });
        if (ticket.solved_at !== null) {
          solutions.push({ ticket_id: ticket.id, author_id: random.pick(hospital.technicianIds), content: 'Problème résolu après redémarrage du service.', status: ticket.status === 'closed' ? 'accepted' : 'waiting', solution_type: null, created_at: ticket.solved_at });
        }
      }
      await tx.insertInto('ticket_actors').values(actors).execute();
      await tx.insertInto('ticket_followups').values(followups).execute();
      await tx.insertInto('ticket_tasks').values(tasks).execute();
      if (solutions.length > 0) await tx.insertInto('ticket_solutions').values(solutions).execute();
    });
  }
}
