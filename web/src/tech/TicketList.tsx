import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTicketPage } from '../api/tickets';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { BulkActions } from './BulkActions';
import { type Column, COLUMNS } from './columns';
import { Kanban } from './Kanban';
import { type FilterValues, ListFilters } from './ListFilters';
import { fromSavedQuery, PAGE_SIZES, readListState, toSavedQuery, toTicketQuery } from './listQuery';
import { SavedSearches } from './SavedSearches';
import { type SortState, TicketTable } from './TicketTable';
import './screens.css';

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

/** Renders the ticket list, like GLPI's: filters, saved searches, chosen columns, sortable headers, pages, bulk actions, and a Kanban view. */
export default function TicketList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = readListState(params);
  const [columns, setColumns] = useState<Column[]>(loadColumns);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());

  const query = toTicketQuery(state);
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
  const openSaved = (saved: Record<string, string>) => {
    const next = fromSavedQuery(saved);
    if (state.view === 'kanban') next.set('view', 'kanban');
    setParams(next);
  };
  const toggleColumn = (column: Column, shown: boolean) => {
    const next = COLUMNS.filter((item) => (item === column ? shown : columns.includes(item)));
    if (next.length === 0) return;
    setColumns(next);
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
  };
  const changeSelection = (ids: number[], checked: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (checked) next.add(id);
      else next.delete(id);
    }
    setSelected(next);
  };

  return (
    <div className="stack-large">
      <div className="page-title-row">
        <h1>{t('list.title')}</h1>
        <div className="button-row" role="group" aria-label={t('list.view')}>
          {(['table', 'kanban'] as const).map((view) => (
            <button key={view} type="button" className={state.view === view ? 'button button-secondary is-active' : 'button button-secondary'} aria-pressed={state.view === view} onClick={() => update({ view: view === 'table' ? undefined : view })}>
              {t(`list.viewOption.${view}`)}
            </button>
          ))}
        </div>
      </div>
      <ListFilters key={params.toString()} initial={state.filters} onApply={applyFilters} />
      <SavedSearches current={toSavedQuery(query)} onOpen={openSaved} />
      {state.view === 'kanban' ? (
        <Kanban query={query} />
      ) : (
        <>
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
          {selected.size > 0 && <BulkActions ids={[...selected]} onDone={(result) => setSelected(new Set(result.failed.map((failure) => failure.id)))} />}
          <ErrorMessage error={tickets.error} />
          <p role="status" className="muted">
            {t('list.count', { count: total })}
          </p>
          <TicketTable caption={t('list.title')} tickets={tickets.data?.items ?? []} columns={columns} sort={state.sort} onSort={sortBy} selection={{ selected, onChange: changeSelection }} />
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
        </>
      )}
    </div>
  );
}
