import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createEntity, createUser, type Session, type TestServer } from './server.js';

/** True when the tests run on PostgreSQL (DATABASE_URL set to a postgres:// address). */
export const ON_POSTGRES = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');


/**
 * The organisation most permission tests need: root > CH A > Pavillon A1, and root > EHPAD B,
 * with one signed-in user per shipped profile assigned to CH A only.
 */
export interface World {
  chA: number;
  pavillonA1: number;
  ehpadB: number;
  /** Administrateur of CH A, not recursive. */
  adminA: Session;
  /** Superviseur of CH A, not recursive. */
  superA: Session;
  /** Superviseur of CH A, recursive, so also of Pavillon A1. */
  superARecursive: Session;
  /** Technicien of CH A, not recursive. */
  techA: Session;
  /** Self-Service in CH A. */
  selfA: Session;
}

export async function buildWorld(server: TestServer): Promise<World> {
  const chA = await createEntity(server, 'CH A', server.rootEntityId);
  const pavillonA1 = await createEntity(server, 'Pavillon A1', chA);
  const ehpadB = await createEntity(server, 'EHPAD B', server.rootEntityId, 'ehpad');

  const signIn = async (login: string, profile: string, recursive = false) => {
    await createUser(server, login, { entityId: chA, assignments: [{ entityId: chA, profile, recursive }] });
    return server.login(login);
  };
  return {
    chA,
    pavillonA1,
    ehpadB,
    adminA: await signIn('admin.cha', 'Administrateur'),
    superA: await signIn('superviseur.cha', 'Superviseur'),
    superARecursive: await signIn('superviseur.cha.rec', 'Superviseur', true),
    techA: await signIn('technicien.cha', 'Technicien'),
    selfA: await signIn('agent.cha', 'Self-Service'),
  };
}

/** Asserts a problem details answer with the given status and code, and returns its body. */
export function assertProblem(response: LightMyRequestResponse, status: number, code: string): ProblemBody {
  assert.equal(response.statusCode, status, response.body);
  assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
  const body = response.json<ProblemBody>();
  assert.equal(body.code, code);
  return body;
}

export interface ProblemBody {
  code: string;
  detail: string;
  errors?: { in: string; field: string; code: string; message: string }[];
}

/** Asserts a 400 naming the field, and returns that field's message. */
export function fieldMessage(response: LightMyRequestResponse, field: string): string {
  const body = assertProblem(response, 400, 'validation_failed');
  const error = body.errors?.find((item) => item.field === field);
  assert.ok(error, `no error on field "${field}" in ${response.body}`);
  return error.message;
}

export interface AuditRowView {
  action: string;
  record_id: string | null;
  entity_id: number | null;
  actor_login: string | null;
  changes: Record<string, unknown>;
}

/** The newest audit row about one record, read straight from the database. */
export async function lastAuditRow(server: TestServer, recordType: string, recordId: number): Promise<AuditRowView> {
  const row = await server.handle.db
    .selectFrom('audit_log')
    .select(['action', 'record_id', 'entity_id', 'actor_login', 'changes'])
    .where('record_type', '=', recordType)
    .where('record_id', '=', String(recordId))
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return { ...row, changes: JSON.parse(row.changes) as Record<string, unknown> };
}

/** Number of rows in the audit trail. */
export async function countAuditRows(server: TestServer): Promise<number> {
  const row = await server.handle.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
