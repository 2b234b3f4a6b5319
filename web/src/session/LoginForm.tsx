import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Me } from '../api/types';
import { ErrorMessage, fieldError } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';

interface LoginFormProps {
  onSignedIn: (me: Me) => void;
  /** Login to start with, e.g. the account whose session has just ended. */
  initialLogin?: string;
}

/** Sign-in form; the server's answer (wrong password, locked account) shows above the button. */
export function LoginForm({ onSignedIn, initialLogin = '' }: LoginFormProps) {
  const { t } = useTranslation();
  const [login, setLogin] = useState(initialLogin);
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => api<Me>('/auth/login', { method: 'POST', body: { login, password }, noReauth: true }),
    onSuccess: onSignedIn,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field label={t('login.login')} error={fieldError(signIn.error, 'login')} required>
        {(control) => (
          <input {...control} name="login" autoComplete="username" value={login} onChange={(event) => setLogin(event.target.value)} required />
        )}
      </Field>
      <Field label={t('login.password')} error={fieldError(signIn.error, 'password')} required>
        {(control) => (
          <input
            {...control}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        )}
      </Field>
      <ErrorMessage error={signIn.error} />
      <button type="submit" className="button button-primary" disabled={signIn.isPending}>
        {signIn.isPending ? t('login.signingIn') : t('login.submit')}
      </button>
    </form>
  );
}
