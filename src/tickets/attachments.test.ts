import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createEntity, createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { assertProblem, fieldMessage, lastAuditRow } from '../../test/helpers/world.js';
import { ELF_BYTES, filesUnder, multipartBody, MZ_BYTES, PNG_BYTES, upload } from './attachment-fixtures.js';
import { checkText, detectType } from './attachment-types.js';

describe('ticket attachments', () => {
  let server: TestServer;
  let dataDir: string;
  let attachmentsDir: string;
  let hospital: number;
  let nurse: Session;
  let otherNurse: Session;
  let tech: Session;
  let nobody: Session;

  const open = async (as: Session) => {
    const response = await server.call('POST', '/api/v1/tickets', { as, body: { description: 'Le scanner du service ne répond plus' } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: number }>().id;
  };
  const countRows = async () => {
    const row = await server.handle.db.selectFrom('ticket_attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  };

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-attachments-'));
    attachmentsDir = path.join(dataDir, 'attachments');
    server = await startTestServer({ GUICHET_DATA_DIR: dataDir });
    hospital = await createEntity(server, 'CH de Valbonne', server.rootEntityId);
    await createUser(server, 'ide.blanc', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Self-Service' }] });
    await createUser(server, 'ide.noir', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Self-Service' }] });
    await createUser(server, 'tech.vert', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Technicien' }] });
    await createUser(server, 'sans.droit', { entityId: hospital });
    nurse = await server.login('ide.blanc');
    otherNurse = await server.login('ide.noir');
    tech = await server.login('tech.vert');
    nobody = await server.login('sans.droit');
  });
  after(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('upload requires a session', async () => {
    const ticketId = await open(nurse);
    const response = await upload(server, undefined, ticketId, { name: 'capture.png', content: PNG_BYTES });
    assertProblem(response, 401, 'unauthenticated');
  });

  test('upload without file is rejected', async () => {
    const ticketId = await open(nurse);
    const { body, headers } = multipartBody([{ name: 'followupId', value: '1' }]);
    const response = await server.call('POST', `/api/v1/tickets/${ticketId}/attachments`, { as: nurse, body, headers });
    assert.equal(fieldMessage(response, 'file'), 'Joignez un fichier dans le champ « file ».');
  });

  test('invalid followupId is rejected', async () => {
    const ticketId = await open(nurse);
    const response = await upload(server, nurse, ticketId, { name: 'capture.png', content: PNG_BYTES }, { followupId: 'abc' });
    fieldMessage(response, 'followupId');
  });

  test('JSON body answers 415', async () => {
    const ticketId = await open(nurse);
    const response = await server.call('POST', `/api/v1/tickets/${ticketId}/attachments`, { as: nurse, body: { file: 'x' } });
    assertProblem(response, 415, 'multipart_required');
  });

  test('user without rights gets 403', async () => {
    const ticketId = await open(nurse);
    const response = await upload(server, nobody, ticketId, { name: 'capture.png', content: PNG_BYTES });
    assertProblem(response, 403, 'forbidden');
  });

  test('PNG round trip keeps bytes', async () => {
    const ticketId = await open(nurse);
    const name = 'capture écran n°1.png';
    const created = await upload(server, nurse, ticketId, { name, content: PNG_BYTES, contentType: 'application/pdf' });
    assert.equal(created.statusCode, 201, created.body);
    const view = created.json();
    assert.equal(view.name, name);
    assert.equal(view.size, PNG_BYTES.length);
    assert.equal(view.contentType, 'image/png');
    assert.equal(view.followupId, null);
    assert.equal(view.uploadedBy.id, nurse.userId);

    const list = await server.call('GET', `/api/v1/tickets/${ticketId}/attachments`, { as: tech });
    assert.deepEqual(list.json().map((item: { id: number }) => item.id), [view.id]);

    const download = await server.call('GET', `/api/v1/tickets/${ticketId}/attachments/${view.id}`, { as: nurse });
    assert.equal(download.statusCode, 200);
    assert.ok(download.rawPayload.equals(PNG_BYTES));
    assert.equal(download.headers['content-type'], 'image/png');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.equal(download.headers['content-security-policy'], 'sandbox');
    assert.equal(download.headers['content-disposition'], `attachment; filename="capture ecran n_1.png"; filename*=UTF-8''capture%20%C3%A9cran%20n%C2%B01.png`);

    const stored = await server.handle.db.selectFrom('ticket_attachments').select('storage_key').where('id', '=', view.id).executeTakeFirstOrThrow();
    assert.match(stored.storage_key, /^\d{4}\/\d{2}\/[0-9a-f]{32}$/);
    assert.ok(fs.readFileSync(path.join(attachmentsDir, stored.storage_key)).equals(PNG_BYTES));
    const audit = await lastAuditRow(server, 'ticket', ticketId);
    assert.equal(audit.action, 'ticket.attachment_add');
    assert.equal(audit.changes.attachmentId, view.id);
    assert.equal(audit.changes.name, name);
    assert.equal(audit.changes.size, PNG_BYTES.length);
  });

  test('50 MB upload answers 413', async () => {
    const ticketId = await open(nurse);
    const rowsBefore = await countRows();
    const filesBefore = filesUnder(attachmentsDir);
    const big = Buffer.concat([PNG_BYTES, Buffer.alloc(50 * 1024 * 1024, 0x41)]);
    const response = await upload(server, nurse, ticketId, { name: 'enorme.png', content: big });
    const problem = assertProblem(response, 413, 'attachment_too_large');
    assert.match(problem.detail, /20 Mo/);
    assert.equal(await countRows(), rowsBefore);
    assert.deepEqual(filesUnder(attachmentsDir), filesBefore);
  });

  test('executable named .pdf is rejected', async () => {
    const ticketId = await open(nurse);
    const rowsBefore = await countRows();
    const filesBefore = filesUnder(attachmentsDir);
    for (const content of [ELF_BYTES, MZ_BYTES]) {
      const response = await upload(server, nurse, ticketId, { name: 'compte-rendu.pdf', content, contentType: 'application/pdf' });
      const problem = assertProblem(response, 415, 'attachment_executable');
      assert.match(problem.detail, /compte-rendu\.pdf/);
    }
    assert.equal(await countRows(), rowsBefore);
    assert.deepEqual(filesUnder(attachmentsDir), filesBefore);
  });

  test('HTML and SVG are rejected', async () => {
    const ticketId = await open(nurse);
    const html = '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>';
    assertProblem(await upload(server, nurse, ticketId, { name: 'page.html', content: html, contentType: 'text/html' }), 415, 'attachment_type_rejected');
    assertProblem(await upload(server, nurse, ticketId, { name: 'notes.txt', content: html, contentType: 'text/plain' }), 415, 'attachment_active_content');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>';
    assertProblem(await upload(server, nurse, ticketId, { name: 'logo.png', content: svg, contentType: 'image/png' }), 415, 'attachment_type_rejected');
    assertProblem(await upload(server, nurse, ticketId, { name: 'logo.txt', content: svg }), 415, 'attachment_active_content');
  });

  test('PNG named .pdf is rejected', async () => {
    const ticketId = await open(nurse);
    const response = await upload(server, nurse, ticketId, { name: 'scan.pdf', content: PNG_BYTES });
    const problem = assertProblem(response, 415, 'attachment_extension_mismatch');
    assert.match(problem.detail, /png, jpg/);
  });

  test('CSV with accents is accepted', async () => {
    const ticketId = await open(nurse);
    const response = await upload(server, nurse, ticketId, { name: 'postes.csv', content: 'poste;étage\nPC-IOA-01;rez-de-chaussée\n' });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().contentType, 'text/csv; charset=utf-8');
  });

  test('empty file is rejected', async () => {
    const ticketId = await open(nurse);
    fieldMessage(await upload(server, nurse, ticketId, { name: 'vide.txt', content: '' }), 'file');
  });

  test('other requester gets 404', async () => {
    const ticketId = await open(nurse);
    const created = (await upload(server, nurse, ticketId, { name: 'capture.png', content: PNG_BYTES })).json<{ id: number }>();
    assertProblem(await server.call('GET', `/api/v1/tickets/${ticketId}/attachments/${created.id}`, { as: otherNurse }), 404, 'not_found');
    assertProblem(await server.call('GET', `/api/v1/tickets/${ticketId}/attachments`, { as: otherNurse }), 404, 'not_found');
    assertProblem(await upload(server, otherNurse, ticketId, { name: 'capture.png', content: PNG_BYTES }), 404, 'not_found');
  });

  test('private followup attachment is hidden', async () => {
    const ticketId = await open(nurse);
    const followup = await server.call('POST', `/api/v1/tickets/${ticketId}/followups`, { as: tech, body: { content: 'Configuration réseau du poste', isPrivate: true } });
    assert.equal(followup.statusCode, 201, followup.body);
    const row = await server.handle.db.selectFrom('ticket_followups').select('id').where('ticket_id', '=', ticketId).where('is_private', '=', 1).executeTakeFirstOrThrow();
    const created = await upload(server, tech, ticketId, { name: 'config.txt', content: 'ip=10.0.0.12\n' }, { followupId: String(row.id) });
    assert.equal(created.statusCode, 201, created.body);
    const attachmentId = created.json<{ id: number; followupId: number }>().id;
    assert.equal(created.json().followupId, row.id);

    const requesterList = await server.call('GET', `/api/v1/tickets/${ticketId}/attachments`, { as: nurse });
    assert.equal(requesterList.statusCode, 200);
    assert.deepEqual(requesterList.json(), []);
    assertProblem(await server.call('GET', `/api/v1/tickets/${ticketId}/attachments/${attachmentId}`, { as: nurse }), 404, 'not_found');
    assertProblem(await upload(server, nurse, ticketId, { name: 'a.txt', content: 'a' }, { followupId: String(row.id) }), 404, 'not_found');
    const technicianDownload = await server.call('GET', `/api/v1/tickets/${ticketId}/attachments/${attachmentId}`, { as: tech });
    assert.equal(technicianDownload.statusCode, 200);
    assert.equal(technicianDownload.body, 'ip=10.0.0.12\n');
  });

  test('closed ticket refuses attachments', async () => {
    await server.handle.db.updateTable('entities').set({ autoclose_days: 0 }).where('id', '=', hospital).execute();
    const ticketId = await open(nurse);
    const solved = await server.call('POST', `/api/v1/tickets/${ticketId}/solution`, { as: tech, body: { content: 'Scanner redémarré' } });
    assert.equal(solved.json().status, 'closed');
    await server.handle.db.updateTable('entities').set({ autoclose_days: null }).where('id', '=', hospital).execute();
    assertProblem(await upload(server, nurse, ticketId, { name: 'capture.png', content: PNG_BYTES }), 409, 'ticket_closed');
  });

  test('delete by uploader or updater', async () => {
    const ticketId = await open(nurse);
    const created = (await upload(server, tech, ticketId, { name: 'journal.log', content: 'erreur 0x80070005\n' })).json<{ id: number }>();
    const url = `/api/v1/tickets/${ticketId}/attachments/${created.id}`;
    const stored = await server.handle.db.selectFrom('ticket_attachments').select('storage_key').where('id', '=', created.id).executeTakeFirstOrThrow();

    assertProblem(await server.call('DELETE', url), 401, 'unauthenticated');
    assertProblem(await server.call('DELETE', `/api/v1/tickets/${ticketId}/attachments/abc`, { as: tech }), 400, 'validation_failed');
    assertProblem(await server.call('DELETE', url, { as: nobody }), 403, 'forbidden');
    assertProblem(await server.call('DELETE', url, { as: nurse }), 403, 'forbidden');
    const deleted = await server.call('DELETE', url, { as: tech });
    assert.equal(deleted.statusCode, 204, deleted.body);
    assert.equal(fs.existsSync(path.join(attachmentsDir, stored.storage_key)), false);
    assertProblem(await server.call('GET', url, { as: tech }), 404, 'not_found');
    const audit = await lastAuditRow(server, 'ticket', ticketId);
    assert.equal(audit.action, 'ticket.attachment_delete');
    assert.equal(audit.changes.name, 'journal.log');
  });

  test('requester deletes own upload', async () => {
    const ticketId = await open(nurse);
    const created = (await upload(server, nurse, ticketId, { name: 'capture.png', content: PNG_BYTES })).json<{ id: number }>();
    const deleted = await server.call('DELETE', `/api/v1/tickets/${ticketId}/attachments/${created.id}`, { as: nurse });
    assert.equal(deleted.statusCode, 204, deleted.body);
  });

  test('download and list need a session', async () => {
    const ticketId = await open(nurse);
    assertProblem(await server.call('GET', `/api/v1/tickets/${ticketId}/attachments`), 401, 'unauthenticated');
    assertProblem(await server.call('GET', `/api/v1/tickets/${ticketId}/attachments/1`), 401, 'unauthenticated');
    assertProblem(await server.call('GET', `/api/v1/tickets/${ticketId}/attachments/x`, { as: nurse }), 400, 'validation_failed');
    assertProblem(await server.call('GET', `/api/v1/tickets/${ticketId}/attachments`, { as: nobody }), 403, 'forbidden');
  });
});

describe('attachment type detection', () => {
  test('signatures decide the type', () => {
    assert.equal(detectType(PNG_BYTES, 'a.PNG').verdict, 'accepted');
    assert.equal(detectType(Buffer.from('%PDF-1.7\n'), 'a.pdf').verdict, 'accepted');
    assert.equal(detectType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]), 'a.docx').verdict, 'accepted');
    assert.equal(detectType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]), 'a.zip').verdict, 'rejected');
    assert.equal(detectType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.xls').verdict, 'accepted');
    assert.equal(detectType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'setup.msi').verdict, 'rejected');
    assert.equal(detectType(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'a.txt').verdict, 'executable');
    assert.equal(detectType(Buffer.from('echo off'), 'run.bat').verdict, 'rejected');
  });

  test('text must be clean UTF-8', () => {
    assert.equal(checkText(Buffer.from('Température : 21 °C\n')), 'text');
    assert.equal(checkText(Buffer.from([0x61, 0x00, 0x62])), 'rejected');
    assert.equal(checkText(Buffer.from([0xc3, 0x28])), 'rejected');
    assert.equal(checkText(Buffer.from('journal\n<iframe src="x">')), 'active_content');
  });
});
