import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api } from '../api/client';

export interface User {
  userId: number;
  username: string;
  displayName: string;
  roles: string[];
  unitId: number;
  unitPath: string;
}

interface Session {
  user: User | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  has(...roles: string[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in (the httpOnly cookie is the session; the console only asks who it belongs to). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    api<{ user: User | null }>('/auth/session')
      .then((r) => setUser(r.user))
      .finally(() => setLoading(false));
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    const r = await api<{ user: User }>('/auth/login', { body: { username, password } });
    setUser(r.user);
  }, []);
  const signOut = useCallback(async () => {
    await api('/auth/logout', { method: 'POST' });
    setUser(null);
  }, []);
  const has = useCallback((...roles: string[]) => !!user?.roles.some((r) => roles.includes(r)), [user]);
  return (
    <SessionContext.Provider value={{ user, loading, signIn, signOut, has }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
