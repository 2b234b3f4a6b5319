// Kept apart from the administration screens so the menu can check rights without loading them.

/** Prefixes of the rights of the resources managed under /admin. */
export const MANAGED_RESOURCES = ['entity', 'service', 'location', 'user', 'group', 'profile', 'category', 'calendar', 'sla'] as const;

/** True when the user may change at least one administration resource, edit the settings or read the audit trail. */
export function canAdminister(can: (right: string) => boolean): boolean {
  const manages = MANAGED_RESOURCES.some((resource) => ['create', 'update', 'delete'].some((action) => can(`${resource}:${action}`)));
  return manages || can('config:update') || can('audit:read');
}
