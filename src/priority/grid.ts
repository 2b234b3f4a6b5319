import { z } from 'zod';

import { levelSchema } from './labels.js';

/** Turns a service name into its lookup key: trimmed, lower case, without accents, single spaces. */
export function normalizeServiceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
}

function hasDistinctServiceNames(names: readonly string[]): boolean {
  return new Set(names.map(normalizeServiceName)).size === names.length;
}

// The five questions of the hospital criticality grid and their possible answers.

export const SCOPES = ['one_user', 'several_users', 'whole_service', 'several_services', 'whole_site'] as const;
export const SERVICE_CRITICALITIES = ['vital', 'high', 'normal', 'low'] as const;
export const JOB_PROFILES = [
  'medecin',
  'infirmier',
  'cadre_sante',
  'secretaire',
  'administratif',
  'technicien',
  'autre',
] as const;
export const SITE_TYPES = ['hospital', 'ehpad', 'administrative'] as const;
export const PATIENT_CARE_STATES = ['interrupted', 'degraded', 'unaffected'] as const;

export type Scope = (typeof SCOPES)[number];
export type ServiceCriticality = (typeof SERVICE_CRITICALITIES)[number];
export type JobProfile = (typeof JOB_PROFILES)[number];
export type SiteType = (typeof SITE_TYPES)[number];
export type PatientCare = (typeof PATIENT_CARE_STATES)[number];

/** Questions in the order the reasons and explanations list them. */
export const QUESTIONS = ['serviceCriticality', 'scope', 'profile', 'site', 'patientCare'] as const;
export type Question = (typeof QUESTIONS)[number];

const scopeSchema = z.enum(SCOPES);
const serviceCriticalitySchema = z.enum(SERVICE_CRITICALITIES);
const jobProfileSchema = z.enum(JOB_PROFILES);
const siteTypeSchema = z.enum(SITE_TYPES);
const patientCareSchema = z.enum(PATIENT_CARE_STATES);

/** Answers given when a ticket is opened. */
export const criticalityAnswersSchema = z.object({
  scope: scopeSchema,
  /** Name of the affected service, e.g. "Bloc opératoire" or a location path "Bâtiment A > Urgences". */
  service: z.string().trim().min(1).optional(),
  /** Criticality set on the service itself; when absent it is looked up by name in the grid. */
  serviceCriticality: serviceCriticalitySchema.optional(),
  profile: jobProfileSchema,
  site: siteTypeSchema,
  patientCare: patientCareSchema,
});
export type CriticalityAnswers = z.infer<typeof criticalityAnswersSchema>;

const pointsSchema = z.int().min(0).max(100);

/** Points one answer adds to the urgency total and to the impact total. */
const answerPointsSchema = z.strictObject({ urgency: pointsSchema, impact: pointsSchema });

const answerPointsTableSchema = z.strictObject({
  scope: z.record(scopeSchema, answerPointsSchema),
  serviceCriticality: z.record(serviceCriticalitySchema, answerPointsSchema),
  profile: z.record(jobProfileSchema, answerPointsSchema),
  site: z.record(siteTypeSchema, answerPointsSchema),
  patientCare: z.record(patientCareSchema, answerPointsSchema),
});

/**
 * Minimum totals for levels 2, 3, 4 and 5, strictly increasing. A total below the first
 * threshold gives level 1.
 */
const thresholdsSchema = z
  .tuple([pointsSchema, pointsSchema, pointsSchema, pointsSchema])
  .refine(([t2, t3, t4, t5]) => t2 >= 1 && t2 < t3 && t3 < t4 && t4 < t5, {
    message: 'Thresholds must be strictly increasing and start at 1 point or more.',
  });

const ruleConditionsSchema = z
  .strictObject({
    scope: z.array(scopeSchema).min(1).optional(),
    serviceCriticality: z.array(serviceCriticalitySchema).min(1).optional(),
    profile: z.array(jobProfileSchema).min(1).optional(),
    site: z.array(siteTypeSchema).min(1).optional(),
    patientCare: z.array(patientCareSchema).min(1).optional(),
  })
  .refine((when) => Object.keys(when).length > 0, { message: 'A rule needs at least one condition.' });

/**
 * A rule that raises urgency or impact to at least the given level when every condition matches.
 * Each condition lists the accepted answers to one question. Rules never lower a level.
 */
const ruleSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'A rule code is snake_case, e.g. care_interrupted_in_vital_service.'),
  when: ruleConditionsSchema,
  atLeast: z
    .strictObject({ urgency: levelSchema.optional(), impact: levelSchema.optional() })
    .refine((floor) => floor.urgency !== undefined || floor.impact !== undefined, {
      message: 'A rule must raise urgency, impact or both.',
    }),
});

