import { verifyAuditChain } from '../audit/verify.js';
import { EXIT_FAILURE, printLine, withDatabase } from './session.js';

/** Applies the pending migrations (every command does so first) and prints their names. */
export async function migrate(): Promise<void> {
  await withDatabase(async ({ appliedMigrations }) => {
    if (appliedMigrations.length === 0) {
      printLine('No pending migrations: the database is up to date.');
      return;
    }
    for (const name of appliedMigrations) printLine(`Applied ${name}`);
  });
}

/** Walks the audit chain; a break ends the command with exit status 1. */
export async function verifyAudit(): Promise<void> {
  await withDatabase(async ({ handle }) => {
    const result = await verifyAuditChain(handle.db);
    if (result.ok) {
      printLine(`Audit trail intact: ${result.rowsChecked} rows checked, last row ${result.lastSeq}.`);
      return;
    }
    const chainBreak = result.firstBreak;
    const where = chainBreak === undefined ? 'unknown row' : `row ${chainBreak.seq} (${chainBreak.kind}): ${chainBreak.message}`;
    printLine(`Audit trail broken at ${where}. The ${result.rowsChecked} rows before it are intact.`);
    process.exitCode = EXIT_FAILURE;
  });
}
