import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCounters } from '../api/dashboard';
import type { Counters } from '../api/extraTypes';
import { OPEN_STATUSES } from '../api/types';
import { ErrorMessage } from '../ui/ErrorMessage';

const OPEN = OPEN_STATUSES.join(',');

// NOTE: the list route has neither a "late" filter nor a sort on the TTR deadline, so the late tile
// opens the open tickets oldest first. The home page's deadline section lists the late ones exactly.
const TILES: { counter: keyof Counters; to: string }[] = [
  { counter: 'all', to: '/tickets' },
  { counter: 'new', to: '/tickets?status=new' },
  { counter: 'late', to: `/tickets?status=${OPEN}&sort=openedAt&order=asc` },
  { counter: 'waiting', to: '/tickets?status=waiting' },
  { counter: 'assigned', to: '/tickets?status=assigned' },
  { counter: 'planned', to: '/tickets?status=planned' },
  { counter: 'solved', to: '/tickets?status=solved' },
  { counter: 'closed', to: '/tickets?status=closed' },
];

/** Ticket counts from the dashboard route; each tile opens the list with the matching filter. */
export function CounterTiles() {
  const { t } = useTranslation();
  const counters = useCounters();
  return (
    <section aria-labelledby="counters-title">
      <h2 id="counters-title" className="visually-hidden">
        {t('home.counters')}
      </h2>
      <ErrorMessage error={counters.error} />
      <ul className="tiles">
        {TILES.map(({ counter, to }) => (
          <li key={counter}>
            <Link className={`tile tile-${counter}`} to={to}>
              <span className="tile-count">{counters.data?.[counter] ?? '–'}</span>
              <span className="tile-label">{t(`home.tile.${counter}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
