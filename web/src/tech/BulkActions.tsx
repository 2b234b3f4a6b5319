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
import { type BulkResult, runBulk, runMerge } from './bulk';

const KINDS = ['assignMe', 'assignGroup', 'status', 'category', 'priority', 'merge'] as const;
type Kind = (typeof KINDS)[number];

const RIGHTS: Record<Kind, string> = {
  assignMe: 'ticket:assign',
  assignGroup: 'ticket:assign',
  status: 'ticket:update',
  category: 'ticket:update',
  priority: 'ticket:change_priority',
  merge: 'ticket:merge',
};

interface Values {
  groupId: string;
  status: string;
  waitingReason: string;
  categoryId: string;
  priority: string;
  reason: string;
  /** The ticket that the other selected tickets are merged into. */
  intoTicketId: string;
}

const EMPTY: Values = { groupId: '', status: '', waitingReason: '', categoryId: '', priority: '', reason: '', intoTicketId: '' };

/** Returns the request that applies the chosen action to one ticket; a merge goes through `runMerge` instead. */
function requestFor(kind: Exclude<Kind, 'merge'>, values: Values, myId: number): (id: number) => Promise<unknown> {
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

/** Runs the chosen action on the selection and returns each ticket's outcome. */
function runAction(kind: Kind, values: Values, ids: number[], myId: number): Promise<BulkResult> {
  if (kind === 'merge') {
    const intoTicketId = Number(values.intoTicketId);
    return runMerge(ids, intoTicketId, (id) => api(`/tickets/${id}/merge`, { method: 'POST', body: { intoTicketId } }));
  }
  return runBulk(ids, requestFor(kind, values, myId));
}

function isComplete(kind: Kind, values: Values, ids: number[]): boolean {
  if (kind === 'merge') return ids.length >= 2 && ids.includes(Number(values.intoTicketId));
  if (kind === 'assignGroup') return values.groupId !== '';
  if (kind === 'status') return values.status !== '' && (values.status !== 'waiting' || values.waitingReason.trim() !== '');
  if (kind === 'priority') return values.priority !== '' && values.reason.trim() !== '';
  return true;
}

interface BulkActionsProps {
  ids: number[];
  /** Titles of tickets by id, to name the merge target; a ticket missing here is named by its number. */
  titles?: ReadonlyMap<number, string>;
  onDone: (result: BulkResult) => void;
}

/**
 * Applies one action to the selected tickets, one request per ticket, then sums up what worked.
 * The summary stays after the selection empties, as long as the parent keeps this mounted.
 */
export function BulkActions({ ids, titles, onDone }: BulkActionsProps) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('assignMe');
  const [values, setValues] = useState<Values>(EMPTY);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<{ result: BulkResult; message: string } | null>(null);
  const set = (key: keyof Values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const available = KINDS.filter((item) => can(RIGHTS[item]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const into = values.intoTicketId;
    if (kind === 'merge' && !window.confirm(t('bulk.mergeConfirm', { count: ids.length - 1, into }))) return;
    setRunning(true);
    const result = await runAction(kind, values, ids, me.id);
    setRunning(false);
    const count = result.succeeded.length;
    setOutcome({ result, message: kind === 'merge' ? t('bulk.merged', { count, into }) : t('bulk.succeeded', { count }) });
    await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
    onDone(result);
  };

  // Once every ticket succeeded the selection is empty, and only the outcome remains to show.
  if (ids.length === 0) {
    return outcome === null ? null : (
      <div className="card bulk-actions">
        <BulkSummary result={outcome.result} message={outcome.message} />
      </div>
    );
  }

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
        <BulkFields kind={kind} values={values} set={set} ids={ids} titles={titles} />
        <button type="submit" className="button button-primary" disabled={running || ids.length === 0 || !isComplete(kind, values, ids) || !available.includes(kind)}>
          {running ? t('common.sending') : t('bulk.apply')}
        </button>
      </div>
      {outcome !== null && <BulkSummary result={outcome.result} message={outcome.message} />}
    </form>
  );
}

interface BulkFieldsProps {
  kind: Kind;
  values: Values;
  set: (key: keyof Values) => (event: { target: { value: string } }) => void;
  ids: number[];
  titles: ReadonlyMap<number, string> | undefined;
}

function BulkFields({ kind, values, set, ids, titles }: BulkFieldsProps) {
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
  if (kind === 'merge') {
    return (
      <Field label={t('bulk.mergeTarget')} hint={ids.length < 2 ? t('bulk.mergeNeedsTwo') : t('bulk.mergeHint')}>
        {(control) => (
          <select {...control} value={values.intoTicketId} onChange={set('intoTicketId')} required>
            <option value="">{t('common.choose')}</option>
            {[...ids]
              .sort((a, b) => a - b)
              .map((id) => {
                const title = titles?.get(id);
                return (
                  <option key={id} value={id}>
                    {title === undefined ? t('ticket.number', { id }) : t('bulk.ticketOption', { id, title })}
                  </option>
                );
              })}
          </select>
        )}
      </Field>
    );
  }
  return null;
}

/** Shows how many tickets changed (or `message`, worded for the action), then each failure with the server's message. */
export function BulkSummary({ result, message }: { result: BulkResult; message?: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="bulk-summary">
      <p role="status" className={result.failed.length === 0 ? 'alert alert-success' : 'alert'}>
        {message ?? t('bulk.succeeded', { count: result.succeeded.length })} {result.failed.length > 0 && t('bulk.failedCount', { count: result.failed.length })}
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
