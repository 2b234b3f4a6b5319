import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createEntity, createUser, type Session, startTestServer, type TestServer } from '../../test/helpers/server.js';

describe('ticket life', () => {
  let server: TestServer;
  let hospital: number;
  let ehpad: number;
  let nurse: Session;
  let otherNurse: Session;
  let ehpadNurse: Session;
  let n1: Session;
  let n2: Session;
  let n2GroupId: number;

  const open = async (as: Session, body: Record<string, unknown> = {}) => {
    const response = await server.call('POST', '/api/v1/tickets', { as, body: { description: 'Le poste de soins ne démarre plus', ...body } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: number; status: string; title: string; priority: number }>();
  };

  before(async () => {
    server = await startTestServer();
    hospital = await createEntity(server, 'CH de Valbonne', server.rootEntityId);
    ehpad = await createEntity(server, 'EHPAD Les Tilleuls', server.rootEntityId, 'ehpad');
    await createUser(server, 'nurse', { entityId: hospital, jobProfile: 'infirmier', assignments: [{ entityId: hospital, profile: 'Self-Service' }] });
    await createUser(server, 'nurse2', { entityId: hospital, assignments: [{ entityId: hospital, profile: 'Self-Service' }] });
    await createUser(server, 'nurse3', { entityId: ehpad, assignments: [{ entityId: ehpad, profile: 'Self-Service' }] });
    await createUser(server, 'tech1', { entityId: hospital, jobProfile: 'technicien', assignments: [{ entityId: hospital, profile: 'Technicien' }] });
    await createUser(server, 'tech2', { entityId: hospital, jobProfile: 'technicien', assignments: [{ entityId: hospital, profile: 'Technicien' }] });
    nurse = await server.login('nurse');
    otherNurse = await server.login('nurse2');
    ehpadNurse = await server.login('nurse3');
    n1 = await server.login('tech1');
    n2 = await server.login('tech2');
    const group = await server.call('POST', '/api/v1/groups', { as: server.admin, body: { entityId: hospital, name: 'Support N2', isSupport: true, level: 'N2' } });
    n2GroupId = group.json<{ id: number }>().id;
  });
  after(() => server.close());

  test('create requires a session', async () => {
    const response = await server.call('POST', '/api/v1/tickets', { body: { description: 'x' } });
    assert.equal(response.statusCode, 401);
  });

  test('empty title comes from the description', async () => {
    const ticket = await open(nurse, { description: '  Écran   noir au poste IOA\n depuis ce matin, impossible de se connecter au dossier patient informatisé' });
    assert.equal(ticket.title, 'Écran noir au poste IOA depuis ce matin, impossible de se connecter au');
    assert.equal(ticket.title.length, 70);
    assert.equal(ticket.status, 'new');
    assert.equal(ticket.priority, 3);
  });

  test('script in a title is rejected', async () => {
    const before = await server.handle.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const response = await server.call('POST', '/api/v1/tickets', { as: nurse, body: { title: '<script>alert(1)</script>', description: 'x' } });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'title');
    const afterCount = await server.handle.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });

  test('state conflict is worded in French', async () => {
    const ticket = await open(n1);
    const response = await server.call('PATCH', `/api/v1/tickets/${ticket.id}`, { as: n1, body: { status: 'solved' } });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().detail, 'Action impossible sur ce ticket : proposez une solution pour résoudre un ticket.');
    const english = await server.call('PATCH', `/api/v1/tickets/${ticket.id}`, { as: n1, body: { status: 'solved' }, headers: { 'accept-language': 'en' } });
    assert.equal(english.json().detail, 'This action is not possible on this ticket: propose a solution to solve a ticket.');
  });

  test('unknown status value is rejected', async () => {
    const ticket = await open(n1);
    const response = await server.call('PATCH', `/api/v1/tickets/${ticket.id}`, { as: n1, body: { status: 'archived' } });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'status');
  });

  test('requester cannot see another ticket', async () => {
    const ticket = await open(nurse);
    for (const url of [`/api/v1/tickets/${ticket.id}`, `/api/v1/tickets/${ticket.id}/history`, `/api/v1/tickets/${ticket.id}/timeline`]) {
      const response = await server.call('GET', url, { as: otherNurse });
      assert.equal(response.statusCode, 404, url);
    }
    const list = await server.call('GET', '/api/v1/tickets', { as: otherNurse });
    assert.equal(list.json().items.some((item: { id: number }) => item.id === ticket.id), false);
    const own = await server.call('GET', '/api/v1/tickets', { as: nurse });
    assert.ok(own.json().items.some((item: { id: number }) => item.id === ticket.id));
  });

  test('technician of another entity sees nothing', async () => {
    const ticket = await open(ehpadNurse);
    const response = await server.call('GET', `/api/v1/tickets/${ticket.id}`, { as: n1 });
    assert.equal(response.statusCode, 404);
    const list = await server.call('GET', `/api/v1/tickets?entityId=${ehpad}`, { as: n1 });
    assert.equal(list.json().total, 0);
  });

  test('take, unassign, back to Nouveau', async () => {
    const ticket = await open(nurse);
    const taken = await server.call('POST', `/api/v1/tickets/${ticket.id}/take`, { as: n1 });
    assert.equal(taken.statusCode, 200, taken.body);
    assert.equal(taken.json().status, 'assigned');
    assert.ok(taken.json().takenAt);
    const removed = await server.call('DELETE', `/api/v1/tickets/${ticket.id}/assignees/user/${n1.userId}`, { as: n1 });
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(removed.json().status, 'new');
  });

  test('escalation needs a reason', async () => {
    const ticket = await open(nurse);
    const missing = await server.call('POST', `/api/v1/tickets/${ticket.id}/escalations`, { as: n1, body: { toLevel: 'N2' } });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().errors[0].field, 'reason');
  });

  test('self-service cannot assign', async () => {
    const ticket = await open(nurse);
    const response = await server.call('POST', `/api/v1/tickets/${ticket.id}/assignees`, { as: nurse, body: { userId: n1.userId } });
    assert.equal(response.statusCode, 403);
  });

  test('whole life with refusal and approval', async () => {
    const ticket = await open(nurse, { title: 'Imprimante bloquée en Stérilisation' });
    await server.call('POST', `/api/v1/tickets/${ticket.id}/take`, { as: n1 });

    const escalated = await server.call('POST', `/api/v1/tickets/${ticket.id}/escalations`, { as: n1, body: { toLevel: 'N2', reason: 'Droits sur le partage à corriger', groupId: n2GroupId } });
    assert.equal(escalated.statusCode, 200, escalated.body);
    assert.equal(escalated.json().level, 'N2');
    assert.deepEqual(escalated.json().assignedGroups.map((group: { id: number }) => group.id), [n2GroupId]);

    const privateNote = await server.call('POST', `/api/v1/tickets/${ticket.id}/followups`, { as: n2, body: { content: 'Mot de passe admin local : voir coffre', isPrivate: true } });
    assert.equal(privateNote.statusCode, 201, privateNote.body);
    const task = await server.call('POST', `/api/v1/tickets/${ticket.id}/tasks`, { as: n2, body: { content: 'Prise en main à distance', durationSeconds: 900, mode: 'remote', state: 'done' } });
    assert.equal(task.json().actionSeconds, 900);

    const solved = await server.call('POST', `/api/v1/tickets/${ticket.id}/solution`, { as: n2, body: { content: 'File d’impression purgée', solutionType: 'Intervention à distance' } });
    assert.equal(solved.json().status, 'solved');
    assert.ok(solved.json().solvedAt);

    const refusalWithoutComment = await server.call('POST', `/api/v1/tickets/${ticket.id}/approval`, { as: nurse, body: { approved: false } });
    assert.equal(refusalWithoutComment.statusCode, 400);
    const technicianApproves = await server.call('POST', `/api/v1/tickets/${ticket.id}/approval`, { as: n2, body: { approved: true } });
    assert.equal(technicianApproves.statusCode, 403);

    const refused = await server.call('POST', `/api/v1/tickets/${ticket.id}/approval`, { as: nurse, body: { approved: false, comment: 'Toujours bloquée' } });
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal(refused.json().status, 'assigned');
    assert.equal(refused.json().solvedAt, null);

    const timeline = await server.call('GET', `/api/v1/tickets/${ticket.id}/timeline`, { as: nurse });
    const items = timeline.json<{ kind: string; isPrivate: boolean; details: { status?: string } }[]>();
    assert.equal(items.some((item) => item.isPrivate), false, 'requester sees no private item');
    assert.equal(items.find((item) => item.kind === 'solution')?.details.status, 'refused');
    const technicianTimeline = await server.call('GET', `/api/v1/tickets/${ticket.id}/timeline`, { as: n2 });
    assert.equal(technicianTimeline.json().some((item: { isPrivate: boolean }) => item.isPrivate), true);

    await server.call('POST', `/api/v1/tickets/${ticket.id}/solution`, { as: n2, body: { content: 'Pilote réinstallé' } });
    const approved = await server.call('POST', `/api/v1/tickets/${ticket.id}/approval`, { as: nurse, body: { approved: true } });
    assert.equal(approved.json().status, 'closed');
    assert.ok(approved.json().closedAt);

    const history = await server.call('GET', `/api/v1/tickets/${ticket.id}/history`, { as: server.admin });
    const actions = history.json<{ action: string }[]>().map((row) => row.action);
    assert.deepEqual(actions, ['ticket.create', 'ticket.assign', 'ticket.escalate', 'ticket.followup', 'ticket.task', 'ticket.solve', 'ticket.refuse', 'ticket.solve', 'ticket.approve']);
    const requesterHistory = await server.call('GET', `/api/v1/tickets/${ticket.id}/history`, { as: nurse });
    assert.equal(requesterHistory.json().some((row: { action: string }) => row.action === 'ticket.followup'), false);
  });

  test('waiting needs a reason, requester answer reopens', async () => {
    const ticket = await open(nurse);
    await server.call('POST', `/api/v1/tickets/${ticket.id}/take`, { as: n1 });
    const noReason = await server.call('PATCH', `/api/v1/tickets/${ticket.id}`, { as: n1, body: { status: 'waiting' } });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().errors[0].field, 'waitingReason');
    const waiting = await server.call('PATCH', `/api/v1/tickets/${ticket.id}`, { as: n1, body: { status: 'waiting', waitingReason: 'Attente de la pièce' } });
    assert.equal(waiting.json().status, 'waiting');
    const answer = await server.call('POST', `/api/v1/tickets/${ticket.id}/followups`, { as: nurse, body: { content: 'La pièce est arrivée' } });
    assert.equal(answer.json().status, 'assigned');
    assert.equal(answer.json().waitingReason, null);
  });

  test('planned task moves to planifié', async () => {
    const ticket = await open(nurse);
    await server.call('POST', `/api/v1/tickets/${ticket.id}/take`, { as: n1 });
    const task = await server.call('POST', `/api/v1/tickets/${ticket.id}/tasks`, {
      as: n1,
      body: { content: 'Passage sur site', mode: 'on_site', plannedStart: '2026-12-07T08:00:00+01:00', plannedEnd: '2026-12-07T09:00:00+01:00' },
    });
    assert.equal(task.json().status, 'planned');
  });

  test('entity delay 0 closes at once', async () => {
    await server.handle.db.updateTable('entities').set({ autoclose_days: 0 }).where('id', '=', ehpad).execute();
    const ticket = await open(ehpadNurse);
    const admin = await server.call('POST', `/api/v1/tickets/${ticket.id}/solution`, { as: server.admin, body: { content: 'Réglé' } });
    assert.equal(admin.json().status, 'closed');
  });

  test('forbidden transition answers 409', async () => {
    await server.handle.db
      .updateTable('profiles')
      .set({ forbidden_transitions: JSON.stringify({ assigned: ['waiting'] }) })
      .where('name', '=', 'Technicien')
      .execute();
    const ticket = await open(nurse);
    await server.call('POST', `/api/v1/tickets/${ticket.id}/take`, { as: n1 });
    const response = await server.call('PATCH', `/api/v1/tickets/${ticket.id}`, { as: n1, body: { status: 'waiting', waitingReason: 'x' } });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().code, 'transition_forbidden');
    await server.handle.db.updateTable('profiles').set({ forbidden_transitions: '{}' }).where('name', '=', 'Technicien').execute();
  });

  test('manual priority needs right and reason', async () => {
    const ticket = await open(nurse);
    const technician = await server.call('PATCH', `/api/v1/tickets/${ticket.id}`, { as: n1, body: { priority: 6, overrideReason: 'Bloc à l’arrêt' } });
    assert.equal(technician.statusCode, 403);
    const noReason = await server.call('PATCH', `/api/v1/tickets/${ticket.id}`, { as: server.admin, body: { priority: 6 } });
    assert.equal(noReason.statusCode, 400);
    const major = await server.call('PATCH', `/api/v1/tickets/${ticket.id}`, { as: server.admin, body: { priority: 6, overrideReason: 'Bloc à l’arrêt' } });
    assert.equal(major.json().priority, 6);
    const matrix = await server.call('PATCH', `/api/v1/tickets/${ticket.id}`, { as: n1, body: { urgency: 5, impact: 4 } });
    assert.equal(matrix.json().priority, 5);
  });

  test('criticality grid suggestion is stored', async () => {
    const ticket = await server.call('POST', '/api/v1/tickets', {
      as: n1,
      body: { description: 'Plus aucun poste ne démarre au bloc', criticality: { scope: 'whole_service', service: 'Bloc opératoire', profile: 'infirmier', site: 'hospital', patientCare: 'interrupted' } },
    });
    assert.equal(ticket.statusCode, 201, ticket.body);
    assert.equal(ticket.json().urgency, 5);
    assert.ok(ticket.json().criticality.explanation.fr.some((line: string) => line.includes('Bloc opératoire')));
    const override = await server.call('POST', '/api/v1/tickets', {
      as: n1,
      body: { description: 'x', urgency: 2, criticality: { scope: 'one_user', profile: 'administratif', site: 'ehpad', patientCare: 'unaffected' } },
    });
    assert.equal(override.statusCode, 400);
    assert.equal(override.json().errors[0].field, 'overrideReason');
  });

  test('list totals match the rows shown', async () => {
    // A ticket in the EHPAD that tech1 requested: visible to tech1 only as its requester.
    const onBehalf = await server.call('POST', '/api/v1/tickets', { as: server.admin, body: { description: 'Badge refusé', entityId: ehpad, requesterId: n1.userId } });
    assert.equal(onBehalf.statusCode, 201, onBehalf.body);
    const lists = ['', '?status=new', '?status=new,assigned,closed', `?entityId=${ehpad}`, `?entityId=${hospital},${ehpad}&status=new`, `?entityId=${hospital}`];
    for (const session of [n1, nurse, ehpadNurse, server.admin]) {
      for (const filters of lists) {
        const separator = filters === '' ? '?' : '&';
        const response = await server.call('GET', `/api/v1/tickets${filters}${separator}perPage=200`, { as: session });
        assert.equal(response.statusCode, 200, response.body);
        const body = response.json<{ items: unknown[]; total: number }>();
        assert.equal(body.total, body.items.length, `user ${session.userId} ${filters}`);
      }
    }
    const own = await server.call('GET', `/api/v1/tickets?entityId=${ehpad}`, { as: n1 });
    assert.equal(own.json().total, 1);
  });

  test('pages cover both visibility rules', async () => {
    // tech1 reads the hospital's tickets and, as requester, one EHPAD ticket, so both rules interleave.
    const all = await server.call('GET', '/api/v1/tickets?sort=openedAt&order=asc&perPage=200', { as: n1 });
    const expected = all.json<{ items: { id: number; entityId: number }[] }>().items.map((item) => item.id);
    assert.ok(all.json<{ items: { entityId: number }[] }>().items.some((item) => item.entityId === ehpad));
    const byOffset: number[] = [];
    for (let page = 1; byOffset.length < expected.length && page < 100; page += 1) {
      const response = await server.call('GET', `/api/v1/tickets?sort=openedAt&order=asc&perPage=4&page=${page}`, { as: n1 });
      byOffset.push(...response.json<{ items: { id: number }[] }>().items.map((item) => item.id));
    }
    assert.deepEqual(byOffset, expected);
    const byCursor: number[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 100; guard += 1) {
      const url: string = `/api/v1/tickets?sort=openedAt&order=asc&perPage=4${cursor === null ? '' : `&after=${cursor}`}`;
      const body = (await server.call('GET', url, { as: n1 })).json<{ items: { id: number }[]; nextCursor: string | null }>();
      byCursor.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
      if (cursor === null) break;
    }
    assert.deepEqual(byCursor, expected);
  });

  test('text search ignores accents and case', async () => {
    await open(nurse, { title: 'Messagerie bloquée au Bloc opératoire' });
    const response = await server.call('GET', '/api/v1/tickets?q=BLOQUEE%20au%20bloc%20operatoire', { as: n1 });
    assert.ok(response.json().total >= 1);
  });
});

