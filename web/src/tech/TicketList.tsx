import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type TicketQuery, useTicketPage } from '../api/tickets';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { dayAfter, dayStart } from '../ui/format';
import { type Column, COLUMNS } from './columns';
import { FILTER_KEYS, type FilterValues, ListFilters } from './ListFilters';
import { type SortState, TicketTable } from './TicketTable';

const PAGE_SIZES = [15, 30, 50, 100];
const COLUMNS_KEY = 'guichet.columns';

function loadColumns(): Column[] {
  try {
    const stored = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    if (Array.isArray(stored)) {
      const chosen = COLUMNS.filter((column) => stored.includes(column));
      if (chosen.length > 0) return chosen;
    }
  } catch {
    // A damaged value falls back to every column.
  }
  return [...COLUMNS];
}

/** Reads the list's state from the URL, so that a filtered list can be bookmarked and shared. */
function readParams(params: URLSearchParams) {
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as FilterValues;
  const perPage = Number(params.get('perPage') ?? 15);
  const order: 'asc' | 'desc' = params.get('order') === 'asc' ? 'asc' : 'desc';
  return {
    filters,
    sort: { sort: params.get('sort') ?? 'updatedAt', order },
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
    perPage: PAGE_SIZES.includes(perPage) ? perPage : 15,
    assignedUserId: params.get('assignedUserId') ?? undefined,
    requesterId: params.get('requesterId') ?? undefined,
  };
}

/** The ticket list, like GLPI's: filters, chosen columns, sortable headers and pages. */
export default function TicketList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = readParams(params);
  const [columns, setColumns] = useState<Column[]>(loadColumns);

  const query: TicketQuery = {
    ...state.filters,
    openedFrom: dayStart(state.filters.openedFrom),
    openedTo: dayAfter(state.filters.openedTo),
    ...state.sort,
    page: state.page,
    perPage: state.perPage,
    assignedUserId: state.assignedUserId,
    requesterId: state.requesterId,
  };
  const tickets = useTicketPage(query);
  const total = tickets.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / state.perPage));

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next);
  };
  const applyFilters = (values: FilterValues) => update({ ...values, page: undefined, assignedUserId: undefined, requesterId: undefined });
  const sortBy = (sort: SortState) => update({ sort: sort.sort, order: sort.order, page: undefined });
  const toggleColumn = (column: Column, shown: boolean) => {
    const next = COLUMNS.filter((item) => (item === column ? shown : columns.includes(item)));
    if (next.length === 0) return;
    setColumns(next);
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
  };

  return (
    <div className="stack-large">
      <h1>{t('list.title')}</h1>
      <ListFilters key={params.toString()} initial={state.filters} onApply={applyFilters} />
      <details className="column-picker">
        <summary>{t('list.columns')}</summary>
        <fieldset>
          <legend className="visually-hidden">{t('list.columns')}</legend>
          {COLUMNS.map((column) => (
            <label key={column} className="checkbox">
              <input type="checkbox" checked={columns.includes(column)} onChange={(event) => toggleColumn(column, event.target.checked)} />
              {t(`columns.${column}`)}
            </label>
          ))}
        </fieldset>
      </details>
      <ErrorMessage error={tickets.error} />
      <p role="status" className="muted">
        {t('list.count', { count: total })}
      </p>
      <TicketTable caption={t('list.title')} tickets={tickets.data?.items ?? []} columns={columns} sort={state.sort} onSort={sortBy} />
      <nav className="pagination" aria-label={t('list.pagination')}>
        <button type="button" className="button button-secondary" disabled={state.page <= 1} onClick={() => update({ page: state.page - 1 })}>
          {t('list.previous')}
        </button>
        <span>{t('list.pageOf', { page: state.page, pages })}</span>
        <button type="button" className="button button-secondary" disabled={state.page >= pages} onClick={() => update({ page: state.page + 1 })}>
          {t('list.next')}
        </button>
        <Field label={t('list.perPage')}>
          {(control) => (
            <select {...control} value={state.perPage} onChange={(event) => update({ perPage: event.target.value, page: undefined })}>
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          )}
        </Field>
      </nav>
    </div>
  );
}
