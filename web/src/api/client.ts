import { Api, type FullRequestParams, type TokenPairDto } from './generated/api';
import { currentLocale } from '../i18n/locale-store';
import { toApiProblem } from './problem';
import { readSession, writeSession } from './session-store';

const REFRESH_PATH = '/api/v1/auth/refresh';
const NO_RETRY = ['/api/v1/auth/login', REFRESH_PATH, '/api/v1/auth/logout'];

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for a new pair, once even when several calls hit a 401 together. */
function refreshTokens(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = readSession();
    if (!session) return false;
    const res = await fetch(REFRESH_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLocale() },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    if (!res.ok) {
      writeSession(null);
      return false;
    }
    const pair = (await res.json()) as TokenPairDto;
    writeSession({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function withToken(init: RequestInit | undefined): RequestInit {
  const headers = new Headers(init?.headers);
  const token = readSession()?.accessToken;
  if (token && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  // The page's language, so problems and notifications come back in it (a saved preference still wins on the server).
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', currentLocale());
  // Never from the browser's HTTP cache: an ETag carries the record's version, which does not move
  // when derived fields do (supportCount), so a revalidated 304 would show a stale count.
  return { cache: 'no-store', ...init, headers };
}

/** fetch with the bearer token and the page's language; on 401 it refreshes the tokens once and retries. */
async function authFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
  const res = await fetch(input, withToken(init));
  if (res.status !== 401 || NO_RETRY.some((p) => url.startsWith(p)) || !readSession()) return res;
  return (await refreshTokens()) ? fetch(input, withToken(init)) : res;
}

class HeroCompactApi extends Api<unknown> {
  constructor() {
    super({ baseUrl: '', customFetch: authFetch });
    // Every generated method goes through `request`: make its failures ApiProblems.
    const request = this.request;
    this.request = <T, E>(params: FullRequestParams): Promise<T> =>
      request<T, E>(params).catch((err: unknown) => Promise.reject(toApiProblem(err)));
  }
}

/** The typed API client (generated from the OpenAPI document by `npm run build:web`). */
export const api = new HeroCompactApi();

/** `If-Match` for PATCH: the resource's version as the ETag the API sends. */
export function ifMatch(version: number): { headers: Record<string, string> } {
  return { headers: { 'If-Match': `"${version}"` } };
}
