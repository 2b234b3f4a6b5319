// Public entry point of the GLPI ticket-list CSV import: parser, writer, record types and labels.

export { parseGlpiTicketCsv } from './glpi-csv-parse.js';
export type { GlpiCsvParseOptions, GlpiCsvParseResult } from './glpi-csv-parse.js';
export { writeGlpiTicketCsv } from './glpi-csv-write.js';
export type { GlpiCsvWriteOptions, GlpiCsvWriteRow } from './glpi-csv-write.js';
export type { GlpiTicketRow } from './glpi-csv-fields.js';
export type { GlpiRequester } from './glpi-csv-cells.js';
export type { GlpiDateOrder } from './glpi-csv-dates.js';
export type { GlpiCsvDelimiter } from './glpi-csv-records.js';
export type { GlpiCsvError, GlpiCsvErrorCode, LocalizedMessage } from './glpi-csv-errors.js';
export {
  GLPI_FULL_COLUMNS,
  GLPI_IMPACT_LABELS_FR,
  GLPI_PRIORITY_LABELS_FR,
  GLPI_STATUS_CODES,
  GLPI_STATUS_LABELS_FR,
  GLPI_TICKET_COLUMNS,
  GLPI_TYPE_LABELS_FR,
  GLPI_URGENCY_LABELS_FR,
} from './glpi-labels.js';
export type { GlpiColumnLabel, GlpiLevel, GlpiPriority, GlpiStatus, GlpiTicketType } from './glpi-labels.js';
