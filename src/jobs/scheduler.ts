import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/connection.js';
import { nowIso } from '../db/connection.js';

/** A background job: stored as data, run at most once per time slot across every process. */
export interface JobDefinition {
  name: string;
  intervalMs: number;
  run(handle: DatabaseHandle, now: Date): Promise<{ processed: number }>;
}

const LEASE_MS = 10 * 60_000;

/**
 * Claims the job's current slot. The conditional UPDATE succeeds in one process only, so with
 * several processes on one PostgreSQL database each slot runs once; after downtime only the
 * current slot runs, never the missed ones in a burst. An expired lease (a crashed process) is retaken.
 */
export async function claimSlot(handle: DatabaseHandle, job: JobDefinition, now: Date): Promise<boolean> {
  const slot = Math.floor(now.getTime() / job.intervalMs);
  const at = now.toISOString();
  await handle.db.insertInto('job_runs').values({ name: job.name, runs: 0 }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const claimed = await handle.db
    .updateTable('job_runs')
    .set({ last_slot: slot, locked_until: new Date(now.getTime() + LEASE_MS).toISOString(), last_started_at: at })
    .where('name', '=', job.name)
    .where('last_slot', '<', slot)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** Runs the job if this process wins its slot, and records the outcome. */
export async function runIfDue(handle: DatabaseHandle, job: JobDefinition, log: FastifyBaseLogger, now = new Date()): Promise<boolean> {
  if (!(await claimSlot(handle, job, now))) return false;
  let error: string | null = null;
  try {
    const result = await job.run(handle, now);
    log.info({ job: job.name, processed: result.processed }, 'job finished');
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
    log.error({ job: job.name, err: caught }, 'job failed');
  }
  await handle.db
    .updateTable('job_runs')
    .set((eb) => ({ locked_until: null, last_finished_at: nowIso(), last_error: error, runs: eb('runs', '+', 1) }))
    .where('name', '=', job.name)
    .execute();
  return true;
}

/** Polls every job once a minute; returns a function that stops the timer. */
export function startScheduler(handle: DatabaseHandle, jobs: JobDefinition[], log: FastifyBaseLogger, pollMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) await runIfDue(handle, job, log);
    } catch (error) {
      log.error({ err: error }, 'scheduler tick failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), pollMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
