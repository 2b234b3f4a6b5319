import type { Executor } from '../db/connection.js';
import { type CriticalityGrid, criticalityGridSchema, DEFAULT_CRITICALITY_GRID } from '../priority/grid.js';
import { DEFAULT_PRIORITY_MATRIX, type PriorityMatrix, priorityMatrixSchema } from '../priority/matrix.js';

async function readSetting(db: Executor, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
}

/** Loads the priority matrix edited by administrators, or GLPI's default. */
export async function loadPriorityMatrix(db: Executor): Promise<PriorityMatrix> {
  const stored = priorityMatrixSchema.safeParse(await readSetting(db, 'priority_matrix'));
  return stored.success ? (stored.data) : DEFAULT_PRIORITY_MATRIX;
}

/** Loads the criticality grid edited by administrators, or the shipped one. */
export async function loadCriticalityGrid(db: Executor): Promise<CriticalityGrid> {
  const stored = criticalityGridSchema.safeParse(await readSetting(db, 'criticality_grid'));
  return stored.success ? stored.data : DEFAULT_CRITICALITY_GRID;
}
