import { useTranslation } from 'react-i18next';
import type { TicketQuery } from '../api/tickets';
import { OPEN_STATUSES, type Status } from '../api/types';
import { useSession } from '../session/SessionProvider';
import type { Column } from './columns';
import { CounterTiles } from './CounterTiles';
import { DeadlineSection } from './DeadlineSection';
import { HomeSection } from './HomeSection';
import './screens.css';

const HOME_COLUMNS: Column[] = ['id', 'title', 'status', 'requester', 'updatedAt', 'priority'];

/**
 * Statuses of the tickets awaiting the technician's action: those GLPI's home page lists as
 * "Tickets à traiter". Waiting tickets (on the requester or a third party) and solved tickets
 * (on the requester's approval) are left out.
 */
export const ACTION_STATUSES: Status[] = ['new', 'assigned', 'planned'];

/**
 * Statuses of a group's new tickets. Assigning a group moves a ticket from Nouveau to En cours
 * (attribué), as in GLPI, so a group's new tickets are those that no technician has taken yet.
 */
export const GROUP_NEW_STATUSES: Status[] = ['new', 'assigned'];

/** Returns the queries of the home sections for a technician: the list link of each section reuses its query. */
export function homeQueries(userId: number) {
  return {
    action: { assignedUserId: userId, status: ACTION_STATUSES.join(','), sort: 'priority', order: 'desc' },
    mine: { assignedUserId: userId, status: OPEN_STATUSES.join(','), sort: 'updatedAt', order: 'desc' },
    groupNew: (groupId: number) => ({ assignedGroupId: groupId, withoutTechnician: 'true', status: GROUP_NEW_STATUSES.join(','), sort: 'openedAt', order: 'asc' }),
    incoming: { status: 'new', sort: 'openedAt', order: 'asc' },
  } satisfies Record<string, TicketQuery | ((groupId: number) => TicketQuery)>;
}

/**
 * Technicians' home: counters, tickets awaiting their action, tickets near their deadline, their
 * open tickets, the new tickets of each of their groups and all new tickets.
 */
export default function Home() {
  const { t } = useTranslation();
  const { me } = useSession();
  const queries = homeQueries(me.id);

  return (
    <div className="stack-large">
      <h1>{t('home.title')}</h1>
      <CounterTiles />
      <HomeSection
        title={t('home.action')}
        help={t('home.actionHelp')}
        query={queries.action}
        columns={HOME_COLUMNS}
        empty={t('home.actionEmpty')}
        seeAll={t('home.seeAllAction')}
      />
      <DeadlineSection />
      <HomeSection title={t('home.mine')} query={queries.mine} columns={HOME_COLUMNS} empty={t('home.mineEmpty')} seeAll={t('home.seeAllMine')} />
      <section aria-labelledby="group-new-title" aria-describedby="group-new-help">
        <h2 id="group-new-title">{t('home.groupNew')}</h2>
        <p id="group-new-help" className="hint">
          {t('home.groupNewHelp')}
        </p>
        {me.groups.length === 0 && <p>{t('home.noGroup')}</p>}
        {me.groups.map((group) => (
          <HomeSection
            key={group.id}
            level={3}
            title={group.name}
            query={queries.groupNew(group.id)}
            columns={HOME_COLUMNS}
            empty={t('home.groupNewEmpty', { group: group.name })}
            seeAll={t('home.seeAllGroupNew', { group: group.name })}
          />
        ))}
      </section>
      <HomeSection title={t('home.incoming')} query={queries.incoming} columns={HOME_COLUMNS} empty={t('home.incomingEmpty')} seeAll={t('home.seeAllIncoming')} />
    </div>
  );
}
