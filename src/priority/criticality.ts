import { normalizeServiceName, QUESTIONS } from './grid.js';
import type {
  CriticalityAnswers,
  CriticalityGrid,
  CriticalityRule,
  JobProfile,
  PatientCare,
  Question,
  Scope,
  ServiceCriticality,
  SiteType,
} from './grid.js';
import type { Level } from './labels.js';
import { computePriority, DEFAULT_PRIORITY_MATRIX } from './matrix.js';
import type { PriorityMatrix } from './matrix.js';

/** Stable code of one answer, e.g. `patient_care_interrupted` or `service_vital`. */
export type AnswerCode =
  | `scope_${Scope}`
  | `service_${ServiceCriticality}`
  | `profile_${JobProfile}`
  | `site_${SiteType}`
  | `patient_care_${PatientCare}`;

/** An answer that added points. `service` is the service name behind a `service_*` code, when known. */
export interface AnswerReason {
  kind: 'answer';
  code: AnswerCode;
  params: { urgencyPoints: number; impactPoints: number; service?: string };
}

/** A points total and the level the thresholds turn it into. */
export interface LevelReason {
  kind: 'level';
  code: 'urgency_points' | 'impact_points';
  params: { points: number; level: Level };
}

/** A grid rule whose conditions all matched; `code` is the rule's own code from the grid. */
export interface RuleReason {
  kind: 'rule';
  code: string;
  params: { conditions: AnswerCode[]; service?: string; urgency?: Level; impact?: Level };
}

/** The matrix cell that gave the priority. */
export interface PriorityReason {
  kind: 'priority';
  code: 'priority_matrix';
  params: { urgency: Level; impact: Level; priority: Level };
}

export type Reason = AnswerReason | LevelReason | RuleReason | PriorityReason;

export interface CriticalitySuggestion {
  urgency: Level;
  impact: Level;
  priority: Level;
  reasons: Reason[];
}

/** The service's criticality and the name to show for it (the grid's spelling when the name matched). */
export interface ResolvedService {
  criticality: ServiceCriticality;
  name?: string;
}

/**
 * Resolves the service's criticality: the one given in the answers first, then the grid's entry
 * for the service name, then the grid's default. A location path such as
 * "Bâtiment A > Urgences" matches on its deepest known segment.
 */
export function resolveService(grid: CriticalityGrid, answers: CriticalityAnswers): ResolvedService {
  const rawName = answers.service?.trim();
  const match = rawName === undefined ? undefined : findServiceEntry(grid, rawName);

  const criticality = answers.serviceCriticality ?? match?.criticality ?? grid.defaultServiceCriticality;
  const name = match?.name ?? rawName;
  return name === undefined ? { criticality } : { criticality, name };
}

function findServiceEntry(grid: CriticalityGrid, rawName: string): ResolvedService | undefined {
  const byKey = new Map<string, ResolvedService>();
  for (const [name, criticality] of Object.entries(grid.services)) {
    byKey.set(normalizeServiceName(name), { name, criticality });
  }

  const candidates = [rawName, ...rawName.split('>').reverse()];
  for (const candidate of candidates) {
    const entry = byKey.get(normalizeServiceName(candidate));
    if (entry !== undefined) {
      return entry;
    }
  }
  return undefined;
}

type ResolvedAnswers = Record<Question, string>;

function answerCode(question: Question, answer: string): AnswerCode {
  const prefixes: Record<Question, string> = {
    serviceCriticality: 'service_',
    scope: 'scope_',
    profile: 'profile_',
    site: 'site_',
    patientCare: 'patient_care_',
  };
  return `${prefixes[question]}${answer}` as AnswerCode;
}

function pointsFor(grid: CriticalityGrid, question: Question, answer: string): { urgency: number; impact: number } {
  const table: Record<string, { urgency: number; impact: number }> = grid.points[question];
  const points = table[answer];
  if (points === undefined) {
    throw new RangeError(`Invalid answer "${answer}" to question ${question}.`);
  }
  return points;
}

/** Turns a points total into a level: 1 plus the number of thresholds reached. */
function levelFromPoints(points: number, thresholds: readonly number[]): Level {
  const reached = thresholds.filter((threshold) => points >= threshold).length;
  return Math.min(1 + reached, 5) as Level;
}

function ruleMatches(rule: CriticalityRule, answers: ResolvedAnswers): boolean {
  return QUESTIONS.every((question) => {
    const accepted: readonly string[] | undefined = rule.when[question];
    return accepted === undefined || accepted.includes(answers[question]);
  });
}

function ruleReason(rule: CriticalityRule, answers: ResolvedAnswers, service: ResolvedService): RuleReason {
  const conditions = QUESTIONS.filter((question) => rule.when[question] !== undefined).map((question) =>
    answerCode(question, answers[question]),
  );
  const params: RuleReason['params'] = { conditions };
  if (service.name !== undefined && rule.when.serviceCriticality !== undefined) {
    params.service = service.name;
  }
  if (rule.atLeast.urgency !== undefined) {
    params.urgency = rule.atLeast.urgency;
  }
  if (rule.atLeast.impact !== undefined) {
    params.impact = rule.atLeast.impact;
  }
  return { kind: 'rule', code: rule.code, params };
}

/**
 * Suggests urgency, impact and priority from the grid's answers. Each answer adds urgency and
 * impact points, the thresholds turn each total into a level, then every matching rule raises a
 * level to its floor. The priority comes from `matrix`. Expects a grid already validated by
 * `criticalityGridSchema`.
 */
export function suggestCriticality(
  grid: CriticalityGrid,
  answers: CriticalityAnswers,
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): CriticalitySuggestion {
  const service = resolveService(grid, answers);
  const resolved: ResolvedAnswers = { ...answers, serviceCriticality: service.criticality };
  const reasons: Reason[] = [];

  let urgencyPoints = 0;
  let impactPoints = 0;
  for (const question of QUESTIONS) {
    const points = pointsFor(grid, question, resolved[question]);
    urgencyPoints += points.urgency;
    impactPoints += points.impact;
    if (points.urgency === 0 && points.impact === 0) {
      continue;
    }

    const params: AnswerReason['params'] = { urgencyPoints: points.urgency, impactPoints: points.impact };
    if (question === 'serviceCriticality' && service.name !== undefined) {
      params.service = service.name;
    }
    reasons.push({ kind: 'answer', code: answerCode(question, resolved[question]), params });
  }

  let urgency = levelFromPoints(urgencyPoints, grid.thresholds.urgency);
  let impact = levelFromPoints(impactPoints, grid.thresholds.impact);
  reasons.push({ kind: 'level', code: 'urgency_points', params: { points: urgencyPoints, level: urgency } });
  reasons.push({ kind: 'level', code: 'impact_points', params: { points: impactPoints, level: impact } });

  for (const rule of grid.rules) {
    if (!ruleMatches(rule, resolved)) {
      continue;
    }
    urgency = Math.max(urgency, rule.atLeast.urgency ?? 1) as Level;
    impact = Math.max(impact, rule.atLeast.impact ?? 1) as Level;
    reasons.push(ruleReason(rule, resolved, service));
  }

  const priority = computePriority(matrix, urgency, impact);
  reasons.push({ kind: 'priority', code: 'priority_matrix', params: { urgency, impact, priority } });

  return { urgency, impact, priority, reasons };
}
