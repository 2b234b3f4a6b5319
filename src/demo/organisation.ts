import type { Insertable } from 'kysely';
import type { AuditEvent } from '../audit/audit.js';
import type { Executor } from '../db/connection.js';
import type { SlaTable } from '../db/schema.js';
import { type CalendarDefinition, calendarDefinitionSchema } from '../sla/calendar.js';
import {
  ALWAYS_OPEN_CALENDAR,
  ALWAYS_OPEN_TARGETS,
  BUSINESS_CALENDAR,
  BUSINESS_TARGETS,
  GROUP_NAME,
  type ServiceSpec,
  SITES,
  type SlaTarget,
} from './layout.js';

/** Share (percent) of closed tickets that get a satisfaction survey in the demo sites. */
export const DEMO_SURVEY_RATE = 40;
const SURVEY_DELAY_DAYS = 30;
const AUTOCLOSE_DAYS = 7;

export interface DemoSite {
  id: number;
  name: string;
  type: 'hospital' | 'ehpad';
  autocloseDays: number;
  surveyRate: number;
  surveyDelayDays: number;
}

export interface DemoService {
  id: number;
  name: string;
  entityId: number;
  criticality: string;
  spec: ServiceSpec;
  locations: { id: number; room: string }[];
}

export interface DemoPlaces {
  rootId: number;
  sites: DemoSite[];
  services: DemoService[];
  business: CalendarDefinition;
  alwaysOpen: CalendarDefinition;
}

/**
 * Renames the root entity after the hospital group, then creates the sites, the two calendars,
 * the SLA targets, the services and their locations. Appends one audit event per created record to `audit`.
 */
