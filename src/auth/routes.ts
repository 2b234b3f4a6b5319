import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadScopes } from '../access/principal.js';
import { appendAudit } from '../audit/audit.js';
import type { Db } from '../db/connection.js';
import { auditContextOf, principalOf } from '../http/context.js';
import { AppError, notFound } from '../http/errors.js';
import { checkCredentials } from './login.js';
import { createSession, deleteSession, SESSION_COOKIE } from './sessions.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.js';

const credentialsSchema = z.strictObject({
  login: z.string().trim().min(1).max(255),
  password: z.string().min(1).max(1024),
});

const meSchema = z.object({
  id: z.number(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  language: z.enum(['fr', 'en']),
  timeZone: z.string(),
  interface: z.enum(['central', 'helpdesk']),
  /** Each right with the entity ids where it applies. */
  rights: z.record(z.string(), z.array(z.number())),
  /** Groups the user belongs to, ordered by name. */
  groups: z.array(z.object({ id: z.number(), name: z.string() })),
  csrfToken: z.string().nullable(),
});

const tokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: credentialsSchema, response: { 200: meSchema } },
    },
    async (request, reply) => {
      const { login, password } = request.body;
      let result;
      try {
        result = await checkCredentials(ctx, auditContextOf(request), login, password);
      } catch (error) {
        if (error instanceof AppError) request.log.info({ code: error.code }, 'sign-in rejected');
        throw error;
      }

      const session = await createSession(ctx.db, ctx.config, result.userId, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      void reply.setCookie(SESSION_COOKIE, session.cookieValue, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        maxAge: ctx.config.sessionMaxHours * 3600,
      });
      return describeMe(app, result.userId, session.csrfToken);
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (request, reply) => {
    const principal = principalOf(request);
    if (principal.sessionId !== undefined) await deleteSession(ctx.db, principal.sessionId);
    await ctx.db.transaction().execute((tx) =>
      appendAudit(tx, ctx.engine, auditContextOf(request), {
        action: 'auth.logout',
        recordType: 'user',
        recordId: principal.userId,
      }),
    );
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: meSchema } } }, async (request) => {
    const principal = principalOf(request);
    return describeMe(app, principal.userId, principal.csrfToken ?? null);
  });

  app.get('/auth/tokens', { schema: { tags: ['auth'], response: { 200: z.array(tokenSchema) } } }, async (request) =>
    listApiTokens(ctx.db, principalOf(request).userId),
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          expiresAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 201: tokenSchema.extend({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const expiresAt = request.body.expiresAt === undefined ? null : new Date(request.body.expiresAt).toISOString();
      const created = await ctx.db.transaction().execute(async (tx) => {
        const result = await createApiToken(tx, principal.userId, request.body.name, expiresAt);
        await appendAudit(tx, ctx.engine, auditContextOf(request), {
          action: 'token.create',
          recordType: 'api_token',
          recordId: result.view.id,
          changes: { name: request.body.name, expiresAt },
        });
        return result;
      });
      return reply.code(201).send({ ...created.view, token: created.token });
    },
  );

  app.delete(
    '/auth/tokens/:id',
    { schema: { tags: ['auth'], params: z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) }), response: { 204: z.null() } } },
    async (request, reply) => {
      const principal = principalOf(request);
      await ctx.db.transaction().execute(async (tx) => {
        const revoked = await revokeApiToken(tx, principal.userId, request.params.id);
        if (!revoked) throw notFound('token');
        await appendAudit(tx, ctx.engine, auditContextOf(request), {
          action: 'token.revoke',
          recordType: 'api_token',
          recordId: request.params.id,
        });
      });
      return reply.code(204).send(null);
    },
  );
};

async function describeMe(app: { ctx: { db: Db } }, userId: number, csrfToken: string | null) {
  const user = await app.ctx.db
    .selectFrom('users')
    .select(['id', 'login', 'first_name', 'last_name', 'email', 'language', 'time_zone'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const { scopes, interface: ui } = await loadScopes(app.ctx.db, userId);
  const groups = await app.ctx.db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['groups.id', 'groups.name'])
    .where('group_members.user_id', '=', userId)
    .orderBy('groups.name')
    .orderBy('groups.id')
    .execute();
  const rights: Record<string, number[]> = {};
  for (const [permission, entities] of scopes) rights[permission] = [...entities].sort((a, b) => a - b);
  return {
    id: user.id,
    login: user.login,
    firstName: user.first_name,
    lastName: user.last_name,
    email: user.email,
    language: user.language === 'en' ? ('en' as const) : ('fr' as const),
    timeZone: user.time_zone,
    interface: ui,
    rights,
    groups,
    csrfToken,
  };
}
