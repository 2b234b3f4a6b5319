// French labels and column headers of GLPI 10.0.x ticket lists, as the fr_FR interface
// and its CSV export write them.

export type GlpiStatus = 'new' | 'assigned' | 'planned' | 'waiting' | 'solved' | 'closed';
export type GlpiTicketType = 'incident' | 'request';
/** Priority: 1 (very low) to 5 (very high), plus 6 (major). */
export type GlpiPriority = 1 | 2 | 3 | 4 | 5 | 6;
/** Urgency or impact: 1 (very low) to 5 (very high). */
export type GlpiLevel = 1 | 2 | 3 | 4 | 5;

/** Status labels. Keys follow GLPI's order, whose numeric codes are 1 (new) to 6 (closed). */
export const GLPI_STATUS_LABELS_FR: Readonly<Record<GlpiStatus, string>> = {
  new: 'Nouveau',
  assigned: 'En cours (Attribué)',
  planned: 'En cours (Planifié)',
  waiting: 'En attente',
  solved: 'Résolu',
  closed: 'Clos',
};

/** GLPI's numeric status codes (`glpi_tickets.status`). */
export const GLPI_STATUS_CODES: Readonly<Record<GlpiStatus, number>> = {
  new: 1,
  assigned: 2,
  planned: 3,
  waiting: 4,
  solved: 5,
  closed: 6,
};

export const GLPI_TYPE_LABELS_FR: Readonly<Record<GlpiTicketType, string>> = {
  incident: 'Incident',
  request: 'Demande',
};

/** Priority labels, feminine ("la priorité"). */
export const GLPI_PRIORITY_LABELS_FR: Readonly<Record<GlpiPriority, string>> = {
  1: 'Très basse',
  2: 'Basse',
  3: 'Moyenne',
  4: 'Haute',
  5: 'Très haute',
  6: 'Majeure',
};

/** Urgency labels, feminine ("l'urgence"). */
export const GLPI_URGENCY_LABELS_FR: Readonly<Record<GlpiLevel, string>> = {
  1: 'Très basse',
  2: 'Basse',
  3: 'Moyenne',
  4: 'Haute',
  5: 'Très haute',
};

/** Impact labels, masculine ("l'impact"). */
export const GLPI_IMPACT_LABELS_FR: Readonly<Record<GlpiLevel, string>> = {
  1: 'Très bas',
  2: 'Bas',
  3: 'Moyen',
  4: 'Haut',
  5: 'Très haut',
};

/** Record field filled by each supported column, keyed by the header GLPI writes. */
export const GLPI_TICKET_COLUMNS = {
  ID: 'glpiId',
  Titre: 'title',
  Entité: 'entityPath',
  Statut: 'status',
  "Date d'ouverture": 'openedAt',
  'Dernière modification': 'updatedAt',
  Priorité: 'priority',
  Urgence: 'urgency',
  Impact: 'impact',
  Type: 'type',
  'Demandeur - Demandeur': 'requesters',
  'Attribué à - Technicien': 'technicians',
  'Attribué à - Groupe de techniciens': 'groups',
  Catégorie: 'categoryPath',
  Lieu: 'locationPath',
  'Date de résolution': 'solvedAt',
  'Date de clôture': 'closedAt',
  TTR: 'ttrDueAt',
  TTO: 'ttoDueAt',
  // NOTE: these two headers are assumed to be the deadline labels of older GLPI versions. No
  // sample export carries them, so a cell that is not a date fails its row with invalid_date.
  'Temps de solution': 'ttrDueAt',
  'Temps de prise en compte': 'ttoDueAt',
} as const;

export type GlpiColumnLabel = keyof typeof GLPI_TICKET_COLUMNS;
export type GlpiRecordField = (typeof GLPI_TICKET_COLUMNS)[GlpiColumnLabel];

/** The 17 columns of a full ticket-list export, in GLPI's order. */
export const GLPI_FULL_COLUMNS: readonly GlpiColumnLabel[] = [
  'ID',
  'Titre',
  'Entité',
  'Statut',
  "Date d'ouverture",
  'Dernière modification',
  'Priorité',
  'Urgence',
  'Impact',
  'Type',
  'Demandeur - Demandeur',
  'Attribué à - Technicien',
  'Attribué à - Groupe de techniciens',
  'Catégorie',
  'Lieu',
  'Date de résolution',
  'Date de clôture',
];

export function isGlpiColumnLabel(header: string): header is GlpiColumnLabel {
  return Object.hasOwn(GLPI_TICKET_COLUMNS, header);
}

/** Builds the reverse map of a label table, from French label to key. Digit-only keys come back as numbers. */
export function invertLabels<K extends string | number>(labels: Readonly<Record<K, string>>): ReadonlyMap<string, K> {
  const inverse = new Map<string, K>();
  for (const [key, label] of Object.entries<string>(labels)) {
    const typedKey = /^\d+$/.test(key) ? Number(key) : key;
    inverse.set(label, typedKey as K);
  }
  return inverse;
}
