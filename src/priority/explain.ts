import type { AnswerCode, AnswerReason, CriticalitySuggestion, Reason, RuleReason } from './criticality.js';
import { normalizeServiceName } from './grid.js';
import { impactLabel, priorityLabel, urgencyLabel } from './labels.js';
import type { Locale } from './labels.js';

type Text = Readonly<Record<Locale, string>>;

/** Short labels of the answers, written to read well after a service name and a "+". */
export const ANSWER_LABELS: Readonly<Record<AnswerCode, Text>> = {
  scope_one_user: { fr: 'un seul utilisateur', en: 'a single user' },
  scope_several_users: { fr: 'plusieurs utilisateurs', en: 'several users' },
  scope_whole_service: { fr: 'tout un service', en: 'a whole service' },
  scope_several_services: { fr: 'plusieurs services', en: 'several services' },
  scope_whole_site: { fr: 'tout le site', en: 'the whole site' },
  service_vital: { fr: 'service vital', en: 'vital service' },
  service_high: { fr: 'service à criticité haute', en: 'high-criticality service' },
  service_normal: { fr: 'service à criticité normale', en: 'normal-criticality service' },
  service_low: { fr: 'service à criticité basse', en: 'low-criticality service' },
  profile_medecin: { fr: 'médecin', en: 'doctor' },
  profile_infirmier: { fr: 'infirmier', en: 'nurse' },
  profile_cadre_sante: { fr: 'cadre de santé', en: 'nurse manager' },
  profile_secretaire: { fr: 'secrétaire', en: 'secretary' },
  profile_administratif: { fr: 'personnel administratif', en: 'administrative staff' },
  profile_technicien: { fr: 'technicien', en: 'technician' },
  profile_autre: { fr: 'autre profil', en: 'other profile' },
  site_hospital: { fr: 'site hospitalier', en: 'hospital site' },
  site_ehpad: { fr: 'EHPAD', en: 'nursing home (EHPAD)' },
  site_administrative: { fr: 'site administratif', en: 'administrative site' },
  patient_care_interrupted: { fr: 'prise en charge interrompue', en: 'patient care interrupted' },
  patient_care_degraded: { fr: 'prise en charge dégradée', en: 'patient care degraded' },
  patient_care_unaffected: { fr: 'prise en charge non affectée', en: 'patient care unaffected' },
};

/** English names of the services in the default service list; other names are shown as written. */
export const SERVICE_NAMES_EN: Readonly<Record<string, string>> = {
  Urgences: 'Emergency department',
  SAMU: 'SAMU (emergency medical service)',
  SMUR: 'SMUR (mobile emergency unit)',
  'Bloc opératoire': 'Operating theatre',
  Réanimation: 'Intensive care unit',
  'Soins intensifs': 'Critical care unit',
  'Salle de naissance': 'Delivery room',
  Radiologie: 'Radiology',
  'Imagerie médicale': 'Medical imaging',
  Pharmacie: 'Pharmacy',
  Laboratoire: 'Laboratory',
  Dialyse: 'Dialysis',
  Stérilisation: 'Sterilisation',
  Maternité: 'Maternity',
  Direction: 'Management',
  'Ressources humaines': 'Human resources',
  'Services économiques': 'Purchasing department',
};

