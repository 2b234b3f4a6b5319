import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createEntity, createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { addSurvey, openTicket, renameUser, setTimeline } from './test-helpers.js';

// One month, March 2025 in UTC, with eight tickets whose columns are set by hand:
//
// | ticket | technicians | priority | opened    | taken (delay)   | solved (delay, late) | closed (delay)   | action    | survey   |
// | T1     | A           | 3        | 03-03     | 03-03 (3600)    | 03-05 (36000, 0)     | 03-06 (50000)    | 5400      | rating 4 |
// | T2     | A, B        | 4        | 03-10     | 03-10 (1800)    | 03-20 (200000, 1)    | -                | 3934771   | -        |
// | T3     | B           | 3        | 02-20     | 02-20 (900)     | 03-02 (7200, 0)      | 03-04 (9000)     | 0         | no answer|
// | T4     | none        | 3        | 03-15     | -               | -                    | -                | 0         | -        |
// | T5     | A           | 5        | 03-25     | 03-26 (7200)    | -                    | -                | 0         | -        |
// | T6     | B           | 4        | 03-28     | 03-28 (600)     | 04-02 (10000, 1)     | -                | 0         | -        |
// | T8     | B           | 3        | 03-11     | 03-11 (null)    | 03-12 (null, null)   | -                | 600       | -        |
// | T9     | A           | 3        | 02-28 23:59:59.999 | 03-01 00:00 (1) | 03-01 (21600, 0) | 03-31 23:00 (100000) | 0 | rating 3 |
//
// T9 checks the period's edges: opened one millisecond before it, taken at its first instant.
// The take-into-account delay is averaged over the tickets solved in the period, as GLPI does.
const PERIOD = 'from=2025-03-01T00:00:00.000Z&to=2025-04-01T00:00:00.000Z';

interface Row {
  key: number | string | null;
  label: string;
  figures: Record<string, number | null>;
  links: Record<string, { query: string; unsupported: string[] }>;
}