describe('ticket list paging', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
    for (let index = 0; index < 7; index += 1) {
      const response = await server.call('POST', '/api/v1/tickets', { as: server.admin, body: { title: `Poste ${index}`, description: 'Écran bleu' } });
      assert.equal(response.statusCode, 201);
    }
  });
  after(() => server.close());

  test('keyset pages cover every ticket once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 10; guard += 1) {
      const url: string = `/api/v1/tickets?sort=id&order=desc&perPage=3${cursor === null ? '' : `&after=${cursor}`}`;
      const page = await server.call('GET', url, { as: server.admin });
      assert.equal(page.statusCode, 200, page.body);
      const body = page.json<{ items: { id: number }[]; nextCursor: string | null; total: number }>();
      assert.equal(body.total, 7);
      seen.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
      if (cursor === null) break;
    }
    assert.equal(seen.length, 7);
    assert.deepEqual([...seen].sort((a, b) => b - a), seen);
  });

  test('bad cursor answers 400', async () => {
    const response = await server.call('GET', '/api/v1/tickets?after=not-a-cursor', { as: server.admin });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'after');
  });

  test('default page has 15 rows', async () => {
    const response = await server.call('GET', '/api/v1/tickets', { as: server.admin });
    assert.equal(response.json().perPage, 15);
  });
});

