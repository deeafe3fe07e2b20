import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { SessionResponse } from '../modules/auth/auth.schema.js';
import { api, setUnauthenticatedHandler } from './api.js';

type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; session: SessionResponse };

export interface SessionContextValue {
  state: SessionState;
  /** The session when it has been loaded. */
  session: SessionResponse | undefined;
  /** Asks the server for the session again (app start, after a 401, after logout). */
  refresh: () => Promise<void>;
  /** Logs in; throws ApiError (unauthenticated, locked, account_blocked, validation). */
  login: (username: string, password: string) => Promise<SessionResponse>;
  /** Chooses organisation + role (R2.13); throws ApiError. */
  chooseContext: (choiceId: string) => Promise<SessionResponse>;
  logout: () => Promise<void>;
  /** True after this browser logged out, until the next login: no page to return to then. */
  loggedOut: boolean;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/** Holds the SessionResponse for the whole app; loads it once on start. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [loggedOut, setLoggedOut] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const session = await api.getSession();
      setState({ status: 'ready', session });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    void refresh();
    setUnauthenticatedHandler(() => void refresh());
    return () => setUnauthenticatedHandler(undefined);
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const session = await api.login(username, password);
    setLoggedOut(false);
    setState({ status: 'ready', session });
    return session;
  }, []);

  const chooseContext = useCallback(async (choiceId: string) => {
    const session = await api.chooseContext(choiceId);
    setState({ status: 'ready', session });
    return session;
  }, []);

  const logout = useCallback(async () => {
    setLoggedOut(true);
    try {
      const endSessionUrl = await api.logout();
      // Issue 21: RP-initiated logout: the identity provider ends its session too, then sends the browser back.
      if (endSessionUrl) {
        window.location.assign(endSessionUrl);
        return;
      }
    } finally {
      // A fresh anonymous session brings a new CSRF token for the next login.
      await refresh();
    }
  }, [refresh]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      session: state.status === 'ready' ? state.session : undefined,
      refresh,
      login,
      chooseContext,
      logout,
      loggedOut,
    }),
    [state, refresh, login, chooseContext, logout, loggedOut],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session context; only inside SessionProvider. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
