import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { MeDto } from '../api/generated/api';
import { onSessionChange, readSession, writeSession } from '../api/session-store';

interface SessionValue {
  me: MeDto | null;
  /** True until the stored session (if any) has been checked with GET /me. */
  restoring: boolean;
  signIn: (email: string, password: string) => Promise<MeDto>;
  signOut: () => Promise<void>;
  refreshMe: () => Promise<void>;
  can: (permission: string) => boolean;
  hasRole: (role: string) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeDto | null>(null);
  const [restoring, setRestoring] = useState(() => readSession() !== null);

  useEffect(() => {
    if (readSession()) {
      api.auth
        .authMe()
        .then(setMe, () => writeSession(null))
        .finally(() => setRestoring(false));
    }
    // A failed refresh (expired or reused token) clears the session: show the sign-in page.
    return onSessionChange((session) => {
      if (!session) setMe(null);
    });
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const pair = await api.auth.authLogin({ email, password });
    writeSession({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
    setMe(pair.user);
    return pair.user;
  }, []);

  const signOut = useCallback(async () => {
    const session = readSession();
    if (session) await api.auth.authLogout({ refreshToken: session.refreshToken }).catch(() => undefined);
    writeSession(null);
  }, []);

  const refreshMe = useCallback(async () => setMe(await api.auth.authMe()), []);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      restoring,
      signIn,
      signOut,
      refreshMe,
      can: (permission) => me?.permissions.includes(permission) ?? false,
      hasRole: (role) => me?.roles.includes(role as MeDto['roles'][number]) ?? false,
    }),
    [me, restoring, signIn, signOut, refreshMe],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only used on pages rendered behind the sign-in gate. */
export function useMe(): MeDto {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
