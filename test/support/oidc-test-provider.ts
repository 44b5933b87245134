import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenID provider for the SSO e2e tests: oidc-provider (the certified implementation by the
 * author of openid-client) on 127.0.0.1 and a random port, with in-memory accounts and two static
 * confidential clients — the app under test and "another app" at the same provider. The login
 * page is replaced by an interaction that signs in whichever account the test chose, so the whole
 * authorization code flow runs over plain HTTP with redirects and cookies (see TestBrowser).
 */

/** The claims an account releases (standard ones plus the org's groups and department). */
export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
  department?: string;
}

export interface OidcClientRegistration {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** What the provider does to the next ID token it hands out at its token endpoint (see tamperNextIdToken). */
export interface IdTokenTampering {
  /** Re-issue it for this other registered client: a genuine token, signed by the provider, with aud = that client. */
  audienceClientId?: string;
  /** Re-issue it as issued `issuedSecondsAgo` and expired `expiredSecondsAgo` (a delayed or replayed token). */
  expiredSecondsAgo?: number;
}

export interface OidcTestProvider {
  issuer: string;
  app: OidcClientRegistration;
  otherApp: OidcClientRegistration;
  accounts: Map<string, TestAccount>;
  /** The account the next interaction signs in. */
  signInAs(sub: string): void;
  /** The next interaction ends with error=access_denied (the person cancels, or policy refuses). */
  denyNextInteraction(): void;
  tamperNextIdToken(tampering: IdTokenTampering): void;
  /** The claims of the last ID token the hook re-issued, to show what the app was actually sent. */
  lastTamperedClaims(): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

// ---- the small part of oidc-provider's API used here (the package ships no type declarations) ----
interface KoaContext {
  method: string;
  path: string;
  status: number;
  body: unknown;
  oidc: { client?: { clientId: string } };
}
interface ProviderClient {
  clientId: string;
}
interface ProviderIdToken {
  scope?: string;
  set(claim: string, value: unknown): void;
  issue(options: { use: 'idtoken'; expiresAt?: number }): Promise<string>;
}
interface ProviderGrant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
interface InteractionDetails {
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: Record<string, string>;
  session?: { accountId: string };
  grantId?: string;
}
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object, options?: object): Promise<void>;
  Client: { find(id: string): Promise<ProviderClient | undefined> };
  Grant: { new (init: { accountId: string; clientId: string }): ProviderGrant; find(id: string): Promise<ProviderGrant | undefined> };
  IdToken: new (claims: object, options: { ctx: KoaContext; client: ProviderClient }) => ProviderIdToken;
}
type ProviderConstructor = new (issuer: string, configuration: object) => Provider;

/**
 * oidc-provider warns that Node 20 is not its supported runtime (it works) and that its in-memory
 * store is for development only (which is what a test wants): keep those two lines out of the output.
 */
function quietly<T>(fn: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!/Unsupported runtime|in-memory adapter/.test(String(args[0]))) warn(...args);
  };
  try {
    return fn();
  } finally {
    console.warn = warn;
  }
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- required lazily so its warning can be filtered
const loadProvider = (): ProviderConstructor => (require('oidc-provider') as { Provider: ProviderConstructor }).Provider;

const decodePayload = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
const epoch = (): number => Math.floor(Date.now() / 1000);