describe('statistics report', () => {
  let server: TestServer;
  let nurse: Session;
  let technicianA: number;
  let technicianB: number;
  const tickets: Record<string, number> = {};

  before(async () => {
    server = await startTestServer();
    const hospital = await createEntity(server, 'CH de Valbonne', server.rootEntityId);
    await createUser(server, 'nurse', { entityId: hospital, jobProfile: 'infirmier', assignments: [{ entityId: hospital, profile: 'Self-Service' }] });
    technicianA = await createUser(server, 'tech-a', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Technicien' }] });
    technicianB = await createUser(server, 'tech-b', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Technicien' }] });
    await renameUser(server, technicianA, 'Hélène', 'Dupré');
    await renameUser(server, technicianB, 'Marc', 'Roux');
    nurse = await server.login('nurse');

    const technicians: Record<string, number[]> = { T1: [technicianA], T2: [technicianA, technicianB], T3: [technicianB], T4: [], T5: [technicianA], T6: [technicianB], T8: [technicianB], T9: [technicianA] };
    for (const [name, assigned] of Object.entries(technicians)) tickets[name] = await openTicket(server, nurse, { entityId: hospital, technicians: assigned });
    const id = (name: string) => tickets[name] as number;

    await setTimeline(server, id('T1'), { status: 'closed', priority: 3, opened_at: '2025-03-03T08:00:00.000Z', taken_at: '2025-03-03T09:00:00.000Z', take_delay_seconds: 3600, solved_at: '2025-03-05T10:00:00.000Z', solve_delay_seconds: 36000, ttr_late: 0, closed_at: '2025-03-06T10:00:00.000Z', close_delay_seconds: 50000, action_seconds: 5400 });
    await setTimeline(server, id('T2'), { status: 'solved', priority: 4, opened_at: '2025-03-10T08:00:00.000Z', taken_at: '2025-03-10T08:30:00.000Z', take_delay_seconds: 1800, solved_at: '2025-03-20T10:00:00.000Z', solve_delay_seconds: 200000, ttr_late: 1, action_seconds: 3934771 });
    await setTimeline(server, id('T3'), { status: 'closed', priority: 3, opened_at: '2025-02-20T08:00:00.000Z', taken_at: '2025-02-20T08:15:00.000Z', take_delay_seconds: 900, solved_at: '2025-03-02T10:00:00.000Z', solve_delay_seconds: 7200, ttr_late: 0, closed_at: '2025-03-04T10:00:00.000Z', close_delay_seconds: 9000 });
    await setTimeline(server, id('T4'), { status: 'new', priority: 3, opened_at: '2025-03-15T08:00:00.000Z' });
    await setTimeline(server, id('T5'), { status: 'assigned', priority: 5, opened_at: '2025-03-25T08:00:00.000Z', taken_at: '2025-03-26T08:00:00.000Z', take_delay_seconds: 7200 });
    await setTimeline(server, id('T6'), { status: 'solved', priority: 4, opened_at: '2025-03-28T08:00:00.000Z', taken_at: '2025-03-28T08:10:00.000Z', take_delay_seconds: 600, solved_at: '2025-04-02T10:00:00.000Z', solve_delay_seconds: 10000, ttr_late: 1 });
    await setTimeline(server, id('T8'), { status: 'solved', priority: 3, opened_at: '2025-03-11T08:00:00.000Z', taken_at: '2025-03-11T09:00:00.000Z', solved_at: '2025-03-12T10:00:00.000Z', action_seconds: 600 });
    await setTimeline(server, id('T9'), { status: 'closed', priority: 3, opened_at: '2025-02-28T23:59:59.999Z', taken_at: '2025-03-01T00:00:00.000Z', take_delay_seconds: 1, solved_at: '2025-03-01T06:00:00.000Z', solve_delay_seconds: 21600, ttr_late: 0, closed_at: '2025-03-31T23:00:00.000Z', close_delay_seconds: 100000 });
    await addSurvey(server, id('T1'), '2025-03-06T10:00:00.000Z', 4);
    await addSurvey(server, id('T3'), '2025-03-04T10:00:00.000Z', null);
    await addSurvey(server, id('T9'), '2025-03-31T23:00:00.000Z', 3);
  });
  after(() => server.close());

  const report = async (groupBy: string, extra = '') => {
    const response = await server.call('GET', `/api/v1/stats/report?${PERIOD}&groupBy=${groupBy}${extra}`, { as: server.admin });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ rows: Row[] }>().rows;
  };

  test('report requires stats:read', async () => {
    const response = await server.call('GET', `/api/v1/stats/report?${PERIOD}`, { as: nurse });
    assert.equal(response.statusCode, 403);
  });

  test('period end must follow start', async () => {
    const response = await server.call('GET', '/api/v1/stats/report?from=2025-04-01T00:00:00Z&to=2025-03-01T00:00:00Z', { as: server.admin });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'to');
  });

  test('figures of technician A', async () => {
    const row = (await report('technician')).find((item) => item.key === technicianA);
    assert.ok(row);
    assert.equal(row.label, 'Dupré Hélène');
    // Opened in March: T1, T2, T5 (T9 opened one millisecond before).
    assert.equal(row.figures.opened, 3);
    // Solved in March: T1, T2, T9; late among them: T2.
    assert.equal(row.figures.solved, 3);
    assert.equal(row.figures.late, 1);
    // Closed in March: T1, T9, both with an answered survey: (4 + 3) / 2.
    assert.equal(row.figures.closed, 2);
    assert.equal(row.figures.surveysSent, 2);
    assert.equal(row.figures.surveysAnswered, 2);
    assert.equal(row.figures.averageRating, 3.5);
    // Take delays of the tickets solved in March: T1 3600, T2 1800, T9 1 -> 5401 / 3.
    assert.equal(row.figures.averageTakeDelaySeconds, 5401 / 3);
    // Solved in March: 36000 + 200000 + 21600 = 257600, / 3.
    assert.equal(row.figures.averageSolveDelaySeconds, 257600 / 3);
    // Closed in March: (50000 + 100000) / 2.
    assert.equal(row.figures.averageCloseDelaySeconds, 75000);
    // Action time of the solved tickets that have any: T1 5400 + T2 3934771 = 3940171 (T9 has none).
    assert.equal(row.figures.totalActionSeconds, 3940171);
    assert.equal(row.figures.averageActionSeconds, 3940171 / 2);
  });

  test('figures of technician B', async () => {
    const row = (await report('technician')).find((item) => item.key === technicianB);
    assert.ok(row);
    // Opened in March: T2, T6, T8 (T3 opened in February).
    assert.equal(row.figures.opened, 3);
    // Solved in March: T2, T3, T8 (T6 in April); late: T2 (T8 has no TTR).
    assert.equal(row.figures.solved, 3);
    assert.equal(row.figures.late, 1);
    // Closed in March: T3, surveyed but not answered.
    assert.equal(row.figures.closed, 1);
    assert.equal(row.figures.surveysSent, 1);
    assert.equal(row.figures.surveysAnswered, 0);
    assert.equal(row.figures.averageRating, null);
    // Take delays of the tickets solved in March: T2 1800, T3 900; T8's is unknown and left out -> 2700 / 2.
    assert.equal(row.figures.averageTakeDelaySeconds, 1350);
    // Solved in March: T2 200000, T3 7200, T8 unknown -> 207200 / 2.
    assert.equal(row.figures.averageSolveDelaySeconds, 103600);
    assert.equal(row.figures.averageCloseDelaySeconds, 9000);
    // Action time: T2 3934771 + T8 600; T3 has none and is left out of the average.
    assert.equal(row.figures.totalActionSeconds, 3935371);
    assert.equal(row.figures.averageActionSeconds, 3935371 / 2);
  });

  test('row without technician', async () => {
    const rows = await report('technician');
    const row = rows.find((item) => item.key === null);
    assert.ok(row);
    assert.equal(row.label, 'Aucun technicien');
    assert.equal(rows.at(-1)?.key, null);
    // T4 only: opened, nothing else.
    assert.equal(row.figures.opened, 1);
    assert.equal(row.figures.solved, 0);
    assert.equal(row.figures.averageTakeDelaySeconds, null);
    assert.equal(row.figures.totalActionSeconds, 0);
    assert.deepEqual(row.links.opened?.unsupported, []);
    assert.ok(row.links.opened?.query.includes('withoutTechnician=true'));
  });

  test('figures by priority', async () => {
    const rows = await report('priority');
    assert.deepEqual(rows.map((row) => row.key).sort(), [3, 4, 5]);
    const byKey = (key: number) => rows.find((row) => row.key === key)?.figures ?? {};
    const moyenne = byKey(3);
    // Priority 3 is T1, T3, T4, T8, T9. Opened in March: T1, T4, T8.
    assert.equal(moyenne.opened, 3);
    // Solved: T1, T3, T8, T9, none late; closed: T1, T3, T9, all surveyed, T1 and T9 answered.
    assert.equal(moyenne.solved, 4);
    assert.equal(moyenne.late, 0);
    assert.equal(moyenne.closed, 3);
    assert.equal(moyenne.surveysSent, 3);
    assert.equal(moyenne.surveysAnswered, 2);
    assert.equal(moyenne.averageRating, 3.5);
    // Take delays of the solved ones: T1 3600, T3 900, T9 1 (T8 unknown) -> 4501 / 3.
    assert.equal(moyenne.averageTakeDelaySeconds, 4501 / 3);
    // Solve delays 36000, 7200, 21600 (T8 unknown) -> 64800 / 3.
    assert.equal(moyenne.averageSolveDelaySeconds, 21600);
    // Close delays 50000, 9000, 100000 -> 159000 / 3.
    assert.equal(moyenne.averageCloseDelaySeconds, 53000);
    // Action time: T1 5400 + T8 600.
    assert.equal(moyenne.totalActionSeconds, 6000);
    assert.equal(moyenne.averageActionSeconds, 3000);

    const haute = byKey(4);
    // T2 and T6, each counted once although T2 has two technicians.
    assert.equal(haute.opened, 2);
    assert.equal(haute.solved, 1);
    assert.equal(haute.late, 1);
    assert.equal(haute.closed, 0);
    assert.equal(haute.surveysSent, 0);
    assert.equal(haute.averageRating, null);
    // Only T2 is solved in March.
    assert.equal(haute.averageTakeDelaySeconds, 1800);
    assert.equal(haute.averageSolveDelaySeconds, 200000);
    assert.equal(haute.averageCloseDelaySeconds, null);
    assert.equal(haute.totalActionSeconds, 3934771);

    const tresHaute = byKey(5);
    assert.equal(tresHaute.opened, 1);
    // T5 is taken in March but not solved, so its take delay is not averaged.
    assert.equal(tresHaute.solved, 0);
    assert.equal(tresHaute.averageTakeDelaySeconds, null);
  });

  test('links list the counted tickets', async () => {
    const row = (await report('technician')).find((item) => item.key === technicianA);
    assert.ok(row);
    const link = row.links.solved;
    assert.ok(link);
    assert.deepEqual(link.unsupported, []);
    const list = await server.call('GET', `/api/v1/tickets?${link.query}&perPage=50`, { as: server.admin });
    assert.equal(list.statusCode, 200, list.body);
    const ids = list.json<{ items: { id: number }[] }>().items.map((item) => item.id).sort((a, b) => a - b);
    assert.deepEqual(ids, [tickets.T1, tickets.T2, tickets.T9].sort((a, b) => (a ?? 0) - (b ?? 0)));
    assert.deepEqual(row.links.late?.unsupported, []);
    assert.ok(row.links.late?.query.includes('ttrLate=true'));
  });

  test('every link lists exactly its tickets', async () => {
    const COUNTS = ['opened', 'solved', 'late', 'closed', 'surveysSent', 'surveysAnswered'];
    const AVERAGES = { averageRating: null, averageTakeDelaySeconds: 'take_delay_seconds', averageSolveDelaySeconds: 'solve_delay_seconds', averageCloseDelaySeconds: 'close_delay_seconds', averageActionSeconds: 'action_seconds' } as const;
    const listed = async (query: string) => {
      const list = await server.call('GET', `/api/v1/tickets?${query}&perPage=200`, { as: server.admin });
      assert.equal(list.statusCode, 200, list.body);
      return list.json<{ items: { id: number }[]; total: number }>();
    };
    for (const groupBy of ['technician', 'group', 'level', 'category', 'service', 'entity', 'requesterProfile', 'priority']) {
      for (const row of await report(groupBy)) {
        for (const [figure, link] of Object.entries(row.links)) {
          const where = `${groupBy} ${String(row.key)} ${figure}`;
          assert.deepEqual(link.unsupported, [], where);
          const { items, total } = await listed(link.query);
          if (COUNTS.includes(figure)) assert.equal(total, row.figures[figure], where);
          if (figure === 'averageRating') assert.equal(total, row.figures.surveysAnswered, where);
          const column = AVERAGES[figure as keyof typeof AVERAGES];
          if (column === undefined || column === null) continue;
          // The average over the linked tickets, read from the database, is the figure.
          const values = await server.handle.db.selectFrom('tickets').select(column).where('id', 'in', [0, ...items.map((item) => item.id)]).execute();
          const sum = values.reduce((total, value) => total + Number(value[column]), 0);
          assert.equal(values.length === 0 ? null : sum / values.length, row.figures[figure], where);
        }
      }
    }
  });

  test('list filters narrow the report', async () => {
    const rows = await report('technician', '&priority=4');
    const row = rows.find((item) => item.key === technicianA);
    // Technician A with priority 4: T2 only.
    assert.equal(row?.figures.opened, 1);
    assert.equal(row?.figures.solved, 1);
    assert.ok(row?.links.opened?.query.includes('priority=4'));
  });
});
