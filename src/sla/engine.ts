import type { Executor } from '../db/connection.js';
import type { TicketRow } from '../db/schema.js';
import { CALENDAR_24_7, type CalendarDefinition, calendarDefinitionSchema } from './calendar.js';
import { computeDeadline, pausedBusinessSeconds, type WorkingDaysTarget } from './deadline.js';
import { businessSecondsBetween } from './working-time.js';

type SlaRow = {
  id: number;
  kind: string;
  target: string;
  target_seconds: number | null;
  target_working_days: number | null;
  end_of_working_day: number;
  calendar_id: number | null;
  priority: number | null;
  category_id: number | null;
  entity_id: number | null;
  service_id: number | null;
  group_id: number | null;
};

const calendarCache = new WeakMap<object, Map<number, CalendarDefinition>>();

async function loadCalendar(tx: Executor, calendarId: number): Promise<CalendarDefinition> {
  // Parsed definitions are cached per transaction object, so one operation parses each calendar once.
  let cache = calendarCache.get(tx);
  if (cache === undefined) {
    cache = new Map();
    calendarCache.set(tx, cache);
  }
  const cached = cache.get(calendarId);
  if (cached !== undefined) return cached;
  const row = await tx.selectFrom('calendars').select('definition').where('id', '=', calendarId).executeTakeFirst();
  const definition = row === undefined ? CALENDAR_24_7 : calendarDefinitionSchema.parse(JSON.parse(row.definition));
  cache.set(calendarId, definition);
  return definition;
}

/** Returns the entity's calendar, inherited from the nearest ancestor that sets one, or 24/7 when none does. */
export async function entityCalendar(tx: Executor, entityId: number): Promise<CalendarDefinition> {
  const chain = await entityChain(tx, entityId);
  const withCalendar = chain.find((entity) => entity.calendar_id !== null);
  return withCalendar?.calendar_id == null ? CALENDAR_24_7 : loadCalendar(tx, withCalendar.calendar_id);
}

async function entityChain(tx: Executor, entityId: number) {
  const all = await tx.selectFrom('entities').select(['id', 'parent_id', 'calendar_id']).execute();
  const byId = new Map(all.map((entity) => [entity.id, entity]));
  const chain = [];
  let current = byId.get(entityId);
  while (current !== undefined && chain.length < 50) {
    chain.push(current);
    current = current.parent_id === null ? undefined : byId.get(current.parent_id);
  }
  return chain;
}

/**
 * Picks the most specific target of a kind for the ticket. A rule naming a category or a service
 * outweighs one naming a priority, which outweighs one naming only an entity. Ties go to the oldest rule.
 */
function pickSla(rows: SlaRow[], ticket: TicketRow, entityIds: number[], groupIds: number[], kind: string, target: string): SlaRow | undefined {
  const candidates = rows.filter(
    (row) =>
      row.kind === kind &&
      row.target === target &&
      (row.priority === null || row.priority === ticket.priority) &&
      (row.category_id === null || row.category_id === ticket.category_id) &&
      (row.service_id === null || row.service_id === ticket.requester_service_id) &&
      (row.entity_id === null || entityIds.includes(row.entity_id)) &&
      (kind === 'sla' || (row.group_id !== null && groupIds.includes(row.group_id))),
  );
  const score = (row: SlaRow) => (row.category_id === null ? 0 : 4) + (row.service_id === null ? 0 : 4) + (row.priority === null ? 0 : 2) + (row.entity_id === null ? 0 : 1);
  return candidates.sort((a, b) => score(b) - score(a) || a.id - b.id)[0];
}

function targetOf(row: SlaRow): number | WorkingDaysTarget {
  if (row.target_working_days !== null) return { workingDays: row.target_working_days, endOfWorkingDay: row.end_of_working_day === 1 };
  return row.target_seconds ?? 0;
}

interface PauseRow {
  kind: string;
  start_at: string;
  end_at: string | null;
}

const toDate = (value: string) => new Date(value);

/**
 * Recomputes every SLA-derived column of a ticket from its current state: which SLA and OLA apply,
 * their deadlines (TTR extended by closed pauses, unknown while paused, TTO never paused), the
 * business time paused, and the delays and late flags once the ticket is taken, solved or closed.
 * Called after every change of status, priority, category, assignment or dates, so the stored
 * values are always those the current rules give; time already spent or paused is kept because it
 * is recomputed from the opening date and the recorded pauses.
 */
