import type { CalendarDefinitionInput } from '../sla/calendar.js';

// The invented hospital group: its sites, services, buildings and SLA targets.

export const GROUP_NAME = 'Groupe hospitalier du Luberon';

type Job = 'medecin' | 'infirmier' | 'cadre_sante' | 'secretaire' | 'administratif' | 'autre';

export interface ServiceSpec {
  name: string;
  /** vital | high | normal | low */
  criticality: string;
  /** Number of staff accounts in the service. */
  staff: number;
  /** Job profiles of the staff and their relative weights; "autre" stands for aides-soignants, préparateurs, psychologues. */
  jobs: readonly (readonly [Job, number])[];
  building: string;
  floor: string;
  /** Rooms, each "code name"; the code goes to the location's room field. */
  rooms: readonly string[];
}

export interface SiteSpec {
  name: string;
  /** hospital | ehpad */
  type: 'hospital' | 'ehpad';
  services: readonly ServiceSpec[];
}

const CARE_JOBS = [['medecin', 2], ['infirmier', 6], ['cadre_sante', 1], ['secretaire', 1], ['autre', 4]] as const;
const DESK_JOBS = [['administratif', 6], ['secretaire', 3], ['cadre_sante', 1]] as const;
const TECHNICAL_JOBS = [['medecin', 1], ['autre', 5], ['infirmier', 1], ['secretaire', 1], ['cadre_sante', 1]] as const;
const EHPAD_JOBS = [['infirmier', 3], ['autre', 6], ['cadre_sante', 1], ['medecin', 1]] as const;

const service = (name: string, criticality: string, staff: number, jobs: ServiceSpec['jobs'], building: string, floor: string, rooms: string[]): ServiceSpec =>
  ({ name, criticality, staff, jobs, building, floor, rooms });

/** Name of the service that contains the IT department's technicians. */
export const IT_SERVICE = "Direction des systèmes d'information";

