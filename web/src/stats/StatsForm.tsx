import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_BY } from '../api/extraTypes';
import { useEntities, useGroups } from '../api/organisation';
import { LEVELS, PRIORITIES } from '../api/types';
import { DayField } from '../ui/DayField';
import { formatDayText, parseDayText } from '../ui/dayText';
import { Field } from '../ui/Field';

/** The statistics form's values; dates are local days, "2026-12-04", both included. */
export interface StatsForm {
  from: string;
  to: string;
  groupBy: string;
  interval: string;
  type: string;
  entityId: string;
  priority: string;
  level: string;
  assignedGroupId: string;
}

const INTERVALS = ['day', 'week', 'month'] as const;

interface StatsFormProps {
  initial: StatsForm;
  onApply: (values: StatsForm) => void;
  errorOf: (field: string) => string | undefined;
}

/** Period, grouping and filters of the report; nothing is applied until the form is submitted. */
export function StatsFilters({ initial, onApply, errorOf }: StatsFormProps) {
  const { t } = useTranslation();
  const entities = useEntities();
  const groups = useGroups();
  const formatId = useId();
  const [values, setValues] = useState(initial);
  // The period's days as typed (day/month/year), read when the form is submitted.
  const [days, setDays] = useState({ from: formatDayText(initial.from), to: formatDayText(initial.to) });
  const [invalid, setInvalid] = useState<('from' | 'to')[]>([]);
  const set = (key: keyof StatsForm) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Both days are required: a blank field is as invalid as 31/02/2026.
    const parsed = { from: parseDayText(days.from), to: parseDayText(days.to) };
    setInvalid((['from', 'to'] as const).filter((key) => !parsed[key]));
    const { from, to } = parsed;
    if (!from || !to) return;
    onApply({ ...values, from, to });
  };
  const day = (key: 'from' | 'to', label: string) => (
    <DayField
      label={label}
      formatId={formatId}
      value={days[key]}
      error={invalid.includes(key) ? t('filters.invalidDay') : errorOf(key)}
      onChange={(text) => setDays((current) => ({ ...current, [key]: text }))}
    />
  );
  const select = (key: keyof StatsForm, label: string, options: { value: string | number; label: string }[], any: 'any' | 'anyFeminine' | false = 'any') => (
    <Field label={label} error={errorOf(key)}>
      {(control) => (
        <select {...control} value={values[key]} onChange={set(key)}>
          {any !== false && <option value="">{t(`filters.${any}`)}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form className="filters card" onSubmit={submit} aria-label={t('stats.form')}>
      <p id={formatId} className="visually-hidden">
        {t('filters.dayFormat')}
      </p>
      {day('from', t('stats.from'))}
      {day('to', t('stats.to'))}
      {select('groupBy', t('stats.groupBy'), GROUP_BY.map((value) => ({ value, label: t(`stats.group.${value}`) })), false)}
      {select('interval', t('stats.interval'), INTERVALS.map((value) => ({ value, label: t(`stats.intervalOption.${value}`) })), false)}
      {select('type', t('filters.type'), [{ value: 'incident', label: t('type.incident') }, { value: 'request', label: t('type.request') }])}
      {select('entityId', t('filters.entity'), (entities.data?.items ?? []).map((entity) => ({ value: entity.id, label: entity.completeName })), 'anyFeminine')}
      {select('priority', t('filters.priority'), PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) })), 'anyFeminine')}
      {select('level', t('ticket.level'), LEVELS.map((value) => ({ value, label: value })))}
      {select('assignedGroupId', t('actions.group'), (groups.data?.items ?? []).filter((group) => group.isSupport).map((group) => ({ value: group.id, label: group.name })))}
      <div className="button-row filters-buttons">
        <button type="submit" className="button button-primary">
          {t('stats.show')}
        </button>
      </div>
    </form>
  );
}
