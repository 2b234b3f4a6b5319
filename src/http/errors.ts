import { type ErrorCode, errorCatalog, format, type Locale, reasonTexts, resourceNames, validationMessages } from './messages.js';

export interface FieldError {
  /** Part of the request the value came from: body, querystring, params or headers. */
  in: string;
  /** Dotted path to the field, empty for the object itself. */
  field: string;
  code: string;
  message: string;
}

/**
 * An error with a stable code from the catalog. Thrown anywhere in request handling,
 * it becomes an RFC 9457 problem details response in the caller's language.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
    this.name = 'AppError';
    this.status = errorCatalog[code].status;
  }

  detail(locale: Locale): string {
    const params = { ...this.params };
    const reason = typeof params.reason === 'string' ? reasonTexts[params.reason] : undefined;
    if (reason !== undefined) params.reason = format(reason[locale], params);
    if (typeof params.until === 'string') params.until = formatInstant(params.until, locale);
    const resource = typeof params.resource === 'string' ? resourceNames[params.resource] : undefined;
    if (resource !== undefined) params.resource = resource[locale];
    return format(errorCatalog[this.code][locale], params);
  }
}

// Messages name instants in the hospital's time zone; the caller's own zone is unknown before sign-in.
function formatInstant(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date);
}

export const notFound = (resource: string) => new AppError('not_found', { resource });
export const forbidden = (permission: string) => new AppError('forbidden', { permission });
export const outsideScope = () => new AppError('outside_scope');
export const conflict = (reason: string) => new AppError('conflict', { reason });

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
}

export function toProblem(error: AppError, locale: Locale, requestId: string, url: string): ProblemDetails {
  const problem: ProblemDetails = {
    type: `urn:guichet:problem:${error.code.replaceAll('_', '-')}`,
    title: error.code,
    status: error.status,
    detail: error.detail(locale),
    code: error.code,
    instance: url,
    requestId,
  };
  if (error.fieldErrors.length > 0) {
    // Services name catalog keys as messages; validation errors from zod arrive already worded.
    problem.errors = error.fieldErrors.map((item) => ({ ...item, message: validationMessages[item.message]?.[locale] ?? item.message }));
  }
  return problem;
}

/** Builds a 400 about one body field, worded from the validation catalog in the caller's language. */
export function invalidField(field: string, messageKey: string): AppError {
  return new AppError('validation_failed', {}, [{ in: 'body', field, code: 'custom', message: messageKey }]);
}

/** Builds a 400 about one query-string parameter, worded from the validation catalog. */
export function invalidQuery(field: string, messageKey: string): AppError {
  return new AppError('validation_failed', {}, [{ in: 'querystring', field, code: 'custom', message: messageKey }]);
}
