import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { verifyAuditChain } from '../audit/verify.js';
import { DEFAULT_CATEGORIES } from '../tickets/defaults.js';
import { STATUSES } from '../tickets/status.js';
import { TICKET_TEMPLATES } from './catalog.js';
import { createDemoHospital, type DemoResult } from './demo.js';

const PASSWORD = 'demo-password-for-tests';
// A Friday morning, so that the current tickets are worked in office hours.
const NOW = new Date('2026-12-04T09:30:00.000Z');
const silent = { info: () => undefined, warn: () => undefined };

describe('demo hospital', () => {
  let server: TestServer;
  let result: DemoResult;
  const db = () => server.handle.db;
  const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string }> }) => Number((await query.executeTakeFirstOrThrow()).n);

  before(async () => {
    server = await startTestServer();
    result = await createDemoHospital(server.handle, silent, { ticketCount: 300, now: NOW, password: PASSWORD });
  });
  after(() => server.close());

  const created = () => {
    if (!result.created) assert.fail(`demo skipped: ${result.reason}`);
    return result;
  };

  test('templates name shipped categories', () => {
    const shipped = new Set(DEFAULT_CATEGORIES.flatMap((top) => top.children.map((child) => `${top.name} > ${child}`)));
    for (const template of TICKET_TEMPLATES) assert.ok(shipped.has(template.category), `${template.title}: ${template.category}`);
    assert.ok(TICKET_TEMPLATES.length >= 60);
  });

  test('creates three sites', async () => {
    const sites = await db().selectFrom('entities').select(['name', 'type']).where('parent_id', '=', server.rootEntityId).execute();
    assert.equal(sites.length, 3);
    assert.equal(sites.filter((site) => site.type === 'hospital').length, 1);
    assert.equal(sites.filter((site) => site.type === 'ehpad').length, 2);
  });

  test('support groups have levels', async () => {
    const groups = await db().selectFrom('groups').select(['id', 'level']).where('is_support', '=', 1).orderBy('level').execute();
    assert.deepEqual(groups.map((group) => group.level), ['N1', 'N2', 'N3']);
    for (const group of groups) {
      const members = await count(db().selectFrom('group_members').select((eb) => eb.fn.countAll<number>().as('n')).where('group_id', '=', group.id));
      assert.ok(members >= 4, `group ${group.level} has ${members} members`);
    }
  });

  test('about 300 staff accounts', async () => {
    const users = await count(db().selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')));
    assert.ok(users >= 280, `${users} users`);
    assert.ok(users <= 320, `${users} users`);
    assert.equal(created().users + 1, users);
  });

  test('services carry criticality', async () => {
    const vital = await db().selectFrom('services').select('name').where('criticality', '=', 'vital').orderBy('name').execute();
    assert.deepEqual(vital.map((row) => row.name), ['Bloc opératoire', 'Réanimation', 'Urgences']);
  });

  test('every ticket has a requester', async () => {
    const tickets = await count(db().selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')));
    assert.equal(tickets, 300);
    const without = await count(db().selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('requester_id', 'is', null));
    assert.equal(without, 0);
    const requesterRows = await count(db().selectFrom('ticket_actors').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'requester'));
    assert.equal(requesterRows, tickets);
  });

  test('every status is present', async () => {
    const rows = await db().selectFrom('tickets').select('status').distinct().execute();
    assert.deepEqual(rows.map((row) => row.status).sort(), [...STATUSES].sort());
  });

  test('closed tickets are consistent', async () => {
    const closed = await db().selectFrom('tickets').select(['id', 'opened_at', 'taken_at', 'solved_at', 'closed_at', 'ttr_due_at', 'solve_delay_seconds']).where('status', '=', 'closed').execute();
    assert.ok(closed.length > 200, `${closed.length} closed tickets`);
    const withSolution = new Set((await db().selectFrom('ticket_solutions').select('ticket_id').execute()).map((row) => row.ticket_id));
    for (const ticket of closed) {
      assert.ok(ticket.solved_at !== null, `ticket ${ticket.id} has no solve date`);
      assert.ok(ticket.closed_at !== null, `ticket ${ticket.id} has no close date`);
      assert.ok(ticket.solved_at <= ticket.closed_at, `ticket ${ticket.id} solved after closing`);
      assert.ok(ticket.taken_at !== null, `ticket ${ticket.id} was never taken`);
      assert.ok(ticket.opened_at <= ticket.taken_at, `ticket ${ticket.id} taken before opening`);
      assert.ok(ticket.taken_at <= ticket.solved_at, `ticket ${ticket.id} solved before being taken`);
      assert.ok(withSolution.has(ticket.id), `ticket ${ticket.id} has no solution`);
      assert.notEqual(ticket.ttr_due_at, null, `ticket ${ticket.id} has no TTR deadline`);
      assert.notEqual(ticket.solve_delay_seconds, null, `ticket ${ticket.id} has no solve delay`);
    }
  });

  test('history ends before now', async () => {
    const latest = await db().selectFrom('tickets').select((eb) => eb.fn.max('updated_at').as('latest')).executeTakeFirstOrThrow();
    assert.ok(String(latest.latest) <= NOW.toISOString(), `latest change ${String(latest.latest)}`);
  });

  test('escalations have reasons', async () => {
    const escalations = await db().selectFrom('ticket_escalations').select(['from_level', 'to_level', 'reason']).execute();
    assert.ok(escalations.length > 0);
    for (const escalation of escalations) {
      assert.ok(escalation.reason.trim().length > 0);
      assert.notEqual(escalation.from_level, escalation.to_level);
    }
  });

  test('some solutions were refused', async () => {
    const refused = await db().selectFrom('ticket_solutions').select(['approver_id', 'approval_comment']).where('status', '=', 'refused').execute();
    assert.ok(refused.length > 0);
    assert.ok(refused.every((solution) => solution.approver_id !== null && solution.approval_comment !== null));
  });

  test('some surveys are answered', async () => {
    const surveys = await db().selectFrom('ticket_satisfactions').select(['rating', 'answered_at', 'closed_at']).execute();
    const answered = surveys.filter((survey) => survey.rating !== null);
    assert.ok(answered.length > 0);
    assert.ok(answered.every((survey) => survey.answered_at !== null && survey.answered_at >= survey.closed_at));
  });

  test('demo account signs in', async () => {
    const [technician] = created().accounts;
    assert.ok(technician !== undefined);
    const session = await server.login(technician.login, PASSWORD);
    const list = await server.call('GET', '/api/v1/tickets', { as: session });
    assert.equal(list.statusCode, 200, list.body);
  });

  test('supervisor reads the statistics', async () => {
    const manager = created().accounts.find((account) => account.role.includes('Superviseur'));
    assert.ok(manager !== undefined);
    const session = await server.login(manager.login, PASSWORD);
    const response = await server.call('GET', '/api/v1/stats/report?from=2025-12-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=level', { as: session });
    assert.equal(response.statusCode, 200, response.body);
    const solved = response.json().rows.reduce((sum: number, row: { figures: { solved: number } }) => sum + row.figures.solved, 0);
    assert.ok(solved > 50, `${solved} tickets solved in the year`);
  });

  test('audit chain verifies', async () => {
    const verified = await verifyAuditChain(db());
    assert.equal(verified.ok, true, verified.firstBreak?.message);
    const ticketRows = await count(db().selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'ticket.create'));
    assert.equal(ticketRows, 300);
  });

  test('second run is skipped', async () => {
    const again = await createDemoHospital(server.handle, silent, { ticketCount: 300, now: NOW, password: PASSWORD });
    assert.equal(again.created, false);
    const tickets = await count(db().selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')));
    assert.equal(tickets, 300);
    const sites = await count(db().selectFrom('entities').select((eb) => eb.fn.countAll<number>().as('n')));
    assert.equal(sites, 4);
  });
});
