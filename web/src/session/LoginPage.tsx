import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { LanguageSelect } from '../ui/LanguageSelect';
import { LoginForm } from './LoginForm';

export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  return (
    <main className="login-page">
      <div className="card login-card">
        <h1>{t('app.name')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <LoginForm onSignedIn={onSignedIn} />
        <LanguageSelect remember />
      </div>
    </main>
  );
}
