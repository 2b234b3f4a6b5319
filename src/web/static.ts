import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';

/** Folder where `npm run build:web` writes the web app. */
export const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

// Vite puts a content hash in every file name under assets/, so those files never change.
const HASHED_ASSETS = 'assets/';

/**
 * Serves the built web app from the same origin as the API. Files under the build folder are sent
 * as they are. Any other GET outside /api returns index.html, so the browser router shows the page,
 * while unknown /api paths keep their JSON problem response. Returns false, after a warning, when
 * the web app has not been built.
 */
export async function registerWebApp(app: FastifyInstance, root: string = WEB_DIST): Promise<boolean> {
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built, serving the API only; run npm run build:web');
    return false;
  }

  await app.register(async (scoped) => {
    await scoped.register(fastifyStatic, { root, serve: false });
    scoped.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => serveWebPath(root, request, reply));
  });
  return true;
}

async function serveWebPath(root: string, request: FastifyRequest, reply: FastifyReply) {
  const wanted = (request.params as { '*'?: string })['*'] ?? '';
  if (wanted === 'api' || wanted.startsWith('api/')) {
    // Same answers as before the web app existed: no route discovery without a session.
    if (request.principal === undefined) throw new AppError('unauthenticated');
    throw new AppError('route_not_found', { method: request.method, url: request.url.split('?')[0] ?? '' });
  }

  if (await isFileInside(root, wanted)) {
    if (wanted.startsWith(HASHED_ASSETS)) return reply.sendFile(wanted, { maxAge: '365d', immutable: true });
    return reply.sendFile(wanted, { maxAge: 0 });
  }
  if (wanted.startsWith(HASHED_ASSETS)) {
    throw new AppError('route_not_found', { method: request.method, url: request.url.split('?')[0] ?? '' });
  }
  // Sent with max-age=0 so that a new build reaches the browser at its next visit.
  return reply.sendFile('index.html', { maxAge: 0 });
}

async function isFileInside(root: string, relative: string): Promise<boolean> {
  if (relative === '' || relative.includes('\0')) return false;
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) return false;
  try {
    return (await stat(full)).isFile();
  } catch {
    return false;
  }
}
