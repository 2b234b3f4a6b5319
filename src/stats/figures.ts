import type { Locale } from '../http/messages.js';

/** The figures of a report row, in the order of GLPI's ticket statistics. */
export const FIGURES = [
  'opened',
  'solved',
  'late',
  'closed',
  'surveysSent',
  'surveysAnswered',
  'averageRating',
  'averageTakeDelaySeconds',
  'averageSolveDelaySeconds',
  'averageCloseDelaySeconds',
  'averageActionSeconds',
  'totalActionSeconds',
] as const;
export type Figure = (typeof FIGURES)[number];

export type Figures = Record<Figure, number | null>;

/** The list date filter that selects the tickets of a figure, or null when the list has none for it. */
export type PeriodFilter = 'opened' | 'solved' | 'closed' | null;

interface FigureDefinition {
  /** Display format: `count` is a whole number, `duration` seconds shown as HH:MM:SS, `rating` one decimal. */
  kind: 'count' | 'duration' | 'rating';
  period: PeriodFilter;
  /** Ticket list parameters that select the tickets of the figure, besides its date. */
  conditions: Readonly<Record<string, string>>;
  label: Readonly<Record<Locale, string>>;
}

// French labels are GLPI 10's column headers in its ticket statistics; English ones are GLPI's source strings.
export const FIGURE_DEFINITIONS: Readonly<Record<Figure, FigureDefinition>> = {
  opened: { kind: 'count', period: 'opened', conditions: {}, label: { fr: 'Nombre de tickets ouverts', en: 'Number of opened tickets' } },
  solved: { kind: 'count', period: 'solved', conditions: {}, label: { fr: 'Nombre de tickets résolus', en: 'Number of solved tickets' } },
  late: { kind: 'count', period: 'solved', conditions: { ttrLate: 'true' }, label: { fr: 'Nombre de tickets en retard', en: 'Number of late tickets' } },
  closed: { kind: 'count', period: 'closed', conditions: {}, label: { fr: 'Nombre de tickets fermés', en: 'Number of closed tickets' } },
  surveysSent: {
    kind: 'count',
    period: 'closed',
    conditions: { survey: 'opened' },
    label: { fr: "Nombre d'enquêtes de satisfaction ouvertes", en: 'Number of opened satisfaction surveys' },
  },
  surveysAnswered: {
    kind: 'count',
    period: 'closed',
    conditions: { survey: 'answered' },
    label: { fr: 'Nombre de réponses aux enquêtes de satisfaction', en: 'Number of answered satisfaction surveys' },
  },
  averageRating: { kind: 'rating', period: 'closed', conditions: { survey: 'answered' }, label: { fr: 'Satisfaction moyenne', en: 'Average satisfaction' } },
  averageTakeDelaySeconds: {
    kind: 'duration',
    period: 'solved',
    conditions: { measured: 'takeDelay' },
    label: { fr: 'Délai moyen de prise en compte', en: 'Average time to take into account' },
  },
  averageSolveDelaySeconds: {
    kind: 'duration',
    period: 'solved',
    conditions: { measured: 'solveDelay' },
    label: { fr: 'Délai moyen de résolution', en: 'Average time to resolution' },
  },
  averageCloseDelaySeconds: {
    kind: 'duration',
    period: 'closed',
    conditions: { measured: 'closeDelay' },
    label: { fr: 'Délai moyen de fermeture', en: 'Average time to closure' },
  },
  averageActionSeconds: {
    kind: 'duration',
    period: 'solved',
    conditions: { measured: 'actionTime' },
    label: { fr: 'Durée réelle moyenne de traitement du ticket', en: 'Average real duration of treatment of the ticket' },
  },
  totalActionSeconds: {
    kind: 'duration',
    period: 'solved',
    conditions: {},
    label: { fr: 'Durée réelle de traitement du ticket', en: 'Total real duration of treatment of the ticket' },
  },
};
