import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createEntity, createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { assertProblem, fieldMessage, lastAuditRow } from '../../test/helpers/world.js';
import { PNG_BYTES, upload } from './attachment-fixtures.js';

describe('ticket links and merge', () => {
  let server: TestServer;
  let dataDir: string;
  let hospital: number;
  let ehpad: number;
  let nurse: Session;
  let tech: Session;
  let ehpadTech: Session;
  let supervisor: Session;

  const open = async (as: Session, description = 'Téléphone du poste de soins muet') => {
    const response = await server.call('POST', '/api/v1/tickets', { as, body: { description } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: number }>().id;
  };
  const linksUrl = (ticketId: number) => `/api/v1/tickets/${ticketId}/links`;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-links-'));
    server = await startTestServer({ GUICHET_DATA_DIR: dataDir });
    hospital = await createEntity(server, 'CH de Valbonne', server.rootEntityId);
    ehpad = await createEntity(server, 'EHPAD Les Pins', server.rootEntityId, 'ehpad');
    await createUser(server, 'ide.jaune', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Self-Service' }] });
    await createUser(server, 'tech.orange', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Technicien' }] });
    await createUser(server, 'tech.ehpad', { entityId: ehpad, assignments: [{ entityId: ehpad, profile: 'Technicien' }] });
    await createUser(server, 'sup.violet', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Superviseur' }] });
    nurse = await server.login('ide.jaune');
    tech = await server.login('tech.orange');
    ehpadTech = await server.login('tech.ehpad');
    supervisor = await server.login('sup.violet');
  });
  after(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('link routes need a session', async () => {
    const ticketId = await open(nurse);
    assertProblem(await server.call('GET', linksUrl(ticketId)), 401, 'unauthenticated');
    assertProblem(await server.call('POST', linksUrl(ticketId), { body: { ticketId: 1, kind: 'related' } }), 401, 'unauthenticated');
    assertProblem(await server.call('DELETE', `${linksUrl(ticketId)}/1`), 401, 'unauthenticated');
    assertProblem(await server.call('POST', `/api/v1/tickets/${ticketId}/merge`, { body: { intoTicketId: 1 } }), 401, 'unauthenticated');
  });

  test('invalid link bodies are rejected', async () => {
    const first = await open(nurse);
    const second = await open(nurse);
    fieldMessage(await server.call('POST', linksUrl(first), { as: tech, body: { ticketId: second, kind: 'sibling' } }), 'kind');
    fieldMessage(await server.call('POST', linksUrl(first), { as: tech, body: { kind: 'related' } }), 'ticketId');
    const self = fieldMessage(await server.call('POST', linksUrl(first), { as: tech, body: { ticketId: first, kind: 'related' } }), 'ticketId');
    assert.equal(self, 'Un ticket ne peut pas être lié ou fusionné avec lui-même.');
  });

  test('requester cannot link tickets', async () => {
    const first = await open(nurse);
    const second = await open(nurse);
    assertProblem(await server.call('POST', linksUrl(first), { as: nurse, body: { ticketId: second, kind: 'related' } }), 403, 'forbidden');
  });

  test('invisible ticket answers 404', async () => {
    const mine = await open(tech);
    const ehpadTicket = await open(ehpadTech);
    assertProblem(await server.call('POST', linksUrl(mine), { as: tech, body: { ticketId: ehpadTicket, kind: 'related' } }), 404, 'not_found');
  });

  test('parent link reads from both sides', async () => {
    const child = await open(nurse);
    const parent = await open(tech, 'Panne générale de l’autocommutateur');
    const created = await server.call('POST', linksUrl(child), { as: tech, body: { ticketId: parent, kind: 'parent' } });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().ticketId, parent);
    assert.equal(created.json().kind, 'parent');

    const fromParent = await server.call('GET', linksUrl(parent), { as: tech });
    assert.deepEqual(fromParent.json().map((link: { ticketId: number; kind: string }) => [link.ticketId, link.kind]), [[child, 'child']]);
    const fromChild = await server.call('GET', linksUrl(child), { as: nurse });
    assert.deepEqual(fromChild.json(), [], 'the requester does not see the technician’s ticket');

    assertProblem(await server.call('POST', linksUrl(parent), { as: tech, body: { ticketId: child, kind: 'related' } }), 409, 'link_exists');
    assert.equal((await lastAuditRow(server, 'ticket', parent)).action, 'ticket.link_add');
    assert.equal((await lastAuditRow(server, 'ticket', child)).changes.kind, 'parent');
  });

  test('related link upgrades to duplicate', async () => {
    const first = await open(nurse);
    const second = await open(nurse);
    const related = await server.call('POST', linksUrl(first), { as: tech, body: { ticketId: second, kind: 'related' } });
    const upgraded = await server.call('POST', linksUrl(second), { as: tech, body: { ticketId: first, kind: 'duplicate' } });
    assert.equal(upgraded.statusCode, 201, upgraded.body);
    assert.equal(upgraded.json().id, related.json().id);
    assert.equal(upgraded.json().kind, 'duplicate');
  });

  test('delete link needs update right', async () => {
    const first = await open(nurse);
    const second = await open(nurse);
    const link = (await server.call('POST', linksUrl(first), { as: tech, body: { ticketId: second, kind: 'related' } })).json<{ id: number }>();
    assertProblem(await server.call('DELETE', `${linksUrl(first)}/x`, { as: tech }), 400, 'validation_failed');
    assertProblem(await server.call('DELETE', `${linksUrl(first)}/${link.id}`, { as: nurse }), 403, 'forbidden');
    const deleted = await server.call('DELETE', `${linksUrl(second)}/${link.id}`, { as: tech });
    assert.equal(deleted.statusCode, 204, deleted.body);
    assert.deepEqual((await server.call('GET', linksUrl(first), { as: tech })).json(), []);
    assert.equal((await lastAuditRow(server, 'ticket', first)).action, 'ticket.link_delete');
  });

  test('merge needs the merge right', async () => {
    const source = await open(nurse);
    const target = await open(nurse);
    assertProblem(await server.call('POST', `/api/v1/tickets/${source}/merge`, { as: tech, body: { intoTicketId: target } }), 403, 'forbidden');
    fieldMessage(await server.call('POST', `/api/v1/tickets/${source}/merge`, { as: supervisor, body: { intoTicketId: source } }), 'intoTicketId');
    fieldMessage(await server.call('POST', `/api/v1/tickets/${source}/merge`, { as: supervisor, body: {} }), 'intoTicketId');
  });

  test('merge moves items and keeps history', async () => {
    const source = await open(nurse, 'Le téléphone de la salle de soins 2 ne sonne plus');
    const target = await open(tech, 'Panne de l’autocommutateur du bâtiment B');
    const followup = await server.call('POST', `/api/v1/tickets/${source}/followups`, { as: nurse, body: { content: 'Toujours aucune tonalité ce matin' } });
    assert.equal(followup.statusCode, 201, followup.body);
    const task = await server.call('POST', `/api/v1/tickets/${source}/tasks`, { as: tech, body: { content: 'Test de la ligne', durationSeconds: 600, state: 'done' } });
    assert.equal(task.statusCode, 201, task.body);
    const attachment = await upload(server, nurse, source, { name: 'photo.png', content: PNG_BYTES });
    assert.equal(attachment.statusCode, 201, attachment.body);
    const before = await server.handle.db.selectFrom('ticket_followups').select(['id', 'author_id', 'created_at']).where('ticket_id', '=', source).execute();

    const merged = await server.call('POST', `/api/v1/tickets/${source}/merge`, { as: supervisor, body: { intoTicketId: target } });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal(merged.json().id, target);
    assert.equal(merged.json().actionSeconds, 600);
    assert.ok(merged.json().observers.some((observer: { id: number }) => observer.id === nurse.userId));

    const moved = await server.handle.db.selectFrom('ticket_followups').select(['id', 'author_id', 'created_at', 'ticket_id']).where('id', 'in', before.map((row) => row.id)).execute();
    assert.deepEqual(moved.map((row) => ({ id: row.id, author_id: row.author_id, created_at: row.created_at })), before);
    assert.ok(moved.every((row) => row.ticket_id === target));
    const timeline = (await server.call('GET', `/api/v1/tickets/${target}/timeline`, { as: supervisor })).json<{ kind: string; content: string }[]>();
    assert.ok(timeline.some((item) => item.kind === 'task' && item.content === 'Test de la ligne'));
    assert.ok(timeline.some((item) => item.kind === 'followup' && item.content.startsWith(`Ticket n° ${source} fusionné dans ce ticket`)));
    const download = await server.call('GET', `/api/v1/tickets/${target}/attachments/${attachment.json().id}`, { as: nurse });
    assert.ok(download.rawPayload.equals(PNG_BYTES));

    const closed = await server.call('GET', `/api/v1/tickets/${source}`, { as: supervisor });
    assert.equal(closed.json().status, 'closed');
    assert.equal(closed.json().actionSeconds, 0);
    const sourceTimeline = (await server.call('GET', `/api/v1/tickets/${source}/timeline`, { as: supervisor })).json<{ content: string }[]>();
    assert.deepEqual(sourceTimeline.map((item) => item.content), [`Ticket fusionné dans le ticket n° ${target}.`]);
    const links = (await server.call('GET', linksUrl(source), { as: supervisor })).json<{ ticketId: number; kind: string }[]>();
    assert.deepEqual(links.map((link) => [link.ticketId, link.kind]), [[target, 'duplicate']]);

    const sourceAudit = await lastAuditRow(server, 'ticket', source);
    assert.equal(sourceAudit.action, 'ticket.merged_into');
    assert.equal(sourceAudit.changes.intoTicketId, target);
    assert.equal(sourceAudit.changes.followups, 1);
    const targetAudit = await lastAuditRow(server, 'ticket', target);
    assert.equal(targetAudit.action, 'ticket.merged_from');
    assert.equal(targetAudit.changes.fromTicketId, source);
    assertProblem(await server.call('POST', `/api/v1/tickets/${source}/merge`, { as: supervisor, body: { intoTicketId: target } }), 409, 'ticket_closed');
  });
});
