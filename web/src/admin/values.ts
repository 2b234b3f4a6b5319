import type { FieldSpec } from './resources';

/** Form state of a record: strings for text inputs and selects, booleans, lists of rights, a transitions map. */
export type FormValues = Record<string, unknown>;

function asText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Returns the form's starting values: the record's, or each field's initial value for a new record. */
export function initialValues(fields: readonly FieldSpec[], record: Record<string, unknown> | null): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = record === null ? field.initial : record[field.name];
    switch (field.kind) {
      case 'checkbox':
        values[field.name] = value === true;
        break;
      case 'password':
        values[field.name] = '';
        break;
      case 'minutes':
        values[field.name] = typeof value === 'number' ? String(value / 60) : '';
        break;
      case 'json':
        values[field.name] = value === undefined ? '' : JSON.stringify(value, null, 2);
        break;
      case 'rights':
        values[field.name] = Array.isArray(value) ? value : [];
        break;
      case 'transitions':
        values[field.name] = typeof value === 'object' && value !== null ? value : {};
        break;
      default:
        values[field.name] = asText(value);
    }
  }
  return values;
}

/** Converts one field to the value the API takes, or undefined to leave the property out. Throws SyntaxError on invalid JSON. */
function toApiValue(field: FieldSpec, value: unknown): unknown {
  const text = typeof value === 'string' ? value.trim() : '';
  switch (field.kind) {
    case 'checkbox':
    case 'rights':
    case 'transitions':
      return value;
    case 'json':
      return JSON.parse(text) as unknown;
    case 'password':
      return text === '' ? undefined : text;
    case 'number':
    case 'reference':
      // An empty required number is sent as null, so that the server names the missing field.
      if (text === '') return field.nullable === true || (field.kind === 'number' && field.required === true) ? null : undefined;
      return Number(text);
    case 'minutes':
      if (text === '') return field.nullable === true ? null : undefined;
      return Math.round(Number(text) * 60);
    case 'select':
      if (text === '') return field.nullable === true ? null : undefined;
      return field.numeric === true ? Number(text) : text;
    case 'text':
      if (text !== '') return text;
      if (field.nullable === true) return null;
      // An empty required text is sent, so that the server names the missing field.
      return field.required === true ? '' : undefined;
  }
}

/**
 * Builds the request body of the form, and lists the fields whose text could not be read (invalid
 * JSON) with the parser's message. Fields shown only at creation are left out of an update.
 */
export function toBody(fields: readonly FieldSpec[], values: FormValues, creating: boolean): { body: Record<string, unknown>; errors: Record<string, string> } {
  const body: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (field.createOnly === true && !creating) continue;
    try {
      const value = toApiValue(field, values[field.name]);
      if (value !== undefined) body[field.name] = value;
    } catch (error) {
      errors[field.name] = error instanceof Error ? error.message : String(error);
    }
  }
  return { body, errors };
}
