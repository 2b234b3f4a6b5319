import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { LightMyRequestResponse } from 'fastify';
import { DateTime } from 'luxon';
import { startTestServer } from '../../../test/helpers/server.js';
import type { TestServer } from '../../../test/helpers/server.js';
import { SYSTEM_CONTEXT } from '../../audit/audit.js';
import { verifyAuditChain } from '../../audit/verify.js';
import { FIGURE_DEFINITIONS, FIGURES } from '../../stats/figures.js';
import type { Figure, Figures } from '../../stats/figures.js';
import { readGlpiSample } from '../importer-testing.js';
import { importGlpiApi } from './importer.js';
import type { GlpiApiImportReport } from './importer.js';
import { startReplayServer } from './replay-server.js';
import type { ReplayServer } from './replay-server.js';
import { localIdOf, Recording, snapshotImport } from './testing.js';
import type { Row } from './testing.js';

const STATUS = ['', 'new', 'assigned', 'planned', 'waiting', 'solved', 'closed'];
const TASK_STATE: Record<number, string> = { 0: 'info', 1: 'todo', 2: 'done' };

/** Converts a GLPI wall-clock date of Paris to the ISO instant Guichet stores, apart from the importer's code. */
function instant(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  return DateTime.fromFormat(value, 'yyyy-MM-dd HH:mm:ss', { zone: 'Europe/Paris' }).toUTC().toISO();
}

const logins = (rows: Row[], type: number) =>
  rows
    .filter((row) => row.type === type)
    .map((row) => (typeof row.users_id === 'string' ? row.users_id : String(row.alternative_email)))
    .sort();

/** GLPI 10's headers in its per-technician statistics export, for each figure of Guichet's report. */
const GLPI_HEADERS: Readonly<Record<Figure, string>> = {
  opened: 'Nombre de tickets ouverts',
  solved: 'Nombre de tickets résolus',
  late: 'Nombre de tickets en retard',
  closed: 'Nombre de tickets fermés',
  surveysSent: "Nombre d'enquêtes de satisfaction ouvertes",
  surveysAnswered: 'Nombre de réponses aux enquête de satisfaction',
  averageRating: 'Satisfaction moyenne',
  averageTakeDelaySeconds: 'Delai moyen de prise en compte',
  averageSolveDelaySeconds: 'Délai moyen de résolution',
  averageCloseDelaySeconds: 'Délai moyen de fermeture',
  averageActionSeconds: 'Durée réelle moyenne de traitement du ticket',
  totalActionSeconds: 'Durée réelle de traitement du ticket',
};

/** GLPI's statistics export of GH Luberon, 2025-06-01 to 2026-12-04: each row's cells by figure, keyed by the name GLPI shows. */
function readGlpiStatistics(): Map<string, Record<Figure, string>> {
  const records: string[][] = parse(readGlpiSample('stat-technicien-luberon.csv'), { delimiter: ';', bom: true, relax_column_count: true });
  const [header, ...rows] = records;
  const result = new Map<string, Record<Figure, string>>();
  for (const row of rows) {
    const cells = Object.fromEntries(FIGURES.map((figure) => [figure, row[header?.indexOf(GLPI_HEADERS[figure]) ?? -1] ?? ''])) as Record<Figure, string>;
    result.set(row[0] ?? '', cells);
  }
  return result;
}