describe('saved searches', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('saved searches need a session', async () => {
    const response = await server.call('GET', '/api/v1/saved-searches');
    assert.equal(response.statusCode, 401);
  });

  test('invalid parameters are rejected', async () => {
    const response = await server.call('POST', '/api/v1/saved-searches', { as: server.admin, body: { name: 'Mes urgents', query: { status: 'archived' } } });
    assert.equal(response.statusCode, 400);
  });

  test('save, list, duplicate, delete', async () => {
    const created = await server.call('POST', '/api/v1/saved-searches', { as: server.admin, body: { name: 'Urgents en attente', query: { status: 'waiting', priority: '4,5' } } });
    assert.equal(created.statusCode, 201, created.body);
    const duplicate = await server.call('POST', '/api/v1/saved-searches', { as: server.admin, body: { name: 'Urgents en attente', query: {} } });
    assert.equal(duplicate.statusCode, 409);
    const list = await server.call('GET', '/api/v1/saved-searches', { as: server.admin });
    assert.deepEqual(list.json()[0].query, { status: 'waiting', priority: '4,5' });
    await createUser(server, 'other.saved', { assignments: [{ entityId: server.rootEntityId, profile: 'Self-Service' }] });
    const other = await server.login('other.saved');
    const foreign = await server.call('DELETE', `/api/v1/saved-searches/${created.json().id}`, { as: other });
    assert.equal(foreign.statusCode, 404);
    const removed = await server.call('DELETE', `/api/v1/saved-searches/${created.json().id}`, { as: server.admin });
    assert.equal(removed.statusCode, 204);
  });
});

