import { z } from 'zod';
import { criticalityAnswersSchema } from '../priority/grid.js';
import { STATUSES } from './status.js';

export const TICKET_TYPES = ['incident', 'request'] as const;
export const TICKET_SOURCES = ['web', 'phone', 'email', 'monitoring', 'api', 'import'] as const;
export const LEVELS = ['N1', 'N2', 'N3'] as const;

// Markup that a browser would run or load. Angle brackets alone stay allowed: technicians write
// "erreur <DB_TIMEOUT>" and GLPI exports contain "Imprimante <RDC>".
const ACTIVE_CONTENT = /<\s*\/?\s*(script|iframe|object|embed|style|svg|img|link|meta|form|input|body|html|base)\b|\bon[a-z]+\s*=|javascript\s*:/i;

export const safeText = (max: number) =>
  z.string().max(max).refine((value) => !ACTIVE_CONTENT.test(value), { message: 'must not contain HTML markup or scripts' });

const reason = z.string().trim().min(1).max(2000);
const id = z.number().int().positive().max(2_147_483_647);
const level = z.number().int().min(1).max(5);

export const ticketCreateSchema = z.strictObject({
  type: z.enum(TICKET_TYPES).default('incident'),
  title: safeText(255).optional(),
  description: safeText(100_000).refine((value) => value.trim().length > 0, { message: 'must not be empty' }),
  entityId: id.optional(),
  requesterId: id.optional(),
  observerIds: z.array(id).max(50).default([]),
  categoryId: id.nullable().optional(),
  locationId: id.nullable().optional(),
  device: z.string().trim().max(255).nullable().optional(),
  source: z.enum(TICKET_SOURCES).default('web'),
  urgency: level.optional(),
  impact: level.optional(),
  priority: z.number().int().min(1).max(6).optional(),
  /** Mandatory when urgency, impact or priority differ from what the grid or the matrix give. */
  overrideReason: reason.optional(),
  /** The grid's answers; the requester's job profile and the entity's site type are filled in when left out. */
  criticality: criticalityAnswersSchema.partial({ profile: true, site: true }).optional(),
  assignedUserIds: z.array(id).max(20).default([]),
  assignedGroupIds: z.array(id).max(20).default([]),
});

export const ticketUpdateSchema = z.strictObject({
  type: z.enum(TICKET_TYPES).optional(),
  title: safeText(255).refine((value) => value.trim().length > 0, { message: 'must not be empty' }).optional(),
  description: safeText(100_000).optional(),
  categoryId: id.nullable().optional(),
  locationId: id.nullable().optional(),
  device: z.string().trim().max(255).nullable().optional(),
  urgency: level.optional(),
  impact: level.optional(),
  priority: z.number().int().min(1).max(6).optional(),
  overrideReason: reason.optional(),
  status: z.enum(STATUSES).optional(),
  /** Reason the ticket waits, required when the status becomes waiting. */
  waitingReason: reason.optional(),
});

export const assigneeSchema = z.union([z.strictObject({ userId: id }), z.strictObject({ groupId: id })]);

export const escalationSchema = z.strictObject({
  toLevel: z.enum(LEVELS),
  reason,
  groupId: id.optional(),
});

export const followupSchema = z.strictObject({
  content: safeText(100_000).refine((value) => value.trim().length > 0, { message: 'must not be empty' }),
  isPrivate: z.boolean().default(false),
  /** Puts the ticket in En attente with this reason. */
  waitingReason: reason.optional(),
});

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

export const taskSchema = z
  .strictObject({
    content: safeText(100_000).refine((value) => value.trim().length > 0, { message: 'must not be empty' }),
    isPrivate: z.boolean().default(false),
    state: z.enum(['todo', 'done', 'info']).default('todo'),
    durationSeconds: z.number().int().min(0).max(30 * 86_400).default(0),
    plannedStart: instant.optional(),
    plannedEnd: instant.optional(),
    technicianId: id.optional(),
    mode: z.enum(['remote', 'on_site']).default('remote'),
  })
  .refine((task) => task.plannedStart === undefined || task.plannedEnd === undefined || task.plannedStart < task.plannedEnd, {
    message: 'plannedEnd must be after plannedStart',
    path: ['plannedEnd'],
  })
  .refine((task) => (task.plannedStart === undefined) === (task.plannedEnd === undefined), {
    message: 'plannedStart and plannedEnd go together',
    path: ['plannedEnd'],
  });

export const solutionSchema = z.strictObject({
  content: safeText(100_000).refine((value) => value.trim().length > 0, { message: 'must not be empty' }),
  solutionType: z.string().trim().max(100).optional(),
});

export const approvalSchema = z.discriminatedUnion('approved', [
  z.strictObject({ approved: z.literal(true), comment: safeText(10_000).optional() }),
  z.strictObject({ approved: z.literal(false), comment: safeText(10_000).refine((value) => value.trim().length > 0, { message: 'a refusal needs a comment' }) }),
]);

export const ticketIdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });
