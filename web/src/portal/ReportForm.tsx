import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { ticketKeys } from '../api/tickets';
import { type CriticalityAnswers, PATIENT_CARE, PROFILES, SCOPES, SITES, type Ticket } from '../api/types';
import { AttachmentPicker, CreatedWithFailures, type UploadFailure, uploadAttachments } from '../ui/AttachmentPicker';
import { ErrorMessage, fieldError } from '../ui/ErrorMessage';
import { Choice, Field } from '../ui/Field';
import { NotFound } from '../ui/NotFound';

type Scope = CriticalityAnswers['scope'];
type PatientCare = CriticalityAnswers['patientCare'];
type Profile = CriticalityAnswers['profile'];
type Site = CriticalityAnswers['site'];

const REPORTER_KEY = 'guichet.reporter';

interface Reporter {
  profile: Profile | '';
  site: Site | '';
}

// The job and the site rarely change, so the portal asks once and remembers them on this device.
function loadReporter(): Reporter {
  try {
    const stored = JSON.parse(localStorage.getItem(REPORTER_KEY) ?? '{}') as Partial<Reporter>;
    return {
      profile: PROFILES.find((value) => value === stored.profile) ?? '',
      site: SITES.find((value) => value === stored.site) ?? '',
    };
  } catch {
    return { profile: '', site: '' };
  }
}

/** The portal's form: what, where, how many people, patient care, in plain words. */
export function ReportForm() {
  const { type } = useParams();
  if (type !== 'incident' && type !== 'request') return <NotFound />;
  return <ReportFormFor key={type} type={type} />;
}

function ReportFormFor({ type }: { type: 'incident' | 'request' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [what, setWhat] = useState('');
  const [where, setWhere] = useState('');
  const [scope, setScope] = useState<Scope | ''>('');
  const [patientCare, setPatientCare] = useState<PatientCare | ''>(type === 'request' ? 'unaffected' : '');
  const [reporter, setReporter] = useState<Reporter>(loadReporter);
  const [editReporter, setEditReporter] = useState(reporter.profile === '' || reporter.site === '');
  const [files, setFiles] = useState<File[]>([]);
  const [rejected, setRejected] = useState<{ ticketId: number; failures: UploadFailure[] } | null>(null);

  // The files go to the ticket right after it is created; a rejected file does not undo the ticket.
  const create = useMutation({
    mutationFn: async () => {
      const ticket = await api<Ticket>('/tickets', {
        method: 'POST',
        body: {
          type,
          description: what,
          criticality: {
            scope: scope === '' ? undefined : scope,
            patientCare: patientCare === '' ? undefined : patientCare,
            profile: reporter.profile === '' ? undefined : reporter.profile,
            site: reporter.site === '' ? undefined : reporter.site,
            ...(where.trim() === '' ? {} : { service: where.trim() }),
          },
        },
      });
      return { ticket, failures: await uploadAttachments(ticket.id, files) };
    },
    onSuccess: async ({ ticket, failures }) => {
      localStorage.setItem(REPORTER_KEY, JSON.stringify(reporter));
      await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      if (failures.length > 0) {
        setRejected({ ticketId: ticket.id, failures });
        return;
      }
      await navigate(`/tickets/${ticket.id}`, { state: { created: true } });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const error = create.error;

  if (rejected !== null) {
    return (
      <div className="portal">
        <h1>{type === 'incident' ? t('portal.reportIncident') : t('portal.makeRequest')}</h1>
        <CreatedWithFailures message={t('attachments.portalCreatedWithFailures', { id: rejected.ticketId })} failures={rejected.failures}>
          <p>
            <Link className="button button-primary button-large" to={`/tickets/${rejected.ticketId}`}>
              {t('attachments.openRequest')}
            </Link>
          </p>
        </CreatedWithFailures>
      </div>
    );
  }

  return (
    <div className="portal">
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
      <h1>{type === 'incident' ? t('portal.reportIncident') : t('portal.makeRequest')}</h1>
      <form className="stack portal-form" onSubmit={submit} noValidate>
        <Field
          label={type === 'incident' ? t('report.whatIncident') : t('report.whatRequest')}
          hint={t('report.whatHint')}
          error={fieldError(error, 'description') ?? fieldError(error, 'title')}
          required
        >
          {(control) => <textarea {...control} name="what" rows={5} value={what} onChange={(event) => setWhat(event.target.value)} required />}
        </Field>
        <Field label={t('report.where')} hint={t('report.whereHint')} error={fieldError(error, 'service')}>
          {(control) => <input {...control} name="where" value={where} onChange={(event) => setWhere(event.target.value)} />}
        </Field>
        <Choice
          legend={t('report.howMany')}
          name="scope"
          options={SCOPES}
          value={scope}
          labelOf={(option) => t(`report.scope.${option}`)}
          onChange={setScope}
          error={fieldError(error, 'scope')}
          required
        />
        {type === 'incident' && (
          <Choice
            legend={t('report.patientCare')}
            name="patientCare"
            options={PATIENT_CARE}
            value={patientCare}
            labelOf={(option) => t(`report.care.${option}`)}
            onChange={setPatientCare}
            error={fieldError(error, 'patientCare')}
            required
          />
        )}
        <ReporterFields reporter={reporter} onChange={setReporter} editing={editReporter} onEdit={() => setEditReporter(true)} error={error} />
        <AttachmentPicker files={files} onChange={setFiles} disabled={create.isPending} />
        <ErrorMessage error={error} />
        <button type="submit" className="button button-primary button-large" disabled={create.isPending}>
          {create.isPending ? t('common.sending') : t('report.send')}
        </button>
      </form>
    </div>
  );
}

interface ReporterFieldsProps {
  reporter: Reporter;
  onChange: (reporter: Reporter) => void;
  editing: boolean;
  onEdit: () => void;
  error: unknown;
}

function ReporterFields({ reporter, onChange, editing, onEdit, error }: ReporterFieldsProps) {
  const { t } = useTranslation();
  if (!editing && reporter.profile !== '' && reporter.site !== '') {
    return (
      <p className="reporter-summary">
        {t('report.aboutYouSummary', { profile: t(`profile.${reporter.profile}`), site: t(`site.${reporter.site}`) })}{' '}
        <button type="button" className="button button-link" onClick={onEdit}>
          {t('report.change')}
        </button>
      </p>
    );
  }
  return (
    <>
      <Field label={t('report.profile')} error={fieldError(error, 'profile')} required>
        {(control) => (
          <select {...control} name="profile" value={reporter.profile} onChange={(event) => onChange({ ...reporter, profile: event.target.value as Profile })} required>
            <option value="">{t('common.choose')}</option>
            {PROFILES.map((profile) => (
              <option key={profile} value={profile}>
                {t(`profile.${profile}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Choice
        legend={t('report.site')}
        name="site"
        options={SITES}
        value={reporter.site}
        labelOf={(option) => t(`site.${option}`)}
        onChange={(site) => onChange({ ...reporter, site })}
        error={fieldError(error, 'site')}
        required
      />
    </>
  );
}
