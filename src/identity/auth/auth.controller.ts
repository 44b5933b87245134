import { Body, Controller, Get, Header, HttpCode, Patch, Post, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/auth/public.decorator';
import { ETAG_HEADER, IfMatchVersion, setETag } from '../../common/http/if-match';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { LoginDto, MeDto, RefreshDto, TokenPairDto, UpdateMeDto } from '../dto/identity.dto';
import { UsersService } from '../users/users.service';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('auth/login')
  @Public()
  @Header('Cache-Control', 'no-store')
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description: 'Rate-limited per IP and per account (429 with Retry-After). 403 local-login-disabled when LOCAL_PASSWORDS_ENABLED=false.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 403, 429)
  login(@Body() dto: LoginDto): Promise<TokenPairDto> {
    return this.auth.login(dto.email, dto.password);
  }

  @Post('auth/refresh')
  @Public()
  @Header('Cache-Control', 'no-store')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (the old one is spent; reusing it revokes the family)' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the refresh token and its family (access tokens expire on their own)' })
  @ApiNoContentResponse()
  @ApiProblems(400)
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  @Get('me')
  @RequirePermissions('me.read')
  @UsersOnly()
  @ApiOperation({ summary: 'The signed-in user with roles, unit and permissions, with an ETag for If-Match' })
  @ApiOkResponse({ type: MeDto, headers: ETAG_HEADER })
  async me(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<MeDto> {
    const me = await this.auth.me(principal.id);
    setETag(res, me.version);
    return me;
  }

  @Patch('me')
  @RequirePermissions('me.update')
  @UsersOnly()
  @ApiOperation({
    summary: 'Change my language or display name. Requires If-Match.',
    description: 'locale: en or fr, or null to follow the browser (Accept-Language); see docs/i18n.md. Everything else is the admin’s.',
  })
  @ApiOkResponse({ type: MeDto, headers: ETAG_HEADER })
  @ApiProblems(400, 412, 428)
  async updateMe(
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateMeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeDto> {
    const me = await this.users.updateSelf(principal, version, dto);
    setETag(res, me.version);
    return me;
  }
}
