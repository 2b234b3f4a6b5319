import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isNotFound, useTicket, useTimeline } from '../api/tickets';
import { SolutionPrompt } from '../portal/SolutionAnswer';
import { useSession } from '../session/SessionProvider';
import { ErrorMessage } from '../ui/ErrorMessage';
import { NotFound } from '../ui/NotFound';
import { Tabs } from '../ui/Tabs';
import { useFlash } from '../ui/useFlash';
import { AttachmentsPanel } from './AttachmentsPanel';
import { HistoryTab } from './HistoryTab';
import { LinksPanel } from './LinksPanel';
import { SlaPanel } from './SlaPanel';
import { CriticalityPanel, TicketHeader } from './TicketHeader';
import { TicketActions } from './TicketActions';
import { Timeline } from './Timeline';
import './screens.css';

type Tab = 'timeline' | 'history';

/** Renders a ticket for technicians: header, deadlines, criticality, actions, files, links, then the exchanges or the history. */
export default function TicketView() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const id = Number(useParams().id);
  const created = useFlash('created');
  const ticket = useTicket(id);
  const timeline = useTimeline(id, ticket.isSuccess);
  const [tab, setTab] = useState<Tab>('timeline');

  if (!Number.isInteger(id) || isNotFound(ticket.error)) return <NotFound what="ticket" />;
  if (ticket.error !== null) return <ErrorMessage error={ticket.error} />;
  if (ticket.data === undefined) return <p role="status">{t('common.loading')}</p>;

  const data = ticket.data;
  const isRequester = data.requester?.id === me.id;
  const canChange = can('ticket:update') && data.status !== 'closed';
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
      <SlaPanel ticket={data} />
      <CriticalityPanel ticket={data} />
      <section className="card" aria-labelledby="description-title">
        <h2 id="description-title">{t('ticket.description')}</h2>
        <p className="description">{data.description}</p>
      </section>
      {isRequester && <SolutionPrompt ticketId={data.id} status={data.status} />}
      <TicketActions ticket={data} />
      <div className="grid-2 panels">
        <AttachmentsPanel ticketId={data.id} canChange={data.status !== 'closed'} />
        <LinksPanel ticketId={data.id} canChange={canChange} />
      </div>
      <Tabs<Tab>
        label={t('tabs.label')}
        tabs={[
          { id: 'timeline', label: t('tabs.timeline') },
          { id: 'history', label: t('tabs.history') },
        ]}
        active={tab}
        onChange={setTab}
      >
        {tab === 'timeline' ? (
          <>
            <ErrorMessage error={timeline.error} />
            {timeline.data !== undefined && <Timeline ticket={data} items={timeline.data} />}
          </>
        ) : (
          <HistoryTab ticketId={data.id} />
        )}
      </Tabs>
    </div>
  );
}