/** The criticality grid an administrator edits. Plain JSON; unknown keys are rejected to catch typos. */
export const criticalityGridSchema = z
  .strictObject({
    points: answerPointsTableSchema,
    thresholds: z.object({ urgency: thresholdsSchema, impact: thresholdsSchema }),
    rules: z.array(ruleSchema),
    /** Criticality of known services by French name; matched ignoring case and accents. */
    services: z.record(z.string().trim().min(1), serviceCriticalitySchema),
    /** Criticality of a service that is unnamed or not in `services`. */
    defaultServiceCriticality: serviceCriticalitySchema,
  })
  .refine((grid) => new Set(grid.rules.map((rule) => rule.code)).size === grid.rules.length, {
    message: 'Rule codes must be unique.',
    path: ['rules'],
  })
  .refine((grid) => hasDistinctServiceNames(Object.keys(grid.services)), {
    message: 'Service names must differ by more than case or accents.',
    path: ['services'],
  });

export type CriticalityGrid = z.infer<typeof criticalityGridSchema>;
export type CriticalityRule = CriticalityGrid['rules'][number];
export type RuleConditions = CriticalityRule['when'];

/** Default criticality of common French hospital services. Services not listed count as normal. */
export const DEFAULT_SERVICE_CRITICALITY: Readonly<Record<string, ServiceCriticality>> = {
  Urgences: 'vital',
  SAMU: 'vital',
  SMUR: 'vital',
  'Bloc opératoire': 'vital',
  Réanimation: 'vital',
  'Soins intensifs': 'vital',
  'Salle de naissance': 'vital',
  Radiologie: 'high',
  'Imagerie médicale': 'high',
  Pharmacie: 'high',
  Laboratoire: 'high',
  Dialyse: 'high',
  Stérilisation: 'high',
  Maternité: 'high',
  Direction: 'low',
  'Ressources humaines': 'low',
  'Services économiques': 'low',
};

/**
 * Default grid. Urgency (how fast) rests mostly on patient care and the service; impact (how
 * widely) rests mostly on how many people or services are affected. See the thresholds for the
 * totals each level needs.
 */
export const DEFAULT_CRITICALITY_GRID: CriticalityGrid = {
  points: {
    scope: {
      one_user: { urgency: 0, impact: 0 },
      several_users: { urgency: 0, impact: 2 },
      whole_service: { urgency: 1, impact: 4 },
      several_services: { urgency: 1, impact: 6 },
      whole_site: { urgency: 2, impact: 8 },
    },
    serviceCriticality: {
      vital: { urgency: 3, impact: 2 },
      high: { urgency: 2, impact: 1 },
      normal: { urgency: 1, impact: 0 },
      low: { urgency: 0, impact: 0 },
    },
    profile: {
      medecin: { urgency: 1, impact: 1 },
      infirmier: { urgency: 1, impact: 0 },
      cadre_sante: { urgency: 1, impact: 0 },
      secretaire: { urgency: 0, impact: 0 },
      administratif: { urgency: 0, impact: 0 },
      technicien: { urgency: 0, impact: 0 },
      autre: { urgency: 0, impact: 0 },
    },
    site: {
      hospital: { urgency: 1, impact: 1 },
      ehpad: { urgency: 0, impact: 0 },
      administrative: { urgency: 0, impact: 0 },
    },
    patientCare: {
      interrupted: { urgency: 4, impact: 3 },
      degraded: { urgency: 2, impact: 1 },
      unaffected: { urgency: 0, impact: 0 },
    },
  },
  thresholds: {
    urgency: [2, 4, 6, 8],
    impact: [2, 4, 7, 9],
  },
  rules: [
    {
      code: 'care_interrupted_in_critical_service',
      when: { serviceCriticality: ['vital', 'high'], patientCare: ['interrupted'] },
      atLeast: { urgency: 5 },
    },
    {
      code: 'care_interrupted_in_several_services',
      when: { scope: ['several_services', 'whole_site'], patientCare: ['interrupted'] },
      atLeast: { urgency: 5, impact: 5 },
    },
    {
      code: 'hospital_site_outage',
      when: { scope: ['whole_site'], site: ['hospital'] },
      atLeast: { urgency: 4, impact: 5 },
    },
  ],
  services: DEFAULT_SERVICE_CRITICALITY,
  defaultServiceCriticality: 'normal',
};
