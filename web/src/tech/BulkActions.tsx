import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useCategories, useGroups } from '../api/organisation';
import { ticketKeys } from '../api/tickets';
import { PRIORITIES, STATUSES } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { useErrorText } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { type BulkResult, runBulk } from './bulk';

const KINDS = ['assignMe', 'assignGroup', 'status', 'category', 'priority'] as const;
type Kind = (typeof KINDS)[number];

const RIGHTS: Record<Kind, string> = {
  assignMe: 'ticket:assign',
  assignGroup: 'ticket:assign',
  status: 'ticket:update',
  category: 'ticket:update',
  priority: 'ticket:change_priority',
};

interface Values {
  groupId: string;
  status: string;
  waitingReason: string;
  categoryId: string;
  priority: string;
  reason: string;
}

const EMPTY: Values = { groupId: '', status: '', waitingReason: '', categoryId: '', priority: '', reason: '' };

/** Returns the request that applies the chosen action to one ticket. */
function requestFor(kind: Kind, values: Values, myId: number): (id: number) => Promise<unknown> {
  switch (kind) {
    case 'assignMe':
      return (id) => api(`/tickets/${id}/assignees`, { method: 'POST', body: { userId: myId } });
    case 'assignGroup':
      return (id) => api(`/tickets/${id}/assignees`, { method: 'POST', body: { groupId: Number(values.groupId) } });
    case 'status': {
      const body = values.status === 'waiting' ? { status: values.status, waitingReason: values.waitingReason } : { status: values.status };
      return (id) => api(`/tickets/${id}`, { method: 'PATCH', body });
    }
    case 'category':
      return (id) => api(`/tickets/${id}`, { method: 'PATCH', body: { categoryId: values.categoryId === '' ? null : Number(values.categoryId) } });
    case 'priority':
      return (id) => api(`/tickets/${id}`, { method: 'PATCH', body: { priority: Number(values.priority), overrideReason: values.reason } });
  }
}

function isComplete(kind: Kind, values: Values): boolean {
  if (kind === 'assignGroup') return values.groupId !== '';
  if (kind === 'status') return values.status !== '' && (values.status !== 'waiting' || values.waitingReason.trim() !== '');
  if (kind === 'priority') return values.priority !== '' && values.reason.trim() !== '';
  return true;
}

/** Applies one action to the selected tickets, one request per ticket, then sums up what worked. */
export function BulkActions({ ids, onDone }: { ids: number[]; onDone: (result: BulkResult) => void }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('assignMe');
  const [values, setValues] = useState<Values>(EMPTY);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);
  const set = (key: keyof Values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const available = KINDS.filter((item) => can(RIGHTS[item]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    const outcome = await runBulk(ids, requestFor(kind, values, me.id));
    setRunning(false);
    setResult(outcome);
    await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
    onDone(outcome);
  };

  return (
    <form className="card bulk-actions" aria-labelledby="bulk-title" onSubmit={(event) => void submit(event)}>
      <h2 id="bulk-title">{t('bulk.title', { count: ids.length })}</h2>
      <div className="inline-form">
        <Field label={t('bulk.action')}>
          {(control) => (
            <select {...control} value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
              {available.map((item) => (
                <option key={item} value={item}>
                  {t(`bulk.kind.${item}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <BulkFields kind={kind} values={values} set={set} />
        <button type="submit" className="button button-primary" disabled={running || ids.length === 0 || !isComplete(kind, values) || !available.includes(kind)}>
          {running ? t('common.sending') : t('bulk.apply')}
        </button>
      </div>
      {result !== null && <BulkSummary result={result} />}
    </form>
  );
}

function BulkFields({ kind, values, set }: { kind: Kind; values: Values; set: (key: keyof Values) => (event: { target: { value: string } }) => void }) {
  const { t } = useTranslation();
  const groups = useGroups(kind === 'assignGroup');
  const categories = useCategories(kind === 'category');
  if (kind === 'assignGroup') {
    return (
      <Field label={t('actions.group')}>
        {(control) => (
          <select {...control} value={values.groupId} onChange={set('groupId')} required>
            <option value="">{t('common.choose')}</option>
            {(groups.data?.items ?? []).filter((group) => group.isSupport).map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  if (kind === 'status') {
    return (
      <>
        <Field label={t('ticket.status')}>
          {(control) => (
            <select {...control} value={values.status} onChange={set('status')} required>
              <option value="">{t('common.choose')}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {values.status === 'waiting' && <Field label={t('actions.holdReason')}>{(control) => <input {...control} value={values.waitingReason} onChange={set('waitingReason')} required />}</Field>}
      </>
    );
  }
  if (kind === 'category') {
    return (
      <Field label={t('ticket.category')}>
        {(control) => (
          <select {...control} value={values.categoryId} onChange={set('categoryId')}>
            <option value="">{t('common.none')}</option>
            {(categories.data?.items ?? []).map((category) => (
              <option key={category.id} value={category.id}>
                {category.completeName}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  if (kind === 'priority') {
    return (
      <>
        <Field label={t('ticket.priority')}>
          {(control) => (
            <select {...control} value={values.priority} onChange={set('priority')} required>
              <option value="">{t('common.choose')}</option>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`priority.${priority}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('bulk.reason')}>{(control) => <input {...control} value={values.reason} onChange={set('reason')} required />}</Field>
      </>
    );
  }
  return null;
}

/** Shows how many tickets changed, then each failure with the server's message. */
export function BulkSummary({ result }: { result: BulkResult }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="bulk-summary">
      <p role="status" className={result.failed.length === 0 ? 'alert alert-success' : 'alert'}>
        {t('bulk.succeeded', { count: result.succeeded.length })} {result.failed.length > 0 && t('bulk.failedCount', { count: result.failed.length })}
      </p>
      {result.failed.length > 0 && (
        <ul className="alert alert-error" role="alert" aria-label={t('bulk.failures')}>
          {result.failed.map((failure) => (
            <li key={failure.id}>{t('bulk.failure', { id: failure.id, message: errorText(failure.error) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
