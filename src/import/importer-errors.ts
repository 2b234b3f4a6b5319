// Problems that stop or trim an import, on top of the parser's, with French and English messages.

import type { GlpiCsvErrorCode, LocalizedMessage } from './glpi-csv-errors.js';

export type ImportErrorCode = GlpiCsvErrorCode | 'missing_column' | 'entity_not_found' | 'ambiguous_entity';

export interface ImportError {
  /** 1-based line of the file; problems with the whole file point at the header line. */
  line: number;
  /** Header of the column at fault, when there is one. */
  column?: string;
  code: ImportErrorCode;
  message: LocalizedMessage;
}

/** Parser problems that leave no row to import, so the import fails even when invalid rows may be skipped. */
export const FILE_ERROR_CODES: ReadonlySet<ImportErrorCode> = new Set([
  'empty_file',
  'invalid_encoding',
  'missing_id_column',
  'unsupported_date_order',
  'missing_column',
  'entity_not_found',
  'ambiguous_entity',
]);

/** Parser problems about one data row; the others are about the header or the whole file. */
export const ROW_ERROR_CODES: ReadonlySet<ImportErrorCode> = new Set([
  'csv_syntax',
  'field_count',
  'invalid_id',
  'duplicate_id',
  'missing_value',
  'invalid_label',
  'invalid_date',
]);

const quoteFr = (value: string): string => `«\u00a0${value}\u00a0»`;
const quoteEn = (value: string): string => `"${value}"`;

export const importMessages = {
  missingColumn: (header: string): LocalizedMessage => ({
    fr: `La colonne ${quoteFr(header)} est absente : l'import en a besoin pour reprendre les tickets tels quels. Ajoutez-la à la vue de la liste des tickets dans GLPI, puis exportez à nouveau.`,
    en: `The column ${quoteEn(header)} is missing: the import needs it to keep the tickets as they are. Add it to the ticket list view in GLPI, then export again.`,
  }),
  entityNotFound: (reference: string): LocalizedMessage => ({
    fr: `Aucune entité ne s'appelle ${quoteFr(reference)}. Donnez un nom ou un nom complet existant (« Parent > Enfant »).`,
    en: `No entity is named ${quoteEn(reference)}. Give an existing name or complete name ("Parent > Child").`,
  }),
  ambiguousEntity: (reference: string, completeNames: readonly string[]): LocalizedMessage => ({
    fr: `Plusieurs entités s'appellent ${quoteFr(reference)} : ${completeNames.join(' ; ')}. Donnez le nom complet de l'une d'elles.`,
    en: `Several entities are named ${quoteEn(reference)}: ${completeNames.join('; ')}. Give the complete name of one of them.`,
  }),
};
