import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStatusCounters } from '../api/tickets';
import type { Status } from '../api/types';
import { ErrorMessage } from '../ui/ErrorMessage';

const TILES: readonly (Status | 'all')[] = ['all', 'new', 'waiting', 'assigned', 'planned', 'solved', 'closed'];

/** Ticket counts by status; each tile opens the list with that filter. */
export function CounterTiles() {
  const { t } = useTranslation();
  const counters = useStatusCounters(TILES);
  return (
    <section aria-labelledby="counters-title">
      <h2 id="counters-title" className="visually-hidden">
        {t('home.counters')}
      </h2>
      <ErrorMessage error={counters.error} />
      <ul className="tiles">
        {TILES.map((status) => (
          <li key={status}>
            <Link className={`tile tile-${status}`} to={status === 'all' ? '/tickets' : `/tickets?status=${status}`}>
              <span className="tile-count">{counters.data?.[status] ?? '–'}</span>
              <span className="tile-label">{t(`home.tile.${status}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
