// Splits a GLPI CSV export into records of raw cells, each with its line number.

import { CsvError, parse } from 'csv-parse/sync';
import type { Info, Options } from 'csv-parse/sync';

export type GlpiCsvDelimiter = ';' | ',';

export interface CsvRecord {
  /** 1-based line number in the file. */
  line: number;
  cells: string[];
}

export interface CsvSyntaxProblem {
  line: number;
  /** True when a quoted value runs to the end of the line without its closing quote. */
  unclosedQuote: boolean;
}

const BYTE_ORDER_MARK = '\uFEFF';

/** Decodes the file as strict UTF-8 without its BOM, or returns undefined when the bytes are not UTF-8. */
export function decodeCsvInput(input: Buffer | string): string | undefined {
  if (typeof input === 'string') {
    return input.startsWith(BYTE_ORDER_MARK) ? input.slice(1) : input;
  }
  try {
    // TextDecoder drops a leading BOM by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return undefined;
  }
}

/**
 * Picks the separator of the header line. GLPI quotes every header, so `";` against `",` decides,
 * and bare `;` against `,` decides for an unquoted header. A tie (a single column) gives `;`.
 */
export function detectDelimiter(headerLine: string): GlpiCsvDelimiter {
  const count = (needle: string): number => headerLine.split(needle).length - 1;

  const quotedSemicolons = count('";');
  const quotedCommas = count('",');
  if (quotedSemicolons !== quotedCommas) return quotedSemicolons > quotedCommas ? ';' : ',';
  return count(',') > count(';') ? ',' : ';';
}

/** First non-blank line of the text with its 1-based number, or undefined when it has none. */
export function firstNonBlankLine(text: string): { line: number; content: string } | undefined {
  let start = 0;
  let line = 1;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end).replace(/\r$/, '');
    if (content.trim() !== '') return { line, content };
    start = end + 1;
    line += 1;
  }
  return undefined;
}

function parserOptions(delimiter: GlpiCsvDelimiter): Options {
  // GLPI never escapes a quote inside a value (it writes two apostrophes instead), and quotes every field.
  return { delimiter, quote: '"', escape: '"', relax_column_count: true, skip_empty_lines: true };
}

/**
 * Parses the whole text at once, the fast path. It gives up (returns undefined) on any syntax
 * error or value spanning lines, because an unclosed quote there swallows the next line and the
 * error would then point at the wrong one.
 */
function parseWholeText(text: string, delimiter: GlpiCsvDelimiter): CsvRecord[] | undefined {
  let failed = false;
  // With `info: true`, csv-parse returns `{ record, info }` objects, which its types do not express.
  const parsed = parse(text, {
    ...parserOptions(delimiter),
    info: true,
    skip_records_with_error: true,
    on_skip: () => {
      failed = true;
      return undefined;
    },
  }) as unknown as { record: string[]; info: Info }[];
  if (failed) return undefined;

  const records: CsvRecord[] = [];
  for (const { record, info } of parsed) {
    if (record.some((cell) => cell.includes('\n') || cell.includes('\r'))) return undefined;
    records.push({ line: info.lines, cells: record });
  }
  return records;
}

/** Parses the text one line at a time, so that a broken line fails alone and with its own number. */
function parseLineByLine(text: string, delimiter: GlpiCsvDelimiter): { records: CsvRecord[]; problems: CsvSyntaxProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  const options = parserOptions(delimiter);

  text.split(/\r?\n/).forEach((content, index) => {
    if (content.trim() === '') return;
    const line = index + 1;
    try {
      const [cells] = parse(content, options);
      if (cells !== undefined) records.push({ line, cells });
    } catch (error) {
      const code = error instanceof CsvError ? error.code : undefined;
      problems.push({ line, unclosedQuote: code === 'CSV_QUOTE_NOT_CLOSED' });
    }
  });
  return { records, problems };
}

/** Reads every non-blank line as a record of cells. The first record is the header. */
export function readCsvRecords(
  text: string,
  delimiter: GlpiCsvDelimiter,
): { records: CsvRecord[]; problems: CsvSyntaxProblem[] } {
  const records = parseWholeText(text, delimiter);
  if (records !== undefined) return { records, problems: [] };
  return parseLineByLine(text, delimiter);
}