describe('criticality defaults', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('profile and site come from the requester', async () => {
    const ehpad = await createEntity(server, 'EHPAD du Parc', server.rootEntityId, 'ehpad');
    await createUser(server, 'aide.soignante', { entityId: ehpad, jobProfile: 'infirmier', assignments: [{ entityId: ehpad, profile: 'Self-Service' }] });
    const session = await server.login('aide.soignante');
    const response = await server.call('POST', '/api/v1/tickets', { as: session, body: { description: 'Tablette de soins bloquée', criticality: { scope: 'one_user', patientCare: 'degraded' } } });
    assert.equal(response.statusCode, 201, response.body);
    const answers = response.json<{ criticality: { answers: { profile: string; site: string } } }>().criticality.answers;
    assert.equal(answers.profile, 'infirmier');
    assert.equal(answers.site, 'ehpad');
  });
});

describe('planning', () => {
  let server: TestServer;
  let requester: Session;
  before(async () => {
    server = await startTestServer();
    await createUser(server, 'nurse.planning', { assignments: [{ entityId: server.rootEntityId, profile: 'Self-Service' }] });
    requester = await server.login('nurse.planning');
  });
  after(() => server.close());

  test('planning needs a session', async () => {
    const response = await server.call('GET', '/api/v1/planning?from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z');
    assert.equal(response.statusCode, 401);
  });

  test('planning rejects reversed periods', async () => {
    const response = await server.call('GET', '/api/v1/planning?from=2026-12-14T00:00:00Z&to=2026-12-07T00:00:00Z', { as: server.admin });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'to');
  });

  test('requester has no planning', async () => {
    const response = await server.call('GET', '/api/v1/planning?from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z', { as: requester });
    assert.equal(response.statusCode, 403);
  });

  test('planned task appears in its week', async () => {
    const created = await server.call('POST', '/api/v1/tickets', { as: server.admin, body: { description: 'Installer le poste du nouvel interne' } });
    const id = created.json<{ id: number }>().id;
    await server.call('POST', `/api/v1/tickets/${id}/tasks`, {
      as: server.admin,
      body: { content: 'Installation sur site', mode: 'on_site', plannedStart: '2026-12-08T09:00:00+01:00', plannedEnd: '2026-12-08T10:30:00+01:00' },
    });
    const week = await server.call('GET', '/api/v1/planning?from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z', { as: server.admin });
    assert.equal(week.statusCode, 200, week.body);
    assert.equal(week.json().length, 1);
    assert.equal(week.json()[0].ticketId, id);
    const other = await server.call('GET', '/api/v1/planning?from=2026-12-14T00:00:00Z&to=2026-12-21T00:00:00Z', { as: server.admin });
    assert.equal(other.json().length, 0);
  });
});
