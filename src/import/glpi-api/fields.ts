// Readers for the fields of GLPI API rows: escaped text, HTML content, ids hidden by expanded dropdowns.

import { decodeHTML } from 'entities';
import type { GlpiRow } from './client.js';

/**
 * Decodes a text field as GLPI 10 returns it: stored with `<`, `>` and `&` escaped as `&#60;`,
 * `&#62;` and `&#38;`. Titles, names and expanded dropdown values are plain text once decoded.
 */
export function decodeGlpiText(value: unknown): string {
  return typeof value === 'string' ? decodeHTML(value) : '';
}

/** Tags of GLPI's rich-text editor: content holding one of them is HTML, other content plain text. */
const HTML_TAG = /<\/?(p|br|div|span|ul|ol|li|strong|b|em|i|u|s|a|img|table|thead|tbody|tr|td|th|h[1-6]|blockquote|pre|code|hr)\b[^<>]*>/i;
/** Any tag: a letter right after `<`, so that a lone `<` or `>` in the text ("symboles < et >") stays. */
const ANY_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;

/**
 * Turns a rich-text field (ticket content, followup, task, solution) into plain text. GLPI escapes
 * the stored HTML once more, so the field is decoded, its tags turned into line breaks or dropped,
 * and the entities of the HTML itself decoded. Plain-text content (sent without HTML, such as
 * "<pas de code erreur>" on its own line) is only decoded, and keeps its line breaks.
 */
export function glpiContentToText(value: unknown): string {
  const html = decodeGlpiText(value);
  if (!HTML_TAG.test(html)) return html.trim();
  const text = html
    .replace(/\r?\n/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^<>]*>/gi, '\n- ')
    .replace(/<\/(p|div|li|ul|ol|h[1-6]|tr|blockquote|pre)>/gi, '\n')
    .replace(ANY_TAG, '');
  return decodeHTML(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Returns a number field, or undefined when GLPI sent something else (an expanded name, null). */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Returns the decoded login or name of an expanded dropdown, or undefined for GLPI's unset key (the number 0). */
export function expandedName(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? decodeGlpiText(value) : undefined;
}

/**
 * Returns the ids of a row's HATEOAS links to one item type, in field order: `Entity` gives the
 * row's entity. A key set to 0 gets no link, so several links of one type cannot be distinguished,
 * and callers use this only for types that occur once in the row.
 */
export function linkedIds(row: GlpiRow, itemType: string): number[] {
  const links = Array.isArray(row.links) ? (row.links as unknown[]) : [];
  const ids: number[] = [];
  for (const link of links) {
    if (typeof link !== 'object' || link === null) continue;
    const { rel, href } = link as { rel?: unknown; href?: unknown };
    if (rel !== itemType || typeof href !== 'string') continue;
    const id = /\/(\d+)\/?$/.exec(href)?.[1];
    if (id !== undefined) ids.push(Number(id));
  }
  return ids;
}

/** Returns the single linked id of a type, or undefined when the row has none. */
export function linkedId(row: GlpiRow, itemType: string): number | undefined {
  return linkedIds(row, itemType)[0];
}

/** Splits a GLPI complete name ("Bâtiment A > Urgences") into its names. */
export function pathOf(completeName: string): string[] {
  return completeName
    .split(' > ')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
