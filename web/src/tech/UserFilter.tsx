import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../api/organisation';
import type { UserSummary } from '../api/types';
import { RequesterPicker } from './RequesterPicker';

interface UserFilterProps {
  label: string;
  /** The user's id as written in the list's URL, '' for none. */
  value: string;
  onChange: (value: string) => void;
}

/** Picks one user for a list filter. A user given by id in the URL is looked up to show the name. */
export function UserFilter({ label, value, onChange }: UserFilterProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<UserSummary | null>(null);
  const id = value === '' ? null : Number(value);
  const known = picked !== null && picked.id === id ? picked : null;
  const lookup = useUser(id, known === null);
  const change = (user: UserSummary | null) => {
    setPicked(user);
    onChange(user === null ? '' : String(user.id));
  };

  const user = known ?? lookup.data ?? null;
  if (id === null || user !== null) return <RequesterPicker label={label} value={user} onChange={change} />;

  // The user is still loading or cannot be read by this user, so the id is shown in place of the name.
  return (
    <div className="field">
      <span className="label-text">{label}</span>
      <p className="picked">
        {t('filters.userNumber', { id: value })}{' '}
        <button type="button" className="button button-link" aria-label={t('picker.changeOne', { label })} onClick={() => change(null)}>
          {t('picker.change')}
        </button>
      </p>
    </div>
  );
}
