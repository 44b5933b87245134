import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ifMatch } from '../api/client';
import type { MeDto } from '../api/generated/api';
import { toApiProblem } from '../api/problem';
import { onSessionChange, readSession, writeSession } from '../api/session-store';
import type { Locale } from '../i18n/locale';
import { pickLocale, setAccountLocale } from '../i18n/locale-store';

interface SessionValue {
  me: MeDto | null;
  /** True until the stored session (if any) has been checked with GET /me. */
  restoring: boolean;
  signIn: (email: string, password: string) => Promise<MeDto>;
  signOut: () => Promise<void>;
  refreshMe: () => Promise<void>;
  /** Saves the language choice (PATCH /me when signed in; null: follow the browser) and switches to it. */
  setLocale: (locale: Locale | null) => Promise<void>;
  can: (permission: string) => boolean;
  hasRole: (role: string) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<MeDto | null>(null);
  const [restoring, setRestoring] = useState(() => readSession() !== null);
  // The account's language applies from the same render as the account itself.
  const setMe = useCallback((value: MeDto | null) => {
    setAccountLocale(value?.locale ?? null);
    setMeState(value);
  }, []);

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
  }, [setMe]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const pair = await api.auth.authLogin({ email, password });
      writeSession({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
      setMe(pair.user);
      return pair.user;
    },
    [setMe],
  );

  const signOut = useCallback(async () => {
    const session = readSession();
    if (session) await api.auth.authLogout({ refreshToken: session.refreshToken }).catch(() => undefined);
    writeSession(null);
  }, []);

  const refreshMe = useCallback(async () => setMe(await api.auth.authMe()), [setMe]);

  const setLocale = useCallback(
    async (locale: Locale | null) => {
      // Kept in this browser too, so the sign-in page speaks it after signing out.
      pickLocale(locale);
      if (!me) return;
      const save = (version: number) => api.auth.authUpdateMe({ locale }, ifMatch(version));
      const updated = await save(me.version).catch(async (err: unknown) => {
        // The account changed meanwhile (another tab, an admin): retry once on its current version.
        if (toApiProblem(err).status !== 412) throw err;
        return save((await api.auth.authMe()).version);
      });
      setMe(updated);
    },
    [me, setMe],
  );

  const value = useMemo<SessionValue>(
    () => ({
      me,
      restoring,
      signIn,
      signOut,
      refreshMe,
      setLocale,
      can: (permission) => me?.permissions.includes(permission) ?? false,
      hasRole: (role) => me?.roles.includes(role as MeDto['roles'][number]) ?? false,
    }),
    [me, restoring, signIn, signOut, refreshMe, setLocale],
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
