import type { Executor } from '../db/connection.js';
import { type ChainBreak, checkAuditRow, GENESIS_HASH } from './chain.js';

export interface VerifyResult {
  ok: boolean;
  rowsChecked: number;
  lastSeq: number;
  firstBreak?: ChainBreak;
}

const BATCH_SIZE = 2000;

/** Walks the whole audit chain in sequence order and reports the first broken row. */
export async function verifyAuditChain(db: Executor): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const state = { expectedSeq: 1, previousHash: GENESIS_HASH };
  let rowsChecked = 0;
  let afterSeq = 0;

  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(BATCH_SIZE)
      .execute();
    for (const raw of rows) {
      const row = { ...raw, seq: Number(raw.seq) };
      if (row.seq > Number(head.seq)) {
        return broken(rowsChecked, state, { seq: row.seq, kind: 'inserted', message: `row ${row.seq} was added outside the application` });
      }
      const chainBreak = checkAuditRow(row, state);
      if (chainBreak !== undefined) return broken(rowsChecked, state, chainBreak);
      state.expectedSeq = row.seq + 1;
      state.previousHash = row.hash;
      rowsChecked += 1;
    }
    if (rows.length < BATCH_SIZE) break;
    afterSeq = Number(rows[rows.length - 1]?.seq);
  }

  const lastSeq = state.expectedSeq - 1;
  if (lastSeq < Number(head.seq)) {
    return broken(rowsChecked, state, {
      seq: state.expectedSeq,
      kind: 'missing',
      message: `rows ${state.expectedSeq} to ${Number(head.seq)} are missing`,
    });
  }
  if (lastSeq > 0 && state.previousHash !== head.hash) {
    return broken(rowsChecked, state, { seq: lastSeq, kind: 'relinked', message: `row ${lastSeq} is not the recorded head of the chain` });
  }
  return { ok: true, rowsChecked, lastSeq };
}

function broken(rowsChecked: number, state: { expectedSeq: number }, firstBreak: ChainBreak): VerifyResult {
  return { ok: false, rowsChecked, lastSeq: state.expectedSeq - 1, firstBreak };
}
