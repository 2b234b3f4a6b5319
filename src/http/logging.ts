import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config/config.js';

// Request bodies and URLs are never logged: ticket text and search terms may hold patient data.
export function createLoggerOptions(config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream === undefined ? {} : { stream }),
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string }; ip?: string }) => ({
        method: request.method,
        route: request.routeOptions?.url,
        ip: request.ip,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
