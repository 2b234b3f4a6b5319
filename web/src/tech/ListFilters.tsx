import { type FormEvent, memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories, useEntities, useGroups, useLocations, useServices } from '../api/organisation';
import { LEVELS, OPEN_STATUSES, PRIORITIES, PROFILES, STATUSES } from '../api/types';
import { DayField } from '../ui/DayField';
import { Field } from '../ui/Field';
import { type DateKey, type DateTexts, dateTextsOf, EMPTY_FILTERS, type FilterKey, type FilterValues, readDateTexts } from './listQuery';
import { UserFilter } from './UserFilter';

/** Filters under "More criteria"; the disclosure opens by itself when one of them is set. */
const MORE_KEYS: readonly FilterKey[] = [
  'requesterId',
  'requesterProfile',
  'locationId',
  'serviceId',
  'level',
  'urgency',
  'impact',
  'ttrLate',
  'survey',
  'measured',
  'updatedFrom',
  'updatedTo',
  'solvedFrom',
  'solvedTo',
  'closedFrom',
  'closedTo',
  'dueBefore',
];

const URGENCY_LEVELS = [1, 2, 3, 4, 5] as const;
const MEASURES = ['takeDelay', 'solveDelay', 'closeDelay', 'actionTime'] as const;

interface Option {
  value: string | number;
  label: string;
}

interface ListFiltersProps {
  initial: FilterValues;
  onApply: (values: FilterValues) => void;
}

