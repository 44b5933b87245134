import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { ProblemError } from '../../common/problem/problem';
import { newSecret, sha256 } from '../auth/secret-tokens';
import type { TokenPairDto } from '../dto/identity.dto';
import { SsoLoginRequest } from './entities/sso-login-request.entity';
import { OidcRelyingParty } from './oidc-relying-party';
import { mapClaims } from './sso-claims';
import { SsoProvisioning } from './sso-provisioning.service';

/** How long a started sign-in may take at the provider (login page, MFA) before its state is refused. */
export const SSO_LOGIN_TTL_SECONDS = 600;

export interface SsoStart {
  authorizationUrl: string;
  /** Goes into an HttpOnly cookie: the callback must come back to the browser that started the sign-in. */
  browserBinding: string;
}

const stateInvalid = (): ProblemError =>
  new ProblemError(
    400,
    'sso-state-invalid',
    'Unknown or used sign-in',
    'This sign-in is unknown, already used, expired or was started in another browser. Start again at /api/v1/auth/sso/login.',
  );

/**
 * Single sign-on with OpenID Connect, authorization code flow with PKCE (issue 12 item 1).
 * The pending sign-in (state, nonce, PKCE verifier) lives in the database, so a callback is
 * accepted once, within SSO_LOGIN_TTL_SECONDS, from the browser that started it — and works
 * whichever replica receives it.
 */
@Injectable()
export class SsoService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relyingParty: OidcRelyingParty,
    private readonly provisioning: SsoProvisioning,
  ) {}

  async begin(): Promise<SsoStart> {
    const checks = { state: newSecret(32), nonce: newSecret(32), codeVerifier: newSecret(32) };
    // Discovery first: a provider outage answers 503 without leaving a pending row behind.
    const authorizationUrl = await this.relyingParty.authorizationUrl(checks);
    const browserBinding = newSecret(32);
    const repo = this.dataSource.getRepository(SsoLoginRequest);
    await repo.delete({ expiresAt: LessThan(new Date()) });
    await repo.insert({
      stateHash: sha256(checks.state),
      nonce: checks.nonce,
      codeVerifier: checks.codeVerifier,
      browserBindingHash: sha256(browserBinding),
      expiresAt: new Date(Date.now() + SSO_LOGIN_TTL_SECONDS * 1000),
    });
    return { authorizationUrl, browserBinding };
  }

  async complete(callbackQuery: URLSearchParams, browserBinding: string | undefined): Promise<TokenPairDto> {
    const settings = this.relyingParty.settings();
    const state = callbackQuery.get('state');
    if (!state || !browserBinding) throw stateInvalid();
    const pending = await this.consume(state, browserBinding);
    if (!pending) throw stateInvalid();
    const { issuer, claims } = await this.relyingParty.exchange(callbackQuery, { state, ...pending });
    const mapped = mapClaims(claims, settings);
    if (!mapped.ok) throw new ProblemError(403, 'sso-claims-invalid', 'Unusable identity', mapped.reason);
    return this.provisioning.signIn(issuer, mapped.profile);
  }

  /**
   * Spends the pending sign-in in one statement, so of two callbacks with the same state only one
   * proceeds. A callback from another browser does not spend it (it cannot be used to block the
   * real one).
   */
  private async consume(state: string, browserBinding: string): Promise<{ nonce: string; codeVerifier: string } | undefined> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(SsoLoginRequest)
      .set({ consumedAt: () => 'now()' })
      .where('state_hash = :stateHash AND browser_binding_hash = :bindingHash', {
        stateHash: sha256(state),
        bindingHash: sha256(browserBinding),
      })
      .andWhere('consumed_at IS NULL AND expires_at > now()')
      .returning('nonce, code_verifier')
      .execute();
    const row = (result.raw as { nonce: string; code_verifier: string }[])[0];
    return row ? { nonce: row.nonce, codeVerifier: row.code_verifier } : undefined;
  }
}
