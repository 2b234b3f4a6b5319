import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setCsrfToken, setSessionEndedHandler } from '../api/client';
import type { Me } from '../api/types';
import { changeLanguage, storedLanguage } from '../i18n';
import { ErrorMessage } from '../ui/ErrorMessage';
import { LoginPage } from './LoginPage';
import { ReauthDialog } from './ReauthDialog';

interface SessionValue {
  me: Me;
  /** True when the user holds the right in at least one entity. */
  can: (right: string) => boolean;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

const ME_KEY = ['me'];

interface PendingReauth {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Loads the signed-in user, shows the sign-in page without one, and the sign-in dialog when the session ends. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: () => api<Me>('/auth/me', { noReauth: true }), retry: false, staleTime: Infinity });
  const pending = useRef<PendingReauth | null>(null);
  const [reauthOpen, setReauthOpen] = useState(false);

  const user = me.data;
  useEffect(() => {
    if (user === undefined) return;
    setCsrfToken(user.csrfToken);
    if (storedLanguage() === undefined) void changeLanguage(user.language, false);
  }, [user]);

  // Every call that meets an ended session waits on the same dialog, then retries.
  useEffect(() => {
    setSessionEndedHandler(() => {
      if (pending.current === null) {
        let resolve: () => void = () => undefined;
        let reject: (error: unknown) => void = () => undefined;
        const promise = new Promise<void>((onResolve, onReject) => {
          resolve = onResolve;
          reject = onReject;
        });
        pending.current = { promise, resolve, reject };
        setReauthOpen(true);
      }
      return pending.current.promise;
    });
    return () => setSessionEndedHandler(null);
  }, []);

  const settle = useCallback((outcome: 'resolve' | 'reject', error?: unknown) => {
    const current = pending.current;
    pending.current = null;
    setReauthOpen(false);
    if (outcome === 'resolve') current?.resolve();
    else current?.reject(error);
  }, []);

  const onReauthenticated = (signedIn: Me) => {
    setCsrfToken(signedIn.csrfToken);
    if (signedIn.id === user?.id) {
      queryClient.setQueryData(ME_KEY, signedIn);
      settle('resolve');
      return;
    }
    // Someone else signed in: nothing of the previous user's page may stay on screen.
    settle('reject', new ApiError({ status: 401, code: 'unauthenticated', detail: '' }));
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, signedIn);
  };

  const signOut = useCallback(async () => {
    try {
      await api('/auth/logout', { method: 'POST', noReauth: true });
    } catch {
      // The session may already be gone; the sign-in page comes next either way.
    }
    settle('reject', new ApiError({ status: 401, code: 'unauthenticated', detail: '' }));
    setCsrfToken(null);
    queryClient.clear();
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [queryClient, settle]);

  if (me.isPending) {
    return <p className="loading" role="status">{t('common.loading')}</p>;
  }
  if (user === undefined) {
    const signedOut = me.error instanceof ApiError && me.error.status === 401;
    return signedOut ? (
      <LoginPage onSignedIn={(signedIn) => queryClient.setQueryData(ME_KEY, signedIn)} />
    ) : (
      <main className="login-page">
        <ErrorMessage error={me.error} />
      </main>
    );
  }

  const can = (right: string) => (user.rights[right]?.length ?? 0) > 0;
  return (
    <SessionContext.Provider value={{ me: user, can, signOut }}>
      <div inert={reauthOpen}>{children}</div>
      {reauthOpen && <ReauthDialog login={user.login} onSignedIn={onReauthenticated} onSignOut={() => void signOut()} />}
    </SessionContext.Provider>
  );
}
