// Every right a profile can grant, named "resource:action".
// Ticket rights beyond read/create/update/delete are those GLPI technicians rely on.
export const PERMISSIONS = [
  'entity:read',
  'entity:create',
  'entity:update',
  'entity:delete',
  'service:read',
  'service:create',
  'service:update',
  'service:delete',
  'location:read',
  'location:create',
  'location:update',
  'location:delete',
  'user:read',
  'user:create',
  'user:update',
  'user:delete',
  'group:read',
  'group:create',
  'group:update',
  'group:delete',
  'profile:read',
  'profile:create',
  'profile:update',
  'profile:delete',
  'category:read',
  'category:create',
  'category:update',
  'category:delete',
  'calendar:read',
  'calendar:create',
  'calendar:update',
  'calendar:delete',
  'sla:read',
  'sla:create',
  'sla:update',
  'sla:delete',
  'audit:read',
  /** See the tickets one requested or observes. */
  'ticket:read_own',
  /** See every ticket of the entities in scope. */
  'ticket:read',
  'ticket:create',
  /** Open a ticket for another requester (after a phone call). */
  'ticket:create_on_behalf',
  'ticket:update',
  'ticket:delete',
  /** Assign technicians and groups. */
  'ticket:assign',
  /** Take a ticket for oneself. */
  'ticket:take',
  'ticket:escalate',
  'ticket:solve',
  /** Approve or refuse a solution to one's own ticket, and answer the satisfaction survey. */
  'ticket:approve',
  /** Set priority by hand, including Majeure (6), and override the criticality grid. */
  'ticket:change_priority',
  'ticket:read_private',
  'ticket:add_private',
  'ticket:merge',
  'stats:read',
  'config:update',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const permissionSet: ReadonlySet<string> = new Set(PERMISSIONS);

export function isPermission(value: string): value is Permission {
  return permissionSet.has(value);
}

const crud = (resource: string, actions: string[]) => actions.map((action) => `${resource}:${action}` as Permission);

const READ_ORGANISATION = ['entity', 'service', 'location', 'user', 'group', 'category', 'calendar', 'sla'].flatMap((resource) =>
  crud(resource, ['read']),
);

const TECHNICIAN_TICKET: Permission[] = [
  'ticket:read_own',
  'ticket:read',
  'ticket:create',
  'ticket:create_on_behalf',
  'ticket:update',
  'ticket:assign',
  'ticket:take',
  'ticket:escalate',
  'ticket:solve',
  'ticket:approve',
  'ticket:read_private',
  'ticket:add_private',
];

/** The profiles a fresh installation ships, as GLPI's Self-Service, Technician, Supervisor and Admin. */
export const SHIPPED_PROFILES: { name: string; interface: 'central' | 'helpdesk'; rights: Permission[] }[] = [
  {
    name: 'Self-Service',
    interface: 'helpdesk',
    rights: ['ticket:read_own', 'ticket:create', 'ticket:approve', 'category:read', 'location:read'],
  },
  {
    name: 'Technicien',
    interface: 'central',
    rights: [...READ_ORGANISATION, ...TECHNICIAN_TICKET],
  },
  {
    name: 'Superviseur',
    interface: 'central',
    rights: [
      ...READ_ORGANISATION,
      ...TECHNICIAN_TICKET,
      'ticket:delete',
      'ticket:change_priority',
      'ticket:merge',
      'stats:read',
      'category:read',
  'category:create',
  'category:update',
  'category:delete',
  'audit:read',
    ],
  },
  {
    name: 'Administrateur',
    interface: 'central',
    rights: [...PERMISSIONS],
  },
];
