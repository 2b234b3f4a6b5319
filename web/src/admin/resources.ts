// Field descriptions of the administration lists: one entry per API resource drives its list and its form.

export type FieldKind = 'text' | 'password' | 'number' | 'minutes' | 'checkbox' | 'select' | 'reference' | 'json' | 'rights' | 'transitions';

export interface FieldSpec {
  /** The API's property name; its label is `admin.field.<name>`. */
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** An empty value is sent as null instead of being left out. */
  nullable?: boolean;
  /** Choices of a select; labelled `admin.option.<name>.<value>` when the catalogs have it. */
  options?: readonly string[];
  /** The select's values are sent as numbers. */
  numeric?: boolean;
  /** List route giving the choices of a reference field. */
  reference?: string;
  /** Shown in the create form only (a password is changed by filling it, never shown). */
  createOnly?: boolean;
  min?: number;
  max?: number;
  /** Value of a new record. */
  initial?: unknown;
}

export type ExtraPanel = 'userEntities' | 'groupMembers' | 'slaLevels';

export interface ResourceSpec {
  key: string;
  path: string;
  /** Prefix of the rights: `<right>:create`, `:update`, `:delete`. */
  right: string;
  /** Properties shown as list columns; the first one names the record. */
  columns: string[];
  fields: FieldSpec[];
  extra?: ExtraPanel;
}

const JOB_PROFILES = ['medecin', 'infirmier', 'cadre_sante', 'secretaire', 'administratif', 'technicien', 'autre'] as const;
const CRITICALITIES = ['vital', 'high', 'normal', 'low'] as const;

const DEFAULT_CALENDAR = {
  timeZone: 'Europe/Paris',
  periods: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
  closedDays: [],
  frenchHolidays: true,
};

export const RESOURCES: ResourceSpec[] = [
  {
    key: 'entities',
    path: '/entities',
    right: 'entity',
    columns: ['completeName', 'type', 'autocloseDays', 'satisfactionRate', 'satisfactionDelayDays', 'calendarId'],
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'parentId', kind: 'reference', reference: '/entities', required: true },
      { name: 'type', kind: 'select', options: ['group', 'hospital', 'ehpad', 'administrative', 'other'], required: true, initial: 'hospital' },
      { name: 'autocloseDays', kind: 'number', nullable: true, min: 0, max: 365 },
      // The initial values are the server's defaults for a new entity.
      { name: 'satisfactionRate', kind: 'number', required: true, min: 0, max: 100, initial: 100 },
      { name: 'satisfactionDelayDays', kind: 'number', required: true, min: 1, max: 365, initial: 30 },
      { name: 'calendarId', kind: 'reference', reference: '/calendars', nullable: true },
    ],
  },
  {
    key: 'services',
    path: '/services',
    right: 'service',
    columns: ['name', 'entityId', 'criticality'],
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'entityId', kind: 'reference', reference: '/entities', required: true },
      { name: 'criticality', kind: 'select', options: CRITICALITIES, initial: 'normal' },
    ],
  },
  {
    key: 'locations',
    path: '/locations',
    right: 'location',
    columns: ['completeName', 'building', 'floor', 'room'],
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'entityId', kind: 'reference', reference: '/entities', required: true },
      { name: 'parentId', kind: 'reference', reference: '/locations', nullable: true },
      { name: 'building', kind: 'text', nullable: true },
      { name: 'floor', kind: 'text', nullable: true },
      { name: 'room', kind: 'text', nullable: true },
    ],
  },
  {
    key: 'users',
    path: '/users',
    right: 'user',
    columns: ['login', 'lastName', 'firstName', 'entityId', 'isActive'],
    extra: 'userEntities',
    fields: [
      { name: 'login', kind: 'text', required: true },
      { name: 'firstName', kind: 'text', required: true },
      { name: 'lastName', kind: 'text', required: true },
      { name: 'email', kind: 'text', nullable: true },
      { name: 'phone', kind: 'text', nullable: true },
      { name: 'entityId', kind: 'reference', reference: '/entities', required: true },
      { name: 'jobProfile', kind: 'select', options: JOB_PROFILES, initial: 'autre' },
      { name: 'language', kind: 'select', options: ['fr', 'en'], initial: 'fr' },
      { name: 'isActive', kind: 'checkbox', initial: true },
      { name: 'password', kind: 'password' },
    ],
  },
  {
    key: 'groups',
    path: '/groups',
    right: 'group',
    columns: ['name', 'entityId', 'isSupport', 'level'],
    extra: 'groupMembers',
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'entityId', kind: 'reference', reference: '/entities', required: true },
      { name: 'isSupport', kind: 'checkbox', initial: true },
      { name: 'level', kind: 'select', options: ['N1', 'N2', 'N3'], nullable: true },
    ],
  },
  {
    key: 'profiles',
    path: '/profiles',
    right: 'profile',
    columns: ['name', 'interface'],
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'interface', kind: 'select', options: ['central', 'helpdesk'], initial: 'central' },
      { name: 'rights', kind: 'rights', initial: [] },
      { name: 'forbiddenTransitions', kind: 'transitions', initial: {} },
    ],
  },
  {
    key: 'categories',
    path: '/categories',
    right: 'category',
    columns: ['completeName', 'isIncident', 'isRequest', 'defaultGroupId'],
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'parentId', kind: 'reference', reference: '/categories', nullable: true },
      { name: 'isIncident', kind: 'checkbox', initial: true },
      { name: 'isRequest', kind: 'checkbox', initial: true },
      { name: 'defaultGroupId', kind: 'reference', reference: '/groups', nullable: true },
    ],
  },
  {
    key: 'calendars',
    path: '/calendars',
    right: 'calendar',
    columns: ['name'],
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'definition', kind: 'json', required: true, initial: DEFAULT_CALENDAR },
    ],
  },
  {
    key: 'slas',
    path: '/slas',
    right: 'sla',
    columns: ['name', 'kind', 'target', 'targetSeconds', 'priority'],
    extra: 'slaLevels',
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'kind', kind: 'select', options: ['sla', 'ola'], initial: 'sla' },
      { name: 'target', kind: 'select', options: ['tto', 'ttr'], initial: 'ttr' },
      { name: 'targetSeconds', kind: 'minutes', nullable: true, min: 1 },
      { name: 'targetWorkingDays', kind: 'number', nullable: true, min: 0, max: 365 },
      { name: 'endOfWorkingDay', kind: 'checkbox', initial: false },
      { name: 'calendarId', kind: 'reference', reference: '/calendars', nullable: true },
      { name: 'priority', kind: 'select', options: ['1', '2', '3', '4', '5', '6'], numeric: true, nullable: true },
      { name: 'categoryId', kind: 'reference', reference: '/categories', nullable: true },
      { name: 'entityId', kind: 'reference', reference: '/entities', nullable: true },
      { name: 'serviceId', kind: 'reference', reference: '/services', nullable: true },
      { name: 'groupId', kind: 'reference', reference: '/groups', nullable: true },
    ],
  },
];

export function resourceByKey(key: string): ResourceSpec | undefined {
  return RESOURCES.find((resource) => resource.key === key);
}

/** True when the user may change the resource, which is what shows it in the administration menu (see access.ts). */
export function canManage(resource: ResourceSpec, can: (right: string) => boolean): boolean {
  return ['create', 'update', 'delete'].some((action) => can(`${resource.right}:${action}`));
}
