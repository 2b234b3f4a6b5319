import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { namesById, useCategories, useEntities, useLocations } from '../api/organisation';
import type { Ticket } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { useNow } from '../ui/useNow';
import { type Column, renderCell, SORT_KEYS } from './columns';

export interface SortState {
  sort: string;
  order: 'asc' | 'desc';
}

/** Checked rows, for bulk actions; the table shows a checkbox column when given one. */
export interface RowSelection {
  selected: ReadonlySet<number>;
  onChange: (ids: number[], checked: boolean) => void;
}

interface TicketTableProps {
  caption: string;
  tickets: Ticket[];
  columns: readonly Column[];
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  selection?: RowSelection;
}

/**
 * Tickets as rows coloured by priority. The rows form one tab stop: arrow keys move between them,
 * Home and End jump to the ends, Enter opens the ticket.
 */
export function TicketTable({ caption, tickets, columns, sort, onSort, selection }: TicketTableProps) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const entities = useEntities();
  const categories = useCategories();
  const locations = useLocations(columns.includes('location'));
  const now = useNow();
  const [active, setActive] = useState(0);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const context = {
    t,
    language: i18n.language,
    timeZone: me.timeZone,
    entityNames: namesById(entities.data?.items, (entity) => entity.completeName),
    categoryNames: namesById(categories.data?.items, (category) => category.completeName),
    locationNames: namesById(locations.data?.items, (location) => location.completeName),
    now,
  };

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(tickets.length - 1, index));
    setActive(target);
    rows.current[target]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, ticket: Ticket) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: tickets.length - 1 };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      moveTo(next);
    } else if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      void navigate(`/tickets/${ticket.id}`);
    }
  };

  const activeIndex = Math.min(active, Math.max(0, tickets.length - 1));
  return (
    <div className="table-wrap">
      <table className="ticket-table">
        {/* Pages show their own heading above the table, so the caption is for screen readers only. */}
        <caption className="visually-hidden">
          {caption} {t('list.keyboardHelp')}
        </caption>
        <thead>
          <tr>
            {selection !== undefined && (
              <th scope="col" className="cell-select">
                <input
                  type="checkbox"
                  aria-label={t('bulk.selectAll')}
                  checked={tickets.length > 0 && tickets.every((ticket) => selection.selected.has(ticket.id))}
                  onChange={(event) => selection.onChange(tickets.map((ticket) => ticket.id), event.target.checked)}
                />
              </th>
            )}
            {columns.map((column) => (
              <HeaderCell key={column} column={column} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket, index) => (
            <tr
              key={ticket.id}
              ref={(element) => {
                rows.current[index] = element;
              }}
              className={`priority-row-${ticket.priority}`}
              tabIndex={index === activeIndex ? 0 : -1}
              aria-label={t('list.rowLabel', { id: ticket.id, title: ticket.title })}
              onFocus={() => setActive(index)}
              onKeyDown={(event) => onKeyDown(event, index, ticket)}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a, input, label') === null) void navigate(`/tickets/${ticket.id}`);
              }}
            >
              {selection !== undefined && (
                <td className="cell-select">
                  <input
                    type="checkbox"
                    aria-label={t('bulk.selectOne', { id: ticket.id })}
                    checked={selection.selected.has(ticket.id)}
                    onChange={(event) => selection.onChange([ticket.id], event.target.checked)}
                  />
                </td>
              )}
              {columns.map((column) => (
                <td key={column} className={`cell-${column}`}>
                  {renderCell(column, ticket, context)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HeaderCell({ column, sort, onSort }: { column: Column; sort: SortState | undefined; onSort: ((sort: SortState) => void) | undefined }) {
  const { t } = useTranslation();
  const key = SORT_KEYS[column];
  const label = t(`columns.${column}`);
  if (key === undefined || sort === undefined || onSort === undefined) return <th scope="col">{label}</th>;

  const current = sort.sort === key;
  let ariaSort: 'ascending' | 'descending' | 'none' = 'none';
  let arrow = '';
  if (current) {
    ariaSort = sort.order === 'asc' ? 'ascending' : 'descending';
    arrow = sort.order === 'asc' ? ' ▲' : ' ▼';
  }
  const nextOrder = current && sort.order === 'desc' ? 'asc' : 'desc';
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => onSort({ sort: key, order: nextOrder })}>
        {label}
        <span aria-hidden="true">{arrow}</span>
      </button>
    </th>
  );
}