export const SITES: readonly SiteSpec[] = [
  {
    name: 'Centre hospitalier de Valbonne',
    type: 'hospital',
    services: [
      service('Urgences', 'vital', 34, CARE_JOBS, 'Bâtiment A', 'RDC', ['A010 Accueil des urgences', 'A014 Box de soins', 'A020 Poste de soins', 'A031 Salle de déchocage']),
      service('Bloc opératoire', 'vital', 22, CARE_JOBS, 'Bâtiment B', '1er étage', ['B110 Salle d’opération 1', 'B112 Salle d’opération 2', 'B120 Salle de réveil', 'B125 Régulation du bloc']),
      service('Réanimation', 'vital', 20, CARE_JOBS, 'Bâtiment B', '2e étage', ['B210 Poste central', 'B214 Chambre 4', 'B230 Bureau médical']),
      service('Radiologie', 'high', 14, TECHNICAL_JOBS, 'Bâtiment A', 'RDC', ['A050 Salle scanner', 'A052 Salle d’interprétation', 'A060 Secrétariat radiologie']),
      service('Pharmacie', 'high', 9, TECHNICAL_JOBS, 'Plateau technique', 'Sous-sol', ['P-110 Préparation', 'P-120 Bureau du pharmacien']),
      service('Laboratoire', 'high', 12, TECHNICAL_JOBS, 'Plateau technique', 'RDC', ['P010 Salle des automates', 'P015 Réception des prélèvements']),
      service('Médecine', 'normal', 30, CARE_JOBS, 'Bâtiment C', '1er étage', ['C110 Poste de soins', 'C115 Bureau du cadre', 'C130 Secrétariat médical']),
      service('Pédiatrie', 'normal', 18, CARE_JOBS, 'Bâtiment C', '2e étage', ['C210 Poste de soins', 'C220 Salle de jeux', 'C230 Bureau médical']),
      service('Maternité', 'high', 20, CARE_JOBS, 'Bâtiment C', '3e étage', ['C310 Salle de naissance', 'C320 Poste de soins', 'C330 Consultations']),
      service('Admissions', 'normal', 12, DESK_JOBS, 'Bâtiment A', 'RDC', ['A001 Guichet des admissions', 'A005 Bureau des entrées']),
      service('Direction', 'low', 8, DESK_JOBS, 'Bâtiment administratif', '1er étage', ['D110 Secrétariat de direction', 'D120 Salle du conseil']),
      service('Ressources humaines', 'low', 10, DESK_JOBS, 'Bâtiment administratif', '2e étage', ['D210 Bureau paie', 'D220 Bureau formation']),
      service('Stérilisation', 'high', 9, TECHNICAL_JOBS, 'Plateau technique', 'Sous-sol', ['P-010 Zone de lavage', 'P-020 Conditionnement']),
      service(IT_SERVICE, 'low', 0, DESK_JOBS, 'Bâtiment administratif', 'RDC', ['D010 Bureau DSI', 'D015 Salle serveurs']),
    ],
  },
  {
    name: 'EHPAD Les Tilleuls',
    type: 'ehpad',
    services: [
      service('Unité de vie Les Oliviers', 'normal', 20, EHPAD_JOBS, 'Résidence Les Tilleuls', 'RDC', ['L010 Poste de soins', 'L020 Salle à manger']),
      service('Unité protégée', 'high', 12, EHPAD_JOBS, 'Résidence Les Tilleuls', '1er étage', ['L110 Poste de soins', 'L120 Salon']),
      service('Accueil EHPAD', 'low', 5, DESK_JOBS, 'Résidence Les Tilleuls', 'RDC', ['L001 Accueil']),
    ],
  },
  {
    name: 'EHPAD du Parc',
    type: 'ehpad',
    services: [
      service('Unité de vie Les Cigales', 'normal', 18, EHPAD_JOBS, 'Résidence du Parc', 'RDC', ['K010 Poste de soins', 'K030 Salle d’activités']),
      service('Unité protégée', 'high', 10, EHPAD_JOBS, 'Résidence du Parc', '1er étage', ['K110 Poste de soins']),
      service('Accueil EHPAD', 'low', 4, DESK_JOBS, 'Résidence du Parc', 'RDC', ['K001 Accueil']),
    ],
  },
];

/** Business hours of the IT department: Monday to Friday, 08:00 to 18:00, closed on French public holidays. */
export const BUSINESS_CALENDAR: CalendarDefinitionInput = {
  timeZone: 'Europe/Paris',
  periods: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
  frenchHolidays: true,
};

export const ALWAYS_OPEN_CALENDAR: CalendarDefinitionInput = { timeZone: 'Europe/Paris', alwaysOpen: true };

const HOUR = 3600;

/** A TTO or TTR target: business seconds, or whole working days ending at the close of the last one. */
export interface SlaTarget {
  priority: number;
  tto: number;
  ttr: number | { workingDays: number };
}

/** Targets of every priority in the entity's business calendar (a working day has 10 hours). */
export const BUSINESS_TARGETS: readonly SlaTarget[] = [
  { priority: 1, tto: 10 * HOUR, ttr: { workingDays: 5 } },
  { priority: 2, tto: 4 * HOUR, ttr: { workingDays: 3 } },
  { priority: 3, tto: 2 * HOUR, ttr: 12 * HOUR },
  { priority: 4, tto: HOUR, ttr: 6 * HOUR },
  { priority: 5, tto: HOUR / 2, ttr: 4 * HOUR },
  { priority: 6, tto: HOUR / 4, ttr: 2 * HOUR },
];

/** Round-the-clock targets of the vital services (Urgences, Bloc, Réanimation) for priorities 4 and above. */
export const ALWAYS_OPEN_TARGETS: readonly SlaTarget[] = [
  { priority: 4, tto: HOUR, ttr: 6 * HOUR },
  { priority: 5, tto: HOUR / 4, ttr: 4 * HOUR },
  { priority: 6, tto: HOUR / 4, ttr: 2 * HOUR },
];
