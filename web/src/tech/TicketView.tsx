import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isNotFound, useTicket, useTimeline } from '../api/tickets';
import { SolutionPrompt } from '../portal/SolutionAnswer';
import { useSession } from '../session/SessionProvider';
import { ErrorMessage } from '../ui/ErrorMessage';
import { NotFound } from '../ui/NotFound';
import { useFlash } from '../ui/useFlash';
import { CriticalityPanel, TicketHeader } from './TicketHeader';
import { TicketActions } from './TicketActions';
import { Timeline } from './Timeline';

/** Renders a ticket for technicians: header, criticality, actions, then the timeline. */
export default function TicketView() {
  const { t } = useTranslation();
  const { me } = useSession();
  const id = Number(useParams().id);
  const created = useFlash('created');
  const ticket = useTicket(id);
  const timeline = useTimeline(id, ticket.isSuccess);

  if (!Number.isInteger(id) || isNotFound(ticket.error)) return <NotFound what="ticket" />;
  if (ticket.error !== null) return <ErrorMessage error={ticket.error} />;
  if (ticket.data === undefined) return <p role="status">{t('common.loading')}</p>;

  const data = ticket.data;
  const isRequester = data.requester?.id === me.id;
  return (
    <div className="stack-large">
      <p>
        <Link to="/tickets">{t('ticket.backToList')}</Link>
      </p>
      {created && (
        <p role="status" className="alert alert-success">
          {t('ticket.created', { id: data.id })}
        </p>
      )}
      <TicketHeader ticket={data} />
      <CriticalityPanel ticket={data} />
      <section className="card" aria-labelledby="description-title">
        <h2 id="description-title">{t('ticket.description')}</h2>
        <p className="description">{data.description}</p>
      </section>
      {isRequester && <SolutionPrompt ticketId={data.id} status={data.status} />}
      <TicketActions ticket={data} />
      {/* NOTE: attachments, links, SLA deadlines and satisfaction get their panels here once their routes exist. */}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        <ErrorMessage error={timeline.error} />
        {timeline.data !== undefined && <Timeline ticket={data} items={timeline.data} />}
      </section>
    </div>
  );
}
