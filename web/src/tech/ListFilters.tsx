import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEntities } from '../api/organisation';
import { OPEN_STATUSES, PRIORITIES, STATUSES } from '../api/types';
import { Field } from '../ui/Field';

/** Filter values as the list page keeps them in its URL. Dates are local days, "2026-12-04". */
export interface FilterValues {
  status: string;
  type: string;
  priority: string;
  q: string;
  entityId: string;
  openedFrom: string;
  openedTo: string;
}

export const FILTER_KEYS: readonly (keyof FilterValues)[] = ['status', 'type', 'priority', 'q', 'entityId', 'openedFrom', 'openedTo'];

export const EMPTY_FILTERS: FilterValues = { status: '', type: '', priority: '', q: '', entityId: '', openedFrom: '', openedTo: '' };

interface ListFiltersProps {
  initial: FilterValues;
  onApply: (values: FilterValues) => void;
}

/** The list's search form; nothing is applied until the user submits it. */
export function ListFilters({ initial, onApply }: ListFiltersProps) {
  const { t } = useTranslation();
  const entities = useEntities();
  const [values, setValues] = useState<FilterValues>(initial);
  const set = (key: keyof FilterValues) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  const reset = () => {
    setValues(EMPTY_FILTERS);
    onApply(EMPTY_FILTERS);
  };

  return (
    <form className="filters card" onSubmit={submit} aria-label={t('filters.title')}>
      <Field label={t('filters.text')}>{(control) => <input {...control} type="search" value={values.q} onChange={set('q')} />}</Field>
      <Field label={t('filters.status')}>
        {(control) => (
          <select {...control} value={values.status} onChange={set('status')}>
            <option value="">{t('filters.any')}</option>
            <option value={OPEN_STATUSES.join(',')}>{t('filters.notSolved')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('filters.type')}>
        {(control) => (
          <select {...control} value={values.type} onChange={set('type')}>
            <option value="">{t('filters.any')}</option>
            <option value="incident">{t('type.incident')}</option>
            <option value="request">{t('type.request')}</option>
          </select>
        )}
      </Field>
      <Field label={t('filters.priority')}>
        {(control) => (
          <select {...control} value={values.priority} onChange={set('priority')}>
            <option value="">{t('filters.anyFeminine')}</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(`priority.${priority}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('filters.entity')}>
        {(control) => (
          <select {...control} value={values.entityId} onChange={set('entityId')}>
            <option value="">{t('filters.anyFeminine')}</option>
            {entities.data?.items.map((entity) => (
              <option key={entity.id} value={entity.id}>
                {entity.completeName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('filters.openedFrom')}>{(control) => <input {...control} type="date" value={values.openedFrom} onChange={set('openedFrom')} />}</Field>
      <Field label={t('filters.openedTo')}>{(control) => <input {...control} type="date" value={values.openedTo} onChange={set('openedTo')} />}</Field>
      <div className="button-row filters-buttons">
        <button type="submit" className="button button-primary">
          {t('filters.apply')}
        </button>
        <button type="button" className="button button-secondary" onClick={reset}>
          {t('filters.reset')}
        </button>
      </div>
    </form>
  );
}
