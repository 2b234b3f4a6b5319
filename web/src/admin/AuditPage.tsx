import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../api/client';
import { useSession } from '../session/SessionProvider';
import { ErrorMessage, fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { dayAfter, dayStart, formatDateTime } from '../ui/format';

interface AuditEntry {
  seq: number;
  occurredAt: string;
  actorId: number | null;
  actorLogin: string | null;
  ip: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  changes: Record<string, unknown>;
}

interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

interface Verification {
  ok: boolean;
  rowsChecked: number;
  lastSeq: number;
  firstBreak?: { seq: number; kind: string; message: string };
}

const FILTERS = ['action', 'recordType', 'recordId', 'actorId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const INPUT_TYPES: Partial<Record<keyof Filters, string>> = { from: 'date', to: 'date', actorId: 'number' };
const EMPTY: Filters = { action: '', recordType: '', recordId: '', actorId: '', from: '', to: '' };
const PAGE = 100;

/** Renders the audit trail, newest first, with filters, older pages on demand (keyset on `seq`) and the hash chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const params = { ...filters, from: dayStart(filters.from), to: dayAfter(filters.to), limit: PAGE };
  const entries = useInfiniteQuery({
    queryKey: ['admin', 'audit', params],
    queryFn: ({ pageParam }) => api<AuditPage>(`/audit${queryString({ ...params, before: pageParam ?? undefined })}`),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
  const verify = useMutation({ mutationFn: () => api<Verification>('/audit/verify') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack-large">
      <h1>{t('admin.audit.title')}</h1>
      <section className="card stack" aria-labelledby="verify-title">
        <h2 id="verify-title">{t('admin.audit.verifyTitle')}</h2>
        <p>{t('admin.audit.verifyIntro')}</p>
        <button type="button" className="button button-secondary" disabled={verify.isPending} onClick={() => verify.mutate()}>
          {t('admin.audit.verify')}
        </button>
        <ErrorMessage error={verify.error} />
        {verify.data !== undefined && (
          <p role="status" className={verify.data.ok ? 'alert alert-success' : 'alert alert-error'}>
            {verify.data.ok
              ? t('admin.audit.chainOk', { count: verify.data.rowsChecked, last: verify.data.lastSeq })
              : t('admin.audit.chainBroken', { seq: verify.data.firstBreak?.seq ?? '', message: verify.data.firstBreak?.message ?? '' })}
          </p>
        )}
      </section>
      <form className="filters card" onSubmit={submit} aria-label={t('filters.title')}>
        {FILTERS.map((key) => (
          <Field key={key} label={t(`admin.audit.filter.${key}`)} error={fieldError(entries.error, key)}>
            {(control) => <input {...control} type={INPUT_TYPES[key] ?? 'text'} value={draft[key]} onChange={set(key)} />}
          </Field>
        ))}
        <div className="button-row filters-buttons">
          <button type="submit" className="button button-primary">
            {t('filters.apply')}
          </button>
        </div>
      </form>
      <ErrorMessage error={entries.error} />
      <AuditTable rows={rows} />
      {entries.hasNextPage && (
        <button type="button" className="button button-secondary" disabled={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
          {t('admin.audit.older')}
        </button>
      )}
    </div>
  );
}

function AuditTable({ rows }: { rows: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('admin.audit.title')}</caption>
        <thead>
          <tr>
            {['seq', 'occurredAt', 'actor', 'action', 'record', 'changes'].map((column) => (
              <th key={column} scope="col">
                {t(`admin.audit.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq}>
              <td>{row.seq}</td>
              <td>{formatDateTime(row.occurredAt, i18n.language, me.timeZone)}</td>
              <td>{row.actorLogin ?? t('history.system')}</td>
              <td>
                <code>{row.action}</code>
              </td>
              <td>
                {row.recordType}
                {row.recordId === null ? '' : ` ${row.recordId}`}
              </td>
              <td className="cell-json">
                <code>{JSON.stringify(row.changes)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
