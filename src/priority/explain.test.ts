import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { suggestCriticality } from './criticality.js';
import type { RuleReason } from './criticality.js';
import { explainCriticality, explainReason } from './explain.js';
import { DEFAULT_CRITICALITY_GRID } from './grid.js';
import type { CriticalityAnswers } from './grid.js';

function explain(answers: CriticalityAnswers, locale: 'fr' | 'en'): string[] {
  return explainCriticality(suggestCriticality(DEFAULT_CRITICALITY_GRID, answers), locale);
}

const BLOC_INTERRUPTED: CriticalityAnswers = {
  scope: 'one_user',
  service: 'Bloc opératoire',
  profile: 'infirmier',
  site: 'hospital',
  patientCare: 'interrupted',
};

const EHPAD_CLERK: CriticalityAnswers = {
  scope: 'one_user',
  service: 'Accueil',
  profile: 'administratif',
  site: 'ehpad',
  patientCare: 'unaffected',
};

const HOSPITAL_OUTAGE: CriticalityAnswers = {
  scope: 'whole_site',
  profile: 'technicien',
  site: 'hospital',
  patientCare: 'unaffected',
};

describe('explainCriticality', () => {
  test('bloc interrupted in French', () => {
    assert.deepEqual(explain(BLOC_INTERRUPTED, 'fr'), [
      'Bloc opératoire (service vital) → urgence +3, impact +2',
      'Infirmier → urgence +1',
      'Site hospitalier → urgence +1, impact +1',
      'Prise en charge interrompue → urgence +4, impact +3',
      'Urgence : 9 points → Très haute',
      'Impact : 6 points → Moyen',
      'Bloc opératoire + prise en charge interrompue → urgence Très haute',
      'Matrice de priorité : urgence Très haute × impact Moyen → priorité Haute',
    ]);
  });

  test('bloc interrupted in English', () => {
    assert.deepEqual(explain(BLOC_INTERRUPTED, 'en'), [
      'Operating theatre (vital service) → urgency +3, impact +2',
      'Nurse → urgency +1',
      'Hospital site → urgency +1, impact +1',
      'Patient care interrupted → urgency +4, impact +3',
      'Urgency: 9 points → Very high',
      'Impact: 6 points → Medium',
      'Operating theatre + patient care interrupted → urgency Very high',
      'Priority matrix: urgency Very high × impact Medium → priority High',
    ]);
  });

  test('EHPAD clerk in French', () => {
    assert.deepEqual(explain(EHPAD_CLERK, 'fr'), [
      'Accueil (service à criticité normale) → urgence +1',
      'Urgence : 1 point → Très basse',
      'Impact : 0 point → Très bas',
      'Matrice de priorité : urgence Très basse × impact Très bas → priorité Très basse',
    ]);
  });

  test('EHPAD clerk in English', () => {
    assert.deepEqual(explain(EHPAD_CLERK, 'en'), [
      'Accueil (normal-criticality service) → urgency +1',
      'Urgency: 1 point → Very low',
      'Impact: 0 points → Very low',
      'Priority matrix: urgency Very low × impact Very low → priority Very low',
    ]);
  });

  test('site outage in French', () => {
    assert.deepEqual(explain(HOSPITAL_OUTAGE, 'fr'), [
      'Service à criticité normale → urgence +1',
      'Tout le site → urgence +2, impact +8',
      'Site hospitalier → urgence +1, impact +1',
      'Urgence : 4 points → Moyenne',
      'Impact : 9 points → Très haut',
      'Tout le site + site hospitalier → urgence Haute, impact Très haut',
      'Matrice de priorité : urgence Haute × impact Très haut → priorité Très haute',
    ]);
  });

  test('site outage in English', () => {
    assert.deepEqual(explain(HOSPITAL_OUTAGE, 'en'), [
      'Normal-criticality service → urgency +1',
      'The whole site → urgency +2, impact +8',
      'Hospital site → urgency +1, impact +1',
      'Urgency: 4 points → Medium',
      'Impact: 9 points → Very high',
      'The whole site + hospital site → urgency High, impact Very high',
      'Priority matrix: urgency High × impact Very high → priority Very high',
    ]);
  });
});

describe('explainReason', () => {
  test('custom rule from conditions', () => {
    const reason: RuleReason = {
      kind: 'rule',
      code: 'doctor_in_ehpad',
      params: { conditions: ['profile_medecin', 'site_ehpad'], impact: 3 },
    };

    assert.equal(explainReason(reason, 'fr'), 'Médecin + EHPAD → impact Moyen');
    assert.equal(explainReason(reason, 'en'), 'Doctor + nursing home (EHPAD) → impact Medium');
  });

  test('unlisted service keeps name', () => {
    const reason: RuleReason = {
      kind: 'rule',
      code: 'kitchen_down',
      params: { conditions: ['service_vital'], service: 'Cuisine centrale', urgency: 4 },
    };

    assert.equal(explainReason(reason, 'en'), 'Cuisine centrale → urgency High');
  });

  test('English name ignores accents', () => {
    const reason: RuleReason = {
      kind: 'rule',
      code: 'icu_down',
      params: { conditions: ['service_vital'], service: 'reanimation', urgency: 5 },
    };

    assert.equal(explainReason(reason, 'en'), 'Intensive care unit → urgency Very high');
  });
});
