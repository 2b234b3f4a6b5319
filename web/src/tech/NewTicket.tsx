import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useCategories, useEntities, useLocations } from '../api/organisation';
import { ticketKeys } from '../api/tickets';
import { PRIORITIES, type Ticket, type UserSummary } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { AttachmentPicker, CreatedWithFailures, type UploadFailure, uploadAttachments } from '../ui/AttachmentPicker';
import { ErrorMessage, fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { CriticalityFields, criticalityBody, EMPTY_CRITICALITY } from './CriticalityFields';
import { RequesterPicker } from './RequesterPicker';

const LEVEL_VALUES = [1, 2, 3, 4, 5];
const SOURCES = ['phone', 'web', 'email', 'monitoring'] as const;

interface Override {
  urgency: string;
  impact: string;
  priority: string;
  reason: string;
}

/** A technician opens a ticket, often for someone on the phone. */
export default function NewTicket() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const entities = useEntities();
  const locations = useLocations();
  const categories = useCategories();

  const [type, setType] = useState<'incident' | 'request'>('incident');
  const [source, setSource] = useState<(typeof SOURCES)[number]>('phone');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [requester, setRequester] = useState<UserSummary | null>(null);
  const [entityId, setEntityId] = useState('');
  const [locationId, setLocationId] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [criticality, setCriticality] = useState(EMPTY_CRITICALITY);
  const [override, setOverride] = useState<Override>({ urgency: '', impact: '', priority: '', reason: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [rejected, setRejected] = useState<{ ticketId: number; failures: UploadFailure[] } | null>(null);

  // The files go to the ticket right after it is created; a rejected file does not undo the ticket.
  const create = useMutation({
    mutationFn: async () => {
      const ticket = await api<Ticket>('/tickets', {
        method: 'POST',
        body: {
          type,
          source,
          description,
          ...(title.trim() === '' ? {} : { title }),
          ...(requester === null ? {} : { requesterId: requester.id }),
          ...(entityId === '' ? {} : { entityId: Number(entityId) }),
          ...(locationId === '' ? {} : { locationId: Number(locationId) }),
          ...(categoryId === '' ? {} : { categoryId: Number(categoryId) }),
          criticality: criticalityBody(criticality),
          ...(override.urgency === '' ? {} : { urgency: Number(override.urgency) }),
          ...(override.impact === '' ? {} : { impact: Number(override.impact) }),
          ...(override.priority === '' ? {} : { priority: Number(override.priority) }),
          ...(override.reason.trim() === '' ? {} : { overrideReason: override.reason }),
        },
      });
      return { ticket, failures: await uploadAttachments(ticket.id, files) };
    },
    onSuccess: async ({ ticket, failures }) => {
      await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      if (failures.length > 0) {
        setRejected({ ticketId: ticket.id, failures });
        return;
      }
      await navigate(`/tickets/${ticket.id}`, { state: { created: true } });
    },
  });
  const error = create.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const levelSelect = (key: 'urgency' | 'impact' | 'priority', values: readonly number[], labelKey: string) => (
    <Field label={t(`newTicket.${key}`)} error={fieldError(error, key)}>
      {(control) => (
        <select {...control} value={override[key]} onChange={(event) => setOverride({ ...override, [key]: event.target.value })}>
          <option value="">{t('newTicket.suggested')}</option>
          {values.map((level) => (
            <option key={level} value={level}>
              {t(`${labelKey}.${level}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  if (rejected !== null) {
    return (
      <div className="stack-large new-ticket">
        <h1>{t('newTicket.title')}</h1>
        <CreatedWithFailures message={t('attachments.createdWithFailures', { id: rejected.ticketId })} failures={rejected.failures}>
          <p>
            <Link to={`/tickets/${rejected.ticketId}`}>{t('attachments.openTicket')}</Link>
          </p>
        </CreatedWithFailures>
      </div>
    );
  }

  return (
    <form className="stack-large new-ticket" onSubmit={submit} noValidate>
      <h1>{t('newTicket.title')}</h1>
      <div className="card stack">
        <div className="grid-2">
          <Field label={t('newTicket.type')} error={fieldError(error, 'type')}>
            {(control) => (
              <select {...control} value={type} onChange={(event) => setType(event.target.value === 'request' ? 'request' : 'incident')}>
                <option value="incident">{t('type.incident')}</option>
                <option value="request">{t('type.request')}</option>
              </select>
            )}
          </Field>
          <Field label={t('newTicket.source')} error={fieldError(error, 'source')}>
            {(control) => (
              <select {...control} value={source} onChange={(event) => setSource(event.target.value as (typeof SOURCES)[number])}>
                {SOURCES.map((value) => (
                  <option key={value} value={value}>
                    {t(`source.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <RequesterPicker label={t('newTicket.requester')} hint={t('newTicket.requesterHint')} value={requester} onChange={setRequester} error={fieldError(error, 'requesterId')} />
        <div className="grid-2">
          <Field label={t('newTicket.entity')} hint={t('newTicket.entityHint')} error={fieldError(error, 'entityId')}>
            {(control) => (
              <select {...control} value={entityId} onChange={(event) => setEntityId(event.target.value)}>
                <option value="">{t('newTicket.requesterEntity')}</option>
                {entities.data?.items.map((entity) => (
                  <option key={entity.id} value={entity.id}>
                    {entity.completeName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {locations.isSuccess && (
            <Field label={t('newTicket.location')} error={fieldError(error, 'locationId')}>
              {(control) => (
                <select {...control} value={locationId} onChange={(event) => setLocationId(event.target.value)}>
                  <option value="">{t('common.none')}</option>
                  {locations.data.items.map((location) => (
                    <option key={location.id} value={location.id}>
                      {location.completeName}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {categories.available && categories.data !== undefined && (
            <Field label={t('newTicket.category')} error={fieldError(error, 'categoryId')}>
              {(control) => (
                <select {...control} value={categoryId} onChange={(event) => setCategoryId(event.target.value)}>
                  <option value="">{t('common.noneFeminine')}</option>
                  {[...categories.data.items]
                    .sort((a, b) => a.completeName.localeCompare(b.completeName))
                    .map((category) => (
                      <option key={category.id} value={category.id}>
                        {category.completeName}
                      </option>
                    ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <Field label={t('newTicket.ticketTitle')} hint={t('newTicket.ticketTitleHint')} error={fieldError(error, 'title')}>
          {(control) => <input {...control} value={title} maxLength={255} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <Field label={t('newTicket.description')} error={fieldError(error, 'description')} required>
          {(control) => <textarea {...control} rows={6} value={description} onChange={(event) => setDescription(event.target.value)} required />}
        </Field>
        <AttachmentPicker files={files} onChange={setFiles} disabled={create.isPending} />
      </div>

      <CriticalityFields value={criticality} onChange={setCriticality} error={error} />

      <details className="card" open={override.reason !== '' || fieldError(error, 'overrideReason') !== undefined}>
        <summary>{t('newTicket.override')}</summary>
        <p className="hint">{t('newTicket.overrideHint')}</p>
        <div className="grid-3">
          {levelSelect('urgency', LEVEL_VALUES, 'level5')}
          {levelSelect('impact', LEVEL_VALUES, 'impact5')}
          {can('ticket:change_priority') && levelSelect('priority', PRIORITIES, 'priority')}
        </div>
        <Field label={t('newTicket.overrideReason')} error={fieldError(error, 'overrideReason')}>
          {(control) => <textarea {...control} rows={2} value={override.reason} onChange={(event) => setOverride({ ...override, reason: event.target.value })} />}
        </Field>
      </details>

      <ErrorMessage error={error} />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? t('common.sending') : t('newTicket.submit')}
      </button>
    </form>
  );
}
