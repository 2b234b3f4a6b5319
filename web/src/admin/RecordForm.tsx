import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, fieldError } from '../ui/ErrorMessage';
import { type AdminRecord, useSaveRecord } from './adminApi';
import { FieldEditor } from './FieldEditor';
import type { ResourceSpec } from './resources';
import { type FormValues, initialValues, toBody } from './values';

interface RecordFormProps {
  resource: ResourceSpec;
  record: AdminRecord | null;
  onSaved: (record: AdminRecord) => void;
  onCancel: () => void;
}

/** Creates or edits one record; each API error shows under its field, in the user's language. */
export function RecordForm({ resource, record, onSaved, onCancel }: RecordFormProps) {
  const { t } = useTranslation();
  const creating = record === null;
  const fields = resource.fields.filter((field) => creating || field.createOnly !== true);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields, record));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useSaveRecord(resource.path);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { body, errors } = toBody(fields, values, creating);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate({ id: record?.id ?? null, body }, { onSuccess: onSaved });
  };

  const unmatched = save.error !== null && fields.every((field) => fieldError(save.error, field.name) === undefined);
  const title = creating ? t('admin.create', { what: t(`admin.resource.${resource.key}.one`) }) : t('admin.edit', { name: String(record[resource.columns[0] ?? 'name'] ?? record.id) });
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="record-form-title" noValidate>
      <h2 id="record-form-title">{title}</h2>
      <div className="grid-2">
        {fields.map((field) => (
          <div key={field.name} className={field.kind === 'json' || field.kind === 'rights' || field.kind === 'transitions' ? 'span-all' : undefined}>
            <FieldEditor
              field={field}
              value={values[field.name]}
              error={localErrors[field.name] === undefined ? fieldError(save.error, field.name) : t('admin.invalidJson', { message: localErrors[field.name] })}
              onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
            />
          </div>
        ))}
      </div>
      {unmatched && <ErrorMessage error={save.error} />}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('common.sending') : t('common.save')}
        </button>
        <button type="button" className="button button-link" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
