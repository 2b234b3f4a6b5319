import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTicketPage } from '../api/tickets';
import { OPEN_STATUSES } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { Column } from './columns';
import { CounterTiles } from './CounterTiles';
import { DeadlineSection } from './DeadlineSection';
import { TicketTable } from './TicketTable';
import './screens.css';

const HOME_COLUMNS: Column[] = ['id', 'title', 'status', 'requester', 'updatedAt', 'priority'];

/** Technicians' home: counters, tickets near their deadline, their own open tickets and the unassigned new tickets. */
export default function Home() {
  const { t } = useTranslation();
  const { me } = useSession();
  const mine = useTicketPage({ assignedUserId: me.id, status: OPEN_STATUSES.join(','), sort: 'priority', order: 'desc', perPage: 10 });
  const incoming = useTicketPage({ status: 'new', sort: 'openedAt', order: 'asc', perPage: 10 });

  return (
    <div className="stack-large">
      <h1>{t('home.title')}</h1>
      <CounterTiles />
      <DeadlineSection />
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t('home.mine')}</h2>
        <ErrorMessage error={mine.error} />
        {mine.data?.items.length === 0 ? <p>{t('home.mineEmpty')}</p> : <TicketTable caption={t('home.mine')} tickets={mine.data?.items ?? []} columns={HOME_COLUMNS} />}
        <Link to={`/tickets?assignedUserId=${me.id}&status=${OPEN_STATUSES.join(',')}`}>{t('home.seeAllMine')}</Link>
      </section>
      <section aria-labelledby="incoming-title">
        <h2 id="incoming-title">{t('home.incoming')}</h2>
        <ErrorMessage error={incoming.error} />
        {incoming.data?.items.length === 0 ? (
          <p>{t('home.incomingEmpty')}</p>
        ) : (
          <TicketTable caption={t('home.incoming')} tickets={incoming.data?.items ?? []} columns={HOME_COLUMNS} />
        )}
        <Link to="/tickets?status=new">{t('home.seeAllIncoming')}</Link>
      </section>
    </div>
  );
}
