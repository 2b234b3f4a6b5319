import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionProvider';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { type AdminRecord, PAGE_SIZE, useAdminList, useChoices, useDeleteRecord } from './adminApi';
import { GroupMembers, SlaLevels, UserEntities } from './ExtraPanels';
import { recordName } from './FieldEditor';
import { RecordForm } from './RecordForm';
import type { ExtraPanel, ResourceSpec } from './resources';

const EXTRAS: Record<ExtraPanel, (props: { id: number }) => ReactNode> = {
  userEntities: UserEntities,
  groupMembers: GroupMembers,
  slaLevels: SlaLevels,
};

/** Renders a searchable, paged list of one resource with its create, edit and delete actions. */
export function CrudPage({ resource }: { resource: ResourceSpec }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<AdminRecord | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const list = useAdminList(resource.path, page, q);
  const remove = useDeleteRecord(resource.path);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const Extra = resource.extra === undefined ? null : EXTRAS[resource.extra];

  const onSaved = (record: AdminRecord) => {
    setSaved(t('admin.saved', { name: recordName(record) }));
    // A new record stays open when it has a panel to fill next (a user's entities, a group's members).
    setEditing(editing === 'new' && Extra !== null ? record : null);
  };
  const onDelete = (record: AdminRecord) => {
    if (window.confirm(t('admin.deleteConfirm', { name: recordName(record) }))) remove.mutate(record.id);
  };

  return (
    <div className="stack-large">
      <div className="page-title-row">
        <h1>{t(`admin.resource.${resource.key}.title`)}</h1>
        {can(`${resource.right}:create`) && editing === null && (
          <button type="button" className="button button-primary" onClick={() => { setSaved(null); setEditing('new'); }}>
            {t('admin.create', { what: t(`admin.resource.${resource.key}.one`) })}
          </button>
        )}
      </div>
      {saved !== null && (
        <p role="status" className="alert alert-success">
          {saved}
        </p>
      )}
      {editing !== null && (
        <>
          <RecordForm key={editing === 'new' ? 'new' : editing.id} resource={resource} record={editing === 'new' ? null : editing} onSaved={onSaved} onCancel={() => setEditing(null)} />
          {editing !== 'new' && Extra !== null && <Extra id={editing.id} />}
        </>
      )}
      <Field label={t('admin.search')}>
        {(control) => <input {...control} type="search" value={q} onChange={(event) => { setQ(event.target.value); setPage(1); }} />}
      </Field>
      <ErrorMessage error={list.error ?? remove.error} />
      <RecordTable resource={resource} records={list.data?.items ?? []} onEdit={(record) => { setSaved(null); setEditing(record); }} onDelete={onDelete} />
      <nav className="pagination" aria-label={t('list.pagination')}>
        <button type="button" className="button button-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('list.previous')}
        </button>
        <span>{t('list.pageOf', { page, pages })}</span>
        <button type="button" className="button button-secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('list.next')}
        </button>
      </nav>
    </div>
  );
}

interface RecordTableProps {
  resource: ResourceSpec;
  records: AdminRecord[];
  onEdit: (record: AdminRecord) => void;
  onDelete: (record: AdminRecord) => void;
}

function RecordTable({ resource, records, onEdit, onDelete }: RecordTableProps) {
  const { t } = useTranslation();
  const { can } = useSession();
  const name = (record: AdminRecord) => recordName(record);
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t(`admin.resource.${resource.key}.title`)}</caption>
        <thead>
          <tr>
            {resource.columns.map((column) => (
              <th key={column} scope="col">
                {t(`admin.field.${column}`, { defaultValue: column })}
              </th>
            ))}
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.id}>
              {resource.columns.map((column) => (
                <td key={column}>
                  <CellValue resource={resource} column={column} value={record[column]} />
                </td>
              ))}
              <td className="button-row">
                {can(`${resource.right}:update`) && (
                  <button type="button" className="button button-secondary" onClick={() => onEdit(record)} aria-label={t('admin.editOne', { name: name(record) })}>
                    {t('admin.editShort')}
                  </button>
                )}
                {can(`${resource.right}:delete`) && (
                  <button type="button" className="button button-link" onClick={() => onDelete(record)} aria-label={t('admin.deleteOne', { name: name(record) })}>
                    {t('admin.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Renders a list cell: names for references, Yes/No for booleans, option labels for selects. */
function CellValue({ resource, column, value }: { resource: ResourceSpec; column: string; value: unknown }) {
  const { t } = useTranslation();
  const field = resource.fields.find((item) => item.name === column);
  const choices = useChoices(field?.reference ?? '', field?.kind === 'reference');
  if (value === null || value === undefined) return <span className="muted">–</span>;
  if (typeof value === 'boolean') return <>{value ? t('admin.yes') : t('admin.no')}</>;
  if (field?.kind === 'reference') {
    const record = choices.data?.items.find((item) => item.id === value);
    return <>{record === undefined ? String(value) : recordName(record)}</>;
  }
  if (field?.kind === 'minutes' && typeof value === 'number') return <>{t('admin.minutes', { count: value / 60 })}</>;
  if (field?.kind === 'select') return <>{t(`admin.option.${column}.${String(value)}`, { defaultValue: String(value) })}</>;
  return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
}
