import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TicketQuery, useTicketPage } from '../api/tickets';
import type { Ticket } from '../api/types';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useNow } from '../ui/useNow';
import type { Column } from './columns';
import { listLink } from './HomeSection';
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
  // The window's end moves by whole minutes, so the query (and its cache key) changes once a minute.
  const dueBefore = new Date(Math.ceil((now + WINDOW_MS) / 60_000) * 60_000).toISOString();
  const query: TicketQuery = { dueBefore, sort: 'ttrDueAt', order: 'asc' };
  const open = useTicketPage({ ...query, perPage: SHOWN });
  const tickets = nearDeadline(open.data?.items ?? [], now).slice(0, SHOWN);
  return (
    <section aria-labelledby="deadline-title">
      <h2 id="deadline-title">{t('home.deadlines')}</h2>
      <ErrorMessage error={open.error} />
      {open.data !== undefined && tickets.length === 0 ? <p>{t('home.deadlinesEmpty')}</p> : <TicketTable caption={t('home.deadlines')} tickets={tickets} columns={COLUMNS} />}
      <Link to={listLink(query)}>{t('home.seeAllDeadlines')}</Link>
    </section>
  );
}
