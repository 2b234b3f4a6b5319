import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer } from '../../../test/helpers/server.js';
import type { TestServer } from '../../../test/helpers/server.js';
import { SYSTEM_CONTEXT } from '../../audit/audit.js';
import { verifyAuditChain } from '../../audit/verify.js';
import { importGlpiApi } from './importer.js';
import { startReplayServer } from './replay-server.js';
import type { ReplayServer } from './replay-server.js';
import { Recording, snapshotImport } from './testing.js';

const recording = new Recording();

/** Tickets written, and for each the number of followups, tasks and solutions it has locally. */
async function writtenTickets(server: TestServer): Promise<Map<string, [number, number, number]>> {
  const count = async (table: 'ticket_followups' | 'ticket_tasks' | 'ticket_solutions', ticketId: number) =>
    (await server.handle.db.selectFrom(table).select('id').where('ticket_id', '=', ticketId).execute()).length;
  const tickets = await server.handle.db.selectFrom('tickets').select(['id', 'external_ref']).where('external_ref', 'like', 'glpi:%').execute();
  const result = new Map<string, [number, number, number]>();
  for (const ticket of tickets) {
    result.set(ticket.external_ref ?? '', [await count('ticket_followups', ticket.id), await count('ticket_tasks', ticket.id), await count('ticket_solutions', ticket.id)]);
  }
  return result;
}

/** Returns the same counts, read from the recording. */
function recordedCounts(externalRef: string): [number, number, number] {
  const id = externalRef.slice('glpi:'.length);
  return [recording.list(`/Ticket/${id}/ITILFollowup`).length, recording.list(`/Ticket/${id}/TicketTask`).length, recording.list(`/Ticket/${id}/ITILSolution`).length];
}

describe('GLPI API import resume', () => {
  let clean: TestServer;
  let stub: ReplayServer;
  let expected: Awaited<ReturnType<typeof snapshotImport>>;

  before(async () => {
    stub = await startReplayServer(recording.exchanges);
    clean = await startTestServer();
    await importGlpiApi(clean.handle, { url: stub.url, userToken: stub.userToken, entityId: 1, actor: SYSTEM_CONTEXT });
    expected = await snapshotImport(clean.handle.db);
  });
  after(async () => {
    await stub.close();
    await clean.close();
  });

  describe('after a dropped connection', () => {
    let server: TestServer;
    let partial: Map<string, [number, number, number]>;

    before(async () => {
      server = await startTestServer();
      // Past the reference lists and the first ticket page: the connection drops in the middle of the tickets.
      stub.failAfter(150);
      await assert.rejects(importGlpiApi(server.handle, { url: stub.url, userToken: stub.userToken, entityId: 1, actor: SYSTEM_CONTEXT }), TypeError);
      stub.failAfter(undefined);
      partial = await writtenTickets(server);
    });
    after(() => server.close());

    test('run stops half-way', () => {
      assert.ok(partial.size > 0, 'some tickets written');
      assert.ok(partial.size < 62, 'some tickets left');
    });

    test('no ticket written in part', () => {
      for (const [externalRef, counts] of partial) assert.deepEqual(counts, recordedCounts(externalRef), externalRef);
    });

    test('run recorded as failed', async () => {
      const run = await server.handle.db.selectFrom('import_runs').select(['status', 'error']).executeTakeFirstOrThrow();
      assert.equal(run.status, 'failed');
      assert.ok(run.error !== null);
    });

    test('resume completes the import', async () => {
      const resumed = await importGlpiApi(server.handle, { url: stub.url, userToken: stub.userToken, entityId: 1, actor: SYSTEM_CONTEXT });
      assert.equal(resumed.resumed, true);
      assert.equal(resumed.tickets.created, 62 - partial.size);
      assert.equal(resumed.tickets.updated, 0);
      assert.deepEqual(await snapshotImport(server.handle.db), expected);
      assert.deepEqual(stub.unmatched, []);
    });

    test('audit chain verifies', async () => {
      assert.equal((await verifyAuditChain(server.handle.db)).ok, true);
    });
  });

  describe('after an abort', () => {
    let server: TestServer;
    let written: number;
    let resumeRequests: string[] = [];

    before(async () => {
      server = await startTestServer();
      const controller = new AbortController();
      let ticketCalls = 0;
      // Aborts in the middle of the fetches of the 21st ticket.
      stub.onRequest = (label) => {
        if (label.includes('/Ticket_User?')) ticketCalls += 1;
        if (ticketCalls === 21 && label.includes('/ITILFollowup?')) controller.abort();
      };
      await assert.rejects(importGlpiApi(server.handle, { url: stub.url, userToken: stub.userToken, entityId: 1, actor: SYSTEM_CONTEXT, signal: controller.signal }), { name: 'AbortError' });
      stub.onRequest = undefined;
      written = (await writtenTickets(server)).size;
    });
    after(() => server.close());

    test('stops after twenty tickets', () => {
      assert.equal(written, 20);
    });

    test('resume ends like clean import', async () => {
      const start = stub.requests.length;
      const resumed = await importGlpiApi(server.handle, { url: stub.url, userToken: stub.userToken, entityId: 1, actor: SYSTEM_CONTEXT });
      assert.equal(resumed.resumed, true);
      assert.equal(resumed.tickets.created, 42);
      assert.equal(resumed.created.users, 0);
      assert.deepEqual(await snapshotImport(server.handle.db), expected);
      resumeRequests = stub.requests.slice(start);
    });

    test('resume skips written tickets', () => {
      assert.equal(resumeRequests.filter((label) => label.includes('/Ticket_User?')).length, 42);
    });

    test('resume skips reference lists', () => {
      assert.equal(resumeRequests.filter((label) => label.startsWith('GET /User?')).length, 0);
    });

    test('run ends as finished', async () => {
      const runs = await server.handle.db.selectFrom('import_runs').select(['id', 'status']).execute();
      assert.deepEqual(runs.map((run) => run.status), ['finished']);
    });
  });
});