export async function createPlaces(tx: Executor, rootId: number, now: string, audit: AuditEvent[]): Promise<DemoPlaces> {
  await tx.updateTable('entities').set({ name: GROUP_NAME, complete_name: GROUP_NAME, type: 'group', updated_at: now }).where('id', '=', rootId).execute();
  audit.push({ action: 'entity.update', recordType: 'entity', recordId: rootId, entityId: rootId, changes: { name: [null, GROUP_NAME] } });

  const business = calendarDefinitionSchema.parse(BUSINESS_CALENDAR);
  const alwaysOpen = calendarDefinitionSchema.parse(ALWAYS_OPEN_CALENDAR);
  const businessId = await insertCalendar(tx, 'Heures ouvrées DSI (lun.–ven. 8 h–18 h)', business, now, audit);
  const alwaysOpenId = await insertCalendar(tx, '24 h/24, 7 j/7', alwaysOpen, now, audit);
  await tx.updateTable('entities').set({ calendar_id: businessId }).where('id', '=', rootId).execute();

  const sites: DemoSite[] = [];
  const services: DemoService[] = [];
  for (const spec of SITES) {
    const site = await tx
      .insertInto('entities')
      .values({
        parent_id: rootId,
        name: spec.name,
        type: spec.type,
        complete_name: `${GROUP_NAME} > ${spec.name}`,
        autoclose_days: AUTOCLOSE_DAYS,
        satisfaction_rate: DEMO_SURVEY_RATE,
        satisfaction_delay_days: SURVEY_DELAY_DAYS,
        calendar_id: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    audit.push({ action: 'entity.create', recordType: 'entity', recordId: site.id, entityId: site.id, changes: { name: [null, spec.name] } });
    sites.push({ id: site.id, name: spec.name, type: spec.type, autocloseDays: AUTOCLOSE_DAYS, surveyRate: DEMO_SURVEY_RATE, surveyDelayDays: SURVEY_DELAY_DAYS });
    for (const serviceSpec of spec.services) services.push(await insertService(tx, site.id, serviceSpec, now, audit));
  }

  await insertSlas(tx, services, alwaysOpenId, now, audit);
  return { rootId, sites, services, business, alwaysOpen };
}

async function insertCalendar(tx: Executor, name: string, definition: CalendarDefinition, now: string, audit: AuditEvent[]): Promise<number> {
  const row = await tx.insertInto('calendars').values({ name, definition: JSON.stringify(definition), created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  audit.push({ action: 'calendar.create', recordType: 'calendar', recordId: row.id, changes: { name: [null, name] } });
  return row.id;
}

async function insertService(tx: Executor, entityId: number, spec: ServiceSpec, now: string, audit: AuditEvent[]): Promise<DemoService> {
  const row = await tx
    .insertInto('services')
    .values({ entity_id: entityId, name: spec.name, criticality: spec.criticality, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  audit.push({ action: 'service.create', recordType: 'service', recordId: row.id, entityId, changes: { name: [null, spec.name], criticality: [null, spec.criticality] } });

  const building = await findOrCreateBuilding(tx, entityId, spec.building, now, audit);
  const locations: DemoService['locations'] = [];
  for (const room of spec.rooms) {
    const [code = room, ...words] = room.split(' ');
    const name = words.join(' ');
    const location = await tx
      .insertInto('locations')
      .values({ entity_id: entityId, parent_id: building, name, building: spec.building, floor: spec.floor, room: code, complete_name: `${spec.building} > ${name}`, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    audit.push({ action: 'location.create', recordType: 'location', recordId: location.id, entityId, changes: { name: [null, name] } });
    locations.push({ id: location.id, room: code });
  }
  return { id: row.id, name: spec.name, entityId, criticality: spec.criticality, spec, locations };
}

async function findOrCreateBuilding(tx: Executor, entityId: number, name: string, now: string, audit: AuditEvent[]): Promise<number> {
  const existing = await tx.selectFrom('locations').select('id').where('entity_id', '=', entityId).where('parent_id', 'is', null).where('name', '=', name).executeTakeFirst();
  if (existing !== undefined) return existing.id;
  const row = await tx
    .insertInto('locations')
    .values({ entity_id: entityId, parent_id: null, name, building: name, floor: null, room: null, complete_name: name, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  audit.push({ action: 'location.create', recordType: 'location', recordId: row.id, entityId, changes: { name: [null, name] } });
  return row.id;
}

function describeTarget(seconds: number | { workingDays: number }): string {
  if (typeof seconds !== 'number') return `${seconds.workingDays} j ouvrés`;
  return seconds < 3600 ? `${seconds / 60} min` : `${seconds / 3600} h`;
}

/** Business-hours targets for every priority, and 24/7 targets of the vital services for the high priorities. */
async function insertSlas(tx: Executor, services: DemoService[], alwaysOpenId: number, now: string, audit: AuditEvent[]): Promise<void> {
  const rows: Insertable<SlaTable>[] = [];
  const add = (target: SlaTarget, scope: { label: string; calendarId: number | null; serviceId: number | null }) => {
    for (const kind of ['tto', 'ttr'] as const) {
      const value = target[kind];
      rows.push({
        name: `${kind.toUpperCase()} P${target.priority} ${scope.label} – ${describeTarget(value)}`,
        kind: 'sla',
        target: kind,
        target_seconds: typeof value === 'number' ? value : null,
        target_working_days: typeof value === 'number' ? null : value.workingDays,
        end_of_working_day: typeof value === 'number' ? 0 : 1,
        calendar_id: scope.calendarId,
        priority: target.priority,
        category_id: null,
        entity_id: null,
        service_id: scope.serviceId,
        group_id: null,
        created_at: now,
        updated_at: now,
      });
    }
  };
  for (const target of BUSINESS_TARGETS) add(target, { label: 'heures ouvrées', calendarId: null, serviceId: null });
  for (const service of services.filter((item) => item.criticality === 'vital')) {
    for (const target of ALWAYS_OPEN_TARGETS) add(target, { label: `${service.name} 24/7`, calendarId: alwaysOpenId, serviceId: service.id });
  }
  const inserted = await tx.insertInto('slas').values(rows).returning(['id', 'name']).execute();
  for (const row of inserted) audit.push({ action: 'sla.create', recordType: 'sla', recordId: row.id, changes: { name: [null, row.name] } });
}
