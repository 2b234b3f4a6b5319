import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LINK_KINDS, type LinkKind } from '../api/extraTypes';
import { useAddLink, useLinks, useMerge, useRemoveLink } from '../api/ticketExtras';
import { type Status, STATUSES } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { StatusBadge } from '../ui/Badges';
import { ErrorMessage, fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';

const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

/** Tickets linked to this one (related, duplicate, parent, child), a form to add one, and the merge form. */
export function LinksPanel({ ticketId, canChange }: { ticketId: number; canChange: boolean }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const links = useLinks(ticketId);
  const remove = useRemoveLink(ticketId);
  const items = links.data ?? [];
  return (
    <section className="card" aria-labelledby="links-title">
      <h2 id="links-title">{t('links.title')}</h2>
      <ErrorMessage error={links.error ?? remove.error} />
      {links.data !== undefined && items.length === 0 && <p>{t('links.empty')}</p>}
      <ul className="link-list">
        {items.map((link) => (
          <li key={link.id}>
            <span className="muted">{t(`links.kind.${link.kind}`)}</span> <Link to={`/tickets/${link.ticketId}`}>{t('links.ticket', { id: link.ticketId, title: link.title })}</Link>{' '}
            {isStatus(link.status) && <StatusBadge status={link.status} />}
            {canChange && (
              <button type="button" className="button button-link" disabled={remove.isPending} onClick={() => remove.mutate(link.id)} aria-label={t('links.removeOne', { id: link.ticketId })}>
                {t('links.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canChange && <AddLinkForm ticketId={ticketId} />}
      {can('ticket:merge') && <MergeForm ticketId={ticketId} />}
    </section>
  );
}

function AddLinkForm({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const add = useAddLink(ticketId);
  const [other, setOther] = useState('');
  const [kind, setKind] = useState<LinkKind>('related');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ ticketId: Number(other), kind }, { onSuccess: () => setOther('') });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('links.add')}>
      <Field label={t('links.kindLabel')} error={fieldError(add.error, 'kind')}>
        {(control) => (
          <select {...control} value={kind} onChange={(event) => setKind(event.target.value as LinkKind)}>
            {LINK_KINDS.map((item) => (
              <option key={item} value={item}>
                {t(`links.kind.${item}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('links.otherTicket')} error={fieldError(add.error, 'ticketId')}>
        {(control) => <input {...control} type="number" min={1} inputMode="numeric" value={other} onChange={(event) => setOther(event.target.value)} required />}
      </Field>
      <button type="submit" className="button button-secondary" disabled={add.isPending || other === ''}>
        {t('links.add')}
      </button>
      {fieldError(add.error, 'ticketId') === undefined && <ErrorMessage error={add.error} />}
    </form>
  );
}

function MergeForm({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMerge(ticketId);
  const [into, setInto] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!window.confirm(t('links.mergeConfirm', { id: ticketId, into }))) return;
    merge.mutate(Number(into), { onSuccess: (target) => void navigate(`/tickets/${target.id}`) });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('links.merge')}>
      <Field label={t('links.mergeInto')} hint={t('links.mergeHint')} error={fieldError(merge.error, 'intoTicketId')}>
        {(control) => <input {...control} type="number" min={1} inputMode="numeric" value={into} onChange={(event) => setInto(event.target.value)} required />}
      </Field>
      <button type="submit" className="button button-secondary" disabled={merge.isPending || into === ''}>
        {t('links.merge')}
      </button>
      {fieldError(merge.error, 'intoTicketId') === undefined && <ErrorMessage error={merge.error} />}
    </form>
  );
}
