import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Permission, Role, SessionAnswer, User } from './api/cases.js';
import { ApiError, clearCache, getFresh, onSignedOut, sendJson, setCsrfToken } from './api/client.js';

export interface Auth {
  /** `loading` until GET /api/auth/me has answered. */
  status: 'loading' | 'signed-in' | 'anonymous';
  user: User | null;
  permissions: readonly Permission[];
  can(permission: Permission): boolean;
  is(...roles: Role[]): boolean;
  logIn(login: string, password: string): Promise<User>;
  logOut(everywhere?: boolean): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Who is signed in. The session is the httpOnly cookie; its CSRF token lives in memory only, from
 * the login answer or, after a reload, from GET /api/auth/me. A 401 from any API call ends it here.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionAnswer | null>(null);
  const [status, setStatus] = useState<Auth['status']>('loading');

  const adopt = useCallback((answer: SessionAnswer | null) => {
    setCsrfToken(answer?.csrfToken ?? null);
    setSession(answer);
    setStatus(answer ? 'signed-in' : 'anonymous');
  }, []);

  useEffect(() => {
    let live = true;
    getFresh<SessionAnswer>('/api/auth/me').then(
      (answer) => live && adopt(answer),
      () => live && adopt(null),
    );
    const off = onSignedOut(() => {
      setCsrfToken(null);
      setSession(null);
      setStatus('anonymous');
    });
    return () => {
      live = false;
      off();
    };
  }, [adopt]);

  const logIn = useCallback(
    async (login: string, password: string) => {
      const answer = await sendJson<SessionAnswer>('POST', '/api/auth/login', { login, password });
      clearCache();
      adopt(answer);
      return answer.user;
    },
    [adopt],
  );

  const logOut = useCallback(
    async (everywhere = false) => {
      try {
        await sendJson('POST', everywhere ? '/api/auth/logout-all' : '/api/auth/logout');
      } catch (e) {
        // Already ended: signed out all the same.
        if (!(e instanceof ApiError) || e.status !== 401) throw e;
      }
      clearCache();
      adopt(null);
    },
    [adopt],
  );

  const value = useMemo<Auth>(() => {
    const permissions = session?.permissions ?? [];
    return {
      status,
      user: session?.user ?? null,
      permissions,
      can: (p) => permissions.includes(p),
      is: (...roles) => !!session && roles.includes(session.user.role),
      logIn,
      logOut,
    };
  }, [session, status, logIn, logOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
