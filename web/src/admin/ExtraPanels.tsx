import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { UserSummary } from '../api/types';
import { RequesterPicker } from '../tech/RequesterPicker';
import { ErrorMessage, fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { useChoices, useReplaceable } from './adminApi';
import { recordName } from './FieldEditor';

interface Assignment {
  entityId: number;
  profileId: number;
  isRecursive: boolean;
}

/** Edits the entities a user works in, each with a profile and whether it covers the sub-entities, and saves the list whole. */
export function UserEntities({ id }: { id: number }) {
  const { t } = useTranslation();
  const { query, save } = useReplaceable<Assignment[]>(`/users/${id}/entities`);
  const entities = useChoices('/entities');
  const profiles = useChoices('/profiles');
  const [draft, setDraft] = useState<Assignment[] | null>(null);
  const rows = draft ?? query.data ?? [];
  const change = (index: number, patch: Partial<Assignment>) => setDraft(rows.map((row, position) => (position === index ? { ...row, ...patch } : row)));
  const firstEntity = entities.data?.items[0]?.id ?? 0;
  const firstProfile = profiles.data?.items[0]?.id ?? 0;

  return (
    <section className="card stack" aria-labelledby="user-entities-title">
      <h2 id="user-entities-title">{t('admin.userEntities')}</h2>
      <ErrorMessage error={query.error ?? save.error} />
      {rows.map((row, index) => (
        <div key={index} className="inline-form">
          <Field label={t('admin.field.entityId')}>
            {(control) => (
              <select {...control} value={row.entityId} onChange={(event) => change(index, { entityId: Number(event.target.value) })}>
                {(entities.data?.items ?? []).map((entity) => (
                  <option key={entity.id} value={entity.id}>
                    {recordName(entity)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('admin.field.profileId')}>
            {(control) => (
              <select {...control} value={row.profileId} onChange={(event) => change(index, { profileId: Number(event.target.value) })}>
                {(profiles.data?.items ?? []).map((profile) => (
                  <option key={profile.id} value={profile.id}>
                    {recordName(profile)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={row.isRecursive} onChange={(event) => change(index, { isRecursive: event.target.checked })} />
            {t('admin.field.isRecursive')}
          </label>
          <button type="button" className="button button-link" onClick={() => setDraft(rows.filter((_, position) => position !== index))}>
            {t('admin.remove')}
          </button>
        </div>
      ))}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setDraft([...rows, { entityId: firstEntity, profileId: firstProfile, isRecursive: false }])}>
          {t('admin.addAssignment')}
        </button>
        <button type="button" className="button button-primary" disabled={draft === null || save.isPending} onClick={() => draft !== null && save.mutate(draft, { onSuccess: () => setDraft(null) })}>
          {t('common.save')}
        </button>
      </div>
      {save.isSuccess && draft === null && <p role="status" className="muted">{t('admin.savedShort')}</p>}
    </section>
  );
}

interface Member {
  userId: number;
  login: string;
  isManager: boolean;
}

/** Edits the members of a group and their manager flag, adding a member by user search, and saves the list whole. */
export function GroupMembers({ id }: { id: number }) {
  const { t } = useTranslation();
  const { query, save } = useReplaceable<Member[], { userId: number; isManager: boolean }[]>(`/groups/${id}/members`);
  const [draft, setDraft] = useState<Member[] | null>(null);
  const [picked, setPicked] = useState<UserSummary | null>(null);
  const rows = draft ?? query.data ?? [];
  const add = () => {
    if (picked === null || rows.some((row) => row.userId === picked.id)) return;
    setDraft([...rows, { userId: picked.id, login: picked.login, isManager: false }]);
    setPicked(null);
  };
  const body = rows.map((row) => ({ userId: row.userId, isManager: row.isManager }));

  return (
    <section className="card stack" aria-labelledby="members-title">
      <h2 id="members-title">{t('admin.members')}</h2>
      <ErrorMessage error={query.error ?? save.error} />
      <ul className="plain-list">
        {rows.map((row) => (
          <li key={row.userId} className="inline-form">
            <span>{row.login}</span>
            <label className="checkbox">
              <input type="checkbox" checked={row.isManager} onChange={(event) => setDraft(rows.map((item) => (item.userId === row.userId ? { ...item, isManager: event.target.checked } : item)))} />
              {t('admin.field.isManager')}
            </label>
            <button type="button" className="button button-link" onClick={() => setDraft(rows.filter((item) => item.userId !== row.userId))} aria-label={t('admin.removeOne', { name: row.login })}>
              {t('admin.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <RequesterPicker label={t('admin.addMember')} value={picked} onChange={setPicked} />
        <button type="button" className="button button-secondary" disabled={picked === null} onClick={add}>
          {t('admin.add')}
        </button>
      </div>
      <button type="button" className="button button-primary" disabled={draft === null || save.isPending} onClick={() => save.mutate(body, { onSuccess: () => setDraft(null) })}>
        {t('common.save')}
      </button>
    </section>
  );
}

interface Level {
  id: number;
  name: string;
  offsetSeconds: number;
  action: 'notify' | 'add_group' | 'raise_priority';
  groupId: number | null;
  priority: number | null;
}

const ACTIONS = ['notify', 'add_group', 'raise_priority'] as const;

/** Lists, adds and removes the escalation levels of an SLA: what happens how long before (negative) or after the deadline. */
export function SlaLevels({ id }: { id: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const path = `/slas/${id}/levels`;
  const levels = useQuery({ queryKey: ['admin', path], queryFn: () => api<Level[]>(path) });
  const groups = useChoices('/groups');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', path] });
  const add = useMutation({ mutationFn: (body: Record<string, unknown>) => api<Level>(path, { method: 'POST', body }), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (levelId: number) => api<void>(`${path}/${levelId}`, { method: 'DELETE' }), onSuccess: refresh });
  const [form, setForm] = useState({ name: '', minutes: '', action: 'notify', groupId: '', priority: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: form.name,
      offsetSeconds: Math.round(Number(form.minutes || 0) * 60),
      action: form.action,
      groupId: form.groupId === '' ? null : Number(form.groupId),
      priority: form.priority === '' ? null : Number(form.priority),
    };
    add.mutate(body, { onSuccess: () => setForm({ name: '', minutes: '', action: 'notify', groupId: '', priority: '' }) });
  };

  return (
    <section className="card stack" aria-labelledby="levels-title">
      <h2 id="levels-title">{t('admin.levels')}</h2>
      <ErrorMessage error={levels.error ?? remove.error} />
      <ul className="plain-list">
        {(levels.data ?? []).map((level) => (
          <li key={level.id}>
            {level.name} · {t('admin.offset', { count: level.offsetSeconds / 60 })} · {t(`admin.option.action.${level.action}`)}{' '}
            <button type="button" className="button button-link" onClick={() => remove.mutate(level.id)} aria-label={t('admin.removeOne', { name: level.name })}>
              {t('admin.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={submit} aria-label={t('admin.addLevel')}>
        <Field label={t('admin.field.name')} error={fieldError(add.error, 'name')}>
          {(control) => <input {...control} value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} required />}
        </Field>
        <Field label={t('admin.offsetMinutes')} hint={t('admin.offsetHint')} error={fieldError(add.error, 'offsetSeconds')}>
          {(control) => <input {...control} type="number" value={form.minutes} onChange={(event) => setForm({ ...form, minutes: event.target.value })} required />}
        </Field>
        <Field label={t('admin.field.action')} error={fieldError(add.error, 'action')}>
          {(control) => (
            <select {...control} value={form.action} onChange={(event) => setForm({ ...form, action: event.target.value })}>
              {ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {t(`admin.option.action.${action}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.action === 'add_group' && (
          <Field label={t('admin.field.groupId')} error={fieldError(add.error, 'groupId')}>
            {(control) => (
              <select {...control} value={form.groupId} onChange={(event) => setForm({ ...form, groupId: event.target.value })}>
                <option value="">{t('common.choose')}</option>
                {(groups.data?.items ?? []).map((group) => (
                  <option key={group.id} value={group.id}>
                    {recordName(group)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {form.action === 'raise_priority' && (
          <Field label={t('admin.field.priority')} error={fieldError(add.error, 'priority')}>
            {(control) => (
              <select {...control} value={form.priority} onChange={(event) => setForm({ ...form, priority: event.target.value })}>
                <option value="">{t('common.choose')}</option>
                {[1, 2, 3, 4, 5, 6].map((priority) => (
                  <option key={priority} value={priority}>
                    {t(`priority.${priority}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <button type="submit" className="button button-secondary" disabled={add.isPending}>
          {t('admin.add')}
        </button>
      </form>
      {add.error !== null && fieldError(add.error, 'name') === undefined && fieldError(add.error, 'offsetSeconds') === undefined && <ErrorMessage error={add.error} />}
    </section>
  );
}
