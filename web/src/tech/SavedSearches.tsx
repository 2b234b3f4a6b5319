import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteSearch, useSavedSearches, useSaveSearch } from '../api/dashboard';
import { ErrorMessage, fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';

interface SavedSearchesProps {
  /** The list route's parameters of the search on screen. */
  current: Record<string, string>;
  onOpen: (query: Record<string, string>) => void;
}

/** Lists the user's saved searches to open or delete, and saves the search on screen under a name. */
export function SavedSearches({ current, onOpen }: SavedSearchesProps) {
  const { t } = useTranslation();
  const searches = useSavedSearches();
  const save = useSaveSearch();
  const remove = useDeleteSearch();
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const items = searches.data ?? [];
  const selected = items.find((item) => String(item.id) === chosen);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name, query: current }, { onSuccess: (created) => { setName(''); setChosen(String(created.id)); } });
  };

  return (
    <details className="card saved-searches">
      <summary>{t('saved.title')}</summary>
      <div className="saved-searches-body">
        <div className="inline-form">
          <Field label={t('saved.choose')}>
            {(control) => (
              <select {...control} value={chosen} onChange={(event) => setChosen(event.target.value)}>
                <option value="">{items.length === 0 ? t('saved.none') : t('common.choose')}</option>
                {items.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="button button-secondary" disabled={selected === undefined} onClick={() => selected !== undefined && onOpen(selected.query)}>
            {t('saved.open')}
          </button>
          <button
            type="button"
            className="button button-link"
            disabled={selected === undefined || remove.isPending}
            onClick={() => selected !== undefined && remove.mutate(selected.id, { onSuccess: () => setChosen('') })}
          >
            {t('saved.delete')}
          </button>
        </div>
        <form className="inline-form" onSubmit={submit}>
          <Field label={t('saved.name')} error={fieldError(save.error, 'name') ?? fieldError(save.error, 'query')}>
            {(control) => <input {...control} value={name} maxLength={100} onChange={(event) => setName(event.target.value)} required />}
          </Field>
          <button type="submit" className="button button-primary" disabled={save.isPending || name.trim() === ''}>
            {t('saved.save')}
          </button>
        </form>
        <ErrorMessage error={searches.error ?? remove.error ?? (fieldError(save.error, 'name') === undefined ? save.error : null)} />
        {save.isSuccess && (
          <p role="status" className="muted">
            {t('saved.saved', { name: save.data.name })}
          </p>
        )}
      </div>
    </details>
  );
}
