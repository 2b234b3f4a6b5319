import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { computePriority, DEFAULT_PRIORITY_MATRIX, priorityMatrixSchema } from './matrix.js';
import type { PriorityMatrix } from './matrix.js';

describe('computePriority', () => {
  test('GLPI default matrix cells', () => {
    // GLPI 10 defaults, written out independently of DEFAULT_PRIORITY_MATRIX: [urgency, impact, priority].
    const expected: [number, number, number][] = [
      [1, 1, 1], [1, 2, 1], [1, 3, 2], [1, 4, 2], [1, 5, 2],
      [2, 1, 1], [2, 2, 2], [2, 3, 2], [2, 4, 3], [2, 5, 3],
      [3, 1, 2], [3, 2, 2], [3, 3, 3], [3, 4, 4], [3, 5, 4],
      [4, 1, 2], [4, 2, 3], [4, 3, 4], [4, 4, 4], [4, 5, 5],
      [5, 1, 2], [5, 2, 3], [5, 3, 4], [5, 4, 5], [5, 5, 5],
    ];
    assert.equal(expected.length, 25);

    for (const [urgency, impact, priority] of expected) {
      assert.equal(
        computePriority(DEFAULT_PRIORITY_MATRIX, urgency, impact),
        priority,
        `cell urgency ${urgency} × impact ${impact}`,
      );
    }
  });

  test('edited cell wins', () => {
    const edited = DEFAULT_PRIORITY_MATRIX.map((row) => [...row]);
    edited[0]![0] = 5;

    assert.equal(computePriority(edited, 1, 1), 5);
  });

  test('missing cell averages levels', () => {
    const sparse: PriorityMatrix = [[1], [], [2, 2, 3]];

    assert.equal(computePriority(sparse, 1, 1), 1, 'present cell is used');
    assert.equal(computePriority(sparse, 1, 2), 2, '(1+2)/2 = 1.5 rounds up');
    assert.equal(computePriority(sparse, 2, 5), 4, '(2+5)/2 = 3.5 rounds up');
    assert.equal(computePriority(sparse, 5, 1), 3, 'missing row');
    assert.equal(computePriority([], 5, 5), 5, 'empty matrix');
  });

  test('invalid levels rejected', () => {
    assert.throws(() => computePriority(DEFAULT_PRIORITY_MATRIX, 0, 3), RangeError);
    assert.throws(() => computePriority(DEFAULT_PRIORITY_MATRIX, 6, 3), RangeError);
    assert.throws(() => computePriority(DEFAULT_PRIORITY_MATRIX, 3, 2.5), RangeError);
  });
});

describe('priorityMatrixSchema', () => {
  test('accepts default matrix', () => {
    assert.ok(priorityMatrixSchema.safeParse(DEFAULT_PRIORITY_MATRIX).success);
  });

  test('rejects bad matrices', () => {
    const withCell = (value: unknown) => {
      const rows: unknown[][] = DEFAULT_PRIORITY_MATRIX.map((row) => [...row]);
      rows[2]![3] = value;
      return rows;
    };
    const cases: [string, unknown][] = [
      ['four rows', DEFAULT_PRIORITY_MATRIX.slice(0, 4)],
      ['six rows', [...DEFAULT_PRIORITY_MATRIX, [1, 1, 1, 1, 1]]],
      ['short row', DEFAULT_PRIORITY_MATRIX.map((row, index) => (index === 1 ? row.slice(0, 4) : row))],
      ['long row', DEFAULT_PRIORITY_MATRIX.map((row, index) => (index === 1 ? [...row, 5] : row))],
      ['cell 0', withCell(0)],
      ['cell 6 (Majeure)', withCell(6)],
      ['fractional cell', withCell(2.5)],
      ['string cell', withCell('3')],
      ['null cell', withCell(null)],
      ['not an array', { 1: { 1: 1 } }],
    ];

    for (const [name, matrix] of cases) {
      assert.equal(priorityMatrixSchema.safeParse(matrix).success, false, name);
    }
  });

  test('error points to cell', () => {
    const rows = DEFAULT_PRIORITY_MATRIX.map((row) => [...row]) as number[][];
    rows[4]![1] = 9;

    const result = priorityMatrixSchema.safeParse(rows);

    assert.deepEqual(result.error?.issues[0]?.path, [4, 1]);
  });
});
