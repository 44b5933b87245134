import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { JobQueue } from '../notifications/job-queue.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AccessGuard } from './auth/access.guard';
import { ApiKeyStrategy } from './auth/api-key.strategy';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { JwtStrategy } from './auth/jwt.strategy';
import { LoginThrottlerGuard } from './auth/login-throttler.guard';
import { PasswordHasher } from './auth/password-hasher';
import { PgThrottlerStorage } from './auth/pg-throttler-storage';
import { WriteRateLimitInterceptor } from './auth/write-rate-limit';
import { User } from './entities/user.entity';
import { OrgUnitsController } from './org-units/org-units.controller';
import { OrgUnitsService } from './org-units/org-units.service';
import { OidcRelyingParty } from './sso/oidc-relying-party';
import { SsoProvisioning } from './sso/sso-provisioning.service';
import { SsoController } from './sso/sso.controller';
import { SsoService } from './sso/sso.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Hourly: rate-limit counters whose window and block are over. */
export const RATE_LIMIT_PURGE_QUEUE = 'rate-limit-purge';

const loginEmail = (req: Record<string, unknown>): string => {
  const body = (req as unknown as Request).body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
};

/** Users, org units, login and tokens, API keys, and the global access guard (DOMAIN.md §1). */
@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    PassportModule,
    AuditModule,
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: (c: AppConfig) => ({ secret: c.jwtSecret }) }),
    NotificationsModule,
    // Applied by LoginThrottlerGuard on sign-in; the counters (and the write limits') are in
    // PostgreSQL, shared by every instance (PgThrottlerStorage, docs/security.md).
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, getDataSourceToken()],
      useFactory: (c: AppConfig, dataSource: DataSource) => ({
        throttlers: [
          { name: 'ip', ttl: c.loginRateWindowSeconds * 1000, limit: c.loginRateLimitPerIp, getTracker: (req) => String(req.ip) },
          { name: 'account', ttl: c.loginRateWindowSeconds * 1000, limit: c.loginRateLimitPerAccount, getTracker: loginEmail },
        ],
        storage: new PgThrottlerStorage(dataSource),
      }),
    }),
  ],
  controllers: [AuthController, SsoController, UsersController, OrgUnitsController, ApiKeysController],
  providers: [
    AuthService,
    UsersService,
    OrgUnitsService,
    ApiKeysService,
    PasswordHasher,
    JwtStrategy,
    ApiKeyStrategy,
    LoginThrottlerGuard,
    SsoService,
    SsoProvisioning,
    OidcRelyingParty,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: WriteRateLimitInterceptor },
  ],
  exports: [OrgUnitsService, UsersService, PasswordHasher],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(ThrottlerStorage) private readonly counters: PgThrottlerStorage,
  ) {}

  onModuleInit(): void {
    this.jobs.defineHourlyPurge(RATE_LIMIT_PURGE_QUEUE, 23, () => this.counters.purgeExpired());
  }
}