/** Renders the list's search form, one field per criterion of the ticket list API. Nothing is applied until the user submits it. */
function ListFiltersForm({ initial, onApply }: ListFiltersProps) {
  const { t } = useTranslation();
  const formatId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FilterValues>(initial);
  const [dates, setDates] = useState<DateTexts>(() => dateTextsOf(initial));
  const [invalid, setInvalid] = useState<DateKey[]>([]);
  const [moreOpen, setMoreOpen] = useState(() => MORE_KEYS.some((key) => initial[key] !== ''));
  const entities = useEntities();
  const categories = useCategories();
  const groups = useGroups();
  const locations = useLocations(moreOpen);
  const services = useServices(moreOpen);

  useEffect(() => {
    // After a refused submit, the focus goes to the first date to correct.
    if (invalid.length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalid]);

  const setValue = (key: FilterKey) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readDateTexts(dates, initial);
    setInvalid(read.invalid);
    if (read.invalid.length > 0) {
      setMoreOpen(true);
      return;
    }
    onApply({ ...values, ...read.values });
  };
  const reset = () => {
    setValues(EMPTY_FILTERS);
    setDates(dateTextsOf(EMPTY_FILTERS));
    setInvalid([]);
    onApply(EMPTY_FILTERS);
  };

  const select = (key: FilterKey, label: string, anyLabel: string, options: Option[]) => (
    <SelectFilter label={label} value={values[key]} onChange={setValue(key)} anyLabel={anyLabel} options={options} />
  );
  const day = (key: DateKey, label: string, hint?: string) => (
    <DayField
      label={label}
      hint={hint}
      formatId={formatId}
      value={dates[key]}
      error={invalid.includes(key) ? t('filters.invalidDay') : undefined}
      onChange={(text) => setDates((current) => ({ ...current, [key]: text }))}
    />
  );
  const activeMore = MORE_KEYS.filter((key) => initial[key] !== '').length;

  return (
    <form ref={form} className="filters card" onSubmit={submit} aria-label={t('filters.title')}>
      <p id={formatId} className="visually-hidden">
        {t('filters.dayFormat')}
      </p>
      <Field label={t('filters.text')}>{(control) => <input {...control} type="search" value={values.q} onChange={(event) => setValue('q')(event.target.value)} />}</Field>
      {select('status', t('filters.status'), t('filters.any'), [
        { value: OPEN_STATUSES.join(','), label: t('filters.notSolved') },
        ...STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
      ])}
      {select('type', t('filters.type'), t('filters.any'), [
        { value: 'incident', label: t('type.incident') },
        { value: 'request', label: t('type.request') },
      ])}
      {select('priority', t('filters.priority'), t('filters.anyFeminine'), PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) })))}
      {select('entityId', t('filters.entity'), t('filters.anyFeminine'), (entities.data?.items ?? []).map((entity) => ({ value: entity.id, label: entity.completeName })))}
      {categories.available && (
        <>
          {select('categoryId', t('filters.category'), t('filters.anyFeminine'), [
            { value: 'none', label: t('filters.noCategory') },
            ...(categories.data?.items ?? []).map((category) => ({ value: category.id, label: category.completeName })),
          ])}
          <label className="checkbox filters-checkbox">
            <input
              type="checkbox"
              checked={values.includeSubcategories !== 'false'}
              disabled={values.categoryId === '' || values.categoryId === 'none'}
              onChange={(event) => setValue('includeSubcategories')(event.target.checked ? '' : 'false')}
            />
            {t('filters.includeSubcategories')}
          </label>
        </>
      )}
      <UserFilter label={t('filters.technician')} value={values.assignedUserId} onChange={setValue('assignedUserId')} />
      {select('withoutTechnician', t('filters.withoutTechnician'), t('filters.any'), [
        { value: 'true', label: t('filters.withoutTechnicianYes') },
        { value: 'false', label: t('filters.withoutTechnicianNo') },
      ])}
      {select('assignedGroupId', t('filters.group'), t('filters.any'), [
        { value: 'none', label: t('filters.noGroup') },
        ...(groups.data?.items ?? []).filter((group) => group.isSupport).map((group) => ({ value: group.id, label: group.name })),
      ])}
      {select('late', t('filters.late'), t('filters.any'), [
        { value: 'true', label: t('filters.lateYes') },
        { value: 'false', label: t('filters.lateNo') },
      ])}
      {day('openedFrom', t('filters.openedFrom'))}
      {day('openedTo', t('filters.openedTo'))}

      <details className="filters-more span-all" open={moreOpen} onToggle={(event) => setMoreOpen(event.currentTarget.open)}>
        <summary>
          {t('filters.more')}
          {activeMore > 0 && ` (${t('filters.activeCount', { count: activeMore })})`}
        </summary>
        <div className="filters-grid">
          <UserFilter label={t('filters.requester')} value={values.requesterId} onChange={setValue('requesterId')} />
          {select('requesterProfile', t('filters.requesterProfile'), t('filters.anyFeminine'), [
            { value: 'none', label: t('filters.noProfile') },
            ...PROFILES.map((profile) => ({ value: profile, label: t(`profile.${profile}`) })),
          ])}
          {select('locationId', t('filters.location'), t('filters.any'), (locations.data?.items ?? []).map((location) => ({ value: location.id, label: location.completeName })))}
          {select('serviceId', t('filters.service'), t('filters.any'), [
            { value: 'none', label: t('filters.noService') },
            ...(services.data?.items ?? []).map((service) => ({ value: service.id, label: service.name })),
          ])}
          {select('level', t('filters.level'), t('filters.any'), [{ value: 'none', label: t('filters.noLevel') }, ...LEVELS.map((level) => ({ value: level, label: level }))])}
          {select('urgency', t('filters.urgency'), t('filters.anyFeminine'), URGENCY_LEVELS.map((level) => ({ value: level, label: t(`level5.${level}`) })))}
          {select('impact', t('filters.impact'), t('filters.any'), URGENCY_LEVELS.map((level) => ({ value: level, label: t(`impact5.${level}`) })))}
          {select('ttrLate', t('filters.ttrLate'), t('filters.any'), [
            { value: 'true', label: t('filters.ttrLateYes') },
            { value: 'false', label: t('filters.ttrLateNo') },
          ])}
          {select('survey', t('filters.survey'), t('filters.any'), [
            { value: 'opened', label: t('filters.surveyOpened') },
            { value: 'answered', label: t('filters.surveyAnswered') },
          ])}
          {select('measured', t('filters.measured'), t('filters.any'), MEASURES.map((measure) => ({ value: measure, label: t(`filters.measuredOption.${measure}`) })))}
          {day('updatedFrom', t('filters.updatedFrom'))}
          {day('updatedTo', t('filters.updatedTo'))}
          {day('solvedFrom', t('filters.solvedFrom'))}
          {day('solvedTo', t('filters.solvedTo'))}
          {day('closedFrom', t('filters.closedFrom'))}
          {day('closedTo', t('filters.closedTo'))}
          {day('dueBefore', t('filters.dueBefore'), t('filters.dueBeforeHint'))}
        </div>
      </details>

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

/** The form renders hundreds of options: memoized, it renders again only when its URL values or callback change. */
export const ListFilters = memo(ListFiltersForm);

interface SelectFilterProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  anyLabel: string;
  options: Option[];
}

/**
 * Renders the select of one filter. A value from the URL that no option matches (a list such as "5,6", or a
 * record the user cannot see) gets an option of its own, so applying the form keeps it.
 */
function SelectFilter({ label, value, onChange, anyLabel, options }: SelectFilterProps) {
  const { t } = useTranslation();
  const listed = value === '' || options.some((option) => String(option.value) === value);
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{anyLabel}</option>
          {!listed && <option value={value}>{t('filters.currentValue', { value })}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
