import { Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { AppConfig } from '../../config/app-config';
import type { SsoSettings } from '../../config/sso-config';
import { ProblemError } from '../../common/problem/problem';

/** What the callback must match: generated at /auth/sso/login, kept server-side until the callback. */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Provider metadata is re-read at most once a day (keys are refreshed by openid-client on an unknown `kid`). */
const DISCOVERY_MAX_AGE_MS = 86_400_000;
const HTTP_TIMEOUT_SECONDS = 10;
/** openid-client errors that mean "the provider is down or broken", not "this sign-in is bad". */
const PROVIDER_DOWN_CODES = new Set(['OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON', 'OAUTH_HTTP_REQUEST_FORBIDDEN']);

const notConfigured = (): ProblemError =>
  new ProblemError(404, 'sso-not-configured', 'Single sign-on is not configured', 'This server has no OpenID provider (OIDC_ISSUER).');
const unavailable = (): ProblemError =>
  new ProblemError(
    503,
    'sso-provider-unavailable',
    'Identity provider unavailable',
    'The OpenID provider could not be reached. Try again shortly.',
    { retryAfter: 5 },
    undefined,
    { 'Retry-After': '5' },
  );
const failed = (reason: string, detail: string): ProblemError =>
  new ProblemError(401, 'sso-failed', 'Single sign-on failed', detail, { reason });

/**
 * The relying party, on openid-client (a certified OpenID Connect client): discovery, the
 * authorization URL with PKCE S256 + state + nonce, and the code exchange whose ID token the library
 * validates (signature against the provider's keys, issuer, audience, nonce, expiry). Nothing here
 * parses a token by hand.
 */
@Injectable()
export class OidcRelyingParty {
  private readonly logger = new Logger(OidcRelyingParty.name);
  private discovered?: { at: number; configuration: Promise<client.Configuration> };

  constructor(private readonly config: AppConfig) {}

  settings(): SsoSettings {
    if (!this.config.sso) throw notConfigured();
    return this.config.sso;
  }

  async authorizationUrl(checks: LoginChecks): Promise<string> {
    const sso = this.settings();
    const configuration = await this.configuration();
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: sso.redirectUri,
      scope: sso.scopes.join(' '),
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    }).href;
  }

  /** Validates the authorization response, redeems the code and returns the ID token's validated claims. */
  async exchange(callbackQuery: URLSearchParams, checks: LoginChecks): Promise<{ issuer: string; claims: Record<string, unknown> }> {
    const sso = this.settings();
    const configuration = await this.configuration();
    // The URL the provider redirected to, rebuilt from configuration rather than from the Host header.
    const currentUrl = new URL(sso.redirectUri);
    currentUrl.search = callbackQuery.toString();
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw failed('id-token-invalid', 'The provider returned no ID token.');
      return { issuer: configuration.serverMetadata().issuer, claims: { ...claims } };
    } catch (err) {
      throw this.toProblem(err);
    }
  }

  private configuration(): Promise<client.Configuration> {
    if (!this.discovered || Date.now() - this.discovered.at > DISCOVERY_MAX_AGE_MS) {
      const configuration = this.discover().catch((err: unknown) => {
        this.discovered = undefined;
        this.logger.warn({ err: describe(err) }, 'OpenID provider discovery failed');
        throw unavailable();
      });
      this.discovered = { at: Date.now(), configuration };
    }
    return this.discovered.configuration;
  }

  private discover(): Promise<client.Configuration> {
    const sso = this.settings();
    return client.discovery(
      new URL(sso.issuer),
      sso.clientId,
      undefined,
      sso.clientSecret ? client.ClientSecretBasic(sso.clientSecret) : client.None(),
      { timeout: HTTP_TIMEOUT_SECONDS, execute: sso.allowInsecureRequests ? [client.allowInsecureRequests] : [] },
    );
  }

  private toProblem(err: unknown): ProblemError {
    if (err instanceof ProblemError) return err;
    this.logger.warn({ err: describe(err) }, 'OpenID sign-in refused');
    if (err instanceof client.AuthorizationResponseError) {
      return failed('authorization-denied', `The provider did not authorize the sign-in (${err.error}).`);
    }
    if (err instanceof client.ResponseBodyError) {
      return failed('code-rejected', `The provider refused the authorization code (${err.error}).`);
    }
    if (err instanceof client.ClientError && err.code && !PROVIDER_DOWN_CODES.has(err.code)) {
      return err.code.startsWith('OAUTH_JW')
        ? failed('id-token-invalid', 'The ID token failed validation (signature, issuer, audience, nonce or expiry).')
        : failed('response-invalid', "The provider's response failed validation.");
    }
    return unavailable();
  }
}

/** Error name, code and message only: causes can carry tokens and claims, which never reach the logs. */
function describe(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  return { name: err.name, code: (err as { code?: unknown }).code, message: err.message };
}