/** Sentence templates; `{name}` is replaced by the parameter of that name. */
export const EXPLANATION_TEXTS = {
  answer: { fr: '{answer} → {effects}', en: '{answer} → {effects}' },
  namedService: { fr: '{service} ({criticality})', en: '{service} ({criticality})' },
  urgencyPoints: { fr: 'urgence +{points}', en: 'urgency +{points}' },
  impactPoints: { fr: 'impact +{points}', en: 'impact +{points}' },
  urgencyTotal: { fr: 'Urgence : {points} → {level}', en: 'Urgency: {points} → {level}' },
  impactTotal: { fr: 'Impact : {points} → {level}', en: 'Impact: {points} → {level}' },
  pointsOne: { fr: '{count} point', en: '{count} point' },
  pointsOther: { fr: '{count} points', en: '{count} points' },
  rule: { fr: '{conditions} → {outcome}', en: '{conditions} → {outcome}' },
  ruleUrgency: { fr: 'urgence {level}', en: 'urgency {level}' },
  ruleImpact: { fr: 'impact {level}', en: 'impact {level}' },
  priority: {
    fr: 'Matrice de priorité : urgence {urgency} × impact {impact} → priorité {priority}',
    en: 'Priority matrix: urgency {urgency} × impact {impact} → priority {priority}',
  },
} as const satisfies Record<string, Text>;

type TextKey = keyof typeof EXPLANATION_TEXTS;

function render(key: TextKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return EXPLANATION_TEXTS[key][locale].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    String(params[name] ?? placeholder),
  );
}

function capitalize(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

function serviceName(name: string, locale: Locale): string {
  if (locale === 'fr') {
    return name;
  }
  const key = normalizeServiceName(name);
  const entry = Object.entries(SERVICE_NAMES_EN).find(([french]) => normalizeServiceName(french) === key);
  return entry?.[1] ?? name;
}

function pointsText(count: number, locale: Locale): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'pointsOne' : 'pointsOther';
  return render(form, locale, { count });
}

function explainAnswer(reason: AnswerReason, locale: Locale): string {
  const { urgencyPoints, impactPoints, service } = reason.params;
  const criticality = ANSWER_LABELS[reason.code][locale];
  const answer =
    service === undefined ? criticality : render('namedService', locale, { service: serviceName(service, locale), criticality });

  const effects: string[] = [];
  if (urgencyPoints > 0) {
    effects.push(render('urgencyPoints', locale, { points: urgencyPoints }));
  }
  if (impactPoints > 0) {
    effects.push(render('impactPoints', locale, { points: impactPoints }));
  }
  return render('answer', locale, { answer: capitalize(answer, locale), effects: effects.join(', ') });
}

function explainRule(reason: RuleReason, locale: Locale): string {
  const { conditions, service, urgency, impact } = reason.params;
  const conditionTexts = conditions.map((code) =>
    code.startsWith('service_') && service !== undefined ? serviceName(service, locale) : ANSWER_LABELS[code][locale],
  );

  const outcomes: string[] = [];
  if (urgency !== undefined) {
    outcomes.push(render('ruleUrgency', locale, { level: urgencyLabel(urgency, locale) }));
  }
  if (impact !== undefined) {
    outcomes.push(render('ruleImpact', locale, { level: impactLabel(impact, locale) }));
  }
  const text = render('rule', locale, { conditions: conditionTexts.join(' + '), outcome: outcomes.join(', ') });
  return capitalize(text, locale);
}

/** Renders one reason as a sentence in the given language. */
export function explainReason(reason: Reason, locale: Locale): string {
  switch (reason.kind) {
    case 'answer':
      return explainAnswer(reason, locale);
    case 'level': {
      const { points, level } = reason.params;
      if (reason.code === 'urgency_points') {
        return render('urgencyTotal', locale, { points: pointsText(points, locale), level: urgencyLabel(level, locale) });
      }
      return render('impactTotal', locale, { points: pointsText(points, locale), level: impactLabel(level, locale) });
    }
    case 'rule':
      return explainRule(reason, locale);
    case 'priority':
      return render('priority', locale, {
        urgency: urgencyLabel(reason.params.urgency, locale),
        impact: impactLabel(reason.params.impact, locale),
        priority: priorityLabel(reason.params.priority, locale),
      });
  }
}

/** Renders a suggestion's reasons as one line each, in the order they were recorded. */
export function explainCriticality(result: Pick<CriticalitySuggestion, 'reasons'>, locale: Locale): string[] {
  return result.reasons.map((reason) => explainReason(reason, locale));
}