/** Reads a cell of GLPI's export as the report's number: seconds for HH:MM:SS, null for the `&nbsp;` GLPI writes for a rating without any answered survey. */
function glpiValue(figure: Figure, text: string): number | null {
  if (FIGURE_DEFINITIONS[figure].kind !== 'duration') return text === '&nbsp;' ? null : Number(text);
  const match = /^(\d+):(\d{2}):(\d{2})$/.exec(text);
  assert.ok(match, `${figure}: duration ${text}`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/**
 * Brings a report value to the precision of GLPI's export: GLPI drops the fraction of a second of
 * an average, writes 00:00:00 where no ticket gives a value, and rounds ratings to one decimal.
 */
function atGlpiPrecision(figure: Figure, value: number | null): number | null {
  switch (FIGURE_DEFINITIONS[figure].kind) {
    case 'duration':
      return Math.floor(value ?? 0);
    case 'rating':
      return value === null ? null : Math.round(value * 10) / 10;
    default:
      return value;
  }
}

describe('GLPI API import', () => {
  const recording = new Recording();
  let server: TestServer;
  let stub: ReplayServer;
  let report: GlpiApiImportReport;
  const progress: string[] = [];

  before(async () => {
    server = await startTestServer();
    stub = await startReplayServer(recording.exchanges);
    report = await importGlpiApi(server.handle, { url: stub.url, userToken: stub.userToken, entityId: 1, actor: SYSTEM_CONTEXT, onProgress: (line) => progress.push(line) });
  });
  after(async () => {
    await stub.close();
    await server.close();
  });

  test('only recorded calls made', () => {
    assert.deepEqual(stub.unmatched, []);
    assert.ok(stub.requests.length > 0);
  });

  test('progress lines printed', () => {
    assert.ok(progress.some((line) => line.startsWith('Ticket: 62/62')), progress.join('\n'));
    assert.equal(progress.at(-1), 'Import finished.');
  });

  test('reference counts match GLPI', async () => {
    const { db } = server.handle;
    for (const [type, path] of [['entity', '/Entity'], ['location', '/Location'], ['user', '/User'], ['group', '/Group'], ['category', '/ITILCategory']] as const) {
      const refs = await db.selectFrom('import_refs').select('local_id').where('record_type', '=', type).execute();
      assert.equal(refs.length, recording.list(path).length, `${type} mapped`);
      assert.equal(new Set(refs.map((ref) => ref.local_id)).size, refs.length, `${type} mapped to distinct records`);
    }
    assert.equal(recording.list('/Entity').length, 4);
    assert.equal(recording.list('/User').length, 30);
  });

  test('entities and categories keep paths', async () => {
    const { db } = server.handle;
    for (const entity of recording.list('/Entity')) {
      const local = await db.selectFrom('entities').select('complete_name').where('id', '=', (await localIdOf(db, 'entity', entity.id)) ?? -1).executeTakeFirst();
      assert.equal(local?.complete_name.split(' > ').slice(1).join(' > '), String(entity.completename).split(' > ').slice(1).join(' > '));
    }
    for (const category of recording.list('/ITILCategory')) {
      const local = await db.selectFrom('categories').select('complete_name').where('id', '=', (await localIdOf(db, 'category', category.id)) ?? -1).executeTakeFirst();
      assert.equal(local?.complete_name, category.completename);
    }
  });

  test('users keep logins and names', async () => {
    for (const user of recording.list('/User')) {
      const local = await server.handle.db.selectFrom('users').selectAll().where('id', '=', (await localIdOf(server.handle.db, 'user', user.id)) ?? -1).executeTakeFirstOrThrow();
      assert.equal(local.login, user.name);
      if (typeof user.realname === 'string') assert.equal(local.last_name, user.realname, `${String(user.name)} last name`);
      if (typeof user.firstname === 'string') assert.equal(local.first_name, user.firstname, `${String(user.name)} first name`);
      assert.equal(local.password_hash, null);
    }
  });

  test('group memberships imported', async () => {
    const memberships = await server.handle.db.selectFrom('group_members').select(['group_id']).execute();
    assert.equal(memberships.length, recording.list('/Group_User').length);
  });

  test('tickets match recorded JSON', async () => {
    const snapshot = await snapshotImport(server.handle.db);
    assert.equal(snapshot.tickets?.length, recording.tickets().length);
    assert.equal(recording.tickets().length, 62);
    for (const ticket of recording.tickets()) {
      const local = await server.handle.db.selectFrom('tickets').selectAll().where('external_ref', '=', `glpi:${String(ticket.id)}`).executeTakeFirstOrThrow();
      const label = `ticket ${String(ticket.id)}`;
      assert.equal(local.status, STATUS[Number(ticket.status)], `${label} status`);
      assert.equal(local.priority, ticket.priority, `${label} priority`);
      assert.equal(local.urgency, ticket.urgency, `${label} urgency`);
      assert.equal(local.type, ticket.type === 2 ? 'request' : 'incident', `${label} type`);
      assert.equal(local.opened_at, instant(ticket.date), `${label} opened`);
      assert.equal(local.taken_at, instant(ticket.takeintoaccountdate), `${label} taken`);
      assert.equal(local.solved_at, instant(ticket.solvedate), `${label} solved`);
      assert.equal(local.closed_at, instant(ticket.closedate), `${label} closed`);
      assert.equal(local.action_seconds, ticket.actiontime, `${label} action time`);
      assert.equal(local.waiting_seconds, ticket.waiting_duration, `${label} waiting`);
      assert.equal(local.solve_delay_seconds, local.solved_at === null ? null : ticket.solve_delay_stat, `${label} solve delay`);
      assert.equal(local.close_delay_seconds, local.closed_at === null ? null : ticket.close_delay_stat, `${label} close delay`);
      assert.equal(local.take_delay_seconds, local.taken_at === null ? null : ticket.takeintoaccount_delay_stat, `${label} take delay`);
    }
  });

  test('special characters survive', async () => {
    const read = (glpiId: number) => server.handle.db.selectFrom('tickets').select(['title', 'description']).where('external_ref', '=', `glpi:${glpiId}`).executeTakeFirstOrThrow();
    const html = await read(14290);
    assert.equal(html.title, 'Transmissions ciblées : champ « Observation » tronqué (> 255 car.) ; texte & symboles <coupés>');
    assert.match(html.description, /les symboles < et > disparaissent & le texte/);
    assert.match(html.description, /\nExemple : T° > 38,5 ; SpO2 < 92 %$/);
    const plain = await read(14291);
    assert.match(plain.description, /idem bacs 2 & 3\.\n<pas de code erreur>$/);
  });

  test('requesters and technicians match', async () => {
    const snapshot = await snapshotImport(server.handle.db);
    const actors = (snapshot.actors ?? []).map((text) => JSON.parse(text) as { external_ref: string; role: string; login: string | null });
    for (const ticket of recording.tickets()) {
      const rows = recording.list(`/Ticket/${String(ticket.id)}/Ticket_User`);
      const local = (role: string) => actors.filter((actor) => actor.external_ref === `glpi:${String(ticket.id)}` && actor.role === role && actor.login !== null).map((actor) => actor.login).sort();
      assert.deepEqual(local('requester'), logins(rows, 1), `ticket ${String(ticket.id)} requesters`);
      assert.deepEqual(local('assigned'), logins(rows, 2), `ticket ${String(ticket.id)} technicians`);
      assert.deepEqual(local('observer'), logins(rows, 3), `ticket ${String(ticket.id)} observers`);
    }
  });

  test('private followups stay private', async () => {
    const followups = recording.subItems('ITILFollowup');
    assert.equal(followups.filter((row) => row.is_private === 1).length, 7);
    for (const followup of followups) {
      const local = await server.handle.db.selectFrom('ticket_followups').select(['is_private', 'created_at']).where('id', '=', (await localIdOf(server.handle.db, 'followup', followup.id)) ?? -1).executeTakeFirstOrThrow();
      assert.equal(local.is_private, followup.is_private, `followup ${String(followup.id)} privacy`);
      assert.equal(local.created_at, instant(followup.date), `followup ${String(followup.id)} date`);
    }
  });

  test('task durations and plans kept', async () => {
    const tasks = recording.subItems('TicketTask');
    assert.equal(tasks.length, 34);
    for (const task of tasks) {
      const local = await server.handle.db.selectFrom('ticket_tasks').selectAll().where('id', '=', (await localIdOf(server.handle.db, 'task', task.id)) ?? -1).executeTakeFirstOrThrow();
      assert.equal(local.duration_seconds, task.actiontime, `task ${String(task.id)} duration`);
      assert.equal(local.state, TASK_STATE[Number(task.state)], `task ${String(task.id)} state`);
      assert.equal(local.planned_start, instant(task.begin), `task ${String(task.id)} begin`);
      assert.equal(local.planned_end, instant(task.end), `task ${String(task.id)} end`);
      assert.equal(local.is_private, task.is_private, `task ${String(task.id)} privacy`);
    }
  });

  test('solutions keep their status', async () => {
    const solutions = recording.subItems('ITILSolution');
    const expected = { accepted: solutions.filter((row) => row.status === 3).length, refused: solutions.filter((row) => row.status === 4).length, waiting: solutions.filter((row) => row.status === 2).length };
    const rows = await server.handle.db.selectFrom('ticket_solutions').select('status').execute();
    assert.equal(rows.filter((row) => row.status === 'accepted').length, expected.accepted);
    assert.equal(rows.filter((row) => row.status === 'refused').length, expected.refused);
    assert.equal(rows.filter((row) => row.status === 'waiting').length, expected.waiting);
  });

  test('approvals keep their status', async () => {
    const validations = recording.subItems('TicketValidation');
    const rows = await server.handle.db.selectFrom('ticket_validations').select('status').execute();
    assert.equal(rows.length, validations.length);
    assert.equal(rows.filter((row) => row.status === 'accepted').length, validations.filter((row) => row.status === 3).length);
    assert.equal(rows.filter((row) => row.status === 'refused').length, validations.filter((row) => row.status === 4).length);
  });

  test('satisfaction answers kept', async () => {
    const surveys = recording.list('/TicketSatisfaction');
    const rows = await server.handle.db.selectFrom('ticket_satisfactions').innerJoin('tickets', 'tickets.id', 'ticket_satisfactions.ticket_id').select(['tickets.external_ref', 'rating', 'comment', 'answered_at']).execute();
    assert.equal(rows.length, surveys.length);
    assert.equal(surveys.filter((survey) => survey.satisfaction !== null).length, 8);
    for (const survey of surveys) {
      const ticketId = /\/Ticket\/(\d+)$/.exec(String((survey.links as { href: string }[])[0]?.href))?.[1];
      const local = rows.find((row) => row.external_ref === `glpi:${String(ticketId)}`);
      assert.equal(local?.rating, survey.satisfaction, `survey ${String(survey.id)} rating`);
      assert.equal(local?.answered_at, instant(survey.date_answered), `survey ${String(survey.id)} answer date`);
      assert.equal(local?.comment, survey.comment, `survey ${String(survey.id)} comment`);
    }
  });

  test('document metadata without bytes', async () => {
    const [document] = recording.exchanges.filter((exchange) => exchange.path === '/Document/1' && exchange.bodyEncoding === 'json').map((exchange) => exchange.body as Row);
    const bytes = recording.download('/Document/1');
    const rows = await server.handle.db.selectFrom('ticket_attachments').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.name, document?.filename);
    assert.equal(rows[0]?.content_type, document?.mime);
    assert.equal(rows[0]?.size_bytes, bytes.length);
    assert.equal(rows[0]?.sha256, createHash('sha256').update(bytes).digest('hex'));
  });

  test('links between tickets kept', async () => {
    const snapshot = await snapshotImport(server.handle.db);
    assert.deepEqual((snapshot.links ?? []).map((text) => JSON.parse(text) as unknown), [
      { first: 'glpi:14244', second: 'glpi:14246', kind: 'parent' },
      { first: 'glpi:14245', second: 'glpi:14246', kind: 'parent' },
      { first: 'glpi:14258', second: 'glpi:14259', kind: 'duplicate' },
    ]);
  });

  test('every record audited', async () => {
    const count = async (action: string) => (await server.handle.db.selectFrom('audit_log').select('seq').where('action', '=', action).execute()).length;
    assert.equal(await count('ticket.import'), 62);
    assert.equal(await count('ticket_followup.import'), recording.subItems('ITILFollowup').length);
    assert.equal(await count('ticket_task.import'), recording.subItems('TicketTask').length);
    assert.equal(await count('ticket_solution.import'), recording.subItems('ITILSolution').length);
    assert.equal(await count('ticket_satisfaction.import'), recording.list('/TicketSatisfaction').length);
  });

  test('audit chain verifies', async () => {
    const result = await verifyAuditChain(server.handle.db);
    assert.equal(result.ok, true);
  });

  /** Requests Guichet's report by technician, as JSON or as an export, over the period of GLPI's export. */
  async function technicianReport(path = '/api/v1/stats/report'): Promise<LightMyRequestResponse> {
    const from = DateTime.fromISO('2025-06-01', { zone: 'Europe/Paris' }).toUTC().toISO() ?? '';
    const to = DateTime.fromISO('2026-12-05', { zone: 'Europe/Paris' }).toUTC().toISO() ?? '';
    const response = await server.call('GET', `${path}?groupBy=technician&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { as: server.admin });
    assert.equal(response.statusCode, 200, response.body);
    return response;
  }

  /** Returns the report's figures keyed by row label, with '' for the row without technician as in GLPI's export. */
  async function figuresByTechnician(): Promise<Map<string, Figures>> {
    const rows = (await technicianReport()).json<{ rows: { key: unknown; label: string; figures: Figures }[] }>().rows;
    return new Map(rows.map((row) => [row.key === null ? '' : row.label, row.figures]));
  }

  /** Lists the recorded tickets where the login is an assigned technician. */
  function ticketsAssignedTo(login: string): Row[] {
    return recording.tickets().filter((ticket) => recording.list(`/Ticket/${String(ticket.id)}/Ticket_User`).some((row) => row.type === 2 && row.users_id === login));
  }

  test('per-technician statistics match GLPI', async () => {
    const glpi = readGlpiStatistics();
    const guichet = await figuresByTechnician();
    const technicians = [...glpi.keys()].filter((name) => name !== '').sort();
    assert.deepEqual(technicians, ['Benoît Sarah', 'Caron Olivier', 'Morel Yannick', 'Vasseur Léa']);
    assert.deepEqual([...guichet.keys()].filter((name) => name !== '').sort(), technicians);
    for (const name of technicians) {
      for (const figure of FIGURES) {
        // GLPI weights this average wrongly, so the next test checks Guichet's value instead.
        if (name === 'Morel Yannick' && figure === 'averageCloseDelaySeconds') continue;
        assert.equal(atGlpiPrecision(figure, guichet.get(name)?.[figure] ?? null), glpiValue(figure, glpi.get(name)?.[figure] ?? ''), `${name}: ${figure}`);
      }
    }
  });

  // GLPI 10 averages close delays per month of closing, multiplies each month's average by the
  // number of tickets *solved* in that month, and divides the sum by the number of tickets closed.
  // The result is the mean only when every ticket is solved and closed in the same month. Three of
  // Yannick Morel's tickets are not: 14236 (solved 2025-08, closed 2025-09), 14249 (2026-01,
  // 2026-02) and 14262 (2026-07, 2026-08, a month in which he solved nothing, so its 1,019,105 s
  // weigh zero). GLPI shows 48:37:05. Guichet keeps the mean of the 19 tickets closed in the period:
  // 5,401,524 s / 19 = 284,290.7 s, exported as 78:58:10.
  test('close delay mean, unlike GLPI', async () => {
    const inPeriod = (value: unknown) => typeof value === 'string' && value >= '2025-06-01 00:00:00' && value < '2026-12-05 00:00:00';
    const tickets = ticketsAssignedTo('ymorel');
    const solved = tickets.filter((ticket) => (ticket.status === 5 || ticket.status === 6) && inPeriod(ticket.solvedate));
    const closed = tickets.filter((ticket) => ticket.status === 6 && inPeriod(ticket.closedate));
    const month = (value: unknown) => String(value).slice(0, 7);
    assert.deepEqual(closed.filter((ticket) => month(ticket.solvedate) !== month(ticket.closedate)).map((ticket) => ticket.id), [14236, 14249, 14262]);

    const closeDelays = closed.map((ticket) => Number(ticket.close_delay_stat));
    assert.equal(closeDelays.length, 19);
    const mean = closeDelays.reduce((sum, delay) => sum + delay, 0) / closeDelays.length;
    assert.equal((await figuresByTechnician()).get('Morel Yannick')?.averageCloseDelaySeconds, mean);

    // GLPI's figure follows from its weighting, each month's product rounded to the second as GLPI does.
    let weighted = 0;
    for (const closingMonth of new Set(closed.map((ticket) => month(ticket.closedate)))) {
      const ofMonth = closed.filter((ticket) => month(ticket.closedate) === closingMonth);
      const monthAverage = ofMonth.reduce((sum, ticket) => sum + Number(ticket.close_delay_stat), 0) / ofMonth.length;
      weighted += Math.round(monthAverage * solved.filter((ticket) => month(ticket.solvedate) === closingMonth).length);
    }
    const glpiText = readGlpiStatistics().get('Morel Yannick')?.averageCloseDelaySeconds ?? '';
    assert.equal(glpiText, '48:37:05');
    assert.equal(glpiValue('averageCloseDelaySeconds', glpiText), Math.floor(weighted / closed.length));
  });

  // GLPI lists the tickets without an assigned technician in a row without a name, but fills that
  // row by selecting the tickets whose assignment row has no user, and an assignment row always has
  // one, so GLPI shows zeros. Guichet's row "Aucun technicien" counts them: 14285 (assigned to a
  // group only) and 14288 to 14292 (Nouveau), all opened in the period and none solved.
  test('row without technician, unlike GLPI', async () => {
    const glpiRow = readGlpiStatistics().get('');
    assert.ok(glpiRow);
    for (const figure of FIGURES) assert.equal(atGlpiPrecision(figure, glpiValue(figure, glpiRow[figure])), figure === 'averageRating' ? null : 0, `GLPI ${figure}`);

    const unassigned = recording.tickets().filter((ticket) => !recording.list(`/Ticket/${String(ticket.id)}/Ticket_User`).some((row) => row.type === 2));
    assert.deepEqual(unassigned.map((ticket) => ticket.id), [14285, 14288, 14289, 14290, 14291, 14292]);
    const row = (await figuresByTechnician()).get('');
    assert.ok(row);
    // No ticket of the row is solved or closed, so its averages are null and its other counts and total task time zero.
    for (const figure of FIGURES) {
      let expected: number | null = null;
      if (figure === 'opened') expected = unassigned.length;
      else if (FIGURE_DEFINITIONS[figure].kind === 'count' || figure === 'totalActionSeconds') expected = 0;
      assert.equal(row[figure], expected, figure);
    }
  });

  test('CSV export writes GLPI cells', async () => {
    const glpi = readGlpiStatistics();
    const response = await technicianReport('/api/v1/stats/report.csv');
    const records = parse<Record<string, string>>(response.rawPayload, { bom: true, delimiter: ';', columns: true });
    for (const record of records) {
      const name = record['Technicien assigné'] ?? '';
      // The previous test compares this row with GLPI's row without a name.
      if (name === 'Aucun technicien') continue;
      const cells = glpi.get(name);
      assert.ok(cells, `GLPI row of ${name}`);
      for (const figure of FIGURES) {
        const text = record[FIGURE_DEFINITIONS[figure].label.fr] ?? '';
        if (name === 'Morel Yannick' && figure === 'averageCloseDelaySeconds') {
          assert.equal(text, '78:58:10');
        } else if (figure === 'averageRating') {
          // Guichet writes a decimal comma and always one decimal ("3,0" where GLPI writes "3").
          assert.equal(Number(text.replace(',', '.')), Number(cells[figure]), `${name}: ${figure}`);
        } else {
          assert.equal(text, cells[figure], `${name}: ${figure}`);
        }
      }
    }
    assert.equal(records.length, glpi.size);
  });

  test('second run creates nothing', async () => {
    const before = await snapshotImport(server.handle.db);
    const head = await server.handle.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    const again = await importGlpiApi(server.handle, { url: stub.url, userToken: stub.userToken, entityId: 1, actor: SYSTEM_CONTEXT });
    assert.equal(again.tickets.created, 0);
    assert.equal(again.tickets.updated, 0);
    assert.equal(again.tickets.unchanged, 62);
    assert.deepEqual(Object.values(again.created), [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(await snapshotImport(server.handle.db), before);
    const headAfter = await server.handle.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    assert.equal(headAfter.seq, head.seq);
    assert.equal(report.tickets.created, 62);
    assert.deepEqual(stub.unmatched, []);
  });
});
