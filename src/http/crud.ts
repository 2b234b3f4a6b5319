import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Permission } from '../access/permissions.js';
import { authorize, entityScope } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import { appendAudit, diffFields } from '../audit/audit.js';
import type { Executor } from '../db/connection.js';
import { nowIso } from '../db/connection.js';
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors.js';
import type { Database } from '../db/schema.js';
import { auditContextOf, principalOf } from './context.js';
import { AppError, notFound } from './errors.js';

type Row = Record<string, unknown> & { id: number };
type TableName = keyof Database & ('services' | 'locations' | 'groups' | 'entities' | 'profiles' | 'users' | 'categories' | 'calendars' | 'slas');

/**
 * One editable record type under an entity: how to read, write, present and scope it.
 * The routes built from it walk the same steps for every resource: parse, load, authorize, act, audit, present.
 */
export interface CrudResource<Create, Update, Out> {
  /** Resource name used in permissions ("service:read"), audit rows and messages. */
  resource: 'entity' | 'service' | 'location' | 'group' | 'profile' | 'user' | 'category' | 'calendar' | 'sla';
  table: TableName;
  path: string;
  tag: string;
  create: z.ZodType<Create>;
  update: z.ZodType<Update>;
  output: z.ZodType<Out>;
  /** False for records shared by every entity (profiles): lists are then not filtered by entity. */
  scoped: boolean;
  present(row: Row): Out;
  toInsert(input: Create): Record<string, unknown>;
  toUpdate(input: Update): Record<string, unknown>;
  /** Entity owning the record, or null for records shared by every entity (profiles). */
  entityOf(row: Row | Record<string, unknown>): number | null;
  /** Async work on the values before the transaction opens (hashing a password). */
  prepare?(values: Record<string, unknown>): Promise<void>;
  /** Checks references of a new or edited record (same entity, in scope...) before writing. */
  check?(tx: Executor, principal: Principal, values: Record<string, unknown>, existing?: Row): Promise<void>;
  /** Writes derived data after an insert or update, inside the same transaction; `values` are the columns written. */
  afterWrite?(tx: Executor, row: Row, values: Record<string, unknown>): Promise<void>;
  /** Field that must be unique, named in the 409 message. */
  uniqueField: string;
  searchColumn: string;
  /** Values never written to the audit trail in clear. */
  secretFields?: string[];
}

const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

const listQuery = z.strictObject({
  entityId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(500).default(50),
});

