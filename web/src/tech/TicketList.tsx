import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTicketPage } from '../api/tickets';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { BulkActions } from './BulkActions';
import type { BulkResult } from './bulk';
import { ColumnChooser } from './ColumnChooser';
import { type ColumnLayout, loadLayout, saveLayout, shownColumns } from './columnLayout';
import { Kanban } from './Kanban';
import { ListFilters } from './ListFilters';
import { type FilterValues, fromSavedQuery, PAGE_SIZES, readListState, toSavedQuery, toTicketQuery } from './listQuery';
import { SavedSearches } from './SavedSearches';
import { type SortState, TicketTable } from './TicketTable';
import './screens.css';

/** Renders the ticket list, like GLPI's: filters, saved searches, chosen and ordered columns, sortable headers, pages, bulk actions, and a Kanban view. */
export default function TicketList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // Memoized on the URL so that the filter form, memoized too, does not render again when tickets arrive.
  const state = useMemo(() => readListState(params), [params]);
  const [layout, setLayout] = useState<ColumnLayout>(loadLayout);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // Set by the first bulk action, so its summary stays on screen after its tickets leave the selection.
  const [bulkUsed, setBulkUsed] = useState(false);
  // Titles of the tickets seen on any page, so the bulk merge can name a selection spread over several pages.
  const titles = useRef(new Map<number, string>());

  const query = toTicketQuery(state);
  const tickets = useTicketPage(query);
  const total = tickets.data?.total ?? 0;
  const totalExact = tickets.data?.totalExact ?? true;
  const pages = Math.max(1, Math.ceil(total / state.perPage));
  // Past an inexact total, a full page may be followed by more.
  const lastPage = totalExact ? state.page >= pages : (tickets.data?.items.length ?? 0) < state.perPage;
  useEffect(() => {
    for (const ticket of tickets.data?.items ?? []) titles.current.set(ticket.id, ticket.title);
  }, [tickets.data]);

  const update = useCallback(
    (changes: Record<string, string | number | undefined>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      setParams(next);
    },
    [params, setParams],
  );
  const applyFilters = useCallback((values: FilterValues) => update({ ...values, page: undefined }), [update]);
  const sortBy = (sort: SortState) => update({ sort: sort.sort, order: sort.order, page: undefined });
  const openSaved = (saved: Record<string, string>) => {
    const next = fromSavedQuery(saved);
    if (state.view === 'kanban') next.set('view', 'kanban');
    setParams(next);
  };
  const changeLayout = useCallback((next: ColumnLayout) => {
    setLayout(next);
    saveLayout(next);
  }, []);
  const finishBulk = (result: BulkResult) => {
    setBulkUsed(true);
    setSelected(new Set(result.failed.map((failure) => failure.id)));
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
          <ColumnChooser layout={layout} onChange={changeLayout} />
          {(selected.size > 0 || bulkUsed) && <BulkActions ids={[...selected]} titles={titles.current} onDone={finishBulk} />}
          <ErrorMessage error={tickets.error} />
          <p role="status" className="muted">
            {totalExact ? t('list.count', { count: total }) : t('list.countAtLeast', { count: total })}
          </p>
          <TicketTable caption={t('list.title')} tickets={tickets.data?.items ?? []} columns={shownColumns(layout)} sort={state.sort} onSort={sortBy} selection={{ selected, onChange: changeSelection }} />
          <nav className="pagination" aria-label={t('list.pagination')}>
            <button type="button" className="button button-secondary" disabled={state.page <= 1} onClick={() => update({ page: state.page - 1 })}>
              {t('list.previous')}
            </button>
            <span>{totalExact ? t('list.pageOf', { page: state.page, pages }) : t('list.pageOfAtLeast', { page: state.page, pages })}</span>
            <button type="button" className="button button-secondary" disabled={lastPage} onClick={() => update({ page: state.page + 1 })}>
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
