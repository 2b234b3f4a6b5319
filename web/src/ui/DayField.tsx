import { useTranslation } from 'react-i18next';
import { Field } from './Field';

export interface DayFieldProps {
  label: string;
  hint?: string | undefined;
  /** Id of the sentence that gives the expected format, read after the label. */
  formatId: string;
  value: string;
  error: string | undefined;
  onChange: (text: string) => void;
}

/** Renders a date field typed as day/month/year; dayText.ts explains why it is not <input type="date">. */
export function DayField({ label, hint, formatId, value, error, onChange }: DayFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          aria-describedby={[formatId, control['aria-describedby']].filter((id) => id !== undefined).join(' ')}
          type="text"
          autoComplete="off"
          placeholder={t('filters.dayPlaceholder')}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
