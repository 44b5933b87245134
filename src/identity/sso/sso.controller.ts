import { Controller, Get, Header, Req, Res, UseGuards } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/public.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { AppConfig } from '../../config/app-config';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { TokenPairDto } from '../dto/identity.dto';
import { SSO_LOGIN_TTL_SECONDS, SsoService } from './sso.service';

/** Ties the callback to the browser that started the sign-in (RFC 6749 §10.12: login CSRF). */
export const SSO_BINDING_COOKIE = 'hc_sso';
/** The cookie goes only to the SSO routes (API_PREFIX of app.setup.ts, not imported: that module imports this one). */
const COOKIE_PATH = '/api/v1/auth/sso';

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Single sign-on with OpenID Connect (docs/security.md "SSO"). Both routes are public: they are how one signs in. */
@ApiTags('auth')
@Controller('auth/sso')
@Public()
@UseGuards(LoginThrottlerGuard)
@SkipThrottle({ account: true })
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    private readonly config: AppConfig,
  ) {}

  @Get('login')
  @ApiOperation({
    summary: 'Start single sign-on: redirect to the OpenID provider',
    description:
      'Authorization code flow with PKCE (S256), state and nonce. Sets an HttpOnly cookie binding the sign-in to this browser; ' +
      `the sign-in must be completed at the callback within ${SSO_LOGIN_TTL_SECONDS / 60} minutes. 404 sso-not-configured without OIDC_ISSUER.`,
  })
  @ApiFoundResponse({ description: "Redirect to the provider's authorization endpoint (Location header)" })
  @ApiProblems(404, 429, 503)
  async login(@Res() res: Response): Promise<void> {
    const start = await this.sso.begin();
    res.cookie(SSO_BINDING_COOKIE, start.browserBinding, {
      httpOnly: true,
      // Lax: sent on the provider's top-level redirect back to the callback, not on cross-site subrequests.
      sameSite: 'lax',
      secure: this.config.sso?.redirectUri.startsWith('https:') ?? true,
      path: COOKIE_PATH,
      maxAge: SSO_LOGIN_TTL_SECONDS * 1000,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, start.authorizationUrl);
  }

  @Get('callback')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Finish single sign-on: the OpenID provider redirects here (OIDC_REDIRECT_URI)',
    description:
      'Redeems the code, validates the ID token, creates or updates the user from its claims and answers with a token pair, ' +
      'as POST /auth/login does. Each sign-in is accepted once, from the browser that started it.',
  })
  @ApiQuery({ name: 'code', required: false, description: 'Authorization code' })
  @ApiQuery({ name: 'state', required: true, description: 'The state sent to the provider' })
  @ApiQuery({ name: 'iss', required: false, description: 'Issuer of the authorization response (RFC 9207)' })
  @ApiQuery({ name: 'error', required: false, description: 'Set by the provider when it did not authorize the sign-in' })
  @ApiQuery({ name: 'error_description', required: false })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 403, 404, 409, 429, 503)
  async callback(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TokenPairDto> {
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const pair = await this.sso.complete(query, cookieValue(req, SSO_BINDING_COOKIE));
    res.clearCookie(SSO_BINDING_COOKIE, { path: COOKIE_PATH });
    return pair;
  }
}