export async function computeSlaColumns(tx: Executor, ticket: TicketRow, pauses: PauseRow[]): Promise<Partial<TicketRow>> {
  const calendar = await entityCalendar(tx, ticket.entity_id);
  const chain = await entityChain(tx, ticket.entity_id);
  const groups = await tx.selectFrom('ticket_actors').select('group_id').where('ticket_id', '=', ticket.id).where('role', '=', 'assigned').where('group_id', 'is not', null).execute();
  const groupIds = groups.map((row) => row.group_id as number);
  const rules = (await tx.selectFrom('slas').selectAll().execute()) as SlaRow[];
  const entityIds = chain.map((entity) => entity.id);
  const opened = toDate(ticket.opened_at);

  // The wait that follows the latest solution is not a pause of TTR: the clock stopped at the solution.
  const ttrPauses = pauses
    .filter((pause) => !(pause.kind === 'solved' && pause.start_at === ticket.solved_at))
    .map((pause) => ({ start: toDate(pause.start_at), end: pause.end_at === null ? null : toDate(pause.end_at) }));
  const deadline = async (row: SlaRow | undefined, start: Date, withPauses: boolean) => {
    if (row === undefined) return null;
    const definition = row.calendar_id === null ? calendar : await loadCalendar(tx, row.calendar_id);
    return computeDeadline(definition, start, targetOf(row), withPauses ? ttrPauses : [])?.toISOString() ?? null;
  };

  const slaTto = pickSla(rules, ticket, entityIds, groupIds, 'sla', 'tto');
  const slaTtr = pickSla(rules, ticket, entityIds, groupIds, 'sla', 'ttr');
  const olaTto = pickSla(rules, ticket, entityIds, groupIds, 'ola', 'tto');
  const olaTtr = pickSla(rules, ticket, entityIds, groupIds, 'ola', 'ttr');
  const olaStart = ticket.ola_started_at === null ? opened : toDate(ticket.ola_started_at);

  const values: Partial<TicketRow> = {
    sla_tto_id: slaTto?.id ?? null,
    sla_ttr_id: slaTtr?.id ?? null,
    ola_tto_id: olaTto?.id ?? null,
    ola_ttr_id: olaTtr?.id ?? null,
    tto_due_at: await deadline(slaTto, opened, false),
    ttr_due_at: await deadline(slaTtr, opened, true),
    ola_tto_due_at: await deadline(olaTto, olaStart, false),
    ola_ttr_due_at: await deadline(olaTtr, olaStart, true),
  };

  // A pause ended by closing (the wait for the requester's approval) is not time lost by the technicians.
  const closedPauses = pauses
    .filter((pause) => pause.end_at !== null && !(pause.kind === 'solved' && ticket.closed_at !== null && pause.end_at === ticket.closed_at))
    .map((pause) => ({ start: toDate(pause.start_at), end: toDate(pause.end_at as string) }));
  const paused = Math.round(pausedBusinessSeconds(calendar, closedPauses, opened));
  values.paused_business_seconds = paused;

  const since = (instant: string | null, minusPauses: boolean) =>
    instant === null ? null : Math.max(0, Math.round(businessSecondsBetween(calendar, opened, toDate(instant))) - (minusPauses ? paused : 0));
  values.take_delay_seconds = since(ticket.taken_at, false);
  values.solve_delay_seconds = since(ticket.solved_at, true);
  values.close_delay_seconds = since(ticket.closed_at, true);
  values.tto_late = lateFlag(ticket.taken_at, values.tto_due_at ?? null);
  values.ttr_late = lateFlag(ticket.solved_at, values.ttr_due_at ?? null);
  return values;
}

/** Late flag: 1 when `done` came after `due`, 0 when in time, null while either is unknown. */
function lateFlag(done: string | null, due: string | null): number | null {
  if (done === null || due === null) return null;
  return done > due ? 1 : 0;
}

const PAUSING = new Set(['waiting', 'solved']);

/**
 * Records the pause a status change starts or ends, then recomputes the SLA columns of the updated
 * ticket. Returns the columns whose value changed.
 */
export async function refreshTicketSla(tx: Executor, before: Pick<TicketRow, 'status'>, after: TicketRow, now: string): Promise<Partial<TicketRow>> {
  if (before.status !== after.status) {
    if (PAUSING.has(before.status)) {
      await tx.updateTable('ticket_pauses').set({ end_at: now }).where('ticket_id', '=', after.id).where('end_at', 'is', null).execute();
    }
    if (PAUSING.has(after.status)) {
      const start = after.status === 'solved' ? (after.solved_at ?? now) : now;
      await tx.insertInto('ticket_pauses').values({ ticket_id: after.id, kind: after.status, start_at: start, end_at: null }).execute();
    }
  }
  const pauses = await tx.selectFrom('ticket_pauses').select(['kind', 'start_at', 'end_at']).where('ticket_id', '=', after.id).orderBy('id').execute();
  const computed = await computeSlaColumns(tx, after, pauses);
  const changed: Partial<TicketRow> = {};
  for (const [key, value] of Object.entries(computed)) {
    if (after[key as keyof TicketRow] !== value) (changed as Record<string, unknown>)[key] = value;
  }
  return changed;
}
