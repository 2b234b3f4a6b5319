import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createEntity, createUser, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { openTicket, setTimeline } from './test-helpers.js';

// Paris switches to summer time on 30 March 2025 at 01:00 UTC (02:00 CET becomes 03:00 CEST),
// so that day lasts 23 hours.
//
// | ticket | opened (UTC)      | Paris day | solved (UTC)          | Paris day | TTR late |
// | S0     | 03-01 10:00       | 03-01     | -                     | -         | -        |
// | S6     | 03-01 10:00       | 03-01     | 03-15 10:00           | 03-15     | -        |
// | S1     | 03-29 22:30       | 03-29     | 03-30 22:00           | 03-31     | 0        |
// | S2     | 03-30 00:30       | 03-30     | 03-31 21:59:59        | 03-31     | 1        |
// | S3     | 03-30 22:30       | 03-31     | 04-01 10:00           | 04-01     | no TTR   |
// | S5     | 03-31 21:30       | 03-31     | -                     | -         | -        |
// | S4     | 03-31 23:30       | 04-01     | -                     | -         | -        |
// | S7     | 03-28 10:00       | 03-28     | 03-29 12:00, refused 03-31 08:00, open since | -  |
const DAYS = '/api/v1/stats/series?from=2025-03-29T00:00:00%2B01:00&to=2025-04-02T00:00:00%2B02:00&interval=day&timeZone=Europe/Paris';

interface Bucket {
  start: string;
  from: string;
  to: string;
  opened: number;
  solved: number;
  backlog: number;
  slaMeasured: number;
  slaCompliance: number | null;
}

describe('statistics series', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
    const hospital = await createEntity(server, 'CH de Valbonne', server.rootEntityId);
    await createUser(server, 'nurse', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Self-Service' }] });
    const nurse = await server.login('nurse');
    const timelines = [
      { status: 'assigned', opened_at: '2025-03-01T10:00:00.000Z' },
      { status: 'solved', opened_at: '2025-03-01T10:00:00.000Z', solved_at: '2025-03-15T10:00:00.000Z' },
      { status: 'solved', opened_at: '2025-03-29T22:30:00.000Z', solved_at: '2025-03-30T22:00:00.000Z', ttr_late: 0 },
      { status: 'solved', opened_at: '2025-03-30T00:30:00.000Z', solved_at: '2025-03-31T21:59:59.000Z', ttr_late: 1 },
      { status: 'solved', opened_at: '2025-03-30T22:30:00.000Z', solved_at: '2025-04-01T10:00:00.000Z' },
      { status: 'new', opened_at: '2025-03-31T21:30:00.000Z' },
      { status: 'new', opened_at: '2025-03-31T23:30:00.000Z' },
    ];
    for (const timeline of timelines) await setTimeline(server, await openTicket(server, nurse, { entityId: hospital }), timeline);
    // S7: solved on the 29th, the solution refused on the 31st, open since.
    const reopened = await openTicket(server, nurse, { entityId: hospital });
    await setTimeline(server, reopened, { status: 'assigned', opened_at: '2025-03-28T10:00:00.000Z' });
    await server.handle.db
      .insertInto('ticket_solutions')
      .values({ ticket_id: reopened, author_id: server.admin.userId, solution_type: null, content: 'Pilote réinstallé', status: 'refused', approver_id: null, approval_comment: 'Toujours en panne', answered_at: '2025-03-31T08:00:00.000Z', created_at: '2025-03-29T12:00:00.000Z' })
      .execute();
  });
  after(() => server.close());

  const series = async (url: string) => {
    const response = await server.call('GET', url, { as: server.admin });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ timeZone: string; buckets: Bucket[] }>().buckets;
  };

  test('days across summer time', async () => {
    const buckets = await series(DAYS);
    assert.deepEqual(buckets.map((bucket) => bucket.start), ['2025-03-29', '2025-03-30', '2025-03-31', '2025-04-01']);
    const shortDay = buckets[1];
    assert.equal(shortDay?.from, '2025-03-29T23:00:00.000Z');
    assert.equal(shortDay?.to, '2025-03-30T22:00:00.000Z');
  });

  test('opened per Paris day', async () => {
    const buckets = await series(DAYS);
    // S1 on the 29th, S2 on the 30th, S3 and S5 on the 31st, S4 on 1 April.
    assert.deepEqual(buckets.map((bucket) => bucket.opened), [1, 1, 2, 1]);
  });

  test('solved and backlog per day', async () => {
    const buckets = await series(DAYS);
    // S1 and S2 on the 31st, S3 on 1 April.
    assert.deepEqual(buckets.map((bucket) => bucket.solved), [0, 0, 2, 1]);
    // S0 and S7 are open before the period; then +1, +1, +2 -2, +1 -1. S7 is solved from the 29th
    // until its solution is refused on the 31st, so it leaves the backlog of the 29th and 30th.
    assert.deepEqual(buckets.map((bucket) => bucket.backlog), [2, 3, 4, 4]);
  });

  test('SLA compliance per day', async () => {
    const buckets = await series(DAYS);
    // On the 31st, S1 in time and S2 late; S3 on 1 April has no TTR.
    assert.equal(buckets[2]?.slaMeasured, 2);
    assert.equal(buckets[2]?.slaCompliance, 0.5);
    assert.equal(buckets[3]?.slaMeasured, 0);
    assert.equal(buckets[3]?.slaCompliance, null);
  });

  test('months in the caller zone', async () => {
    const buckets = await series('/api/v1/stats/series?from=2025-03-01T00:00:00%2B01:00&to=2025-05-01T00:00:00%2B02:00&interval=month');
    assert.deepEqual(buckets.map((bucket) => bucket.start), ['2025-03-01', '2025-04-01']);
    // S4, opened at 23:30 UTC on 31 March, is 1 April in Paris.
    assert.deepEqual(buckets.map((bucket) => bucket.opened), [7, 1]);
  });

  test('unknown time zone rejected', async () => {
    const response = await server.call('GET', `${DAYS.replace('Europe/Paris', 'Europe/Lutece')}`, { as: server.admin });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'timeZone');
  });

  test('too many buckets rejected', async () => {
    const response = await server.call('GET', '/api/v1/stats/series?from=2020-01-01T00:00:00Z&to=2025-01-01T00:00:00Z&interval=day', { as: server.admin });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'interval');
  });
});
