import { createRequire } from 'node:module';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import pdfMake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Locale } from '../http/messages.js';
import { GROUP_BY_LABELS } from './labels.js';
import type { Report } from './report.js';
import { reportTable } from './table.js';

/**
 * Writes the report as GLPI's CSV exports read in a French spreadsheet: UTF-8 with a byte order
 * mark, ";" between cells and CRLF between lines.
 */
export function reportCsv(report: Report, locale: Locale): Buffer {
  const { header, rows } = reportTable(report, locale);
  const text = stringify([header, ...rows], { bom: true, delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n;"]/ });
  return Buffer.from(text, 'utf8');
}

// Roboto from pdfmake's package is embedded in each document, so that accented letters render.
// pdfmake may read those four files and nothing else, and may fetch no URL at all.
const fontDirectory = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const ROBOTO = {
  normal: path.join(fontDirectory, 'Roboto-Regular.ttf'),
  bold: path.join(fontDirectory, 'Roboto-Medium.ttf'),
  italics: path.join(fontDirectory, 'Roboto-Italic.ttf'),
  bolditalics: path.join(fontDirectory, 'Roboto-MediumItalic.ttf'),
};
const fontFiles: ReadonlySet<string> = new Set(Object.values(ROBOTO));
pdfMake.setFonts({ Roboto: ROBOTO });
pdfMake.setUrlAccessPolicy(() => false);
pdfMake.setLocalAccessPolicy((file) => fontFiles.has(file));

const TITLES: Readonly<Record<Locale, string>> = { fr: 'Statistiques des tickets', en: 'Ticket statistics' };
const PERIOD_LABELS: Readonly<Record<Locale, (from: string, to: string) => string>> = {
  fr: (from, to) => `du ${from} au ${to}`,
  en: (from, to) => `from ${from} to ${to}`,
};

/**
 * Writes the period in the caller's time zone. When both ends are midnights there, it shows dates
 * with the end date inclusive. Otherwise it shows dates and times, with the end excluded.
 */
export function periodText(report: Report, locale: Locale, timeZone: string): string {
  const from = DateTime.fromISO(report.from, { zone: timeZone }).setLocale(locale);
  const to = DateTime.fromISO(report.to, { zone: timeZone }).setLocale(locale);
  const midnights = [from, to].every((instant) => instant.equals(instant.startOf('day')));
  if (midnights) return PERIOD_LABELS[locale](from.toLocaleString(DateTime.DATE_FULL), to.minus({ days: 1 }).toLocaleString(DateTime.DATE_FULL));
  return PERIOD_LABELS[locale](from.toLocaleString(DateTime.DATETIME_MED), to.toLocaleString(DateTime.DATETIME_MED));
}

/** Renders the report as an A4 landscape PDF whose table header repeats on every page. */
export async function reportPdf(report: Report, locale: Locale, timeZone: string): Promise<Buffer> {
  const { header, rows } = reportTable(report, locale);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 36, 28, 36],
    info: { title: `${TITLES[locale]} ${periodText(report, locale, timeZone)}` },
    defaultStyle: { font: 'Roboto', fontSize: 7.5 },
    content: [
      { text: TITLES[locale], fontSize: 16, bold: true },
      { text: `${GROUP_BY_LABELS[report.groupBy][locale]}, ${periodText(report, locale, timeZone)}`, fontSize: 11, margin: [0, 2, 0, 10] },
      {
        table: {
          headerRows: 1,
          widths: ['*', ...header.slice(1).map(() => 'auto' as const)],
          body: [
            header.map((text) => ({ text, bold: true, fillColor: '#e8eef5' })),
            ...rows.map((cells) => cells.map((text, index) => ({ text, alignment: index === 0 ? ('left' as const) : ('right' as const) }))),
          ],
        },
        layout: 'lightHorizontalLines',
      },
    ],
    footer: (currentPage, pageCount) => ({ text: `${currentPage} / ${pageCount}`, alignment: 'right', margin: [0, 8, 28, 0], fontSize: 7 }),
  };
  return pdfMake.createPdf(definition).getBuffer();
}
