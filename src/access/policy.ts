import { AppError, forbidden, outsideScope } from '../http/errors.js';
import type { Permission } from './permissions.js';
import type { Principal } from './principal.js';

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return (principal.scopes.get(permission)?.size ?? 0) > 0;
}

/** Entity ids where the caller holds the permission; every list query filters on these. */
export function entityScope(principal: Principal, permission: Permission): number[] {
  return [...(principal.scopes.get(permission) ?? [])];
}

/** Throws 403 unless the caller holds the permission in at least one entity. */
export function requirePermission(principal: Principal | undefined, permission: Permission): Principal {
  if (principal === undefined) throw new AppError('unauthenticated');
  if (!hasPermission(principal, permission)) throw forbidden(permission);
  return principal;
}

/**
 * The one policy call made for each record: the caller must hold the permission in the
 * record's entity. A record outside every entity of the caller is answered 403, like GLPI.
 */
export function authorize(principal: Principal, permission: Permission, entityId: number): void {
  const scope = principal.scopes.get(permission);
  if (scope === undefined || scope.size === 0) throw forbidden(permission);
  if (!scope.has(entityId)) throw outsideScope();
}

export function canIn(principal: Principal, permission: Permission, entityId: number): boolean {
  return principal.scopes.get(permission)?.has(entityId) ?? false;
}