export function registerCrud<Create, Update, Out>(
  app: FastifyInstance,
  spec: CrudResource<Create, Update, Out>,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app;
  const permission = (action: string) => `${spec.resource}:${action}` as Permission;
  const db = () => ctx.db;
  // Widened so that the generic presenter's return type does not defeat the type provider's inference.
  const output = spec.output as z.ZodType;

  typed.get(
    spec.path,
    {
      config: { permission: permission('read') },
      schema: { tags: [spec.tag], querystring: listQuery, response: { 200: z.object({ items: z.array(output), total: z.number() }) } },
    },
    async (request) => {
      const principal = principalOf(request);
      const { entityId, q, page, perPage } = request.query;
      let query = db().selectFrom(spec.table as 'services');
      if (spec.scoped) {
        query = query.where(scopeColumn(spec) as 'entity_id', 'in', withSentinel(entityScope(principal, permission('read'))));
      }
      if (entityId !== undefined) query = query.where(scopeColumn(spec) as 'entity_id', '=', entityId);
      if (q !== undefined) query = query.where(containsText(spec.searchColumn, q));
      const [items, count] = await Promise.all([
        query.selectAll().orderBy('id').limit(perPage).offset((page - 1) * perPage).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: items.map((row) => spec.present(row as unknown as Row)), total: Number(count.total) };
    },
  );

  typed.get(
    `${spec.path}/:id`,
    { config: { permission: permission('read') }, schema: { tags: [spec.tag], params: idParams, response: { 200: output } } },
    async (request) => {
      const row = await load(db(), spec, request.params.id);
      authorizeRow(principalOf(request), permission('read'), spec, row);
      return spec.present(row);
    },
  );

  typed.post(
    spec.path,
    { config: { permission: permission('create') }, schema: { tags: [spec.tag], body: spec.create, response: { 201: output } } },
    async (request, reply) => {
      const principal = principalOf(request);
      const values = spec.toInsert(request.body as Create);
      authorizeRow(principal, permission('create'), spec, values);
      await spec.prepare?.(values);
      const row = await write(request, async (tx) => {
        await spec.check?.(tx, principal, values);
        const now = nowIso();
        const inserted = (await tx
          .insertInto(spec.table as 'services')
          .values({ ...values, created_at: now, updated_at: now } as never)
          .returningAll()
          .executeTakeFirstOrThrow()) as unknown as Row;
        await spec.afterWrite?.(tx, inserted, values);
        await audit(tx, request, 'create', inserted, maskSecrets(spec, diffFields({}, values)));
        return inserted;
      });
      return reply.code(201).send(spec.present(row));
    },
  );

  typed.patch(
    `${spec.path}/:id`,
    {
      config: { permission: permission('update') },
      schema: { tags: [spec.tag], params: idParams, body: spec.update, response: { 200: output } },
    },
    async (request) => {
      const principal = principalOf(request);
      const values = spec.toUpdate(request.body as Update);
      await spec.prepare?.(values);
      const row = await write(request, async (tx) => {
        const existing = await load(tx, spec, request.params.id);
        authorizeRow(principal, permission('update'), spec, existing);
        if (spec.entityOf(values) !== null && 'entity_id' in values) authorizeRow(principal, permission('update'), spec, values);
        await spec.check?.(tx, principal, values, existing);
        const changes = diffFields(existing, values);
        if (Object.keys(changes).length === 0) return existing;
        const updated = (await tx
          .updateTable(spec.table as 'services')
          .set({ ...values, updated_at: nowIso() } as never)
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow()) as unknown as Row;
        await spec.afterWrite?.(tx, updated, values);
        await audit(tx, request, 'update', updated, maskSecrets(spec, changes));
        return updated;
      });
      return spec.present(row);
    },
  );

  typed.delete(
    `${spec.path}/:id`,
    { config: { permission: permission('delete') }, schema: { tags: [spec.tag], params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const principal = principalOf(request);
      await write(request, async (tx) => {
        const existing = await load(tx, spec, request.params.id);
        authorizeRow(principal, permission('delete'), spec, existing);
        await tx.deleteFrom(spec.table as 'services').where('id', '=', existing.id).execute();
        await audit(tx, request, 'delete', existing, maskSecrets(spec, diffFields(existing, nullified(existing))));
      });
      return reply.code(204).send(null);
    },
  );

  async function write<T>(request: FastifyRequest, work: (tx: Executor) => Promise<T>): Promise<T> {
    try {
      return await ctx.db.transaction().execute((tx) => work(tx as unknown as Executor));
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('already_exists', { resource: spec.resource, field: spec.uniqueField });
      if (isForeignKeyViolation(error)) {
        if (request.method === 'DELETE') throw new AppError('in_use', { resource: spec.resource });
        throw new AppError('conflict', { reason: 'reference' });
      }
      throw error;
    }
  }

  function audit(tx: Executor, request: FastifyRequest, action: string, row: Row, changes: Record<string, unknown>) {
    return appendAudit(tx, ctx.engine, auditContextOf(request), {
      action: `${spec.resource}.${action}`,
      recordType: spec.resource,
      recordId: row.id,
      entityId: spec.entityOf(row),
      changes,
    });
  }
}

export async function load<Create, Update, Out>(db: Executor, spec: CrudResource<Create, Update, Out>, id: number): Promise<Row> {
  const row = await db.selectFrom(spec.table as 'services').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound(spec.resource);
  return row;
}

function authorizeRow<Create, Update, Out>(
  principal: Principal,
  permission: Permission,
  spec: CrudResource<Create, Update, Out>,
  row: Row | Record<string, unknown>,
): void {
  const entityId = spec.entityOf(row);
  if (entityId !== null) authorize(principal, permission, entityId);
}

function scopeColumn<Create, Update, Out>(spec: CrudResource<Create, Update, Out>): string {
  return spec.table === 'entities' ? 'id' : 'entity_id';
}

/** An IN list that is never empty, since `IN ()` is invalid SQL; id 0 matches no row. */
export function withSentinel(ids: number[]): number[] {
  return ids.length === 0 ? [0] : ids;
}

/** Case-insensitive substring match that treats % and _ in the search text literally, on both engines. */
export function containsText(column: string, text: string) {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

function nullified(row: Row): Record<string, unknown> {
  return Object.fromEntries(Object.keys(row).map((key) => [key, null]));
}

function maskSecrets<Create, Update, Out>(spec: CrudResource<Create, Update, Out>, changes: Record<string, unknown>) {
  for (const field of spec.secretFields ?? []) {
    if (field in changes) changes[field] = '[changed]';
  }
  return changes;
}
