// Problems found while reading a GLPI ticket-list CSV, with their French and English messages.

export type GlpiCsvErrorCode =
  | 'empty_file'
  | 'invalid_encoding'
  | 'missing_id_column'
  | 'duplicate_column'
  | 'unsupported_date_order'
  | 'csv_syntax'
  | 'field_count'
  | 'invalid_id'
  | 'duplicate_id'
  | 'missing_value'
  | 'invalid_label'
  | 'invalid_date';

export interface LocalizedMessage {
  fr: string;
  en: string;
}

export interface GlpiCsvError {
  /** 1-based line of the file. The header is line 1, and file-level errors point at it. */
  line: number;
  /** Header of the column at fault, when the problem is in one cell or one header. */
  column?: string;
  code: GlpiCsvErrorCode;
  message: LocalizedMessage;
}

const quoteFr = (value: string): string => `«\u00a0${value}\u00a0»`;
const quoteEn = (value: string): string => `"${value}"`;

/** Cuts a cell value shown in a message, so that one huge cell cannot flood a report. */
function excerpt(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}…` : value;
}

export const glpiCsvMessages = {
  emptyFile: (): LocalizedMessage => ({
    fr: "Le fichier est vide : il n'a même pas de ligne d'en-tête. Exportez à nouveau la liste des tickets depuis GLPI.",
    en: 'The file is empty: it has no header line. Export the ticket list from GLPI again.',
  }),
  invalidEncoding: (): LocalizedMessage => ({
    fr: "Le fichier n'est pas en UTF-8. Utilisez le fichier exporté par GLPI sans l'ouvrir ni l'enregistrer dans un tableur.",
    en: 'The file is not valid UTF-8. Use the file exported by GLPI without opening or saving it in a spreadsheet.',
  }),
  missingIdColumn: (): LocalizedMessage => ({
    fr: `La colonne ${quoteFr('ID')} est absente de l'en-tête. Ajoutez-la à la vue de la liste des tickets dans GLPI, puis exportez à nouveau.`,
    en: `The header has no ${quoteEn('ID')} column. Add it to the ticket list view in GLPI, then export again.`,
  }),
  duplicateColumn: (header: string, firstHeader: string): LocalizedMessage => ({
    fr: `La colonne ${quoteFr(header)} reprend la même donnée que ${quoteFr(firstHeader)} : seule la première est lue.`,
    en: `The column ${quoteEn(header)} contains the same data as ${quoteEn(firstHeader)}: only the first one is read.`,
  }),
  unsupportedDateOrder: (value: string): LocalizedMessage => ({
    fr: `La date ${quoteFr(excerpt(value))} est au format mois-jour-année, qui n'est pas pris en charge. Choisissez le format AAAA-MM-JJ ou JJ-MM-AAAA dans vos préférences GLPI, puis exportez à nouveau.`,
    en: `The date ${quoteEn(excerpt(value))} is in month-day-year order, which is not supported. Choose the YYYY-MM-DD or DD-MM-YYYY date format in your GLPI preferences, then export again.`,
  }),
  csvSyntax: (unclosedQuote: boolean): LocalizedMessage =>
    unclosedQuote
      ? {
          fr: "Ligne illisible : un guillemet ouvrant n'est pas refermé avant la fin de la ligne.",
          en: 'Unreadable line: an opening quote is not closed before the end of the line.',
        }
      : {
          fr: 'Ligne illisible : du texte suit un guillemet fermant. GLPI entoure chaque valeur de guillemets et les sépare par le séparateur du fichier.',
          en: "Unreadable line: text follows a closing quote. GLPI quotes every value and separates them with the file's separator.",
        },
  fieldCount: (found: number, expected: number): LocalizedMessage => ({
    fr: `La ligne a ${found} champ(s) alors que l'en-tête en annonce ${expected}.`,
    en: `The line has ${found} field(s) but the header has ${expected}.`,
  }),
  invalidId: (value: string): LocalizedMessage => ({
    fr: `L'identifiant ${quoteFr(excerpt(value))} n'est pas un entier positif.`,
    en: `The ID ${quoteEn(excerpt(value))} is not a positive integer.`,
  }),
  duplicateId: (id: number, firstLine: number): LocalizedMessage => ({
    fr: `Le ticket ${id} figure déjà à la ligne ${firstLine} : cette ligne est ignorée.`,
    en: `Ticket ${id} already appears on line ${firstLine}: this line is skipped.`,
  }),
  missingValue: (header: string): LocalizedMessage => ({
    fr: `La colonne ${quoteFr(header)} est vide alors que GLPI la remplit toujours.`,
    en: `The column ${quoteEn(header)} is empty, but GLPI always fills it.`,
  }),
  invalidLabel: (header: string, value: string, accepted: readonly string[]): LocalizedMessage => ({
    fr: `Valeur ${quoteFr(excerpt(value))} inconnue dans la colonne ${quoteFr(header)}. Valeurs acceptées : ${accepted.join(', ')}.`,
    en: `Unknown value ${quoteEn(excerpt(value))} in the column ${quoteEn(header)}. Accepted values: ${accepted.join(', ')}.`,
  }),
  invalidDate: (header: string, value: string, order: 'ymd' | 'dmy'): LocalizedMessage => ({
    fr: `La date ${quoteFr(excerpt(value))} de la colonne ${quoteFr(header)} est invalide : le format attendu est ${order === 'ymd' ? 'AAAA-MM-JJ HH:MM' : 'JJ-MM-AAAA HH:MM'}, comme dans le reste du fichier.`,
    en: `The date ${quoteEn(excerpt(value))} in the column ${quoteEn(header)} is invalid: the expected format is ${order === 'ymd' ? 'YYYY-MM-DD HH:MM' : 'DD-MM-YYYY HH:MM'}, as in the rest of the file.`,
  }),
};
