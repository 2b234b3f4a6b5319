/** Outcome of one action applied to several tickets, one request each. */
export interface BulkResult {
  succeeded: number[];
  failed: { id: number; error: unknown }[];
}

/**
 * Applies the request to every ticket, a few at a time so a long selection does not flood the
 * server, and collects the successes and failures in the order of `ids`. Never rejects.
 */
export async function runBulk(ids: readonly number[], request: (id: number) => Promise<unknown>, concurrency = 4): Promise<BulkResult> {
  const outcomes: ({ ok: true } | { ok: false; error: unknown })[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const index = next;
      next += 1;
      try {
        await request(ids[index] as number);
        outcomes[index] = { ok: true };
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));

  const result: BulkResult = { succeeded: [], failed: [] };
  ids.forEach((id, index) => {
    const outcome = outcomes[index];
    if (outcome?.ok === true) result.succeeded.push(id);
    else result.failed.push({ id, error: outcome?.ok === false ? outcome.error : undefined });
  });
  return result;
}

/**
 * Merges every selected ticket except the target into it, one at a time: each merge locks the
 * target, and running them in order of `ids` adds the target's followups in that order.
 */
export function runMerge(ids: readonly number[], intoTicketId: number, merge: (id: number) => Promise<unknown>): Promise<BulkResult> {
  return runBulk(
    ids.filter((id) => id !== intoTicketId),
    merge,
    1,
  );
}
