import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { resolveService, suggestCriticality } from './criticality.js';
import { DEFAULT_CRITICALITY_GRID } from './grid.js';
import type { CriticalityAnswers, CriticalityGrid } from './grid.js';
import type { PriorityMatrix } from './matrix.js';

interface SuggestionCase {
  name: string;
  answers: CriticalityAnswers;
  urgency: number;
  impact: number;
  priority: number;
  codes: string[];
}

const LEVEL_CODES = ['urgency_points', 'impact_points'];

// Expected values are worked out by hand from the default grid's points and thresholds.
const CASES: SuggestionCase[] = [
  {
    name: 'bloc nurse, care interrupted',
    answers: { scope: 'one_user', service: 'Bloc opératoire', profile: 'infirmier', site: 'hospital', patientCare: 'interrupted' },
    urgency: 5,
    impact: 3,
    priority: 4,
    codes: ['service_vital', 'profile_infirmier', 'site_hospital', 'patient_care_interrupted', ...LEVEL_CODES,
      'care_interrupted_in_critical_service', 'priority_matrix'],
  },
  {
    name: 'urgences secretary, care interrupted',
    answers: { scope: 'one_user', service: 'Urgences', profile: 'secretaire', site: 'hospital', patientCare: 'interrupted' },
    urgency: 5,
    impact: 3,
    priority: 4,
    codes: ['service_vital', 'site_hospital', 'patient_care_interrupted', ...LEVEL_CODES,
      'care_interrupted_in_critical_service', 'priority_matrix'],
  },
  {
    name: 'EHPAD clerk, no care impact',
    answers: { scope: 'one_user', service: 'Accueil', profile: 'administratif', site: 'ehpad', patientCare: 'unaffected' },
    urgency: 1,
    impact: 1,
    priority: 1,
    codes: ['service_normal', ...LEVEL_CODES, 'priority_matrix'],
  },
  {
    name: 'management office, one clerk',
    answers: { scope: 'one_user', service: 'Direction', profile: 'administratif', site: 'administrative', patientCare: 'unaffected' },
    urgency: 1,
    impact: 1,
    priority: 1,
    codes: [...LEVEL_CODES, 'priority_matrix'],
  },
  {
    name: 'ward nurse, care degraded',
    answers: { scope: 'one_user', service: 'Médecine', profile: 'infirmier', site: 'hospital', patientCare: 'degraded' },
    urgency: 3,
    impact: 2,
    priority: 2,
    codes: ['service_normal', 'profile_infirmier', 'site_hospital', 'patient_care_degraded', ...LEVEL_CODES, 'priority_matrix'],
  },
  {
    name: 'whole ward, care degraded',
    answers: { scope: 'whole_service', service: 'Médecine', profile: 'infirmier', site: 'hospital', patientCare: 'degraded' },
    urgency: 4,
    impact: 3,
    priority: 4,
    codes: ['service_normal', 'scope_whole_service', 'profile_infirmier', 'site_hospital', 'patient_care_degraded',
      ...LEVEL_CODES, 'priority_matrix'],
  },
  {
    name: 'radiology doctor, no care impact',
    answers: { scope: 'one_user', service: 'Radiologie', profile: 'medecin', site: 'hospital', patientCare: 'unaffected' },
    urgency: 3,
    impact: 2,
    priority: 2,
    codes: ['service_high', 'profile_medecin', 'site_hospital', ...LEVEL_CODES, 'priority_matrix'],
  },
  {
    name: 'radiology clerk, no care impact',
    answers: { scope: 'one_user', service: 'Radiologie', profile: 'administratif', site: 'hospital', patientCare: 'unaffected' },
    urgency: 2,
    impact: 2,
    priority: 2,
    codes: ['service_high', 'site_hospital', ...LEVEL_CODES, 'priority_matrix'],
  },
  {
    name: 'pharmacy clerk, care interrupted',
    answers: { scope: 'one_user', service: 'Pharmacie', profile: 'administratif', site: 'hospital', patientCare: 'interrupted' },
    urgency: 5,
    impact: 3,
    priority: 4,
    codes: ['service_high', 'site_hospital', 'patient_care_interrupted', ...LEVEL_CODES,
      'care_interrupted_in_critical_service', 'priority_matrix'],
  },
  {
    name: 'hospital site outage',
    answers: { scope: 'whole_site', profile: 'technicien', site: 'hospital', patientCare: 'unaffected' },
    urgency: 4,
    impact: 5,
    priority: 5,
    codes: ['service_normal', 'scope_whole_site', 'site_hospital', ...LEVEL_CODES, 'hospital_site_outage', 'priority_matrix'],
  },
  {
    name: 'EHPAD site, care degraded',
    answers: { scope: 'whole_site', service: 'Infirmerie', profile: 'infirmier', site: 'ehpad', patientCare: 'degraded' },
    urgency: 4,
    impact: 5,
    priority: 5,
    codes: ['service_normal', 'scope_whole_site', 'profile_infirmier', 'patient_care_degraded', ...LEVEL_CODES, 'priority_matrix'],
  },
  {
    name: 'HR office, several clerks',
    answers: {
      scope: 'several_users',
      service: 'Ressources humaines',
      profile: 'administratif',
      site: 'administrative',
      patientCare: 'unaffected',
    },
    urgency: 1,
    impact: 2,
    priority: 1,
    codes: ['scope_several_users', ...LEVEL_CODES, 'priority_matrix'],
  },
  {
    name: 'several services, care interrupted',
    answers: { scope: 'several_services', service: 'Médecine', profile: 'cadre_sante', site: 'hospital', patientCare: 'interrupted' },
    urgency: 5,
    impact: 5,
    priority: 5,
    codes: ['service_normal', 'scope_several_services', 'profile_cadre_sante', 'site_hospital', 'patient_care_interrupted',
      ...LEVEL_CODES, 'care_interrupted_in_several_services', 'priority_matrix'],
  },
  {
    name: 'criticality given in answers',
    answers: {
      scope: 'one_user',
      service: 'Radiologie',
      serviceCriticality: 'vital',
      profile: 'medecin',
      site: 'hospital',
      patientCare: 'degraded',
    },
    urgency: 4,
    impact: 3,
    priority: 4,
    codes: ['service_vital', 'profile_medecin', 'site_hospital', 'patient_care_degraded', ...LEVEL_CODES, 'priority_matrix'],
  },
  {
    name: 'service in location path',
    answers: { scope: 'one_user', service: 'Bâtiment A > Urgences', profile: 'medecin', site: 'hospital', patientCare: 'degraded' },
    urgency: 4,
    impact: 3,
    priority: 4,
    codes: ['service_vital', 'profile_medecin', 'site_hospital', 'patient_care_degraded', ...LEVEL_CODES, 'priority_matrix'],
  },
  {
    name: 'unknown service counts normal',
    answers: { scope: 'one_user', service: 'Cuisine centrale', profile: 'technicien', site: 'hospital', patientCare: 'unaffected' },
    urgency: 2,
    impact: 1,
    priority: 1,
    codes: ['service_normal', 'site_hospital', ...LEVEL_CODES, 'priority_matrix'],
  },
  {
    name: 'whole bloc, unaccented name',
    answers: { scope: 'whole_service', service: 'BLOC OPERATOIRE', profile: 'medecin', site: 'hospital', patientCare: 'interrupted' },
    urgency: 5,
    impact: 5,
    priority: 5,
    codes: ['service_vital', 'scope_whole_service', 'profile_medecin', 'site_hospital', 'patient_care_interrupted',
      ...LEVEL_CODES, 'care_interrupted_in_critical_service', 'priority_matrix'],
  },
];

