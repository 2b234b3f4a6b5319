import type { Principal } from '../access/principal.js';
import type { Permission } from '../access/permissions.js';
import type { AuditContext } from '../audit/audit.js';
import type { Config } from '../config/config.js';
import type { Db, Engine } from '../db/connection.js';
import type { Locale } from './messages.js';

/** What every route needs from the running application. */
export interface AppContext {
  db: Db;
  engine: Engine;
  config: Config;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    principal?: Principal;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** The right a caller needs to reach the route at all; records are then checked one by one. */
    permission?: Permission;
    /** Reachable without signing in. */
    public?: boolean;
  }
}

/** The signed-in caller; routes that are not public can rely on it being there. */
export function principalOf(request: { principal?: Principal }): Principal {
  if (request.principal === undefined) throw new Error('route reached without authentication');
  return request.principal;
}

export function auditContextOf(request: { principal?: Principal; ip: string; id: string }): AuditContext {
  return {
    actorId: request.principal?.userId ?? null,
    actorLogin: request.principal?.login ?? null,
    ip: request.ip,
    requestId: request.id,
  };
}
