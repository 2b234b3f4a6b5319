import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createEntity, createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { assertProblem, fieldMessage, lastAuditRow } from '../../test/helpers/world.js';
import { isSurveyed } from './satisfaction.js';

describe('satisfaction survey', () => {
  let server: TestServer;
  let hospital: number;
  let nurse: Session;
  let otherNurse: Session;
  let tech: Session;
  let nobody: Session;

  /** Opens a ticket as the nurse and closes it at once (the entity's delay before closing is 0). */
  const closedTicket = async (entityId = hospital) => {
    const created = await server.call('POST', '/api/v1/tickets', { as: nurse, body: { description: 'Le lecteur de badge ne répond plus', entityId } });
    assert.equal(created.statusCode, 201, created.body);
    const ticketId = created.json<{ id: number }>().id;
    const solved = await server.call('POST', `/api/v1/tickets/${ticketId}/solution`, { as: tech, body: { content: 'Lecteur remplacé' } });
    assert.equal(solved.json().status, 'closed', solved.body);
    return ticketId;
  };
  const url = (ticketId: number) => `/api/v1/tickets/${ticketId}/satisfaction`;

  before(async () => {
    server = await startTestServer();
    hospital = await createEntity(server, 'CH de Valbonne', server.rootEntityId);
    await server.handle.db.updateTable('entities').set({ autoclose_days: 0 }).where('id', '=', hospital).execute();
    await createUser(server, 'ide.rose', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Self-Service' }] });
    await createUser(server, 'ide.gris', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Self-Service' }] });
    await createUser(server, 'tech.bleu', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Technicien' }] });
    await createUser(server, 'sans.droit', { entityId: hospital });
    nurse = await server.login('ide.rose');
    otherNurse = await server.login('ide.gris');
    tech = await server.login('tech.bleu');
    nobody = await server.login('sans.droit');
  });
  after(() => server.close());

  test('survey routes need a session', async () => {
    const ticketId = await closedTicket();
    assertProblem(await server.call('GET', url(ticketId)), 401, 'unauthenticated');
    assertProblem(await server.call('PUT', url(ticketId), { body: { rating: 4 } }), 401, 'unauthenticated');
  });

  test('rating outside 1-5 is rejected', async () => {
    const ticketId = await closedTicket();
    fieldMessage(await server.call('PUT', url(ticketId), { as: nurse, body: { rating: 6 } }), 'rating');
    fieldMessage(await server.call('PUT', url(ticketId), { as: nurse, body: { rating: 0 } }), 'rating');
    fieldMessage(await server.call('PUT', url(ticketId), { as: nurse, body: { rating: 3, comment: '<script>x</script>' } }), 'comment');
  });

  test('user without rights gets 403', async () => {
    const ticketId = await closedTicket();
    assertProblem(await server.call('GET', url(ticketId), { as: nobody }), 403, 'forbidden');
    assertProblem(await server.call('PUT', url(ticketId), { as: nobody, body: { rating: 4 } }), 403, 'forbidden');
  });

  test('requester answers, technician reads', async () => {
    const ticketId = await closedTicket();
    const opened = await server.call('GET', url(ticketId), { as: nurse });
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(opened.json().rating, null);
    assert.equal(opened.json().expired, false);
    const ticket = await server.handle.db.selectFrom('tickets').select('closed_at').where('id', '=', ticketId).executeTakeFirstOrThrow();
    assert.equal(opened.json().closedAt, ticket.closed_at);
    assert.equal(Date.parse(opened.json().expiresAt) - Date.parse(opened.json().closedAt), 30 * 86_400_000);

    const answered = await server.call('PUT', url(ticketId), { as: nurse, body: { rating: 4, comment: 'Intervention rapide' } });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().rating, 4);
    assert.equal(answered.json().comment, 'Intervention rapide');
    assert.ok(answered.json().answeredAt);

    const read = await server.call('GET', url(ticketId), { as: tech });
    assert.equal(read.json().rating, 4);
    assert.equal(read.json().comment, 'Intervention rapide');
    const audit = await lastAuditRow(server, 'ticket', ticketId);
    assert.equal(audit.action, 'ticket.satisfaction');
    assert.deepEqual(audit.changes.rating, [null, 4]);
    assert.equal('comment' in audit.changes, false);
  });

  test('second answer updates the first', async () => {
    const ticketId = await closedTicket();
    const first = await server.call('PUT', url(ticketId), { as: nurse, body: { rating: 2 } });
    const second = await server.call('PUT', url(ticketId), { as: nurse, body: { rating: 5, comment: 'Finalement réglé' } });
    assert.equal(second.statusCode, 200, second.body);
    assert.equal(second.json().rating, 5);
    assert.equal(second.json().answeredAt, first.json().answeredAt);
    const rows = await server.handle.db.selectFrom('ticket_satisfactions').select('id').where('ticket_id', '=', ticketId).execute();
    assert.equal(rows.length, 1);
    assert.deepEqual((await lastAuditRow(server, 'ticket', ticketId)).changes.rating, [2, 5]);
  });

  test('only the requester answers', async () => {
    const ticketId = await closedTicket();
    assertProblem(await server.call('PUT', url(ticketId), { as: tech, body: { rating: 5 } }), 403, 'survey_requester_only');
    assertProblem(await server.call('GET', url(ticketId), { as: otherNurse }), 404, 'not_found');
    assertProblem(await server.call('PUT', url(ticketId), { as: otherNurse, body: { rating: 1 } }), 404, 'not_found');
  });

  test('observer cannot read the survey', async () => {
    const created = await server.call('POST', '/api/v1/tickets', { as: nurse, body: { description: 'Badge refusé', observerIds: [otherNurse.userId] } });
    const ticketId = created.json<{ id: number }>().id;
    await server.call('POST', `/api/v1/tickets/${ticketId}/solution`, { as: tech, body: { content: 'Badge réactivé' } });
    assertProblem(await server.call('GET', url(ticketId), { as: otherNurse }), 403, 'survey_forbidden');
  });

  test('open ticket has no survey', async () => {
    const created = await server.call('POST', '/api/v1/tickets', { as: nurse, body: { description: 'Souris défectueuse' } });
    const ticketId = created.json<{ id: number }>().id;
    assertProblem(await server.call('GET', url(ticketId), { as: nurse }), 409, 'survey_not_open');
    assertProblem(await server.call('PUT', url(ticketId), { as: nurse, body: { rating: 3 } }), 409, 'survey_not_open');
  });

  test('answer after the delay is refused', async () => {
    const ticketId = await closedTicket();
    const longAgo = new Date(Date.now() - 31 * 86_400_000).toISOString();
    await server.handle.db.updateTable('tickets').set({ closed_at: longAgo, solved_at: longAgo }).where('id', '=', ticketId).execute();
    const read = await server.call('GET', url(ticketId), { as: nurse });
    assert.equal(read.json().expired, true);
    assertProblem(await server.call('PUT', url(ticketId), { as: nurse, body: { rating: 3 } }), 409, 'survey_expired');
  });

  test('rate 0 entity has no survey', async () => {
    const ehpad = await createEntity(server, 'EHPAD Les Cèdres', server.rootEntityId, 'ehpad');
    await server.handle.db.updateTable('entities').set({ autoclose_days: 0 }).where('id', '=', ehpad).execute();
    await server.handle.db.withTables<{ entities: { satisfaction_rate: number } }>().updateTable('entities').set({ satisfaction_rate: 0 }).where('id', '=', ehpad).execute();
    await server.handle.db.insertInto('user_entities').values({ user_id: nurse.userId, entity_id: ehpad, profile_id: (await server.handle.db.selectFrom('profiles').select('id').where('name', '=', 'Self-Service').executeTakeFirstOrThrow()).id }).execute();
    await server.handle.db.insertInto('user_entities').values({ user_id: tech.userId, entity_id: ehpad, profile_id: (await server.handle.db.selectFrom('profiles').select('id').where('name', '=', 'Technicien').executeTakeFirstOrThrow()).id }).execute();
    const ticketId = await closedTicket(ehpad);
    assertProblem(await server.call('GET', url(ticketId), { as: nurse }), 404, 'not_found');
  });

  test('reclosing resets the survey', async () => {
    const ticketId = await closedTicket();
    await server.call('PUT', url(ticketId), { as: nurse, body: { rating: 1 } });
    const later = new Date(Date.now() + 60_000).toISOString();
    await server.handle.db.updateTable('tickets').set({ closed_at: later }).where('id', '=', ticketId).execute();
    const read = await server.call('GET', url(ticketId), { as: nurse });
    assert.equal(read.json().rating, null);
    assert.equal(read.json().closedAt, later);
  });
});

describe('survey sampling', () => {
  test('rate bounds are exact', () => {
    for (let id = 1; id <= 200; id += 1) {
      assert.equal(isSurveyed(id, 100), true);
      assert.equal(isSurveyed(id, 0), false);
    }
  });

  test('half rate draws about half', () => {
    const drawn = Array.from({ length: 2000 }, (_, index) => isSurveyed(index + 1, 50)).filter(Boolean).length;
    assert.ok(drawn > 850, `drawn ${drawn} of 2000`);
    assert.ok(drawn < 1150, `drawn ${drawn} of 2000`);
    assert.equal(isSurveyed(1234, 50), isSurveyed(1234, 50));
  });
});
