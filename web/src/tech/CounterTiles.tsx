import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCounters } from '../api/dashboard';
import type { Counters } from '../api/extraTypes';
import { ErrorMessage } from '../ui/ErrorMessage';

const TILES: { counter: keyof Counters; to: string }[] = [
  { counter: 'all', to: '/tickets' },
  { counter: 'new', to: '/tickets?status=new' },
  { counter: 'late', to: '/tickets?late=true&sort=ttrDueAt&order=asc' },
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
