import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { LoginForm } from './LoginForm';

interface ReauthDialogProps {
  login: string;
  onSignedIn: (me: Me) => void;
  onSignOut: () => void;
}

/**
 * Sign-in form over the current page after the session has ended. The page behind stays mounted
 * (only made inert), so whatever the user was typing is still there once they have signed in.
 */
export function ReauthDialog({ login, onSignedIn, onSignOut }: ReauthDialogProps) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
  }, []);

  return (
    <div className="modal-backdrop">
      <div ref={panel} className="modal card" role="dialog" aria-modal="true" aria-labelledby="reauth-title" aria-describedby="reauth-text">
        <h2 id="reauth-title">{t('reauth.title')}</h2>
        <p id="reauth-text">{t('reauth.text')}</p>
        <LoginForm onSignedIn={onSignedIn} initialLogin={login} />
        <button type="button" className="button button-link" onClick={onSignOut}>
          {t('reauth.signOut')}
        </button>
      </div>
    </div>
  );
}
