import { useId } from 'react';
import { Link } from 'react-router';
import { type TicketQuery, useTicketPage } from '../api/tickets';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { Column } from './columns';
import { TicketTable } from './TicketTable';

/** Rows shown in each home section; the link opens the rest. */
export const HOME_SECTION_ROWS = 10;

/**
 * Returns the ticket list's address with the filters and sort of `query`, so that a home section's
 * link opens the same tickets. Paging is left to the list.
 */
export function listLink(query: TicketQuery): string {
  const params: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'perPage' || value === undefined || value === '') continue;
    // Commas separate the values of a list filter and stay readable in the address.
    params.push(`${key}=${encodeURIComponent(String(value)).replace(/%2C/g, ',')}`);
  }
  return params.length === 0 ? '/tickets' : `/tickets?${params.join('&')}`;
}

interface HomeSectionProps {
  title: string;
  /** Sentence under the title saying which tickets the section selects. */
  help?: string;
  query: TicketQuery;
  columns: readonly Column[];
  empty: string;
  seeAll: string;
  /** Heading level: 3 for a group's part inside a section. */
  level?: 2 | 3;
}

/** Renders one list of the technicians' home: a heading, the first tickets of a query, and a link to the full list with the same filters. */
export function HomeSection({ title, help, query, columns, empty, seeAll, level = 2 }: HomeSectionProps) {
  const id = useId();
  const page = useTicketPage({ ...query, perPage: HOME_SECTION_ROWS });
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`${id}-title`} aria-describedby={help === undefined ? undefined : `${id}-help`}>
      <Heading id={`${id}-title`}>{title}</Heading>
      {help !== undefined && (
        <p id={`${id}-help`} className="hint">
          {help}
        </p>
      )}
      <ErrorMessage error={page.error} />
      {page.data?.items.length === 0 ? <p>{empty}</p> : <TicketTable caption={title} tickets={page.data?.items ?? []} columns={columns} />}
      <Link to={listLink(query)}>{seeAll}</Link>
    </section>
  );
}
