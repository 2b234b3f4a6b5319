import { z } from 'zod';

import { isLevel, levelSchema } from './labels.js';
import type { Level } from './labels.js';

/**
 * Priority matrix indexed [urgency - 1][impact - 1]: row 0 is urgency "Très basse", column 0 is
 * impact "Très bas". Each cell is a priority from 1 to 5. A stored matrix may lack cells, which
 * `computePriority` then fills the way GLPI does.
 */
export type PriorityMatrix = readonly (readonly Level[])[];

/** GLPI 10's default matrix (Configuration > Assistance). */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = [
  [1, 1, 2, 2, 2],
  [1, 2, 2, 3, 3],
  [2, 2, 3, 4, 4],
  [2, 3, 4, 4, 5],
  [2, 3, 4, 5, 5],
];

const matrixRowSchema = z.array(levelSchema).length(5, 'A matrix row needs exactly 5 cells, one per impact level.');

/** An administrator's edited matrix: 5 rows (urgency) of 5 cells (impact), each an integer from 1 to 5. */
export const priorityMatrixSchema = z
  .array(matrixRowSchema)
  .length(5, 'The priority matrix needs exactly 5 rows, one per urgency level.');

/**
 * Computes a ticket's priority from the matrix cell at [urgency][impact]. A missing cell falls back
 * to round((urgency + impact) / 2), as GLPI does. Never returns 6 ("Majeure").
 * Throws a RangeError when urgency or impact is not an integer from 1 to 5.
 */
export function computePriority(matrix: PriorityMatrix, urgency: number, impact: number): Level {
  if (!isLevel(urgency)) {
    throw new RangeError(`Invalid urgency ${String(urgency)}: expected an integer from 1 to 5.`);
  }
  if (!isLevel(impact)) {
    throw new RangeError(`Invalid impact ${String(impact)}: expected an integer from 1 to 5.`);
  }

  const cell = matrix[urgency - 1]?.[impact - 1];
  if (cell !== undefined) {
    return cell;
  }

  // (urgency + impact) / 2 lies in [1, 5] and its halves round up, like PHP's round() on positives.
  return Math.round((urgency + impact) / 2) as Level;
}
