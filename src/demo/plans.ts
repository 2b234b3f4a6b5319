import { DateTime } from 'luxon';
import { isFrenchPublicHoliday } from '../sla/holidays.js';
import type { Status } from '../tickets/status.js';
import { TICKET_TEMPLATES, type TicketTemplate } from './catalog.js';
import type { Random } from './random.js';
import { replayPlan } from './replay.js';
import type { DemoPerson } from './staff.js';
import { type PlanContext, planTicket, shiftPlan, type TicketPlan } from './timeline.js';

const DAY = 86_400_000;
const HISTORY_DAYS = 730;
const ZONE = 'Europe/Paris';

/** Relative ticket volume by month: fewer tickets in August and at Christmas. */
const MONTH_ACTIVITY = [1, 1, 1, 0.95, 0.9, 0.95, 0.8, 0.6, 1, 1, 1, 0.8];
/** Relative volume by local hour on working days: peaks at 9 h and 14 h. */
const OFFICE_HOURS = [[7, 2], [8, 6], [9, 10], [10, 9], [11, 8], [12, 3], [13, 5], [14, 9], [15, 8], [16, 7], [17, 4], [18, 1], [19, 0.5], [21, 0.3], [2, 0.2]] as const;
/** Weekends and public holidays: the wards keep running, at a lower pace. */
const QUIET_HOURS = [[8, 2], [9, 2], [10, 2], [11, 2], [14, 2], [15, 2], [16, 1], [19, 1], [22, 0.5], [3, 0.3]] as const;

/** Statuses given to the most recent tickets, so that every status of the workflow shows in the lists. */
const CURRENT_STATUSES: readonly Status[] = ['new', 'assigned', 'planned', 'waiting', 'solved', 'assigned'];

/**
 * Plans `count` tickets over the two years before `now`, sorted by opening date. A small share
 * (at least 12) are current tickets, each placed so that it is in a chosen status at `now`. The
 * others follow their planned life, which for the latest of them is still running at `now`.
 */
export function planTickets(ctx: PlanContext, count: number, now: number): TicketPlan[] {
  const { random } = ctx;
  const pickTemplate = templatePicker(random);
  const pickRequester = requesterPicker(random, ctx.staff.people);
  const current = Math.min(count, Math.max(12, Math.round(count * 0.015)));
  const plans: TicketPlan[] = [];

  for (let index = 0; index < count - current; index += 1) {
    const template = pickTemplate();
    const openedAt = sampleOpening(random, now - HISTORY_DAYS * DAY, now - 3_600_000);
    plans.push(planTicket(ctx, template, pickRequester(template), openedAt));
  }
  for (let index = 0; index < current; index += 1) {
    const status = CURRENT_STATUSES[index % CURRENT_STATUSES.length] as Status;
    plans.push(planCurrent(ctx, status, now, () => pickTemplate(), pickRequester));
  }
  return plans.sort((a, b) => a.openedAt - b.openedAt);
}

/**
 * Plans a recent ticket that is in `status` at `now`: draws openings in the last days until one
 * gives that status, which keeps opening hours realistic. After 60 draws, shifts the last plan in
 * time so that `now` falls inside its first stay in `status`.
 */
function planCurrent(ctx: PlanContext, status: Status, now: number, pickTemplate: () => TicketTemplate, pickRequester: (template: TicketTemplate) => DemoPerson): TicketPlan {
  const { random } = ctx;
  const options = { waiting: status === 'waiting', planned: status === 'planned' };
  const window = (status === 'new' ? 3 : 12) * DAY;
  let plan: TicketPlan | undefined;
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const template = status === 'planned' ? pickPlannedTemplate(random) : pickTemplate();
    plan = planTicket(ctx, template, pickRequester(template), sampleOpening(random, now - window, now - 60_000), options);
    if (replayPlan(plan, now).columns.status === status) return plan;
  }
  if (plan === undefined) throw new Error('unreachable: the loop above plans at least one ticket');

  const log = replayPlan(plan, Number.POSITIVE_INFINITY).statusLog;
  const index = log.findIndex((entry) => entry.status === status);
  const entered = log[index];
  if (entered === undefined) return plan;
  const left = log[index + 1]?.at ?? entered.at + DAY;
  // Stay clear of the bounds, so that rounding never lands `now` on the neighbouring status.
  const point = entered.at + 1000 + random.next() * Math.max(0, left - entered.at - 2000);
  return shiftPlan(plan, now - point);
}

function templatePicker(random: Random): () => TicketTemplate {
  const weighted = TICKET_TEMPLATES.map((template) => [template, template.weight ?? 1] as const);
  return () => random.weighted(weighted);
}

function pickPlannedTemplate(random: Random): TicketTemplate {
  return random.pick(TICKET_TEMPLATES.filter((template) => template.planned === true));
}

/** Picks requesters from the template's services, favouring the staff who open many tickets. */
function requesterPicker(random: Random, people: readonly DemoPerson[]): (template: TicketTemplate) => DemoPerson {
  const cache = new Map<TicketTemplate, (readonly [DemoPerson, number])[]>();
  const everyone = people.map((person) => [person, person.activity] as const);
  return (template) => {
    let candidates = cache.get(template);
    if (candidates === undefined) {
      const services = template.services;
      candidates = services === undefined ? everyone : everyone.filter(([person]) => services.includes(person.serviceName));
      if (candidates.length === 0) candidates = everyone;
      cache.set(template, candidates);
    }
    return random.weighted(candidates);
  };
}

/** Draws an opening instant in [from, to): mostly working days and office hours, with seasonal volume. */
export function sampleOpening(random: Random, from: number, to: number): number {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const day = DateTime.fromMillis(from + random.next() * (to - from), { zone: ZONE }).startOf('day');
    const quiet = day.weekday >= 6 || isFrenchPublicHoliday(day.toISODate() ?? '');
    if (quiet && !random.chance(0.25)) continue;
    if (!random.chance(MONTH_ACTIVITY[day.month - 1] ?? 1)) continue;
    const hour = random.weighted(quiet ? QUIET_HOURS : OFFICE_HOURS);
    const at = day.set({ hour, minute: random.int(0, 59), second: random.int(0, 59) }).toMillis();
    if (at >= from && at < to) return at;
  }
  return from + random.next() * (to - from);
}
