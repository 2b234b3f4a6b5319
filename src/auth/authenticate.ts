import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadScopes, type Principal } from '../access/principal.js';
import { requirePermission } from '../access/policy.js';
import { AppError } from '../http/errors.js';
import { findSession, SESSION_COOKIE } from './sessions.js';
import { safeEqual } from './secrets.js';
import { findTokenUser } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Registers the hooks that identify the caller (API token or session cookie) before the body is
 * validated, enforce CSRF on cookie-authenticated changes, and check the route's permission.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const principal = await identify(app, request);
    if (principal !== undefined) request.principal = principal;
    if (config.public === true || isDocumentationRoute(request)) return;
    if (principal === undefined) throw new AppError('unauthenticated');
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, principal.csrfToken ?? '')) {
        throw new AppError('csrf_invalid');
      }
    }
  });

  app.addHook('preHandler', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (permission !== undefined) requirePermission(request.principal, permission);
  });
}

function isDocumentationRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith('/api/v1/docs') ?? false;
}

async function identify(app: FastifyInstance, request: FastifyRequest): Promise<Principal | undefined> {
  const { db, config } = app.ctx;
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const userId = match?.[1] === undefined ? undefined : await findTokenUser(db, match[1]);
    if (userId === undefined) throw new AppError('invalid_token');
    return buildPrincipal(app, userId, { via: 'token' });
  }

  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie === undefined || cookie === '') return undefined;
  const session = await findSession(db, config, cookie);
  if (session.status === 'expired') {
    if (request.routeOptions.config.public === true) return undefined;
    throw new AppError('session_expired');
  }
  if (session.status !== 'valid') return undefined;
  return buildPrincipal(app, session.userId, {
    via: 'session',
    sessionId: session.sessionId,
    csrfToken: session.csrfToken,
  });
}

async function buildPrincipal(
  app: FastifyInstance,
  userId: number,
  how: Pick<Principal, 'via' | 'sessionId' | 'csrfToken'>,
): Promise<Principal | undefined> {
  const { db } = app.ctx;
  const user = await db
    .selectFrom('users')
    .select(['id', 'login', 'language', 'time_zone', 'is_active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user === undefined || user.is_active !== 1) {
    throw new AppError(how.via === 'token' ? 'invalid_token' : 'unauthenticated');
  }
  const { scopes, interface: ui } = await loadScopes(db, user.id);
  return {
    userId: user.id,
    login: user.login,
    language: user.language === 'en' ? 'en' : 'fr',
    timeZone: user.time_zone,
    interface: ui,
    scopes,
    ...how,
  };
}
