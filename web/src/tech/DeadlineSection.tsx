import { useTranslation } from 'react-i18next';
import { useTicketPage } from '../api/tickets';
import { OPEN_STATUSES, type Ticket } from '../api/types';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useNow } from '../ui/useNow';
import type { Column } from './columns';
import { TicketTable } from './TicketTable';

const COLUMNS: Column[] = ['id', 'title', 'ttrDueAt', 'priority', 'technician'];
/** Same window as the dashboard's "due soon" counter. */
const WINDOW_MS = 4 * 3_600_000;
const SHOWN = 10;

/** Open tickets, late first, whose TTR deadline has passed or falls within the window, by deadline. */
export function nearDeadline(tickets: Ticket[], now: number, windowMs = WINDOW_MS): Ticket[] {
  return tickets
    .filter((ticket) => ticket.status !== 'waiting' && (ticket.sla?.ttrDueAt ?? null) !== null)
    .map((ticket) => ({ ticket, due: Date.parse(ticket.sla?.ttrDueAt ?? '') }))
    .filter(({ due }) => due - now <= windowMs)
    .sort((a, b) => a.due - b.due)
    .map(({ ticket }) => ticket);
}

/** Renders the home page's list of tickets near or past their deadline. */
export function DeadlineSection() {
  const { t } = useTranslation();
  const now = useNow();
  // NOTE: the list route cannot filter on the deadline, so this reads the 200 oldest open tickets
  // and filters them here. A late ticket beyond those 200 is counted in the tile but not listed.
  const open = useTicketPage({ status: OPEN_STATUSES.join(','), sort: 'openedAt', order: 'asc', perPage: 200 });
  const tickets = nearDeadline(open.data?.items ?? [], now).slice(0, SHOWN);
  return (
    <section aria-labelledby="deadline-title">
      <h2 id="deadline-title">{t('home.deadlines')}</h2>
      <ErrorMessage error={open.error} />
      {open.data !== undefined && tickets.length === 0 ? <p>{t('home.deadlinesEmpty')}</p> : <TicketTable caption={t('home.deadlines')} tickets={tickets} columns={COLUMNS} />}
    </section>
  );
}