function answersOf(name: string): CriticalityAnswers {
  const found = CASES.find((example) => example.name === name);
  assert.ok(found, `no case named ${name}`);
  return found.answers;
}

describe('suggestCriticality', () => {
  for (const example of CASES) {
    test(example.name, () => {
      const result = suggestCriticality(DEFAULT_CRITICALITY_GRID, example.answers);

      assert.equal(result.urgency, example.urgency, `${example.name}: urgency`);
      assert.equal(result.impact, example.impact, `${example.name}: impact`);
      assert.equal(result.priority, example.priority, `${example.name}: priority`);
      assert.deepEqual(result.reasons.map((reason) => reason.code), example.codes, `${example.name}: reason codes`);
    });
  }

  test('rule reason names service', () => {
    const result = suggestCriticality(DEFAULT_CRITICALITY_GRID, answersOf('whole bloc, unaccented name'));
    const rule = result.reasons.find((reason) => reason.kind === 'rule');

    assert.deepEqual(rule?.params, {
      conditions: ['service_vital', 'patient_care_interrupted'],
      service: 'Bloc opératoire',
      urgency: 5,
    });
  });

  test('points level before rule', () => {
    const result = suggestCriticality(DEFAULT_CRITICALITY_GRID, answersOf('pharmacy clerk, care interrupted'));
    const urgencyPoints = result.reasons.find((reason) => reason.code === 'urgency_points');

    assert.deepEqual(urgencyPoints?.params, { points: 7, level: 4 });
    assert.equal(result.urgency, 5);
  });

  test('doctor outweighs clerk', () => {
    const base: CriticalityAnswers = { scope: 'one_user', service: 'Pharmacie', profile: 'administratif', site: 'hospital', patientCare: 'unaffected' };

    const clerk = suggestCriticality(DEFAULT_CRITICALITY_GRID, base);
    const doctor = suggestCriticality(DEFAULT_CRITICALITY_GRID, { ...base, profile: 'medecin' });

    assert.ok(doctor.urgency > clerk.urgency, 'doctor urgency higher');
    assert.ok(doctor.impact >= clerk.impact, 'doctor impact not lower');
  });

  test('wider scope never lowers impact', () => {
    const scopes = ['one_user', 'several_users', 'whole_service', 'several_services', 'whole_site'] as const;
    const impacts = scopes.map(
      (scope) =>
        suggestCriticality(DEFAULT_CRITICALITY_GRID, {
          scope,
          service: 'Médecine',
          profile: 'infirmier',
          site: 'hospital',
          patientCare: 'degraded',
        }).impact,
    );

    assert.deepEqual(impacts, [2, 3, 3, 4, 5]);
  });

  test('edited grid and matrix', () => {
    const grid: CriticalityGrid = structuredClone(DEFAULT_CRITICALITY_GRID);
    grid.services = { Cuisine: 'vital' };
    grid.thresholds.urgency = [1, 2, 3, 20];
    grid.rules = [];
    const flatMatrix: PriorityMatrix = Array.from({ length: 5 }, () => [3, 3, 3, 3, 3]);

    const result = suggestCriticality(
      grid,
      { scope: 'one_user', service: 'cuisine', profile: 'autre', site: 'ehpad', patientCare: 'interrupted' },
      flatMatrix,
    );

    assert.equal(result.urgency, 4, 'urgency from edited thresholds, 7 points');
    assert.equal(result.impact, 3, 'impact from default thresholds, 5 points');
    assert.equal(result.priority, 3, 'priority from flat matrix');
  });

  test('invalid answer rejected', () => {
    const answers = { scope: 'everyone', profile: 'medecin', site: 'hospital', patientCare: 'unaffected' } as unknown as CriticalityAnswers;

    assert.throws(() => suggestCriticality(DEFAULT_CRITICALITY_GRID, answers), RangeError);
  });
});

describe('resolveService', () => {
  test('deepest known path segment', () => {
    const service = resolveService(DEFAULT_CRITICALITY_GRID, {
      scope: 'one_user',
      service: 'Bâtiment A > Radiologie > Scanner 2',
      profile: 'medecin',
      site: 'hospital',
      patientCare: 'unaffected',
    });

    assert.deepEqual(service, { criticality: 'high', name: 'Radiologie' });
  });

  test('no service uses default', () => {
    const service = resolveService(DEFAULT_CRITICALITY_GRID, {
      scope: 'one_user',
      profile: 'medecin',
      site: 'hospital',
      patientCare: 'unaffected',
    });

    assert.deepEqual(service, { criticality: 'normal' });
  });
});
