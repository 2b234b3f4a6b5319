import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { criticalityGridSchema, DEFAULT_CRITICALITY_GRID, normalizeServiceName } from './grid.js';

// The cases build deliberately invalid grids, so the clone is untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutation = (grid: Record<string, any>) => void;

function editedGrid(mutate: Mutation): unknown {
  const grid = structuredClone(DEFAULT_CRITICALITY_GRID) as Parameters<Mutation>[0];
  mutate(grid);
  return grid;
}

describe('criticalityGridSchema', () => {
  test('accepts default grid', () => {
    const result = criticalityGridSchema.safeParse(DEFAULT_CRITICALITY_GRID);

    assert.equal(result.success, true);
  });

  test('survives JSON round trip', () => {
    const stored = JSON.parse(JSON.stringify(DEFAULT_CRITICALITY_GRID)) as unknown;

    assert.deepEqual(criticalityGridSchema.parse(stored), DEFAULT_CRITICALITY_GRID);
  });

  test('rejects bad grids', () => {
    const cases: [string, Mutation][] = [
      ['missing answer points', (grid) => delete grid.points.patientCare.degraded],
      ['unknown answer', (grid) => (grid.points.site.clinic = { urgency: 1, impact: 1 })],
      ['negative points', (grid) => (grid.points.scope.one_user.urgency = -1)],
      ['fractional points', (grid) => (grid.points.scope.one_user.impact = 0.5)],
      ['points missing impact', (grid) => (grid.points.profile.medecin = { urgency: 1 })],
      ['thresholds not increasing', (grid) => (grid.thresholds.urgency = [2, 4, 4, 8])],
      ['threshold at zero', (grid) => (grid.thresholds.impact = [0, 4, 7, 9])],
      ['three thresholds', (grid) => (grid.thresholds.impact = [2, 4, 7])],
      ['rule without conditions', (grid) => (grid.rules[0].when = {})],
      ['rule with empty condition', (grid) => (grid.rules[0].when = { patientCare: [] })],
      ['rule with unknown answer', (grid) => (grid.rules[0].when = { patientCare: ['stopped'] })],
      ['rule with unknown question', (grid) => (grid.rules[0].when = { weather: ['storm'] })],
      ['rule raising nothing', (grid) => (grid.rules[0].atLeast = {})],
      ['rule raising to 6', (grid) => (grid.rules[0].atLeast = { urgency: 6 })],
      ['rule code with spaces', (grid) => (grid.rules[0].code = 'bloc urgent')],
      ['duplicate rule codes', (grid) => grid.rules.push(structuredClone(grid.rules[0]))],
      ['unknown service criticality', (grid) => (grid.services.Urgences = 'critical')],
      ['services differing by accents', (grid) => (grid.services['Bloc operatoire'] = 'high')],
      ['empty service name', (grid) => (grid.services[' '] = 'high')],
      ['unknown top-level key', (grid) => (grid.matrix = [])],
      ['missing default criticality', (grid) => delete grid.defaultServiceCriticality],
    ];

    for (const [name, mutate] of cases) {
      assert.equal(criticalityGridSchema.safeParse(editedGrid(mutate)).success, false, name);
    }
  });
});

describe('normalizeServiceName', () => {
  test('ignores case, accents, spaces', () => {
    assert.equal(normalizeServiceName('  Bloc   OPÉRATOIRE '), 'bloc operatoire');
    assert.equal(normalizeServiceName('Réanimation'), normalizeServiceName('reanimation'));
  });
});
