import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { FieldError } from './errors.js';
import { format, type Locale, validationMessages } from './messages.js';

type ZodIssue = z.core.$ZodIssue;

/** A validation failure that keeps zod's issues so the message can be written in the caller's language later. */
export interface RawValidationError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  message: string;
  params: { issue: ZodIssue };
}

const localeErrors = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };

/**
 * Fastify validator compiler for zod schemas. Unlike the type provider's own compiler, it
 * defers the wording of messages to the error handler, which knows the request's language.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const errors: RawValidationError[] = result.error.issues.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.join('/')}`,
      schemaPath: '#',
      message: issue.message,
      params: { issue },
    }));
    return { error: errors as never };
  };

export function isRawValidationError(value: unknown): value is RawValidationError {
  return typeof value === 'object' && value !== null && 'params' in value && 'keyword' in value;
}

/** Turns zod issues into field errors worded in the given language. */
export function toFieldErrors(issues: ZodIssue[], location: string, locale: Locale): FieldError[] {
  return issues.map((issue) => ({
    in: location,
    field: issue.path.map(String).join('.'),
    code: issue.code,
    message: describeIssue(issue, locale),
  }));
}

function describeIssue(issue: ZodIssue, locale: Locale): string {
  if (issue.code === 'custom') {
    const key = typeof issue.params?.i18n === 'string' ? issue.params.i18n : undefined;
    const message = key === undefined ? undefined : validationMessages[key];
    if (message !== undefined) {
      // {value} names the rejected input itself, e.g. the unknown right in a list of rights.
      const params: Record<string, string> = 'input' in issue && typeof issue.input === 'string' ? { value: issue.input } : {};
      return format(message[locale], { ...params, ...((issue.params?.values ?? {}) as Record<string, string>) });
    }
  }
  const worded = localeErrors[locale](issue as never);
  if (typeof worded === 'string') return worded;
  if (worded !== undefined && worded !== null && typeof worded.message === 'string') return worded.message;
  return issue.message;
}

/** Maximum of the 32-bit integer id columns. PostgreSQL raises an error on a bigger value, so validation rejects it first. */
export const MAX_RECORD_ID = 2_147_483_647;

/** A record id in a JSON body. */
export const recordId = () => z.number().int().positive().max(MAX_RECORD_ID);

/** A custom zod issue whose message comes from the validation catalog. */
export function customIssue(key: string, values: Record<string, string> = {}) {
  return { message: key, params: { i18n: key, values } };
}
