import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGroups } from '../api/organisation';
import { useTicketChange } from '../api/tickets';
import { LEVELS, type Level, type Ticket } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { ActionForm } from './ActionForm';

export interface ActionProps {
  ticket: Ticket;
  onDone: () => void;
}

export function FollowupForm({ ticket, onDone }: ActionProps) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [content, setContent] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const change = useTicketChange(ticket.id, () => ({ path: '/followups', body: { content, isPrivate } }));
  return (
    <ActionForm id="action-followup" title={t('actions.followup')} submitLabel={t('actions.add')} pending={change.isPending} error={change.error} onSubmit={() => change.mutate(undefined, { onSuccess: onDone })} onCancel={onDone}>
      <Field label={t('actions.content')} error={fieldError(change.error, 'content')} required>
        {(control) => <textarea {...control} rows={4} value={content} onChange={(event) => setContent(event.target.value)} required />}
      </Field>
      {can('ticket:add_private') && (
        <label className="checkbox">
          <input type="checkbox" checked={isPrivate} onChange={(event) => setPrivate(event.target.checked)} />
          {t('actions.private')}
        </label>
      )}
    </ActionForm>
  );
}

export function SolutionForm({ ticket, onDone }: ActionProps) {
  const { t } = useTranslation();
  const [content, setContent] = useState('');
  const change = useTicketChange(ticket.id, () => ({ path: '/solution', body: { content } }));
  return (
    <ActionForm id="action-solution" title={t('actions.solution')} submitLabel={t('actions.solve')} pending={change.isPending} error={change.error} onSubmit={() => change.mutate(undefined, { onSuccess: onDone })} onCancel={onDone}>
      <Field label={t('actions.solutionContent')} error={fieldError(change.error, 'content')} required>
        {(control) => <textarea {...control} rows={4} value={content} onChange={(event) => setContent(event.target.value)} required />}
      </Field>
    </ActionForm>
  );
}

export function HoldForm({ ticket, onDone }: ActionProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const change = useTicketChange(ticket.id, () => ({ path: '', method: 'PATCH', body: { status: 'waiting', waitingReason: reason } }));
  return (
    <ActionForm id="action-hold" title={t('actions.hold')} submitLabel={t('actions.holdSubmit')} pending={change.isPending} error={change.error} onSubmit={() => change.mutate(undefined, { onSuccess: onDone })} onCancel={onDone}>
      <Field label={t('actions.holdReason')} error={fieldError(change.error, 'waitingReason')} required>
        {(control) => <textarea {...control} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} required />}
      </Field>
    </ActionForm>
  );
}

export function EscalateForm({ ticket, onDone }: ActionProps) {
  const { t } = useTranslation();
  const groups = useGroups();
  const nextLevel = LEVELS[Math.min(LEVELS.length - 1, LEVELS.indexOf(ticket.level ?? 'N1') + 1)] ?? 'N2';
  const [toLevel, setToLevel] = useState<Level>(nextLevel);
  const [groupId, setGroupId] = useState('');
  const [reason, setReason] = useState('');
  const supportGroups = (groups.data?.items ?? []).filter((group) => group.isSupport && group.level === toLevel);
  const change = useTicketChange(ticket.id, () => ({
    path: '/escalations',
    body: { toLevel, reason, ...(groupId === '' ? {} : { groupId: Number(groupId) }) },
  }));
  return (
    <ActionForm id="action-escalate" title={t('actions.escalate')} submitLabel={t('actions.escalateSubmit')} pending={change.isPending} error={change.error} onSubmit={() => change.mutate(undefined, { onSuccess: onDone })} onCancel={onDone}>
      <div className="grid-2">
        <Field label={t('actions.toLevel')} error={fieldError(change.error, 'toLevel')}>
          {(control) => (
            <select
              {...control}
              value={toLevel}
              onChange={(event) => {
                setToLevel(event.target.value as Level);
                setGroupId('');
              }}
            >
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('actions.group')} error={fieldError(change.error, 'groupId')}>
          {(control) => (
            <select {...control} value={groupId} onChange={(event) => setGroupId(event.target.value)}>
              <option value="">{t('common.none')}</option>
              {supportGroups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('actions.escalateReason')} error={fieldError(change.error, 'reason')} required>
        {(control) => <textarea {...control} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} required />}
      </Field>
    </ActionForm>
  );
}
