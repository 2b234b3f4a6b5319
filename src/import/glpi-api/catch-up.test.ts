import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer } from '../../../test/helpers/server.js';
import type { TestServer } from '../../../test/helpers/server.js';
import { SYSTEM_CONTEXT } from '../../audit/audit.js';
import { verifyAuditChain } from '../../audit/verify.js';
import { importGlpiApi } from './importer.js';
import type { GlpiApiImportReport } from './importer.js';
import type { RecordedExchange } from './replay-server.js';
import { startReplayServer } from './replay-server.js';
import { Recording } from './testing.js';
import type { Row } from './testing.js';

const CHANGED_TICKET = 14230;

/**
 * Returns the recording as GLPI would respond after ticket 14230 changed: new priority and modification
 * date, its first followup edited and its second one deleted.
 */
function changedExchanges(exchanges: readonly RecordedExchange[]): RecordedExchange[] {
  const copy = structuredClone(exchanges) as RecordedExchange[];
  for (const exchange of copy) {
    if (exchange.path === '/Ticket' && Array.isArray(exchange.body)) {
      for (const ticket of exchange.body as Row[]) {
        if (ticket.id !== CHANGED_TICKET) continue;
        ticket.priority = 5;
        ticket.date_mod = '2026-12-04 10:00:00';
      }
    }
    if (exchange.path === `/Ticket/${CHANGED_TICKET}/ITILFollowup` && Array.isArray(exchange.body)) {
      const [first] = exchange.body as Row[];
      if (first !== undefined) first.content = '&#60;p&#62;Texte corrigé.&#60;/p&#62;';
      exchange.body = first === undefined ? [] : [first];
    }
  }
  return copy;
}

describe('GLPI API import catch-up', () => {
  const recording = new Recording();
  let server: TestServer;
  let report: GlpiApiImportReport;
  let ticketId: number;

  before(async () => {
    server = await startTestServer();
    const original = await startReplayServer(recording.exchanges);
    await importGlpiApi(server.handle, { url: original.url, userToken: original.userToken, entityId: 1, actor: SYSTEM_CONTEXT });
    await original.close();

    const changed = await startReplayServer(changedExchanges(recording.exchanges));
    report = await importGlpiApi(server.handle, { url: changed.url, userToken: changed.userToken, entityId: 1, actor: SYSTEM_CONTEXT });
    await changed.close();
    ticketId = (await server.handle.db.selectFrom('tickets').select('id').where('external_ref', '=', `glpi:${CHANGED_TICKET}`).executeTakeFirstOrThrow()).id;
  });
  after(() => server.close());

  test('only changed ticket updated', () => {
    assert.equal(report.tickets.updated, 1);
    assert.equal(report.tickets.created, 0);
    assert.equal(report.tickets.unchanged, 61);
  });

  test('ticket updated in place', async () => {
    const tickets = await server.handle.db.selectFrom('tickets').select(['id', 'priority']).where('external_ref', 'like', 'glpi:%').execute();
    assert.equal(tickets.length, 62);
    assert.equal(tickets.find((ticket) => ticket.id === ticketId)?.priority, 5);
  });

  test('edited followup updated', async () => {
    const followups = await server.handle.db.selectFrom('ticket_followups').select('content').where('ticket_id', '=', ticketId).execute();
    assert.deepEqual(followups.map((followup) => followup.content), ['Texte corrigé.']);
  });

  test('deleted followup removed', async () => {
    const removed = recording.list(`/Ticket/${CHANGED_TICKET}/ITILFollowup`)[1];
    const ref = await server.handle.db.selectFrom('import_refs').select('local_id').where('record_type', '=', 'followup').where('external_id', '=', String(removed?.id)).executeTakeFirst();
    assert.equal(ref, undefined);
    const audit = await server.handle.db.selectFrom('audit_log').select('changes').where('action', '=', 'ticket_followup.import').execute();
    assert.equal(audit.filter((row) => (JSON.parse(row.changes) as { outcome: string }).outcome === 'deleted').length, 1);
  });

  test('actors not duplicated', async () => {
    const actors = await server.handle.db.selectFrom('ticket_actors').select('id').where('ticket_id', '=', ticketId).execute();
    assert.equal(actors.length, recording.list(`/Ticket/${CHANGED_TICKET}/Ticket_User`).length + recording.list(`/Ticket/${CHANGED_TICKET}/Group_Ticket`).length);
  });

  test('audit chain verifies', async () => {
    assert.equal((await verifyAuditChain(server.handle.db)).ok, true);
  });
});
