import type { Insertable } from 'kysely';
import { appendAuditRows, type AuditContext, type AuditEvent } from '../audit/audit.js';
import type { Engine, Executor } from '../db/connection.js';
import type { TicketRow, TicketSatisfactionTable, TicketTable } from '../db/schema.js';
import { computeSlaColumns } from '../sla/engine.js';
import { searchable } from '../tickets/create.js';
import { isSurveyed } from '../tickets/satisfaction.js';
import type { DemoSite } from './organisation.js';
import { type ReplayedTicket, replayPlan } from './replay.js';
import type { TicketPlan } from './timeline.js';

const DAY = 86_400_000;
/** Tickets per transaction step. SQLite binds at most 32,766 parameters per statement; a ticket row has about 40 columns. */
const BATCH = 400;
/** Parameters per INSERT, under SQLite's limit. */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts the planned tickets as they stand at `now`, with their actors, followups, tasks,
 * solutions, escalations, pauses and satisfaction surveys, then fills their SLA columns with the
 * SLA engine and appends one audit row per ticket. Runs in the caller's transaction. Returns the
 * number of tickets per status.
 */
export async function insertTickets(tx: Executor, engine: Engine, audit: AuditContext, plans: readonly TicketPlan[], sites: ReadonlyMap<number, DemoSite>, now: number): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  for (let offset = 0; offset < plans.length; offset += BATCH) {
    const batch = plans.slice(offset, offset + BATCH).map((plan) => ({ plan, replayed: replayPlan(plan, now) }));
    const rows = await insertTicketRows(tx, batch);
    await insertChildren(tx, batch, rows);
    const events: AuditEvent[] = [];
    for (const [index, row] of rows.entries()) {
      const item = batch[index] as (typeof batch)[number];
      const pauses = item.replayed.pauses;
      const sla = await computeSlaColumns(tx, row, pauses);
      await tx.updateTable('tickets').set(sla).where('id', '=', row.id).execute();
      statuses[row.status] = (statuses[row.status] ?? 0) + 1;
      events.push({
        action: 'ticket.create',
        recordType: 'ticket',
        recordId: row.id,
        entityId: row.entity_id,
        changes: { status: [null, row.status], priority: [null, row.priority], requesterId: [null, row.requester_id], source: 'demo', openedAt: row.opened_at },
      });
    }
    await insertSurveys(tx, batch, rows, sites, now);
    await appendAuditRows(tx, engine, audit, events);
  }
  return statuses;
}

function ticketValues(plan: TicketPlan, replayed: ReplayedTicket): Insertable<TicketTable> {
  return {
    entity_id: plan.entityId,
    type: plan.type,
    title: plan.title,
    description: plan.description,
    urgency: plan.urgency,
    impact: plan.impact,
    priority: plan.priority,
    category_id: plan.categoryId,
    requester_id: plan.requesterId,
    requester_service_id: plan.requesterServiceId,
    writer_id: plan.writerId,
    location_id: plan.locationId,
    device: null,
    source: plan.source,
    criticality: null,
    priority_reason: null,
    opened_at: new Date(plan.openedAt).toISOString(),
    external_ref: null,
    search_text: searchable(plan.title, plan.description),
    sla_tto_id: null,
    sla_ttr_id: null,
    ola_tto_id: null,
    ola_ttr_id: null,
    tto_due_at: null,
    ttr_due_at: null,
    ola_tto_due_at: null,
    ola_ttr_due_at: null,
    tto_late: null,
    ttr_late: null,
    take_delay_seconds: null,
    solve_delay_seconds: null,
    close_delay_seconds: null,
    ...replayed.columns,
  };
}

/**
 * Inserts the batch's tickets and returns their rows in the batch's order. Rows come back sorted
 * by id, which follows the VALUES order on both engines; each is checked against its plan.
 */
async function insertTicketRows(tx: Executor, batch: { plan: TicketPlan; replayed: ReplayedTicket }[]): Promise<TicketRow[]> {
  const values = batch.map(({ plan, replayed }) => ticketValues(plan, replayed));
  const rows = (await tx.insertInto('tickets').values(values).returningAll().execute()).sort((a, b) => a.id - b.id);
  for (const [index, row] of rows.entries()) {
    const expected = values[index];
    if (expected === undefined || row.opened_at !== expected.opened_at || row.requester_id !== expected.requester_id) {
      throw new Error(`demo ticket ${row.id} does not match its plan: the database returned the inserted rows out of order`);
    }
  }
  return rows;
}

async function insertChildren(tx: Executor, batch: { replayed: ReplayedTicket }[], rows: TicketRow[]): Promise<void> {
  const withTicket = <T>(pick: (replayed: ReplayedTicket) => T[]) =>
    batch.flatMap(({ replayed }, index) => pick(replayed).map((item) => ({ ...item, ticket_id: (rows[index] as TicketRow).id })));

  for (const chunk of chunks(withTicket((replayed) => replayed.actors))) await tx.insertInto('ticket_actors').values(chunk).execute();
  for (const chunk of chunks(withTicket((replayed) => replayed.followups))) await tx.insertInto('ticket_followups').values(chunk).execute();
  for (const chunk of chunks(withTicket((replayed) => replayed.tasks))) await tx.insertInto('ticket_tasks').values(chunk).execute();
  for (const chunk of chunks(withTicket((replayed) => replayed.solutions))) await tx.insertInto('ticket_solutions').values(chunk).execute();
  for (const chunk of chunks(withTicket((replayed) => replayed.escalations))) await tx.insertInto('ticket_escalations').values(chunk).execute();
  for (const chunk of chunks(withTicket((replayed) => replayed.pauses))) await tx.insertInto('ticket_pauses').values(chunk).execute();
}

/** Splits rows into INSERTs that stay under MAX_PARAMETERS; returns no chunk for no rows. */
function chunks<T extends object>(rows: T[]): T[][] {
  const first = rows[0];
  if (first === undefined) return [];
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
  const result: T[][] = [];
  for (let offset = 0; offset < rows.length; offset += size) result.push(rows.slice(offset, offset + size));
  return result;
}

/**
 * Stores the surveys of the closed tickets that the survey rate selects (the same draw as the
 * API's), answered when the requester's answer falls before `now` and before the survey expires.
 */
async function insertSurveys(tx: Executor, batch: { plan: TicketPlan }[], rows: TicketRow[], sites: ReadonlyMap<number, DemoSite>, now: number): Promise<void> {
  const surveys: Insertable<TicketSatisfactionTable>[] = [];
  for (const [index, row] of rows.entries()) {
    const site = sites.get(row.entity_id);
    if (row.status !== 'closed' || row.closed_at === null || site === undefined || !isSurveyed(row.id, site.surveyRate)) continue;
    const closedAt = Date.parse(row.closed_at);
    const expiresAt = closedAt + site.surveyDelayDays * DAY;
    const answer = (batch[index] as { plan: TicketPlan }).plan.survey;
    const answeredAt = answer === null ? null : closedAt + answer.afterMs;
    const answered = answer !== null && answeredAt !== null && answeredAt <= now && answeredAt < expiresAt;
    const stamp = new Date(answered ? answeredAt : closedAt).toISOString();
    surveys.push({
      ticket_id: row.id,
      closed_at: row.closed_at,
      expires_at: new Date(expiresAt).toISOString(),
      rating: answered ? answer.rating : null,
      comment: answered ? answer.comment : null,
      answered_at: answered ? stamp : null,
      created_at: row.closed_at,
      updated_at: stamp,
    });
  }
  for (const chunk of chunks(surveys)) await tx.insertInto('ticket_satisfactions').values(chunk).execute();
}
