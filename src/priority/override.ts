import { isLevel, isPriorityLevel } from './labels.js';
import type { Level, PriorityLevel } from './labels.js';
import { computePriority, DEFAULT_PRIORITY_MATRIX } from './matrix.js';
import type { PriorityMatrix } from './matrix.js';

export type OverrideErrorCode = 'override_reason_required' | 'override_empty' | 'override_invalid_level';

/** A rejected override. `code` is stable and maps to a translated message in the error catalog. */
export class OverrideError extends Error {
  override readonly name = 'OverrideError';

  constructor(
    readonly code: OverrideErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The values a technician chooses instead of the suggestion, and why. */
export interface CriticalityOverride {
  urgency?: Level;
  impact?: Level;
  /** May be 6 ("Majeure"), which only a person can set. */
  priority?: PriorityLevel;
  reason: string;
}

/** One value that differs from the suggestion. `matrix` marks a priority recomputed after urgency or impact changed. */
export interface OverrideChange {
  field: 'urgency' | 'impact' | 'priority';
  suggested: number;
  final: number;
  source: 'manual' | 'matrix';
}

export interface OverrideResult {
  urgency: Level;
  impact: Level;
  priority: PriorityLevel;
  /** Audit record: the trimmed reason and each changed value. */
  record: { reason: string; changes: OverrideChange[] };
}

function checkOverride(override: CriticalityOverride): string {
  const reason = typeof override.reason === 'string' ? override.reason.trim() : '';
  if (reason === '') {
    throw new OverrideError('override_reason_required', 'Missing reason: an override of urgency, impact or priority must say why.');
  }

  if (override.urgency === undefined && override.impact === undefined && override.priority === undefined) {
    throw new OverrideError('override_empty', 'Empty override: set urgency, impact or priority.');
  }
  if (override.urgency !== undefined && !isLevel(override.urgency)) {
    throw new OverrideError('override_invalid_level', `Invalid urgency ${String(override.urgency)}: expected 1 to 5.`);
  }
  if (override.impact !== undefined && !isLevel(override.impact)) {
    throw new OverrideError('override_invalid_level', `Invalid impact ${String(override.impact)}: expected 1 to 5.`);
  }
  if (override.priority !== undefined && !isPriorityLevel(override.priority)) {
    throw new OverrideError(
      'override_invalid_level',
      `Invalid priority ${String(override.priority)}: expected 1 to 6.`,
    );
  }
  return reason;
}

/**
 * Applies a technician's override to a suggestion. A priority given in the override is kept as is;
 * otherwise, when urgency or impact changes, the priority is recomputed from `matrix` as GLPI does.
 * Throws an OverrideError when the reason is blank, nothing is overridden, or a level is out of range.
 */
export function applyOverride(
  suggestion: { urgency: Level; impact: Level; priority: PriorityLevel },
  override: CriticalityOverride,
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): OverrideResult {
  const reason = checkOverride(override);

  const urgency = override.urgency ?? suggestion.urgency;
  const impact = override.impact ?? suggestion.impact;
  const levelsChanged = urgency !== suggestion.urgency || impact !== suggestion.impact;

  let priority = suggestion.priority;
  let prioritySource: OverrideChange['source'] = 'matrix';
  if (override.priority !== undefined) {
    priority = override.priority;
    prioritySource = 'manual';
  } else if (levelsChanged) {
    priority = computePriority(matrix, urgency, impact);
  }

  const changes: OverrideChange[] = [];
  if (urgency !== suggestion.urgency) {
    changes.push({ field: 'urgency', suggested: suggestion.urgency, final: urgency, source: 'manual' });
  }
  if (impact !== suggestion.impact) {
    changes.push({ field: 'impact', suggested: suggestion.impact, final: impact, source: 'manual' });
  }
  if (priority !== suggestion.priority) {
    changes.push({ field: 'priority', suggested: suggestion.priority, final: priority, source: prioritySource });
  }

  return { urgency, impact, priority, record: { reason, changes } };
}
