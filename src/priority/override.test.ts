import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Level, PriorityLevel } from './labels.js';
import type { PriorityMatrix } from './matrix.js';
import { applyOverride, OverrideError } from './override.js';
import type { CriticalityOverride } from './override.js';

const SUGGESTION: { urgency: Level; impact: Level; priority: PriorityLevel } = { urgency: 3, impact: 2, priority: 2 };

function assertOverrideError(run: () => unknown, code: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof OverrideError, 'error is an OverrideError');
    assert.equal(error.code, code);
    return true;
  });
}

describe('applyOverride', () => {
  test('blank reason rejected', () => {
    assertOverrideError(() => applyOverride(SUGGESTION, { urgency: 5, reason: '' }), 'override_reason_required');
    assertOverrideError(() => applyOverride(SUGGESTION, { urgency: 5, reason: '   \n' }), 'override_reason_required');
  });

  test('missing reason rejected', () => {
    const override = { urgency: 5 } as unknown as CriticalityOverride;

    assertOverrideError(() => applyOverride(SUGGESTION, override), 'override_reason_required');
  });

  test('empty override rejected', () => {
    assertOverrideError(() => applyOverride(SUGGESTION, { reason: 'Vu avec le cadre' }), 'override_empty');
  });

  test('out-of-range levels rejected', () => {
    const cases: [string, CriticalityOverride][] = [
      ['urgency 6', { urgency: 6 as Level, reason: 'r' }],
      ['impact 0', { impact: 0 as Level, reason: 'r' }],
      ['priority 7', { priority: 7 as PriorityLevel, reason: 'r' }],
      ['priority 2.5', { priority: 2.5 as PriorityLevel, reason: 'r' }],
    ];

    for (const [name, override] of cases) {
      assert.throws(
        () => applyOverride(SUGGESTION, override),
        (error: unknown) => error instanceof OverrideError && error.code === 'override_invalid_level',
        name,
      );
    }
  });

  test('urgency change recomputes priority', () => {
    const result = applyOverride(SUGGESTION, { urgency: 5, reason: '  Patient au bloc en attente  ' });

    assert.equal(result.urgency, 5);
    assert.equal(result.impact, 2);
    assert.equal(result.priority, 3, 'default matrix cell urgency 5 × impact 2');
    assert.deepEqual(result.record, {
      reason: 'Patient au bloc en attente',
      changes: [
        { field: 'urgency', suggested: 3, final: 5, source: 'manual' },
        { field: 'priority', suggested: 2, final: 3, source: 'matrix' },
      ],
    });
  });

  test('manual major priority kept', () => {
    const result = applyOverride(SUGGESTION, { impact: 5, priority: 6, reason: 'Plan blanc déclenché' });

    assert.equal(result.impact, 5);
    assert.equal(result.priority, 6);
    assert.deepEqual(result.record.changes, [
      { field: 'impact', suggested: 2, final: 5, source: 'manual' },
      { field: 'priority', suggested: 2, final: 6, source: 'manual' },
    ]);
  });

  test('given matrix is used', () => {
    const flatMatrix: PriorityMatrix = Array.from({ length: 5 }, () => [4, 4, 4, 4, 4]);

    const result = applyOverride(SUGGESTION, { impact: 3, reason: 'Deux postes touchés' }, flatMatrix);

    assert.equal(result.priority, 4);
  });

  test('unchanged values record nothing', () => {
    const result = applyOverride(SUGGESTION, { urgency: 3, reason: 'Confirmé' });

    assert.equal(result.priority, 2, 'suggested priority kept');
    assert.deepEqual(result.record.changes, []);
  });
});
