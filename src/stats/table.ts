import { DateTime } from 'luxon';
import type { Locale } from '../http/messages.js';
import { FIGURE_DEFINITIONS, FIGURES } from './figures.js';
import { GROUP_BY_LABELS } from './labels.js';
import type { Report } from './report.js';

/**
 * Formats seconds as GLPI does in its exports: HH:MM:SS, hours going past 24 (1094:29:31), with the
 * fraction of a second of an average dropped rather than rounded, so an export shows GLPI's text.
 */
export function formatDuration(seconds: number): string {
  const total = Math.floor(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/** Formats a number with one decimal and the decimal separator of the language (a comma in French). */
export function formatDecimal(value: number, locale: Locale): string {
  const text = value.toFixed(1);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** Converts the report to text cells: a header row, then one row per group. A figure without value is an empty cell. */
export function reportTable(report: Report, locale: Locale): { header: string[]; rows: string[][] } {
  const header = [GROUP_BY_LABELS[report.groupBy][locale], ...FIGURES.map((figure) => FIGURE_DEFINITIONS[figure].label[locale])];
  const rows = report.rows.map((row) => [
    row.label,
    ...FIGURES.map((figure) => {
      const value = row.figures[figure];
      if (value === null) return '';
      switch (FIGURE_DEFINITIONS[figure].kind) {
        case 'duration':
          return formatDuration(value);
        case 'rating':
          return formatDecimal(value, locale);
        default:
          return String(value);
      }
    }),
  ]);
  return { header, rows };
}

const GROUP_BY_FILE_NAMES: Readonly<Record<Report['groupBy'], string>> = {
  technician: 'technicien',
  group: 'groupe',
  level: 'niveau',
  category: 'categorie',
  service: 'service',
  entity: 'entite',
  requesterProfile: 'profil-demandeur',
  priority: 'priorite',
};

/**
 * Attachment name such as "statistiques-tickets-par-technicien-du-2026-03-01-au-2026-03-31.csv",
 * with the period's first and last days in the caller's time zone, in ASCII so every client keeps it.
 */
export function reportFileName(report: Report, extension: 'csv' | 'pdf', timeZone: string): string {
  const firstDay = DateTime.fromISO(report.from, { zone: timeZone }).toISODate() ?? '';
  const lastDay = DateTime.fromISO(report.to, { zone: timeZone }).minus({ milliseconds: 1 }).toISODate() ?? '';
  return `statistiques-tickets-par-${GROUP_BY_FILE_NAMES[report.groupBy]}-du-${firstDay}-au-${lastDay}.${extension}`;
}
