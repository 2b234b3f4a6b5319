import { DEFAULT_PRIORITY_MATRIX, computePriority } from '../priority/matrix.js';
import type { CalendarDefinition } from '../sla/calendar.js';
import { addBusinessSeconds } from '../sla/working-time.js';
import {
  ESCALATION_REASONS,
  type Level,
  PRIVATE_NOTES,
  REFUSAL_COMMENTS,
  REQUESTER_ANSWERS,
  SATISFACTION_COMMENTS,
  TECHNICIAN_FOLLOWUPS,
  type TicketTemplate,
  WAITING_REASONS,
} from './catalog.js';
import type { DemoService, DemoSite } from './organisation.js';
import type { Random } from './random.js';
import type { DemoPerson, DemoStaff } from './staff.js';

// Plans the life of one ticket as a list of dated steps, the way a DSI works it: taken by N1,
// escalated when needed, put on hold, planned, solved, sometimes refused, then approved or
// closed automatically. Instants are epoch milliseconds. Business delays follow the calendar
// of the ticket's SLA, so technicians work office hours except on call for vital services.

export type Step =
  | { kind: 'assign'; at: number; technicianId: number; groupId: number; level: Level }
  | { kind: 'followup'; at: number; authorId: number; content: string; isPrivate: boolean }
  | { kind: 'task'; at: number; technicianId: number; content: string; durationSeconds: number; mode: 'remote' | 'on_site'; planned?: { start: number; end: number } }
  | { kind: 'escalate'; at: number; actorId: number; toLevel: Level; groupId: number; technicianId: number; reason: string }
  | { kind: 'wait'; at: number; authorId: number; reason: string }
  | { kind: 'resume'; at: number; requesterId: number; content: string }
  | { kind: 'solve'; at: number; authorId: number; content: string }
  | { kind: 'refuse'; at: number; requesterId: number; comment: string }
  | { kind: 'approve'; at: number; requesterId: number }
  | { kind: 'autoclose'; at: number };

export interface TicketPlan {
  entityId: number;
  type: 'incident' | 'request';
  title: string;
  description: string;
  urgency: number;
  impact: number;
  priority: number;
  categoryId: number;
  requesterId: number;
  requesterServiceId: number;
  /** The N1 technician who typed a ticket received by phone, the requester for the web, null for e-mail. */
  writerId: number | null;
  locationId: number;
  source: 'web' | 'phone' | 'email';
  openedAt: number;
  steps: Step[];
  /** The requester's answer to the satisfaction survey, if the ticket is surveyed; null when they never answer. */
  survey: { rating: number; comment: string | null; afterMs: number } | null;
}

export interface PlanContext {
  random: Random;
  staff: DemoStaff;
  services: ReadonlyMap<number, DemoService>;
  sites: ReadonlyMap<number, DemoSite>;
  categories: ReadonlyMap<string, number>;
  business: CalendarDefinition;
  alwaysOpen: CalendarDefinition;
}

