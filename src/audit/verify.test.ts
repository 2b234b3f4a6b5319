import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../../test/helpers/server.js';
import { countAuditRows } from '../../test/helpers/world.js';
import { hashAuditRow } from './chain.js';
import { verifyAuditChain, type VerifyResult } from './verify.js';

// Each case breaks the chain straight in the database, checks what the verifier reports, then
// restores the exact row so the next case starts from an intact chain again.
describe('audit chain verification', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    for (const name of ['Radiologie', 'Pharmacie', 'Cuisine', 'Blanchisserie']) {
      const created = await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: server.rootEntityId, name } });
      assert.equal(created.statusCode, 201);
    }
  });
  after(() => server.close());

  const rows = () => server.handle.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  const viaApi = async () => (await server.call('GET', '/api/v1/audit/verify', { as: server.admin })).json<VerifyResult>();

  async function assertBroken(kind: string, seq: number) {
    const direct = await verifyAuditChain(server.handle.db);
    assert.equal(direct.ok, false);
    assert.equal(direct.firstBreak?.kind, kind);
    assert.equal(direct.firstBreak?.seq, seq);
    const answered = await viaApi();
    assert.equal(answered.ok, false);
    assert.equal(answered.firstBreak?.kind, kind);
    assert.equal(answered.firstBreak?.seq, seq);
  }

  async function assertIntact() {
    assert.equal((await verifyAuditChain(server.handle.db)).ok, true);
    assert.equal((await viaApi()).ok, true);
  }

  test('intact chain is ok', async () => {
    const result = await verifyAuditChain(server.handle.db);
    assert.equal(result.ok, true);
    assert.equal(result.firstBreak, undefined);
    assert.equal(result.rowsChecked, (await rows()).length);
    assert.equal((await viaApi()).ok, true);
  });

  test('edited changes are altered', async () => {
    const all = await rows();
    const target = all[Math.floor(all.length / 2)];
    assert.ok(target);
    const seq = Number(target.seq);
    await server.handle.db.updateTable('audit_log').set({ changes: '{"name":[null,"Falsifié"]}' }).where('seq', '=', seq).execute();
    await assertBroken('altered', seq);

    await server.handle.db.updateTable('audit_log').set({ changes: target.changes }).where('seq', '=', seq).execute();
    await assertIntact();
  });

  test('deleted middle row is missing', async () => {
    const all = await rows();
    const target = all[Math.floor(all.length / 2)];
    assert.ok(target);
    const seq = Number(target.seq);
    await server.handle.db.deleteFrom('audit_log').where('seq', '=', seq).execute();
    await assertBroken('missing', seq);

    await server.handle.db.insertInto('audit_log').values(target).execute();
    await assertIntact();
  });

  test('forged row after last is inserted', async () => {
    const all = await rows();
    const last = all[all.length - 1];
    assert.ok(last);
    const forged = {
      ...last,
      seq: Number(last.seq) + 1,
      action: 'user.delete',
      changes: '{}',
      prev_hash: last.hash,
    };
    const withHash = { ...forged, hash: hashAuditRow(forged) };
    await server.handle.db.insertInto('audit_log').values(withHash).execute();
    await assertBroken('inserted', withHash.seq);

    await server.handle.db.deleteFrom('audit_log').where('seq', '=', withHash.seq).execute();
    await assertIntact();
  });

  test('deleted last row is missing', async () => {
    const all = await rows();
    const last = all[all.length - 1];
    assert.ok(last);
    await server.handle.db.deleteFrom('audit_log').where('seq', '=', Number(last.seq)).execute();
    await assertBroken('missing', Number(last.seq));

    await server.handle.db.insertInto('audit_log').values(last).execute();
    await assertIntact();
  });

  test('application only appends rows', async () => {
    const rowsBefore = await rows();
    const created = await server.call('POST', '/api/v1/services', { as: server.admin, body: { entityId: server.rootEntityId, name: 'Morgue' } });
    const id = created.json<{ id: number }>().id;
    await server.call('PATCH', `/api/v1/services/${id}`, { as: server.admin, body: { criticality: 'low' } });
    await server.call('DELETE', `/api/v1/services/${id}`, { as: server.admin });
    await server.call('POST', '/api/v1/auth/login', { body: { login: 'admin', password: 'mauvais-mot-de-passe' } });
    const session = await server.login('admin', ADMIN_PASSWORD);
    await server.call('POST', '/api/v1/auth/logout', { as: session });

    const afterCalls = await rows();
    assert.equal(await countAuditRows(server), rowsBefore.length + 6);
    assert.deepEqual(afterCalls.slice(0, rowsBefore.length), rowsBefore);
    assert.equal((await verifyAuditChain(server.handle.db)).ok, true);
  });
});
