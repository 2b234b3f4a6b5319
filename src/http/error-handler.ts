import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, toProblem } from './errors.js';
import { isRawValidationError, toFieldErrors } from './validation.js';

// Fastify's own error codes for bad input, mapped to our catalog by code, never by message.
function fromFastifyError(error: FastifyError, request: FastifyRequest): AppError | undefined {
  if (error.validation !== undefined) {
    const location = error.validationContext ?? 'body';
    const issues = error.validation.filter(isRawValidationError).map((item) => item.params.issue);
    return new AppError('validation_failed', {}, toFieldErrors(issues, location, request.locale));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', { limit: request.routeOptions.bodyLimit ?? 0 });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', { type: request.headers['content-type'] ?? '' });
    default:
      break;
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return new AppError('malformed_json');
  return undefined;
}

/** Answers every error as RFC 9457 problem details; unknown errors become a generic 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof AppError ? error : fromFastifyError(error, request);
    if (known === undefined) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, request, new AppError('internal_error', { requestId: request.id }));
    }
    return sendProblem(reply, request, known);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, new AppError('route_not_found', { method: request.method, url: request.url.split('?')[0] ?? '' })),
  );
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  if (error.code === 'rate_limited' || error.code === 'account_locked') {
    const retry = error.params.seconds;
    if (typeof retry === 'number') void reply.header('retry-after', String(retry));
  }
  return reply
    .code(error.status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(toProblem(error, request.locale, request.id, request.url.split('?')[0] ?? ''));
}
