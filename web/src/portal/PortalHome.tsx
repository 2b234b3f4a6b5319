import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTicketPage } from '../api/tickets';
import { useSession } from '../session/SessionProvider';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatDateTime } from '../ui/format';
import { SolutionPrompt } from './SolutionAnswer';

/** Hospital staff's home: two plain entry points and their own tickets in plain words. */
export function PortalHome() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const tickets = useTicketPage({ requesterId: me.id, sort: 'updatedAt', order: 'desc', perPage: 50 });

  return (
    <div className="portal">
      <h1>{t('portal.greeting', { name: me.firstName })}</h1>
      <p className="lead">{t('portal.intro')}</p>
      <div className="portal-actions">
        <Link className="big-button" to="/new/incident">
          <strong>{t('portal.reportIncident')}</strong>
          <span>{t('portal.reportIncidentHint')}</span>
        </Link>
        <Link className="big-button" to="/new/request">
          <strong>{t('portal.makeRequest')}</strong>
          <span>{t('portal.makeRequestHint')}</span>
        </Link>
      </div>

      <section aria-labelledby="my-tickets-title">
        <h2 id="my-tickets-title">{t('portal.myTickets')}</h2>
        <ErrorMessage error={tickets.error} />
        {tickets.data?.items.length === 0 && <p>{t('portal.noTickets')}</p>}
        <ul className="portal-tickets">
          {tickets.data?.items.map((ticket) => (
            <li key={ticket.id} className={`card portal-ticket state-${ticket.status}`}>
              <h3>
                <Link to={`/tickets/${ticket.id}`}>{ticket.title}</Link>
              </h3>
              <p className="portal-state">{t(`portal.state.${ticket.status}`)}</p>
              <p className="muted">{t('portal.openedOn', { id: ticket.id, date: formatDateTime(ticket.openedAt, i18n.language, me.timeZone) })}</p>
              <SolutionPrompt ticketId={ticket.id} status={ticket.status} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