/** Starts the provider. `redirectUri` is where the app under test receives the authorization response. */
export async function startOidcTestProvider(redirectUri: string): Promise<OidcTestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = { clientId: 'hero-compact', clientSecret: randomBytes(24).toString('hex'), redirectUri };
  const otherApp = {
    clientId: 'another-app',
    clientSecret: randomBytes(24).toString('hex'),
    redirectUri: `${issuer}/another-app/callback`,
  };
  const accounts = new Map<string, TestAccount>();
  let current: string | undefined;
  let denyNext = false;
  let tampering: IdTokenTampering | undefined;
  let tampered: Record<string, unknown> | undefined;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const Provider = quietly(loadProvider);
  const provider = quietly(
    () =>
      new Provider(issuer, {
        clients: [app, otherApp].map((c) => ({
          client_id: c.clientId,
          client_secret: c.clientSecret,
          redirect_uris: [c.redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        })),
        jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
        cookies: { keys: [randomBytes(32).toString('hex')] },
        claims: {
          openid: ['sub'],
          email: ['email', 'email_verified'],
          profile: ['name', 'department'],
          groups: ['groups'],
        },
        scopes: ['openid', 'email', 'profile', 'groups'],
        // Release the scopes' claims in the ID token itself (the app reads only the ID token).
        conformIdTokenClaims: false,
        features: { devInteractions: { enabled: false } },
        pkce: { required: () => true },
        findAccount: (_ctx: unknown, sub: string) => {
          const account = accounts.get(sub);
          return account ? { accountId: sub, claims: () => ({ ...account }) } : undefined;
        },
        ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
        renderError: (ctx: KoaContext, out: object) => {
          ctx.body = out;
        },
      }),
  );

  // The tampering hook sits on the real token endpoint: the code exchange, PKCE check and nonce are
  // the provider's own; only the property under test changes, re-issued by the provider's IdToken model.
  provider.use(async (ctx, next) => {
    await next();
    const plan = tampering;
    if (!plan || ctx.method !== 'POST' || ctx.path !== '/token' || ctx.status !== 200) return;
    tampering = undefined;
    const body = ctx.body as { id_token: string };
    const original = decodePayload(body.id_token);
    const client = await provider.Client.find(plan.audienceClientId ?? ctx.oidc.client!.clientId);
    const token = new provider.IdToken({}, { ctx, client: client! });
    for (const [claim, value] of Object.entries(original)) {
      if (!['aud', 'exp', 'iat', 'iss', 'at_hash', 'c_hash'].includes(claim)) token.set(claim, value);
    }
    let expiresAt: number | undefined;
    if (plan.expiredSecondsAgo !== undefined) {
      expiresAt = epoch() - plan.expiredSecondsAgo;
      token.set('iat', expiresAt - 600);
    }
    body.id_token = await token.issue({ use: 'idtoken', expiresAt });
    tampered = decodePayload(body.id_token);
  });

  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      const deny = denyNext;
      denyNext = false;
      autoInteraction(provider, req, res, { accountId: current, deny }).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    } else handle(req, res);
  });

  return {
    issuer,
    app,
    otherApp,
    accounts,
    signInAs: (sub) => {
      current = sub;
    },
    denyNextInteraction: () => {
      denyNext = true;
    },
    tamperNextIdToken: (t) => {
      tampering = t;
    },
    lastTamperedClaims: () => tampered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Stands in for the login and consent pages: signs in the chosen account and grants what was asked. */
async function autoInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  { accountId, deny }: { accountId?: string; deny: boolean },
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (deny) {
    const result = { error: 'access_denied', error_description: 'The person cancelled the sign-in' };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    return;
  }
  if (details.prompt.name === 'login') {
    if (!accountId) throw new Error('signInAs(sub) was not called');
    await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    return;
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id });
  if (details.prompt.details.missingOIDCScope) grant!.addOIDCScope(details.prompt.details.missingOIDCScope.join(' '));
  if (details.prompt.details.missingOIDCClaims) grant!.addOIDCClaims(details.prompt.details.missingOIDCClaims);
  await provider.interactionFinished(req, res, { consent: { grantId: await grant!.save() } }, { mergeWithLastSubmission: true });
}

/**
 * A minimal browser for the flow: follows redirects with fetch (manual mode) and keeps cookies per
 * path, as a user agent would for 127.0.0.1. It stops at the app's redirect URI and returns that URL.
 */
export class TestBrowser {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  /** Follows redirects from `url` until one targets a URL starting with `stopAt`; returns that URL. */
  async follow(url: string, stopAt: string[]): Promise<URL> {
    let next = new URL(url);
    for (let hop = 0; hop < 10; hop++) {
      if (stopAt.some((prefix) => next.href.startsWith(prefix))) return next;
      const res = await fetch(next, { redirect: 'manual', headers: { cookie: this.cookieHeader(next.pathname) } });
      this.store(res.headers.getSetCookie());
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) {
        throw new Error(`Expected a redirect from ${next.href}, got ${res.status}: ${await res.text()}`);
      }
      next = new URL(location, next);
    }
    throw new Error('Too many redirects');
  }

  cookieHeader(path: string): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => path.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  store(setCookies: string[]): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }
}
