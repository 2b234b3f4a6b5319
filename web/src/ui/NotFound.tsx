import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown for an unknown page and for a ticket the user may not see: the two look the same on purpose. */
export function NotFound({ what = 'page' }: { what?: 'page' | 'ticket' }) {
  const { t } = useTranslation();
  return (
    <section className="card not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t(`notFound.${what}Title`)}</h1>
      <p>{t(`notFound.${what}Text`)}</p>
      <Link to="/">{t('notFound.back')}</Link>
    </section>
  );
}