export interface PlanOptions {
  /** Put the ticket on hold once (En attente). */
  waiting?: boolean;
  /** Plan an on-site task ahead (Planifié). */
  planned?: boolean;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Median business seconds before a ticket is taken, by priority. */
const TAKE_MEDIANS = [0, 2.5 * 3600, 1.2 * 3600, 40 * 60, 20 * 60, 8 * 60, 5 * 60];

/** Cursor over a ticket's life: the current instant, in-charge technician and level. */
interface Walk {
  ctx: PlanContext;
  template: TicketTemplate;
  requester: DemoPerson;
  steps: Step[];
  at: number;
  technician: DemoPerson;
  level: Level;
  /** Adds business seconds (at least one minute) in the ticket's working calendar. */
  after(from: number, seconds: number): number;
}

export function planTicket(ctx: PlanContext, template: TicketTemplate, requester: DemoPerson, openedAt: number, options: PlanOptions = {}): TicketPlan {
  const { random } = ctx;
  const service = ctx.services.get(requester.serviceId);
  const categoryId = ctx.categories.get(template.category);
  if (service === undefined || categoryId === undefined) throw new Error(`demo template "${template.title}" refers to an unknown service or category`);

  // As the criticality grid does, a vital service raises the urgency, and so does a high one now and then.
  const raise = service.criticality === 'vital' || (service.criticality === 'high' && random.chance(0.5)) ? 1 : 0;
  const urgency = nudge(random, template.urgency + raise);
  const impact = nudge(random, template.impact);
  const priority = computePriority(DEFAULT_PRIORITY_MATRIX, urgency, impact);
  const calendar = service.criticality === 'vital' && priority >= 4 ? ctx.alwaysOpen : ctx.business;
  const location = random.pick(service.locations);
  const title = template.title.replace('{service}', service.name).replace('{room}', location.room).replace('{chamber}', String(random.int(101, 340)));
  const source = random.weighted([['web', 5], ['phone', 3], ['email', 2]] as const);

  const walk: Walk = {
    ctx, template, requester, steps: [], at: openedAt,
    technician: random.pick(ctx.staff.technicians.N1),
    level: 'N1',
    after: (from, seconds) => addBusinessSeconds(calendar, new Date(from), Math.max(60, seconds)).getTime(),
  };
  planTaking(walk, source, priority);
  planWork(walk, options);
  const refused = planSolution(walk);
  const survey = random.chance(0.6) ? drawSurvey(random, refused) : null;

  return {
    entityId: requester.entityId, type: template.type, title, description: describe(random, title, service.name, location.room, source),
    urgency, impact, priority, categoryId, requesterId: requester.id, requesterServiceId: service.id,
    writerId: writerOf(source, walk.technician.id, requester.id),
    locationId: location.id, source, openedAt, steps: walk.steps, survey,
  };
}

function writerOf(source: TicketPlan['source'], technicianId: number, requesterId: number): number | null {
  if (source === 'phone') return technicianId;
  if (source === 'web') return requesterId;
  return null;
}

function nudge(random: Random, level: number): number {
  const moved = random.chance(0.2) ? level + random.pick([-1, 1]) : level;
  return Math.min(5, Math.max(1, moved));
}

function describe(random: Random, title: string, serviceName: string, room: string, source: string): string {
  if (source === 'phone') return `Appel du service ${serviceName} : ${title}.`;
  return random.pick([
    `Bonjour,\n${title} depuis ce matin (${serviceName}, ${room}).\nMerci de votre aide.`,
    `${title}. Poste ${room}, service ${serviceName}. C'est bloquant pour l'équipe.`,
    `Bonjour, ${title}. Pouvez-vous passer ou me rappeler ? Merci.`,
  ]);
}

/** Plans the N1 technician taking the ticket: at once for a phone call, else after a delay that shrinks with priority. */
function planTaking(walk: Walk, source: string, priority: number): void {
  const { random, staff } = walk.ctx;
  const delay = random.logNormal(TAKE_MEDIANS[priority] ?? 3600, 0.9);
  const takenAt = source === 'phone' ? walk.at + random.int(1, 4) * MINUTE : walk.after(walk.at, delay);
  if (source !== 'phone' && delay > 3 * 3600 && random.chance(0.3)) {
    walk.steps.push({ kind: 'followup', at: walk.after(walk.at, delay / 2), authorId: walk.requester.id, content: 'Des nouvelles ? Toujours bloqué.', isPrivate: false });
  }
  walk.at = takenAt;
  walk.steps.push({ kind: 'assign', at: takenAt, technicianId: walk.technician.id, groupId: staff.groups.N1, level: 'N1' });
  if (random.chance(0.5)) {
    walk.at += random.int(1, 10) * MINUTE;
    walk.steps.push({ kind: 'followup', at: walk.at, authorId: walk.technician.id, content: random.pick(TECHNICIAN_FOLLOWUPS), isPrivate: false });
  }
}

/** Levels the ticket goes through: most stay at N1, N3 tickets usually pass N2 first. */
function levelPath(random: Random, level: Level): Level[] {
  if (level === 'N3') return random.chance(0.3) ? ['N1', 'N3'] : ['N1', 'N2', 'N3'];
  if (level === 'N2' || random.chance(0.07)) return ['N1', 'N2'];
  return ['N1'];
}

/** Plans the diagnosis at each level with escalations between them, then an optional hold and a planned intervention. */
function planWork(walk: Walk, options: PlanOptions): void {
  const { random, staff } = walk.ctx;
  const path = levelPath(random, walk.template.level);
  const budget = random.logNormal(walk.template.hours * 3600, 0.7) / path.length;
  path.forEach((level, index) => {
    if (index > 0) {
      const technician = random.pick(staff.technicians[level]);
      const reason = random.pick(ESCALATION_REASONS[level as 'N2' | 'N3']);
      walk.steps.push({ kind: 'escalate', at: walk.at, actorId: walk.technician.id, toLevel: level, groupId: staff.groups[level], technicianId: technician.id, reason });
      if (random.chance(0.4)) walk.steps.push({ kind: 'followup', at: walk.at + MINUTE, authorId: walk.technician.id, content: random.pick(PRIVATE_NOTES), isPrivate: true });
      walk.technician = technician;
      walk.level = level;
    }
    const last = index === path.length - 1;
    walk.at = walk.after(walk.at, budget * random.next());
    if (!last) addTask(walk, 'Diagnostic : problème reproduit, hors de portée de ce niveau.', random.int(2, 6) * 5 * 60);
    walk.at = walk.after(walk.at, budget * 0.5);
  });

  if (options.waiting === true || random.chance(0.15)) {
    walk.steps.push({ kind: 'wait', at: walk.at, authorId: walk.technician.id, reason: random.pick(WAITING_REASONS) });
    walk.at = walk.after(walk.at, random.logNormal(8 * 3600, 0.8));
    walk.steps.push({ kind: 'resume', at: walk.at, requesterId: walk.requester.id, content: random.pick(REQUESTER_ANSWERS) });
  }
  if (options.planned === true || walk.template.planned === true) {
    const start = walk.after(walk.at, random.logNormal(15 * 3600, 0.5));
    const end = start + random.int(2, 6) * 30 * MINUTE;
    walk.steps.push({ kind: 'task', at: walk.at + MINUTE, technicianId: walk.technician.id, content: 'Intervention planifiée avec le service.', durationSeconds: (end - start) / 1000, mode: 'on_site', planned: { start, end } });
    walk.at = end;
  }
}

function addTask(walk: Walk, content: string, durationSeconds: number): void {
  const onSite = walk.ctx.random.chance(walk.template.onSite);
  const prefix = onSite ? 'Intervention sur site' : 'Prise en main à distance';
  walk.steps.push({ kind: 'task', at: walk.at, technicianId: walk.technician.id, content: `${prefix}. ${content}`, durationSeconds, mode: onSite ? 'on_site' : 'remote' });
}

function workSeconds(walk: Walk, share: number): number {
  const minutes = walk.ctx.random.logNormal(Math.min(walk.template.hours, 4) * 60 * share, 0.5);
  return Math.max(5, Math.round(minutes / 5) * 5) * 60;
}

/**
 * Plans the final work and the solution. About 8% of solutions are refused by the requester and
 * followed by a second one. The requester approves within a few days, or the ticket closes
 * automatically after the entity's delay. Returns whether a solution was refused.
 */
function planSolution(walk: Walk): boolean {
  const { random, sites } = walk.ctx;
  const solve = (content: string, share: number) => {
    addTask(walk, content, workSeconds(walk, share));
    walk.at += random.int(1, 5) * MINUTE;
    walk.steps.push({ kind: 'solve', at: walk.at, authorId: walk.technician.id, content });
  };
  solve(walk.template.solution, 0.35);

  const refused = random.chance(0.08);
  if (refused) {
    walk.at = Math.min(walk.after(walk.at, random.logNormal(4 * 3600, 0.7)), walk.at + 5 * DAY);
    walk.steps.push({ kind: 'refuse', at: walk.at, requesterId: walk.requester.id, comment: random.pick(REFUSAL_COMMENTS) });
    walk.at = walk.after(walk.at, random.logNormal(walk.template.hours * 1800, 0.6));
    solve(`Nouvelle intervention : ${walk.template.solution.charAt(0).toLowerCase()}${walk.template.solution.slice(1)}`, 0.25);
  }

  const autocloseDays = sites.get(walk.requester.entityId)?.autocloseDays ?? 7;
  const approvedAt = walk.after(walk.at, random.logNormal(5 * 3600, 1));
  if (random.chance(0.6) && approvedAt < walk.at + autocloseDays * DAY) {
    walk.steps.push({ kind: 'approve', at: approvedAt, requesterId: walk.requester.id });
  } else {
    // The automatic closing job runs every 15 minutes once the delay in calendar days has passed.
    walk.steps.push({ kind: 'autoclose', at: walk.at + autocloseDays * DAY + random.int(1, 15) * MINUTE });
  }
  return refused;
}

function drawSurvey(random: Random, refused: boolean): NonNullable<TicketPlan['survey']> {
  const weights = refused ? [0.15, 0.25, 0.3, 0.2, 0.1] : [0.03, 0.05, 0.12, 0.33, 0.47];
  const rating = random.weighted(weights.map((weight, index) => [index + 1, weight] as const));
  const comment = random.chance(0.35) ? random.pick(SATISFACTION_COMMENTS[rating] ?? []) : null;
  return { rating, comment: comment ?? null, afterMs: random.logNormal(DAY, 1.2) };
}

/** Moves every instant of the plan by `deltaMs`. */
export function shiftPlan(plan: TicketPlan, deltaMs: number): TicketPlan {
  const steps = plan.steps.map((step): Step => {
    const moved = { ...step, at: step.at + deltaMs };
    if (moved.kind === 'task' && moved.planned !== undefined) moved.planned = { start: moved.planned.start + deltaMs, end: moved.planned.end + deltaMs };
    return moved;
  });
  return { ...plan, openedAt: plan.openedAt + deltaMs, steps };
}
