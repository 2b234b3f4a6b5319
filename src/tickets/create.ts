import type { z } from 'zod';
import { canIn, hasPermission } from '../access/policy.js';
import { appendAudit } from '../audit/audit.js';
import { nowIso } from '../db/connection.js';
import type { TicketRow } from '../db/schema.js';
import { AppError, forbidden, invalidField, notFound } from '../http/errors.js';
import { suggestCriticality } from '../priority/criticality.js';
import { explainCriticality } from '../priority/explain.js';
import { JOB_PROFILES, type JobProfile, type SiteType } from '../priority/grid.js';
import { computePriority } from '../priority/matrix.js';
import { refreshTicketSla } from '../sla/engine.js';
import { addAssignee } from './assignment.js';
import type { TicketOperation } from './context.js';
import type { ticketCreateSchema } from './schemas.js';
import { loadCriticalityGrid, loadPriorityMatrix } from './settings.js';

type TicketCreate = z.infer<typeof ticketCreateSchema>;

/** GLPI's rule for an empty title: the first 70 characters of the plain-text description, spaces collapsed. */
/** Lower case without diacritics, so "bloquee operatoire" finds "Bloquée … opératoire". */
export function searchable(...texts: string[]): string {
  return texts.join('\n').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function titleFromDescription(description: string): string {
  const plain = description.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return plain.slice(0, 70);
}

/** Opens a ticket: checks who may open it where, applies the criticality grid and the matrix, and assigns. */
export async function createTicket(op: TicketOperation, input: TicketCreate): Promise<TicketRow> {
  const { tx, principal } = op;
  const requesterId = input.requesterId ?? principal.userId;
  const requester = await tx.selectFrom('users').select(['id', 'entity_id', 'service_id', 'job_profile', 'is_active']).where('id', '=', requesterId).executeTakeFirst();
  if (requester === undefined) throw notFound('user');
  const entityId = input.entityId ?? requester.entity_id;
  const entity = await tx.selectFrom('entities').select(['id', 'type']).where('id', '=', entityId).executeTakeFirst();
  if (entity === undefined) throw notFound('entity');

  if (!canIn(principal, 'ticket:create', entityId)) {
    throw hasPermission(principal, 'ticket:create') ? new AppError('outside_scope') : forbidden('ticket:create');
  }
  if (requesterId !== principal.userId && !canIn(principal, 'ticket:create_on_behalf', entityId)) {
    throw forbidden('ticket:create_on_behalf');
  }
  await checkReference(op, 'categories', 'category', input.categoryId);
  await checkReference(op, 'locations', 'location', input.locationId);

  const levels = await chooseLevels(op, input, { site: entity.type, jobProfile: requester.job_profile, serviceId: requester.service_id });
  const now = nowIso();
  const title = input.title?.trim() || titleFromDescription(input.description);
  const ticket = await tx
    .insertInto('tickets')
    .values({
      entity_id: entityId,
      type: input.type,
      title,
      search_text: searchable(title, input.description),
      description: input.description,
      status: 'new',
      urgency: levels.urgency,
      impact: levels.impact,
      priority: levels.priority,
      category_id: input.categoryId ?? null,
      requester_id: requesterId,
      requester_service_id: requester.service_id,
      writer_id: principal.userId,
      location_id: input.locationId ?? null,
      device: input.device ?? null,
      source: input.source,
      level: null,
      criticality: levels.criticality,
      priority_reason: input.overrideReason ?? null,
      opened_at: now,
      updated_at: now,
      taken_at: requesterId === principal.userId ? null : now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  const actors = [
    { ticket_id: ticket.id, role: 'requester', user_id: requesterId, group_id: null },
    ...[...new Set(input.observerIds)].filter((id) => id !== requesterId).map((id) => ({ ticket_id: ticket.id, role: 'observer', user_id: id, group_id: null })),
  ];
  await tx.insertInto('ticket_actors').values(actors).execute();
  const sla = await refreshTicketSla(tx, ticket, ticket, now);
  const created = Object.keys(sla).length === 0 ? ticket : await tx.updateTable('tickets').set(sla).where('id', '=', ticket.id).returningAll().executeTakeFirstOrThrow();
  await appendAudit(tx, op.engine, op.audit, {
    action: 'ticket.create',
    recordType: 'ticket',
    recordId: ticket.id,
    entityId,
    changes: {
      status: [null, 'new'],
      urgency: [null, levels.urgency],
      impact: [null, levels.impact],
      priority: [null, levels.priority],
      requester_id: [null, requesterId],
      priority_reason: [null, input.overrideReason ?? null],
      tto_due_at: [null, created.tto_due_at],
      ttr_due_at: [null, created.ttr_due_at],
    },
  });

  let current = created;
  for (const userId of input.assignedUserIds) current = await addAssignee(op, current, { userId });
  for (const groupId of input.assignedGroupIds) current = await addAssignee(op, current, { groupId });
  return current;
}

async function checkReference(op: TicketOperation, table: 'categories' | 'locations', resource: string, id: number | null | undefined) {
  if (id === undefined || id === null) return;
  const row = await op.tx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound(resource);
}

function jobProfileOf(value: string): JobProfile {
  return (JOB_PROFILES as readonly string[]).includes(value) ? (value as JobProfile) : 'autre';
}

/** The grid knows three kinds of site; a hospital group or other entity counts as administrative. */
function siteOf(entityType: string): SiteType {
  return entityType === 'hospital' || entityType === 'ehpad' ? entityType : 'administrative';
}

interface RequesterFacts {
  site: string;
  jobProfile: string;
  serviceId: number | null;
}

/**
 * Urgency and impact come from the criticality grid when its answers are given, else from the
 * request (default Moyenne); priority from the matrix. Any value that differs from what the grid
 * or the matrix give is an override, allowed with ticket:change_priority and a reason.
 */
async function chooseLevels(op: TicketOperation, input: TicketCreate, facts: RequesterFacts) {
  const matrix = await loadPriorityMatrix(op.tx);
  let suggested = { urgency: 3, impact: 3 };
  let criticality: string | null = null;
  if (input.criticality !== undefined) {
    const grid = await loadCriticalityGrid(op.tx);
    const service = facts.serviceId === null ? undefined : await op.tx.selectFrom('services').select(['name', 'criticality']).where('id', '=', facts.serviceId).executeTakeFirst();
    const answers = {
      profile: jobProfileOf(facts.jobProfile),
      site: siteOf(facts.site),
      ...(service === undefined ? {} : { service: service.name, serviceCriticality: service.criticality as never }),
      ...input.criticality,
    };
    const suggestion = suggestCriticality(grid, answers, matrix);
    suggested = { urgency: suggestion.urgency, impact: suggestion.impact };
    criticality = JSON.stringify({
      answers,
      suggestion: { urgency: suggestion.urgency, impact: suggestion.impact, priority: suggestion.priority },
      reasons: suggestion.reasons,
      explanation: { fr: explainCriticality(suggestion, 'fr'), en: explainCriticality(suggestion, 'en') },
    });
  }

  const urgency = input.urgency ?? suggested.urgency;
  const impact = input.impact ?? suggested.impact;
  const matrixPriority = computePriority(matrix, urgency, impact);
  const priority = input.priority ?? matrixPriority;
  const overridden =
    (input.criticality !== undefined && (urgency !== suggested.urgency || impact !== suggested.impact)) || priority !== matrixPriority;
  if (overridden) {
    if (!hasPermission(op.principal, 'ticket:change_priority') && priority !== matrixPriority) throw forbidden('ticket:change_priority');
    if (input.overrideReason === undefined) {
      throw invalidField('overrideReason', 'reason_required');
    }
  }
  return { urgency, impact, priority, criticality };
}
