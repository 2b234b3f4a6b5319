import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserSearch } from '../api/organisation';
import type { UserSummary } from '../api/types';
import { Field } from '../ui/Field';

interface RequesterPickerProps {
  label: string;
  hint?: string;
  value: UserSummary | null;
  onChange: (user: UserSummary | null) => void;
  error?: string | undefined;
}

/** Searches users by login (two characters at least) and keeps the one picked. */
export function RequesterPicker({ label, hint, value, onChange, error }: RequesterPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const search = useUserSearch(text);

  if (value !== null) {
    return (
      <div className="field">
        <span className="label-text">{label}</span>
        <p className="picked">
          {value.lastName} {value.firstName} ({value.login}){' '}
          <button type="button" className="button button-link" aria-label={t('picker.changeOne', { label })} onClick={() => onChange(null)}>
            {t('picker.change')}
          </button>
        </p>
      </div>
    );
  }

  const results = search.data?.items ?? [];
  return (
    <div className="picker">
      <Field label={label} hint={hint ?? t('picker.hint')} error={error}>
        {(control) => <input {...control} type="search" autoComplete="off" value={text} onChange={(event) => setText(event.target.value)} />}
      </Field>
      {text.trim().length >= 2 && (
        <ul className="picker-results" aria-label={t('picker.results')}>
          {search.isSuccess && results.length === 0 && <li className="muted">{t('picker.none')}</li>}
          {results.map((user) => (
            <li key={user.id}>
              <button type="button" className="button button-link" onClick={() => onChange(user)}>
                {user.lastName} {user.firstName} ({user.login})
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
