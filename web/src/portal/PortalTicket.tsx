import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isNotFound, useTicket, useTicketChange, useTimeline } from '../api/tickets';
import type { TimelineItem } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { ErrorMessage, fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { formatDateTime } from '../ui/format';
import { NotFound } from '../ui/NotFound';
import { useFlash } from '../ui/useFlash';
import { Satisfaction } from './Satisfaction';
import { SolutionPrompt } from './SolutionAnswer';

/** Renders one ticket for its requester on the portal: state in plain words, the messages, a reply box. */
export function PortalTicket() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const id = Number(useParams().id);
  const created = useFlash('created');
  const ticket = useTicket(id);
  const timeline = useTimeline(id, ticket.isSuccess);

  if (!Number.isInteger(id) || isNotFound(ticket.error)) return <NotFound what="ticket" />;
  if (ticket.error !== null) return <ErrorMessage error={ticket.error} />;
  if (ticket.data === undefined) return <p role="status">{t('common.loading')}</p>;

  const data = ticket.data;
  const format = (iso: string) => formatDateTime(iso, i18n.language, me.timeZone);

  return (
    <div className="portal">
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
      {created && (
        <p role="status" className="alert alert-success">
          {t('portal.created', { id: data.id })}
        </p>
      )}
      <article className="card">
        <h1>{data.title}</h1>
        <p className="portal-state" data-testid="portal-state">
          {t(`portal.state.${data.status}`)}
        </p>
        <p className="muted">{t('portal.openedOn', { id: data.id, date: format(data.openedAt) })}</p>
        <p className="description">{data.description}</p>
        <SolutionPrompt ticketId={data.id} status={data.status} />
        {data.status === 'closed' && data.requester?.id === me.id && <Satisfaction ticketId={data.id} />}
      </article>

      <section aria-labelledby="exchanges-title">
        <h2 id="exchanges-title">{t('portal.exchanges')}</h2>
        <ErrorMessage error={timeline.error} />
        <ol className="exchanges">
          {timeline.data?.map((item) => (
            <li key={`${item.kind}-${item.id}`} className={`card exchange exchange-${item.kind}`}>
              <p className="exchange-meta">
                <strong>{exchangeTitle(item, me.id, t)}</strong> · {format(item.at)}
              </p>
              <p className="description">{item.content}</p>
            </li>
          ))}
        </ol>
        {data.status !== 'closed' && <Reply ticketId={data.id} />}
      </section>
    </div>
  );
}

function exchangeTitle(item: TimelineItem, myId: number, t: (key: string) => string): string {
  if (item.kind === 'solution') return t('portal.exchange.solution');
  return item.authorId === myId ? t('portal.exchange.you') : t('portal.exchange.team');
}

function Reply({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const [content, setContent] = useState('');
  const reply = useTicketChange(ticketId, (text: string) => ({ path: '/followups', body: { content: text } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate(content, { onSuccess: () => setContent('') });
  };

  return (
    <form className="stack" onSubmit={submit}>
      <Field label={t('portal.reply')} hint={t('portal.replyHint')} error={fieldError(reply.error, 'content')}>
        {(control) => <textarea {...control} rows={3} value={content} onChange={(event) => setContent(event.target.value)} />}
      </Field>
      <ErrorMessage error={reply.error} />
      <button type="submit" className="button button-secondary" disabled={reply.isPending || content.trim() === ''}>
        {t('portal.sendReply')}
      </button>
    </form>
  );
}
