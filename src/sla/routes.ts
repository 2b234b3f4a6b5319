import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { appendAudit, type AuditContext } from '../audit/audit.js';
import type { Engine, Executor } from '../db/connection.js';
import { nowIso } from '../db/connection.js';
import { type CrudResource, registerCrud } from '../http/crud.js';
import { notFound } from '../http/errors.js';
import { calendarDefinitionSchema } from './calendar.js';
import { refreshTicketSla } from './engine.js';

const calendarOutput = z.object({
  id: z.number(),
  name: z.string(),
  definition: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const calendarCreate = z.strictObject({ name: z.string().trim().min(1).max(100), definition: calendarDefinitionSchema });
const calendarUpdate = calendarCreate.partial();

export const calendarResource: CrudResource<z.infer<typeof calendarCreate>, z.infer<typeof calendarUpdate>, z.infer<typeof calendarOutput>> = {
  resource: 'calendar',
  table: 'calendars',
  path: '/calendars',
  tag: 'sla',
  scoped: false,
  create: calendarCreate,
  update: calendarUpdate,
  output: calendarOutput,
  uniqueField: 'name',
  searchColumn: 'name',
  present: (row) => ({
    id: row.id,
    name: row.name as string,
    definition: JSON.parse(row.definition as string) as unknown,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  }),
  entityOf: () => null,
  toInsert: (input) => ({ name: input.name, definition: JSON.stringify(input.definition) }),
  toUpdate: (input) =>
    Object.fromEntries(Object.entries({ name: input.name, definition: input.definition === undefined ? undefined : JSON.stringify(input.definition) }).filter(([, value]) => value !== undefined)),
};

const slaOutput = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['sla', 'ola']),
  target: z.enum(['tto', 'ttr']),
  targetSeconds: z.number().nullable(),
  targetWorkingDays: z.number().nullable(),
  endOfWorkingDay: z.boolean(),
  calendarId: z.number().nullable(),
  priority: z.number().nullable(),
  categoryId: z.number().nullable(),
  entityId: z.number().nullable(),
  serviceId: z.number().nullable(),
  groupId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const optionalId = z.number().int().positive().nullable();
const slaFields = {
  name: z.string().trim().min(1).max(100),
  kind: z.enum(['sla', 'ola']),
  target: z.enum(['tto', 'ttr']),
  targetSeconds: z.number().int().min(60).max(365 * 86_400).nullable(),
  targetWorkingDays: z.number().int().min(0).max(365).nullable(),
  endOfWorkingDay: z.boolean(),
  calendarId: optionalId,
  priority: z.number().int().min(1).max(6).nullable(),
  categoryId: optionalId,
  entityId: optionalId,
  serviceId: optionalId,
  groupId: optionalId,
};
const oneTarget = (value: { targetSeconds?: number | null; targetWorkingDays?: number | null }) =>
  (value.targetSeconds ?? null) === null ? (value.targetWorkingDays ?? null) !== null : (value.targetWorkingDays ?? null) === null;
const slaCreate = z
  .strictObject({
    ...slaFields,
    targetSeconds: slaFields.targetSeconds.default(null),
    targetWorkingDays: slaFields.targetWorkingDays.default(null),
    endOfWorkingDay: slaFields.endOfWorkingDay.default(false),
    calendarId: optionalId.default(null),
    priority: slaFields.priority.default(null),
    categoryId: optionalId.default(null),
    entityId: optionalId.default(null),
    serviceId: optionalId.default(null),
    groupId: optionalId.default(null),
  })
  .refine(oneTarget, { message: 'set exactly one of targetSeconds and targetWorkingDays', path: ['targetSeconds'] })
  .refine((value) => value.kind === 'sla' || value.groupId !== null, { message: 'an OLA names the support group it binds', path: ['groupId'] });
const slaUpdate = z.strictObject(slaFields).partial();

const SLA_COLUMNS = {
  name: 'name', kind: 'kind', target: 'target', targetSeconds: 'target_seconds', targetWorkingDays: 'target_working_days',
  calendarId: 'calendar_id', priority: 'priority', categoryId: 'category_id', entityId: 'entity_id', serviceId: 'service_id', groupId: 'group_id',
} as const;

function slaColumns(input: Partial<z.infer<typeof slaCreate>>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(SLA_COLUMNS)) {
    const value = input[field as keyof typeof SLA_COLUMNS];
    if (value !== undefined) values[column] = value;
  }
  if (input.endOfWorkingDay !== undefined) values.end_of_working_day = input.endOfWorkingDay ? 1 : 0;
  return values;
}

export const slaResource: CrudResource<z.infer<typeof slaCreate>, z.infer<typeof slaUpdate>, z.infer<typeof slaOutput>> = {
  resource: 'sla',
  table: 'slas',
  path: '/slas',
  tag: 'sla',
  scoped: false,
  create: slaCreate,
  update: slaUpdate,
  output: slaOutput,
  uniqueField: 'name',
  searchColumn: 'name',
  present: (row) => ({
    id: row.id,
    name: row.name as string,
    kind: row.kind as 'sla' | 'ola',
    target: row.target as 'tto' | 'ttr',
    targetSeconds: row.target_seconds as number | null,
    targetWorkingDays: row.target_working_days as number | null,
    endOfWorkingDay: row.end_of_working_day === 1,
    calendarId: row.calendar_id as number | null,
    priority: row.priority as number | null,
    categoryId: row.category_id as number | null,
    entityId: row.entity_id as number | null,
    serviceId: row.service_id as number | null,
    groupId: row.group_id as number | null,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  }),
  entityOf: () => null,
  toInsert: slaColumns,
  toUpdate: slaColumns,
  check: async (tx, _principal, values) => {
    for (const [column, table] of [['calendar_id', 'calendars'], ['category_id', 'categories'], ['entity_id', 'entities'], ['service_id', 'services'], ['group_id', 'groups']] as const) {
      const id = values[column];
      if (typeof id !== 'number') continue;
      const row = await tx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
      if (row === undefined) throw notFound(column.replace('_id', ''));
    }
  },
};

/**
 * Recomputes the deadlines of every ticket not yet closed after a rule or calendar changed, and
 * records each change in the ticket's history. Runs in the caller's transaction.
 */
export async function recomputeOpenTickets(tx: Executor, engine: Engine, audit: AuditContext): Promise<number> {
  const tickets = await tx.selectFrom('tickets').selectAll().where('status', '!=', 'closed').execute();
  let changed = 0;
  const now = nowIso();
  for (const ticket of tickets) {
    const values = await refreshTicketSla(tx, ticket, ticket, now);
    if (Object.keys(values).length === 0) continue;
    await tx.updateTable('tickets').set(values).where('id', '=', ticket.id).execute();
    const changes = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, [ticket[field as keyof typeof ticket], value]]));
    await appendAudit(tx, engine, audit, { action: 'ticket.sla_recompute', recordType: 'ticket', recordId: ticket.id, entityId: ticket.entity_id, changes });
    changed += 1;
  }
  return changed;
}

export function registerSlaRoutes(app: FastifyInstance): void {
  const recompute = async (tx: Executor) => {
    await recomputeOpenTickets(tx, app.ctx.engine, { actorId: null, actorLogin: 'system:sla', ip: null, requestId: null });
  };
  registerCrud(app, { ...calendarResource, afterWrite: recompute });
  registerCrud(app, { ...slaResource, afterWrite: recompute });
}
