// Decoders for the cells of a GLPI 10.0.x ticket-list CSV export.

import { decodeHTMLStrict } from 'entities/decode';

/** A ticket requester: a user shown as "Nom Prénom" (or a login), or an address with no account. */
export interface GlpiRequester {
  name?: string;
  email?: string;
}

const MULTI_VALUE_SEPARATOR = '<br>';
const PATH_SEPARATOR = ' > ';
const EMAIL_PATTERN = /^[^\s@<>]+@[^\s@<>]+$/;

/**
 * Decodes one text value. GLPI writes a `"` inside a value as two apostrophes, so every `''`
 * becomes `"`: a title that really contains two apostrophes comes out with a `"`, because the export
 * cannot tell them apart. GLPI 10.0.18 already decodes HTML entities in ticket lists, so this
 * decoding only matters for exports that kept them, and text that literally contained `&amp;`
 * comes out as `&`. Entities need their final `;`, so a bare `&` stays.
 */
export function decodeGlpiText(value: string): string {
  return decodeHTMLStrict(value.replaceAll("''", '"'));
}

/** Splits a multi-valued cell (groups, technicians) on `<br>`, with or without a space before it. */
export function splitGlpiList(cell: string): string[] {
  return cell
    .split(MULTI_VALUE_SEPARATOR)
    .map((part) => decodeGlpiText(part).trim())
    .filter((part) => part !== '');
}

/** Splits a `Parent > Child` path (Entité, Catégorie, Lieu). An empty cell gives an empty path. */
export function splitGlpiPath(cell: string): string[] {
  return cell
    .split(PATH_SEPARATOR)
    .map((part) => decodeGlpiText(part).trim())
    .filter((part) => part !== '');
}

/**
 * Splits the requester cell. GLPI writes a user as `Nom Prénom ` (a trailing space) before the
 * next `<br>`, but an address without an account as `address<br>` with no space, even at the end
 * of the cell. Only that second shape is read as an e-mail, so a user whose login is an address
 * stays a name.
 */
export function splitGlpiRequesters(cell: string): GlpiRequester[] {
  const parts = cell.split(MULTI_VALUE_SEPARATOR);
  const requesters: GlpiRequester[] = [];

  parts.forEach((part, index) => {
    const value = decodeGlpiText(part).trim();
    if (value === '') return;

    const followedBySeparator = index < parts.length - 1;
    if (followedBySeparator && !part.endsWith(' ') && EMAIL_PATTERN.test(value)) {
      requesters.push({ email: value });
    } else {
      requesters.push({ name: value });
    }
  });
  return requesters;
}

const ID_PATTERN = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})*$|^\d+$/;

/** Reads a ticket ID as displayed, with a space as thousands separator from 1000 on ("14 292"). */
export function parseGlpiId(cell: string): number | undefined {
  const trimmed = cell.trim();
  if (!ID_PATTERN.test(trimmed)) return undefined;

  const id = Number(trimmed.replace(/\D/g, ''));
  return id > 0 && Number.isSafeInteger(id) ? id : undefined;
}

/** Formats a ticket ID the way GLPI displays it ("14 292", "180"). */
export function formatGlpiId(id: number): string {
  return String(id).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
