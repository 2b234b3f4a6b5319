// Shapes of the API responses the web app reads, as the server presents them.

export const STATUSES = ['new', 'assigned', 'planned', 'waiting', 'solved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const OPEN_STATUSES: Status[] = ['new', 'assigned', 'planned', 'waiting'];

export const PRIORITIES = [1, 2, 3, 4, 5, 6] as const;
export const LEVELS = ['N1', 'N2', 'N3'] as const;
export type Level = (typeof LEVELS)[number];

export const SCOPES = ['one_user', 'several_users', 'whole_service', 'several_services', 'whole_site'] as const;
export const PATIENT_CARE = ['interrupted', 'degraded', 'unaffected'] as const;
export const SITES = ['hospital', 'ehpad', 'administrative'] as const;
export const PROFILES = ['medecin', 'infirmier', 'cadre_sante', 'secretaire', 'administratif', 'technicien', 'autre'] as const;

export interface CriticalityAnswers {
  scope: (typeof SCOPES)[number];
  patientCare: (typeof PATIENT_CARE)[number];
  site: (typeof SITES)[number];
  profile: (typeof PROFILES)[number];
  service?: string;
}

export interface Me {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  language: 'fr' | 'en';
  timeZone: string;
  interface: 'central' | 'helpdesk';
  rights: Record<string, number[]>;
  /** Groups the user belongs to, ordered by name. */
  groups: { id: number; name: string }[];
  csrfToken: string | null;
}

export interface Actor {
  id: number;
  name: string;
}

export interface Ticket {
  id: number;
  entityId: number;
  type: 'incident' | 'request';
  title: string;
  description: string;
  status: Status;
  urgency: number;
  impact: number;
  priority: number;
  categoryId: number | null;
  requester: Actor | null;
  observers: Actor[];
  assignedUsers: Actor[];
  assignedGroups: Actor[];
  locationId: number | null;
  level: Level | null;
  criticality: {
    answers?: Partial<CriticalityAnswers>;
    suggestion?: { urgency: number; impact: number; priority: number };
    /** One line per reason, in each language. */
    explanation?: Partial<Record<'fr' | 'en', string[]>>;
  } | null;
  priorityReason: string | null;
  waitingReason: string | null;
  openedAt: string;
  updatedAt: string;
  /** Instant a technician first took the ticket, which stops the TTO clock. Older servers leave it out. */
  takenAt?: string | null;
  solvedAt: string | null;
  closedAt: string | null;
  /** SLA deadlines. Servers older than the SLA engine leave them out. */
  sla?: TicketSla;
}

/** Deadlines of a ticket. `ttrDueAt` is null while the ticket waits, because the pause moves it. */
export interface TicketSla {
  ttoDueAt: string | null;
  ttrDueAt: string | null;
  internalTtoDueAt: string | null;
  internalTtrDueAt: string | null;
  ttoLate: boolean | null;
  ttrLate: boolean | null;
  pausedBusinessSeconds: number;
}

export interface TicketPage {
  items: Ticket[];
  total: number;
  /** False when the server stopped counting a common search text: there are at least `total` tickets. */
  totalExact: boolean;
  page: number;
  perPage: number;
}

export interface TimelineItem {
  kind: 'followup' | 'task' | 'solution' | 'escalation';
  id: number;
  at: string;
  authorId: number | null;
  content: string;
  isPrivate: boolean;
  details: Record<string, unknown>;
}

export interface ListOf<T> {
  items: T[];
  total: number;
}

export interface Named {
  id: number;
  name: string;
}

export interface Entity extends Named {
  completeName: string;
}

export interface Category extends Named {
  parentId: number | null;
  completeName: string;
}

export interface Group extends Named {
  entityId: number;
  isSupport: boolean;
  level: Level | null;
}

export interface UserSummary {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  entityId: number;
}

export interface Service extends Named {
  entityId: number;
  criticality: 'vital' | 'high' | 'normal' | 'low';
}

export interface Location extends Named {
  entityId: number;
  completeName: string;
}
