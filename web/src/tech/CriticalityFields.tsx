import { useTranslation } from 'react-i18next';
import { type CriticalityAnswers, PATIENT_CARE, PROFILES, SCOPES, SITES } from '../api/types';
import { fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';

export type CriticalityDraft = { [Key in keyof Omit<CriticalityAnswers, 'service'>]: CriticalityAnswers[Key] | '' };

export const EMPTY_CRITICALITY: CriticalityDraft = { scope: '', patientCare: '', site: '', profile: '' };

const QUESTIONS = [
  ['scope', SCOPES],
  ['patientCare', PATIENT_CARE],
  ['site', SITES],
  ['profile', PROFILES],
] as const;

/** The criticality grid's questions; the server turns the answers into urgency, impact and priority. */
export function CriticalityFields({ value, onChange, error }: { value: CriticalityDraft; onChange: (value: CriticalityDraft) => void; error: unknown }) {
  const { t } = useTranslation();
  return (
    <fieldset className="card">
      <legend>{t('newTicket.criticality')}</legend>
      <p className="hint">{t('newTicket.criticalityHint')}</p>
      <div className="grid-2">
        {QUESTIONS.map(([question, options]) => (
          <Field key={question} label={t(`criticality.${question}`)} error={fieldError(error, question)} required>
            {(control) => (
              <select {...control} value={value[question]} onChange={(event) => onChange({ ...value, [question]: event.target.value })} required>
                <option value="">{t('common.choose')}</option>
                {options.map((option) => (
                  <option key={option} value={option}>
                    {t(`criticality.${question}Option.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}

/** The answers to send, leaving out unanswered questions so that the server names each missing one. */
export function criticalityBody(draft: CriticalityDraft): Partial<CriticalityAnswers> {
  return Object.fromEntries(Object.entries(draft).filter(([, answer]) => answer !== '')) as Partial<CriticalityAnswers>;
}
