import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGroups } from '../api/organisation';
import { useTicketChange } from '../api/tickets';
import { PRIORITIES, type UserSummary } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { localInputToIso } from '../ui/format';
import { ActionForm } from './ActionForm';
import type { ActionProps } from './ActionForms';
import { RequesterPicker } from './RequesterPicker';

export function AssignForm({ ticket, onDone }: ActionProps) {
  const { t } = useTranslation();
  const groups = useGroups();
  const [user, setUser] = useState<UserSummary | null>(null);
  const [groupId, setGroupId] = useState('');
  const change = useTicketChange(ticket.id, () => ({ path: '/assignees', body: user !== null ? { userId: user.id } : { groupId: Number(groupId) } }));
  const supportGroups = (groups.data?.items ?? []).filter((group) => group.isSupport);
  return (
    <ActionForm id="action-assign" title={t('actions.assign')} submitLabel={t('actions.assignSubmit')} pending={change.isPending} error={change.error} onSubmit={() => change.mutate(undefined, { onSuccess: onDone })} onCancel={onDone}>
      <RequesterPicker label={t('actions.technician')} value={user} onChange={setUser} error={fieldError(change.error, 'userId')} />
      {user === null && (
        <Field label={t('actions.orGroup')} error={fieldError(change.error, 'groupId')}>
          {(control) => (
            <select {...control} value={groupId} onChange={(event) => setGroupId(event.target.value)}>
              <option value="">{t('common.choose')}</option>
              {supportGroups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.level === null ? group.name : `${group.name} (${group.level})`}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </ActionForm>
  );
}

export function TaskForm({ ticket, onDone }: ActionProps) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [content, setContent] = useState('');
  const [minutes, setMinutes] = useState('');
  const [mode, setMode] = useState<'remote' | 'on_site'>('remote');
  const [plannedStart, setPlannedStart] = useState('');
  const [plannedEnd, setPlannedEnd] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const start = localInputToIso(plannedStart);
  const end = localInputToIso(plannedEnd);
  const change = useTicketChange(ticket.id, () => ({
    path: '/tasks',
    body: {
      content,
      isPrivate,
      mode,
      durationSeconds: Math.round(Number(minutes || 0) * 60),
      ...(start === undefined ? {} : { plannedStart: start }),
      ...(end === undefined ? {} : { plannedEnd: end }),
    },
  }));
  return (
    <ActionForm id="action-task" title={t('actions.task')} submitLabel={t('actions.add')} pending={change.isPending} error={change.error} onSubmit={() => change.mutate(undefined, { onSuccess: onDone })} onCancel={onDone}>
      <Field label={t('actions.content')} error={fieldError(change.error, 'content')} required>
        {(control) => <textarea {...control} rows={3} value={content} onChange={(event) => setContent(event.target.value)} required />}
      </Field>
      <div className="grid-2">
        <Field label={t('actions.duration')} error={fieldError(change.error, 'durationSeconds')}>
          {(control) => <input {...control} type="number" min={0} step={5} inputMode="numeric" value={minutes} onChange={(event) => setMinutes(event.target.value)} />}
        </Field>
        <Field label={t('actions.mode')} error={fieldError(change.error, 'mode')}>
          {(control) => (
            <select {...control} value={mode} onChange={(event) => setMode(event.target.value === 'on_site' ? 'on_site' : 'remote')}>
              <option value="remote">{t('actions.remote')}</option>
              <option value="on_site">{t('actions.onSite')}</option>
            </select>
          )}
        </Field>
        <Field label={t('actions.plannedStart')} error={fieldError(change.error, 'plannedStart')}>
          {(control) => <input {...control} type="datetime-local" value={plannedStart} onChange={(event) => setPlannedStart(event.target.value)} />}
        </Field>
        <Field label={t('actions.plannedEnd')} error={fieldError(change.error, 'plannedEnd')}>
          {(control) => <input {...control} type="datetime-local" value={plannedEnd} onChange={(event) => setPlannedEnd(event.target.value)} />}
        </Field>
      </div>
      {can('ticket:add_private') && (
        <label className="checkbox">
          <input type="checkbox" checked={isPrivate} onChange={(event) => setPrivate(event.target.checked)} />
          {t('actions.private')}
        </label>
      )}
    </ActionForm>
  );
}

export function PriorityForm({ ticket, onDone }: ActionProps) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [urgency, setUrgency] = useState(String(ticket.urgency));
  const [impact, setImpact] = useState(String(ticket.impact));
  const [priority, setPriority] = useState('');
  const [reason, setReason] = useState('');
  const change = useTicketChange(ticket.id, () => ({
    path: '',
    method: 'PATCH',
    body: {
      urgency: Number(urgency),
      impact: Number(impact),
      ...(priority === '' ? {} : { priority: Number(priority) }),
      ...(reason.trim() === '' ? {} : { overrideReason: reason }),
    },
  }));
  const levelOptions = [1, 2, 3, 4, 5].map((level) => (
    <option key={level} value={level}>
      {t(`level5.${level}`)}
    </option>
  ));
  return (
    <ActionForm id="action-priority" title={t('actions.priority')} submitLabel={t('common.save')} pending={change.isPending} error={change.error} onSubmit={() => change.mutate(undefined, { onSuccess: onDone })} onCancel={onDone}>
      <div className="grid-3">
        <Field label={t('newTicket.urgency')} error={fieldError(change.error, 'urgency')}>
          {(control) => (
            <select {...control} value={urgency} onChange={(event) => setUrgency(event.target.value)}>
              {levelOptions}
            </select>
          )}
        </Field>
        <Field label={t('newTicket.impact')} error={fieldError(change.error, 'impact')}>
          {(control) => (
            <select {...control} value={impact} onChange={(event) => setImpact(event.target.value)}>
              {levelOptions}
            </select>
          )}
        </Field>
        {can('ticket:change_priority') && (
          <Field label={t('newTicket.priority')} error={fieldError(change.error, 'priority')}>
            {(control) => (
              <select {...control} value={priority} onChange={(event) => setPriority(event.target.value)}>
                <option value="">{t('actions.priorityFromMatrix')}</option>
                {PRIORITIES.map((level) => (
                  <option key={level} value={level}>
                    {t(`priority.${level}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <Field label={t('newTicket.overrideReason')} error={fieldError(change.error, 'overrideReason')}>
        {(control) => <textarea {...control} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
    </ActionForm>
  );
}
