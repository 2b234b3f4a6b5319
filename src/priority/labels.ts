import { z } from 'zod';

/** User interface language. French is the reference, English the translation. */
export type Locale = 'fr' | 'en';

/** A level on GLPI's 1–5 scale, shared by urgency, impact and computed priority. */
export type Level = 1 | 2 | 3 | 4 | 5;

/** Priority level: 1–5 from the matrix, or 6 ("Majeure"), which only a person sets by hand. */
export type PriorityLevel = Level | 6;

export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/** The major priority, never produced by the matrix. */
export const MAJOR_PRIORITY = 6;

export const levelSchema = z.literal([1, 2, 3, 4, 5]);

export const priorityLevelSchema = z.literal([1, 2, 3, 4, 5, 6]);

export function isLevel(value: unknown): value is Level {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

export function isPriorityLevel(value: unknown): value is PriorityLevel {
  return isLevel(value) || value === MAJOR_PRIORITY;
}

type LabelTable<K extends number> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

// French labels are GLPI 10's own (fr_FR); English labels are GLPI's source strings.
const URGENCY_LABELS: LabelTable<Level> = {
  1: { fr: 'Très basse', en: 'Very low' },
  2: { fr: 'Basse', en: 'Low' },
  3: { fr: 'Moyenne', en: 'Medium' },
  4: { fr: 'Haute', en: 'High' },
  5: { fr: 'Très haute', en: 'Very high' },
};

const IMPACT_LABELS: LabelTable<Level> = {
  1: { fr: 'Très bas', en: 'Very low' },
  2: { fr: 'Bas', en: 'Low' },
  3: { fr: 'Moyen', en: 'Medium' },
  4: { fr: 'Haut', en: 'High' },
  5: { fr: 'Très haut', en: 'Very high' },
};

const PRIORITY_LABELS: LabelTable<PriorityLevel> = {
  ...URGENCY_LABELS,
  6: { fr: 'Majeure', en: 'Major' },
};

export function urgencyLabel(level: Level, locale: Locale): string {
  return URGENCY_LABELS[level][locale];
}

export function impactLabel(level: Level, locale: Locale): string {
  return IMPACT_LABELS[level][locale];
}

export function priorityLabel(level: PriorityLevel, locale: Locale): string {
  return PRIORITY_LABELS[level][locale];
}
