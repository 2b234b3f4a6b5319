import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { canAdminister } from '../admin/access';
import { useSession } from '../session/SessionProvider';
import { LanguageSelect } from './LanguageSelect';

/** Page frame: skip link, header with the menu of the user's interface, language and sign-out. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, can, signOut } = useSession();
  const central = me.interface === 'central';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className={central ? 'app-header' : 'app-header app-header-portal'}>
        <NavLink to="/" className="brand">
          {t('app.name')}
        </NavLink>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            {central && (
              <li>
                <NavLink to="/tickets" end>
                  {t('nav.tickets')}
                </NavLink>
              </li>
            )}
            {central && can('ticket:create') && (
              <li>
                <NavLink to="/tickets/new">{t('nav.newTicket')}</NavLink>
              </li>
            )}
            {central && can('ticket:read') && (
              <li>
                <NavLink to="/planning">{t('nav.planning')}</NavLink>
              </li>
            )}
            {central && can('stats:read') && (
              <li>
                <NavLink to="/statistics">{t('nav.statistics')}</NavLink>
              </li>
            )}
            {central && canAdminister(can) && (
              <li>
                <NavLink to="/admin">{t('nav.admin')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="header-user">
          <span>{t('nav.signedInAs', { name: `${me.firstName} ${me.lastName}` })}</span>
          <LanguageSelect remember />
          <button type="button" className="button button-secondary" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={central ? 'page' : 'page page-portal'}>
        {children}
      </main>
    </>
  );
}
