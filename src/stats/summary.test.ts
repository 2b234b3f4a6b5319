import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadScopes, type Principal } from '../access/principal.js';
import { createEntity, createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { computeFigures, figureAggregates } from './report.js';
import { GROUP_BY, type ReportQuery } from './schemas.js';
import { planSummary, refreshSummary, SUMMARY_DIMENSIONS } from './summary.js';
import { addSurvey, openTicket, setTimeline } from './test-helpers.js';

// The daily summary must give exactly the figures of counting every ticket, whatever the period's
// edges, the days changed since the last refresh, and the tickets a technician can read only as
// requester. Ninety tickets over three months are drawn from a fixed seed and both ways compared.

/** A small deterministic generator (LCG), so that a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const PERIODS = [
  { from: '2025-01-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' },
  // Midnight in Paris, one hour before UTC's in winter: both ends cut a UTC day.
  { from: '2024-12-31T23:00:00.000Z', to: '2025-03-31T22:00:00.000Z' },
  { from: '2025-01-15T13:37:00.000Z', to: '2025-03-02T05:00:00.000Z' },
];

describe('statistics daily summary', () => {
  let server: TestServer;
  let nurse: Session;
  let hospital: number;
  let clinic: number;
  let ehpad: number;
  let technicianA: number;
  let technicianB: number;
  let groups: number[];
  let admin: Principal;
  let scoped: Principal;
  const ids: number[] = [];

  const principal = async (userId: number): Promise<Principal> => {
    const { scopes, interface: ui } = await loadScopes(server.handle.db, userId);
    return { userId, login: `user-${userId}`, language: 'fr', timeZone: 'Europe/Paris', interface: ui, via: 'token', scopes };
  };
  const query = (groupBy: string, period: { from: string; to: string }, extra: Partial<ReportQuery> = {}) => ({ ...period, groupBy, ...extra }) as ReportQuery;
  const sorted = (rows: Awaited<ReturnType<typeof computeFigures>>) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));

  /** Asserts that the summary and a full count agree for every grouping, period and caller. */
  const assertSameFigures = async (extra: Partial<ReportQuery> = {}) => {
    for (const caller of [admin, scoped]) {
      for (const groupBy of GROUP_BY) {
        for (const period of PERIODS) {
          const summed = await computeFigures(server.handle.db, caller, query(groupBy, period, extra));
          const counted = await computeFigures(server.handle.db, caller, query(groupBy, period, extra), { useSummary: false });
          assert.deepEqual(sorted(summed), sorted(counted), `${groupBy} ${period.from} user ${caller.userId}`);
        }
      }
    }
  };

  const dirtyDays = async () =>
    (await server.handle.db.selectFrom('ticket_stats_dirty').select('day').distinct().orderBy('day').execute()).map((row) => row.day);

  before(async () => {
    server = await startTestServer();
    hospital = await createEntity(server, 'CH de Valbonne', server.rootEntityId);
    clinic = await createEntity(server, 'Clinique du Parc', server.rootEntityId);
    ehpad = await createEntity(server, 'EHPAD Les Tilleuls', server.rootEntityId, 'ehpad');
    await createUser(server, 'nurse', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Self-Service' }, { entityId: clinic, profile: 'Self-Service' }, { entityId: ehpad, profile: 'Self-Service' }] });
    technicianA = await createUser(server, 'tech-a', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Technicien' }] });
    technicianB = await createUser(server, 'tech-b', { entityId: clinic, assignments: [{ entityId: clinic, profile: 'Technicien' }] });
    nurse = await server.login('nurse');
    groups = [];
    for (const name of ['Support N1', 'Support N2']) {
      const group = await server.call('POST', '/api/v1/groups', { as: server.admin, body: { entityId: server.rootEntityId, name, isSupport: true } });
      assert.equal(group.statusCode, 201, group.body);
      groups.push(group.json<{ id: number }>().id);
    }
    const categories = (await server.handle.db.selectFrom('categories').select('id').orderBy('id').limit(4).execute()).map((row) => row.id);

    const next = random(20_250_101);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
    const instant = (base: number, maxDays: number) => new Date(base + Math.floor(next() * maxDays * 86_400_000)).toISOString();
    const start = Date.parse('2024-12-25T00:00:00.000Z');
    for (let index = 0; index < 90; index += 1) {
      const id = await openTicket(server, nurse, { entityId: hospital });
      ids.push(id);
      const opened = instant(start, 100);
      const solved = next() < 0.7 ? instant(Date.parse(opened), 12) : null;
      const closed = solved !== null && next() < 0.7 ? instant(Date.parse(solved), 6) : null;
      let status = 'assigned';
      if (closed !== null) status = 'closed';
      else if (solved !== null) status = 'solved';
      await setTimeline(server, id, {
        entity_id: pick([hospital, hospital, clinic, ehpad]),
        status,
        priority: pick([1, 2, 3, 3, 4, 5, 6]),
        level: pick([null, 'N1', 'N2', 'N3']),
        category_id: pick([null, ...categories]),
        opened_at: opened,
        taken_at: opened,
        take_delay_seconds: next() < 0.8 ? Math.floor(next() * 7200) : null,
        solved_at: solved,
        solve_delay_seconds: solved === null ? null : Math.floor(next() * 200_000),
        ttr_late: solved === null ? null : next() < 0.3 ? 1 : 0,
        closed_at: closed,
        close_delay_seconds: closed === null ? null : Math.floor(next() * 300_000),
        action_seconds: next() < 0.5 ? 0 : Math.floor(next() * 10_000),
      });
      const technicians = [[], [technicianA], [technicianB], [technicianA, technicianB]][Math.floor(next() * 4)] ?? [];
      for (const userId of technicians) await server.handle.db.insertInto('ticket_actors').values({ ticket_id: id, role: 'assigned', user_id: userId, group_id: null }).execute();
      if (next() < 0.5) await server.handle.db.insertInto('ticket_actors').values({ ticket_id: id, role: 'assigned', user_id: null, group_id: pick(groups) }).execute();
      if (closed !== null && next() < 0.6) await addSurvey(server, id, closed, next() < 0.3 ? null : 1 + Math.floor(next() * 5));
    }
    // A clinic ticket that technician A requested: A can read it only as its requester.
    const requested = await openTicket(server, server.admin, { entityId: clinic });
    await server.handle.db.updateTable('ticket_actors').set({ user_id: technicianA }).where('ticket_id', '=', requested).where('role', '=', 'requester').execute();
    await setTimeline(server, requested, { status: 'closed', opened_at: '2025-02-03T10:00:00.000Z', solved_at: '2025-02-04T10:00:00.000Z', closed_at: '2025-02-05T10:00:00.000Z', ttr_late: 1 });

    admin = await principal(server.admin.userId);
    scoped = await principal(technicianA);
  });
  after(() => server.close());

  test('every day with tickets starts dirty', async () => {
    const days = await dirtyDays();
    assert.ok(days.includes('2025-02-03'));
    assert.ok(days.length > 60, `${days.length} dirty days`);
  });

  test('figures agree before the first refresh', async () => {
    await assertSameFigures();
  });

  test('refresh clears every dirty day', async () => {
    const refreshed = await refreshSummary(server.handle.db, figureAggregates, 1000);
    assert.ok(refreshed > 60);
    assert.deepEqual(await dirtyDays(), []);
    const stored = await server.handle.db.selectFrom('ticket_stats_days').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.ok(Number(stored.n) > 0);
  });

  test('summary serves unfiltered reports', async () => {
    for (const dimension of SUMMARY_DIMENSIONS) {
      for (const caller of [admin, scoped]) {
        const plan = await planSummary(server.handle.db, caller, query(dimension, PERIODS[1] as { from: string; to: string }));
        assert.notEqual(plan, null, `${dimension} user ${caller.userId}`);
        assert.equal(plan?.rawWindows.length, 2);
      }
    }
    assert.equal(await planSummary(server.handle.db, admin, query('requesterProfile', PERIODS[0] as { from: string; to: string })), null);
    assert.equal(await planSummary(server.handle.db, admin, query('technician', PERIODS[0] as { from: string; to: string }, { priority: [4] })), null);
  });

  test('figures agree after refresh', async () => {
    await assertSameFigures();
    await assertSameFigures({ entityId: [clinic, ehpad] });
  });

  test('changes mark their days dirty', async () => {
    const open = await server.handle.db.selectFrom('tickets').select('id').where('id', 'in', ids).where('status', '!=', 'closed').orderBy('id').executeTakeFirstOrThrow();
    const [first, second, third, fourth] = [open.id, ...ids.filter((id) => id !== open.id)] as [number, number, number, number];
    const days = async (id: number) => {
      const row = await server.handle.db.selectFrom('tickets').select(['opened_at', 'solved_at', 'closed_at']).where('id', '=', id).executeTakeFirstOrThrow();
      return [row.opened_at, row.solved_at, row.closed_at].filter((value): value is string => value !== null).map((value) => value.slice(0, 10));
    };
    const expected = new Set([...(await days(first)), ...(await days(second)), ...(await days(third)), ...(await days(fourth))]);

    const group = await server.call('POST', '/api/v1/groups', { as: server.admin, body: { entityId: server.rootEntityId, name: 'Support N3', isSupport: true } });
    const assigned = await server.call('POST', `/api/v1/tickets/${first}/assignees`, { as: server.admin, body: { groupId: group.json<{ id: number }>().id } });
    assert.equal(assigned.statusCode, 200, assigned.body);
    await server.handle.db.updateTable('tickets').set((eb) => ({ priority: eb(eb('priority', '%', 6), '+', 1) })).where('id', '=', second).execute();
    await server.handle.db.updateTable('tickets').set({ solved_at: '2025-03-30T12:00:00.000Z' }).where('id', '=', third).execute();
    expected.add('2025-03-30');
    await server.handle.db.deleteFrom('ticket_actors').where('ticket_id', '=', fourth).execute();
    await server.handle.db.deleteFrom('ticket_satisfactions').where('ticket_id', '=', fourth).execute();
    await server.handle.db.deleteFrom('tickets').where('id', '=', fourth).execute();

    assert.deepEqual(await dirtyDays(), [...expected].sort());
    await assertSameFigures();
  });

  test('an unrelated change marks nothing', async () => {
    await refreshSummary(server.handle.db, figureAggregates, 1000);
    const ticket = ids[6] as number;
    await server.handle.db.updateTable('tickets').set({ title: 'Imprimante du poste de soins', updated_at: new Date().toISOString() }).where('id', '=', ticket).execute();
    await server.handle.db.insertInto('ticket_actors').values({ ticket_id: ticket, role: 'observer', user_id: technicianB, group_id: null }).execute();
    assert.deepEqual(await dirtyDays(), []);
    await assertSameFigures();
  });
});
