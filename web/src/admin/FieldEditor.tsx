import { useTranslation } from 'react-i18next';
import { STATUSES } from '../api/types';
import { type ControlProps, Field } from '../ui/Field';
import { PERMISSIONS } from '../../../src/access/permissions';
import { useChoices } from './adminApi';
import type { FieldSpec } from './resources';

interface EditorProps {
  field: FieldSpec;
  value: unknown;
  error: string | undefined;
  onChange: (value: unknown) => void;
}

/** Returns the display name of a record among reference choices. */
export function recordName(record: Record<string, unknown>): string {
  const name = record.completeName ?? record.name ?? (record.lastName === undefined ? undefined : `${String(record.lastName)} ${String(record.firstName ?? '')}`);
  return typeof name === 'string' ? name : String(record.id);
}

/** Renders the form control for the field's kind, labelled from the catalogs, with the API's error below it. */
export function FieldEditor({ field, value, error, onChange }: EditorProps) {
  const { t } = useTranslation();
  const label = t(`admin.field.${field.name}`, { defaultValue: field.name });
  if (field.kind === 'rights') return <RightsEditor label={label} value={value as string[]} error={error} onChange={onChange} />;
  if (field.kind === 'transitions') return <TransitionsEditor label={label} value={value as Record<string, string[]>} error={error} onChange={onChange} />;
  if (field.kind === 'checkbox') {
    return (
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />
          {label}
        </label>
        {error !== undefined && <p className="field-error">{error}</p>}
      </div>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const hints: Partial<Record<FieldSpec['kind'], string>> = {
    minutes: t('admin.minutesHint'),
    password: t('admin.passwordHint'),
    json: t(`admin.jsonHint.${field.name}`, { defaultValue: '' }),
  };
  const hint = hints[field.kind] || t(`admin.fieldHint.${field.name}`, { defaultValue: '' }) || undefined;
  return (
    <Field label={label} error={error} hint={hint} required={field.required === true && field.kind !== 'password'}>
      {(control) => {
        switch (field.kind) {
          case 'select':
            return (
              <select {...control} value={text} onChange={(event) => onChange(event.target.value)}>
                {(field.nullable === true || field.initial === undefined) && <option value="">{t('common.none')}</option>}
                {(field.options ?? []).map((option) => (
                  <option key={option} value={option}>
                    {t(`admin.option.${field.name}.${option}`, { defaultValue: option })}
                  </option>
                ))}
              </select>
            );
          case 'reference':
            return <ReferenceSelect control={control} path={field.reference ?? ''} value={text} onChange={onChange} />;
          case 'json':
            return <textarea {...control} className="code" rows={12} spellCheck={false} value={text} onChange={(event) => onChange(event.target.value)} />;
          case 'number':
          case 'minutes':
            return <input {...control} type="number" inputMode="numeric" min={field.min} max={field.max} value={text} onChange={(event) => onChange(event.target.value)} />;
          case 'password':
            return <input {...control} type="password" autoComplete="new-password" value={text} onChange={(event) => onChange(event.target.value)} />;
          default:
            return <input {...control} value={text} onChange={(event) => onChange(event.target.value)} />;
        }
      }}
    </Field>
  );
}

function ReferenceSelect({ control, path, value, onChange }: { control: ControlProps; path: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const choices = useChoices(path);
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('common.none')}</option>
      {(choices.data?.items ?? []).map((record) => (
        <option key={record.id} value={record.id}>
          {recordName(record)}
        </option>
      ))}
    </select>
  );
}

const RESOURCES_OF_RIGHTS = [...new Set(PERMISSIONS.map((right) => right.split(':')[0] ?? ''))];

function RightsEditor({ label, value, error, onChange }: { label: string; value: string[]; error: string | undefined; onChange: (value: string[]) => void }) {
  const { t } = useTranslation();
  const toggle = (right: string, checked: boolean) => onChange(checked ? [...value, right] : value.filter((item) => item !== right));
  return (
    <fieldset className="rights-editor">
      <legend>{label}</legend>
      {RESOURCES_OF_RIGHTS.map((resource) => (
        <fieldset key={resource} className="rights-group">
          <legend>{t(`admin.rightGroup.${resource}`, { defaultValue: resource })}</legend>
          {PERMISSIONS.filter((right) => right.startsWith(`${resource}:`)).map((right) => (
            <label key={right} className="checkbox">
              <input type="checkbox" checked={value.includes(right)} onChange={(event) => toggle(right, event.target.checked)} />
              <code>{right}</code>
            </label>
          ))}
        </fieldset>
      ))}
      {error !== undefined && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** Renders a grid of checkboxes, one per pair of statuses: a checked box forbids moving from the row's status to the column's. */
function TransitionsEditor({ label, value, error, onChange }: { label: string; value: Record<string, string[]>; error: string | undefined; onChange: (value: Record<string, string[]>) => void }) {
  const { t } = useTranslation();
  const toggle = (from: string, to: string, checked: boolean) => {
    const current = value[from] ?? [];
    const next = checked ? [...current, to] : current.filter((item) => item !== to);
    const copy = { ...value };
    if (next.length === 0) delete copy[from];
    else copy[from] = next;
    onChange(copy);
  };
  return (
    <fieldset className="transitions-editor">
      <legend>{label}</legend>
      <p className="hint">{t('admin.transitionsHint')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.transitionFrom')}</th>
            {STATUSES.map((to) => (
              <th key={to} scope="col">
                {t(`status.${to}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STATUSES.map((from) => (
            <tr key={from}>
              <th scope="row">{t(`status.${from}`)}</th>
              {STATUSES.map((to) => (
                <td key={to}>
                  {from !== to && (
                    <input
                      type="checkbox"
                      aria-label={t('admin.transitionLabel', { from: t(`status.${from}`), to: t(`status.${to}`) })}
                      checked={(value[from] ?? []).includes(to)}
                      onChange={(event) => toggle(from, to, event.target.checked)}
                    />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {error !== undefined && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
