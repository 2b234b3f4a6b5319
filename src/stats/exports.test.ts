import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { createEntity, createUser, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { addSurvey, openTicket, renameUser, setTimeline } from './test-helpers.js';

// March 2025 in Paris, the admin's time zone: CET until 30 March, CEST after.
const URL_CSV = '/api/v1/stats/report.csv?from=2025-03-01T00:00:00%2B01:00&to=2025-04-01T00:00:00%2B02:00&groupBy=technician';
const URL_PDF = URL_CSV.replace('report.csv', 'report.pdf');

/** Extracts the text of a PDF with poppler's pdftotext, in content order, with whitespace runs collapsed. */
function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('statistics exports', () => {
  let server: TestServer;
  let technician: number;

  before(async () => {
    server = await startTestServer();
    const hospital = await createEntity(server, 'CH de Valbonne', server.rootEntityId);
    await createUser(server, 'nurse', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Self-Service' }] });
    technician = await createUser(server, 'tech-a', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Technicien' }] });
    await renameUser(server, technician, 'Hélène', 'Dupré');
    const nurse = await server.login('nurse');

    // Two tickets of the technician closed in March: action times 5400 + 3934771 = 3940171 s = 1094:29:31,
    // solve delays (36000 + 7200) / 2 = 21600 s = 06:00:00, ratings (4 + 3) / 2 = 3.5.
    const first = await openTicket(server, nurse, { entityId: hospital, technicians: [technician] });
    const second = await openTicket(server, nurse, { entityId: hospital, technicians: [technician] });
    await setTimeline(server, first, { status: 'closed', opened_at: '2025-03-03T08:00:00.000Z', solved_at: '2025-03-05T10:00:00.000Z', solve_delay_seconds: 36000, ttr_late: 0, closed_at: '2025-03-06T10:00:00.000Z', action_seconds: 5400 });
    await setTimeline(server, second, { status: 'closed', opened_at: '2025-03-10T08:00:00.000Z', solved_at: '2025-03-11T10:00:00.000Z', solve_delay_seconds: 7200, ttr_late: 1, closed_at: '2025-03-12T10:00:00.000Z', action_seconds: 3934771 });
    await addSurvey(server, first, '2025-03-06T10:00:00.000Z', 4);
    await addSurvey(server, second, '2025-03-12T10:00:00.000Z', 3);
  });
  after(() => server.close());

  test('CSV bytes follow GLPI', async () => {
    const response = await server.call('GET', URL_CSV, { as: server.admin });
    assert.equal(response.statusCode, 200, response.body);
    const bytes = response.rawPayload;
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.equal(response.headers['content-disposition'], 'attachment; filename="statistiques-tickets-par-technicien-du-2025-03-01-au-2025-03-31.csv"');

    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    assert.equal(lines.at(-1), '');
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
    const header = lines[0]?.split(';') ?? [];
    assert.equal(header[0], 'Technicien assigné');
    assert.equal(header[1], 'Nombre de tickets ouverts');
    assert.equal(header[5], "Nombre d'enquêtes de satisfaction ouvertes");
    assert.equal(header[9], 'Délai moyen de résolution');
    assert.equal(header[12], 'Durée réelle de traitement du ticket');
    const row = lines.find((line) => line.startsWith('Dupré Hélène;'));
    assert.ok(row, text);
    assert.ok(row.includes(';1094:29:31'), row);
    assert.ok(row.includes(';3,5;'), row);
    assert.ok(row.includes(';06:00:00;'), row);
  });

  test('CSV parses back', async () => {
    const response = await server.call('GET', URL_CSV, { as: server.admin });
    const records = parse<Record<string, string>>(response.rawPayload, { bom: true, delimiter: ';', columns: true });
    const row = records.find((record) => record['Technicien assigné'] === 'Dupré Hélène');
    assert.ok(row);
    assert.equal(row['Nombre de tickets fermés'], '2');
    assert.equal(row['Nombre de tickets en retard'], '1');
    assert.equal(row['Satisfaction moyenne'], '3,5');
    assert.equal(row['Durée réelle de traitement du ticket'], '1094:29:31');
    // 3940171 / 2 = 1970085.5 s, written 1970085 s because GLPI's exports drop the fraction.
    assert.equal(row['Durée réelle moyenne de traitement du ticket'], '547:14:45');
    assert.equal(row['Délai moyen de prise en compte'], '');
  });

  test('CSV headers in English', async () => {
    const response = await server.call('GET', URL_CSV, { as: server.admin, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const records = parse<Record<string, string>>(response.rawPayload, { bom: true, delimiter: ';', columns: true });
    const row = records.find((record) => record['Assigned technician'] === 'Dupré Hélène');
    assert.ok(row);
    assert.equal(row['Number of closed tickets'], '2');
    assert.equal(row['Average satisfaction'], '3.5');
  });

  test('CSV requires stats:read', async () => {
    await createUser(server, 'tech-b', { assignments: [{ entityId: server.rootEntityId, profile: 'Technicien', recursive: true }] });
    const response = await server.call('GET', URL_CSV, { as: await server.login('tech-b') });
    assert.equal(response.statusCode, 403);
  });

  test('PDF is A4 landscape', async () => {
    const response = await server.call('GET', URL_PDF, { as: server.admin });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.equal(response.headers['content-disposition'], 'attachment; filename="statistiques-tickets-par-technicien-du-2025-03-01-au-2025-03-31.pdf"');
    const bytes = response.rawPayload;
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(bytes.toString('latin1'), /\/MediaBox \[0 0 841\.89 595\.28\]/);
  });

  test('PDF text keeps accents', async () => {
    const response = await server.call('GET', URL_PDF, { as: server.admin });
    const text = pdfText(response.rawPayload);
    assert.ok(text.includes('Statistiques des tickets'), text);
    assert.ok(text.includes('Technicien assigné, du 1 mars 2025 au 31 mars 2025'), text);
    assert.ok(text.includes('Délai moyen de résolution'), text);
    assert.ok(text.includes('Dupré Hélène'), text);
    assert.ok(text.includes('1094:29:31'), text);
  });
});
