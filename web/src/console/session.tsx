import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { type CallOutput, call, type EndpointAt } from '../api/call';

/** The signed-in user, as GET /auth/session answers. */
export type User = NonNullable<CallOutput<EndpointAt<'GET', '/auth/session'>>['user']>;

interface Session {
  user: User | null;
  loading: boolean;
  /** Resolves to a pending-sign-in token when the user must give a TOTP code next, else to null. */
  signIn(username: string, password: string): Promise<string | null>;
  completeSignIn(pendingToken: string, code: string): Promise<void>;
  signOut(): Promise<void>;
  has(...roles: string[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in (the httpOnly cookie is the session; the console only asks who it belongs to). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    call('GET', '/auth/session')
      .then((r) => setUser(r.user))
      .finally(() => setLoading(false));
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    const r = await call('POST', '/auth/login', { body: { username, password } });
    if ('secondFactor' in r) return r.pendingToken;
    setUser(r.user);
    return null;
  }, []);
  const completeSignIn = useCallback(async (pendingToken: string, code: string) => {
    const r = await call('POST', '/auth/login/second-factor', { body: { pendingToken, code } });
    setUser(r.user);
  }, []);
  const signOut = useCallback(async () => {
    await call('POST', '/auth/logout');
    setUser(null);
  }, []);
  const has = useCallback((...roles: string[]) => !!user?.roles.some((r) => roles.includes(r)), [user]);
  return (
    <SessionContext.Provider value={{ user, loading, signIn, completeSignIn, signOut, has }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
