import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuthentication } from './auth/authenticate.js';
import type { Config } from './config/config.js';
import type { DatabaseHandle } from './db/connection.js';
import { registerDocs } from './http/docs.js';
import { registerErrorHandling } from './http/error-handler.js';
import { AppError } from './http/errors.js';
import { createLoggerOptions } from './http/logging.js';
import { pickLocale } from './http/messages.js';
import { validatorCompiler } from './http/validation.js';
import { registerRoutes } from './routes.js';
import { registerWebApp } from './web/static.js';
import './http/context.js';

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  /** Replace the logger destination, e.g. to capture logs in tests. */
  logStream?: NodeJS.WritableStream;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp({ config, database, logStream }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: createLoggerOptions(config, logStream),
    // Our own onResponse hook writes one line per request, with the user and the route.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', { db: database.db, engine: database.engine, config });
  app.decorateRequest('locale', 'fr');

  app.addHook('onRequest', async (request, reply) => {
    request.locale = pickLocale(request.headers['accept-language']);
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const entry = {
      userId: request.principal?.userId,
      method: request.method,
      route: request.routeOptions.url,
      statusCode: reply.statusCode,
      responseTimeMs: Math.round(reply.elapsedTime),
    };
    if (reply.statusCode >= 500) request.log.error(entry, 'request failed');
    else request.log.info(entry, 'request completed');
  });

  registerErrorHandling(app);
  // gzip or brotli for clients that accept it: the interface's JavaScript shrinks about threefold on the wire.
  await app.register(compress, { global: true, threshold: 1024 });
  // Over plain HTTP (no TLS in front), asking browsers to upgrade to HTTPS would leave them a blank page.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': config.secureCookies ? [] : null },
    },
    hsts: config.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', { seconds: Math.ceil(context.ttl / 1000) }),
  });
  registerAuthentication(app);
  await registerDocs(app);
  await app.register(registerRoutes, { prefix: '/api/v1' });
  await registerWebApp(app);
  registerHealth(app, database);

  return app;
}

function registerHealth(app: FastifyInstance, database: DatabaseHandle): void {
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await database.db.selectFrom('audit_head').select('seq').limit(1).execute();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
